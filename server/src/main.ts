import 'reflect-metadata';
import { ROLE_LABELS } from '@mase/shared';
import { join } from 'node:path';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { migrate, openDataSource } from './database/data-source.js';
import { projectRoot } from './database/project-root.js';
import { resolveDatabase } from './database/resolve.js';
import { DEMO_DEPUTY, DEMO_PASSWORD, DEMO_USERS } from './modules/demo/demo-borough.js';
import { isEmpty, seedDemo } from './modules/demo/demo-seed.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const root = projectRoot();
  const config = loadConfig({ clientDist: join(root, 'client', 'dist') });
  const db = await resolveDatabase(say);
  const running: { app?: Awaited<ReturnType<typeof createApp>> } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping MASE Hub…`);
    await running.app?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    say('Stopped cleanly.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const ds = await openDataSource(db.url);
  try {
    const applied = await migrate(ds);
    if (applied.length) say(`Applied ${applied.length} migration(s).`);
    if (db.embedded && (await isEmpty(ds))) {
      const s = await seedDemo(ds, { profile: 'demo', seed: 1 });
      say(`Seeded the demo borough: ${s.agencies} agencies, ${s.users} users, ${s.wards} wards, ${s.locations} places, ${s.youngPeople} young people, ${s.assessments} screenings, ${s.missingEpisodes} missing episodes, ${s.peopleOfConcern} people of concern, ${s.links} links, ${s.hotSpotReports} hot-spot reports.`);
    }
  } finally {
    await ds.destroy();
  }

  const app = await createApp(config, db.url, { logger: ['error', 'warn'] });
  running.app = app;
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = address && typeof address === 'object' ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`;
  say('');
  say(`MASE Hub is running at ${url}`);
  say(`GraphQL API: ${url}graphql`);
  say('');
  if (db.embedded) {
    say(`Demo sign-ins (synthetic data; password for all: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) say(`  ${ROLE_LABELS[u.role].padEnd(28)} ${u.email}`);
    say(`  ${'Second co-ordinator'.padEnd(28)} ${DEMO_DEPUTY.email} (completes screenings; sign off as someone else)`);
  } else {
    say('Using DATABASE_URL. Run `npm run seed` to add the demo borough and its sign-ins.');
  }
  say('\nPress Ctrl-C to stop.');
}

main().catch((err: unknown) => {
  process.stderr.write(`MASE Hub could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
