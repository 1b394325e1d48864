import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { migrate, openDataSource } from '../database/data-source.js';
import { resolveDatabase } from '../database/resolve.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../modules/demo/demo-borough.js';
import { seedDemo } from '../modules/demo/demo-seed.js';
import { seedStress } from '../modules/demo/stress-seed.js';

const PROFILES = ['demo', 'stress'];
const { values } = parseArgs({
  options: { profile: { type: 'string', default: 'demo' }, seed: { type: 'string', default: '1' } },
  allowPositionals: false,
});
if (!PROFILES.includes(values.profile)) {
  console.error(`Unknown profile "${values.profile}". Available: ${PROFILES.join(', ')}`);
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
  if (values.profile === 'stress') {
    console.log(`Seeding profile stress (seed ${seed}): generating rows and loading them with COPY…`);
    const s = await seedStress(ds, { seed, log: (l) => console.log(l) }).finally(() => ds.destroy());
    const k = (x: number) => x.toLocaleString('en-GB');
    console.log(
      `Seeded profile stress (seed ${seed}) in ${(s.ms / 1000).toFixed(1)} s: ${k(s.agencies)} agencies, ${k(s.users)} users, ${k(s.wards)} wards, ${k(s.locations)} places, ${k(s.youngPeople)} young people, ${k(s.assessments)} screenings, ${k(s.memberships)} list spells, ${k(s.missingEpisodes)} missing episodes, ${k(s.peopleOfConcern)} people of concern, ${k(s.links)} links, ${k(s.hotSpotReports)} hot-spot reports, ${k(s.returns)} returns.`,
    );
  } else {
    const s = await seedDemo(ds, { profile: 'demo', seed });
    await ds.destroy();
    console.log(`Seeded profile demo (seed ${seed}) in ${Date.now() - started} ms: ${s.agencies} agencies, ${s.users} users, ${s.wards} wards, ${s.locations} places, ${s.youngPeople} young people, ${s.assessments} screenings, ${s.missingEpisodes} missing episodes, ${s.peopleOfConcern} people of concern, ${s.links} links, ${s.hotSpotReports} hot-spot reports added.`);
  }
  console.log(`Demo sign-ins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.email).join(', ')}`);
} finally {
  await db.close();
}
