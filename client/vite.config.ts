import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, Rollup } from 'vite';

type OutputChunk = Rollup.OutputChunk;
import { gzipSync } from 'node:zlib';
import { defineConfig } from 'vitest/config';

const here = import.meta.dirname;
const govukAssets = resolve(here, '../node_modules/govuk-frontend/dist/govuk/assets');
const api = 'http://localhost:3000';

/**
 * Adapts GOV.UK Frontend's compiled CSS:
 * - drops a few `\0` media-query hacks aimed at old Internet Explorer, which modern browsers
 *   ignore and the CSS minifier cannot parse;
 * - drops the GDS Transport @font-face rules: that typeface is licensed only for services on
 *   GOV.UK, which MASE Hub is not, so text falls back to the stack's Arial / sans-serif.
 */
function dropIeMediaHacks(): Plugin {
  const hack = /@media[^{]*\\0[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g;
  const gdsFont = /@font-face\s*\{[^}]*GDS Transport[^}]*\}/g;
  return {
    name: 'mase-drop-ie-media-hacks',
    enforce: 'pre',
    transform(code, id) {
      if (!/govuk-frontend[\\/]dist[\\/].*\.css(\?|$)/.test(id)) return null;
      return { code: code.replace(hack, '').replace(gdsFont, ''), map: null };
    },
  };
}

/**
 * Fails the build when the JavaScript the first page needs (the entry chunk and everything it
 * imports statically) is over budget once gzipped. The map, the network and the charts are loaded
 * lazily, so they do not count.
 */
function firstRouteBudget(maxGzipKb: number): Plugin {
  return {
    name: 'mase-first-route-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) return;
      const seen = new Set<string>();
      const visit = (c: OutputChunk) => {
        if (seen.has(c.fileName)) return;
        seen.add(c.fileName);
        for (const i of c.imports) {
          const next = byName.get(i);
          if (next) visit(next);
        }
      };
      visit(entry);
      const gzipped = [...seen].reduce((sum, f) => sum + gzipSync(byName.get(f)!.code).length, 0);
      const kb = gzipped / 1024;
      const line = `first route: ${kb.toFixed(1)} KB of gzipped JavaScript in ${seen.size} chunk(s) (budget ${maxGzipKb} KB)`;
      if (kb > maxGzipKb) this.error(`Over budget — ${line}`);
      this.info(line);
    },
  };
}

export default defineConfig({
  root: here,
  plugins: [react(), dropIeMediaHacks(), firstRouteBudget(250)],
  resolve: {
    alias: [
      // The client uses the shared package's source, so it never needs building first.
      { find: '@mase/shared', replacement: resolve(here, '../shared/src/index.ts') },
      // GOV.UK Frontend's CSS refers to its fonts and images as /assets/...; bundle them as files.
      { find: /^\/assets\/(fonts|images)\//, replacement: `${govukAssets}/$1/` },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One bundle for the whole client; React, Apollo and the router are most of it.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/graphql': api,
      '/files': api,
      '/health': api,
    },
  },
  test: {
    name: 'client',
    root: here,
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    env: { TZ: 'UTC' },
  },
});
