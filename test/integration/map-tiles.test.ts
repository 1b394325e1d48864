import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TILES = `{ mapTiles { urlTemplate attribution } }`;
const imgSrc = async (app: TestApp) => {
  const csp = (await fetch(`${app.baseUrl}/health`)).headers.get('content-security-policy') ?? '';
  return csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('img-src'));
};

let withTiles: TestApp;
let without: TestApp;
beforeAll(async () => {
  withTiles = await startTestApp({
    mapTiles: { urlTemplate: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: 'Tiles © Example Mapping', origin: 'https://tiles.example.org' },
  });
  without = await startTestApp({ mapTiles: null });
});
afterAll(async () => {
  await withTiles?.close();
  await without?.close();
});

describe('the map tile layer', () => {
  it('gives the configured template and attribution to the roles that use the map, and allows its origin for images only', async () => {
    for (const role of ['ANALYST', 'POLICE', 'CO_CHAIR', 'COORDINATOR'] as const) {
      const client = await withTiles.as(role);
      expect(await client.ok(TILES)).toEqual({ mapTiles: { urlTemplate: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: 'Tiles © Example Mapping' } });
    }
    expect(await imgSrc(withTiles)).toBe("img-src 'self' data: blob: https://tiles.example.org");
    const csp = (await fetch(`${withTiles.baseUrl}/health`)).headers.get('content-security-policy') ?? '';
    // Nowhere else: scripts, styles and connections stay same-origin.
    expect(csp.split('tiles.example.org')).toHaveLength(2);
    expect(csp).toContain("connect-src 'self'");
  });

  it('is absent by default: null to every reader, and the policy allows no other image origin', async () => {
    const analyst = await without.as('ANALYST');
    expect(await analyst.ok(TILES)).toEqual({ mapTiles: null });
    expect(await imgSrc(without)).toBe("img-src 'self' data: blob:");
  });

  it('is not given to roles without the map', async () => {
    for (const role of ['AGENCY_LEAD', 'ADMIN'] as const) expect(codeOf(await (await withTiles.as(role)).gql(TILES))).toBe('FORBIDDEN');
    expect(codeOf(await withTiles.anonymous().gql(TILES))).toBe('UNAUTHENTICATED');
  });
});
