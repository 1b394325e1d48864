import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { migrate, openDataSource } from '../database/data-source.js';
import { resolveDatabase } from '../database/resolve.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../modules/demo/demo-borough.js';
import { seedDemo } from '../modules/demo/demo-seed.js';

const { values } = parseArgs({
  options: { profile: { type: 'string', default: 'demo' }, seed: { type: 'string', default: '1' } },
  allowPositionals: false,
});
if (values.profile !== 'demo') {
  console.error(`Unknown profile "${values.profile}". Available: demo`);
  process.exit(2);
}
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) {
  console.error('--seed must be a whole number');
  process.exit(2);
}
const db = await resolveDatabase((l) => console.log(l));
try {
  const ds = await openDataSource(db.url);
  await migrate(ds);
  const started = Date.now();
  const s = await seedDemo(ds, { profile: 'demo', seed });
  await ds.destroy();
  console.log(`Seeded profile demo (seed ${seed}) in ${Date.now() - started} ms: ${s.agencies} agencies, ${s.users} users, ${s.wards} wards, ${s.locations} places, ${s.youngPeople} young people, ${s.assessments} screenings, ${s.missingEpisodes} missing episodes, ${s.peopleOfConcern} people of concern, ${s.links} links, ${s.hotSpotReports} hot-spot reports added.`);
  console.log(`Demo sign-ins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.email).join(', ')}`);
} finally {
  await db.close();
}
