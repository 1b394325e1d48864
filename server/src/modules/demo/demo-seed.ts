import { hash } from '@node-rs/argon2';
import { ARGON2 } from '../auth/password.service.js';
import type { DataSource } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { DEMO_AGENCIES, DEMO_BOROUGH, DEMO_DEPUTY, DEMO_PASSWORD, DEMO_USERS } from './demo-borough.js';
import { seedDemoYoungPeople } from './demo-young-people.js';
import { BoundaryEntity } from '../geography/boundary.entity.js';
import { seedDemoGeography } from './demo-geography.js';
import { seedDemoIntelligence } from './demo-intelligence.js';
import { seedDemoReturns } from './demo-returns.js';
import { seedDemoMeetings } from './demo-meetings.js';

export interface SeedOptions {
  profile: 'demo';
  seed: number;
  /** Add the synthetic case data: the wards and places, young people, screenings and missing episodes (default true; tests that build their own data turn it off). */
  cases?: boolean;
}

export interface SeedSummary {
  agencies: number;
  users: number;
  youngPeople: number;
  assessments: number;
  missingEpisodes: number;
  wards: number;
  locations: number;
  peopleOfConcern: number;
  links: number;
  hotSpotReports: number;
  policeReports: number;
  returns: number;
  meetings: number;
}

/** True when the database holds no agencies and no users: a fresh install. */
export async function isEmpty(ds: DataSource): Promise<boolean> {
  const [row]: { n: number }[] = await ds.query(`SELECT (SELECT count(*) FROM agency) + (SELECT count(*) FROM app_user) AS n`);
  return Number(row.n) === 0;
}

/**
 * Seeds the fictional demo borough: one agency per kind and one user per role. Deterministic for
 * a given seed, idempotent (existing rows with the same names are kept), and all in one transaction.
 */
export async function seedDemo(ds: DataSource, options: SeedOptions): Promise<SeedSummary> {
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2);
  const audit = new AuditService(ds);
  const summary = await ds.transaction(async (m) => {
    const agencies = m.getRepository(AgencyEntity);
    const users = m.getRepository(UserEntity);
    const byKind = new Map<string, AgencyEntity>();
    let createdAgencies = 0;
    let createdUsers = 0;
    for (const a of DEMO_AGENCIES) {
      let agency = await agencies.findOne({ where: { name: a.name } });
      if (!agency) {
        agency = await agencies.save(agencies.create({ name: a.name, kind: a.kind, active: true }));
        createdAgencies++;
      }
      byKind.set(a.kind, agency);
    }
    for (const u of [...DEMO_USERS, DEMO_DEPUTY]) {
      if (await users.findOne({ where: { email: u.email } })) continue;
      await users.save(
        users.create({
          name: u.name,
          email: u.email,
          role: u.role,
          agencyId: u.agencyKind ? (byKind.get(u.agencyKind)?.id ?? null) : null,
          passwordHash,
          status: 'ACTIVE',
          mustChangePassword: false,
        }),
      );
      createdUsers++;
    }
    let geography = { wards: 0, locations: 0 };
    if (options.cases !== false && !(await m.getRepository(BoundaryEntity).existsBy({ kind: 'WARD' }))) {
      geography = await seedDemoGeography(m, options.seed, null);
    }
    let people = { youngPeople: 0, assessments: 0, missingEpisodes: 0 };
    const [{ n }]: { n: string }[] = await m.query(`SELECT count(*) AS n FROM young_person`);
    if (options.cases !== false && Number(n) === 0) {
      const id = async (email: string) => (await users.findOneOrFail({ where: { email } })).id;
      people = await seedDemoYoungPeople(m, options.seed, {
        assessorId: await id(DEMO_DEPUTY.email),
        lineManagerId: await id(DEMO_USERS.find((u) => u.role === 'CO_CHAIR')!.email),
        coordinatorId: await id(DEMO_USERS.find((u) => u.role === 'COORDINATOR')!.email),
      });
    }
    let intelligence = { peopleOfConcern: 0, links: 0, hotSpotReports: 0, policeReports: 0 };
    const [{ pocs }]: { pocs: string }[] = await m.query(`SELECT count(*) AS pocs FROM person_of_concern`);
    if (options.cases !== false && Number(pocs) === 0) {
      intelligence = await seedDemoIntelligence(m, options.seed, {
        policeAgencyId: byKind.get('POLICE')!.id,
        createdBy: (await users.findOneOrFail({ where: { email: DEMO_USERS.find((u) => u.role === 'POLICE')!.email } })).id,
      });
    }
    let returns = { returns: 0 };
    const [{ rets }]: { rets: string }[] = await m.query(`SELECT count(*) AS rets FROM agency_return`);
    if (options.cases !== false && Number(rets) === 0) {
      const userId = async (role: string) => (await users.findOneOrFail({ where: { email: DEMO_USERS.find((u) => u.role === role)!.email } })).id;
      returns = await seedDemoReturns(m, options.seed, {
        agencies: DEMO_AGENCIES.map((a) => ({ id: byKind.get(a.kind)!.id, kind: a.kind })),
        leadId: await userId('AGENCY_LEAD'),
        reviewerId: await userId('COORDINATOR'),
      });
    }
    await audit.record(m, {
      action: 'demo.seeded',
      actorLabel: 'seed',
      details: { borough: DEMO_BOROUGH, profile: options.profile, seed: options.seed, agencies: createdAgencies, users: createdUsers, ...geography, ...people, ...intelligence, ...returns },
    });
    return { agencies: createdAgencies, users: createdUsers, ...geography, ...people, ...intelligence, ...returns };
  });
  // Meetings are made by the product's own services, which read the data above once it is committed.
  const meetings = options.cases !== false ? await seedDemoMeetings(ds, options.seed) : { meetings: 0 };
  return { ...summary, ...meetings };
}
