import { Faker, en, en_GB } from '@faker-js/faker';
import type { EntityManager } from 'typeorm';
import { HotSpotReportEntity, PoliceReportEntity, type RiskLevel } from '../intelligence/hot-spot.entities.js';
import {
  INTELLIGENCE_GRADES,
  LinkEntity,
  LinkGradingEntity,
  type HandlingCode,
  type IntelligenceGrade,
  type LinkType,
  type NodeKind,
} from '../intelligence/link.entity.js';
import { orderEnds } from '../intelligence/links.service.js';
import { DisruptionActionEntity, PersonOfConcernEntity } from '../intelligence/person-of-concern.entity.js';

/** The summary every one of the demo borough's police monthly reports carries. */
export const DEMO_POLICE_SUMMARY = 'Partnership patrols at the hot spots; premises visits to hotels and fast-food outlets.';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const riskOf = (incidents: number): RiskLevel => (incidents >= 4 ? 'HIGH' : incidents >= 2 ? 'MEDIUM' : 'LOW');
const monthStart = (today: Date, back: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));

/**
 * Synthetic police intelligence for the demo borough: people of concern with vehicles, phones and
 * disruptions; a graded link network holding two groups that meet the complex-abuse rule (one with
 * two people of concern and several young people, one with three young people linked to one
 * person of concern) among scattered peer and location links; monthly hot-spot reports for a dozen
 * places (some persistent, one new this month) and the police's monthly figures for three years.
 */
export async function seedDemoIntelligence(
  m: EntityManager,
  seed: number,
  ids: { policeAgencyId: string; createdBy: string | null },
  today = new Date(),
): Promise<{ peopleOfConcern: number; links: number; hotSpotReports: number; policeReports: number }> {
  const f = new Faker({ locale: [en_GB, en], seed: seed + 303 });
  const poc = m.getRepository(PersonOfConcernEntity);
  const people: PersonOfConcernEntity[] = [];
  for (let i = 0; i < 18; i++) {
    const male = f.number.float() < 0.85;
    const withDob = f.number.float() < 0.5;
    const p = await poc.save(
      poc.create({
        policeReference: `KM-N${String(4101 + i * 7)}`,
        firstName: male ? f.person.firstName('male') : f.person.firstName('female'),
        lastName: f.person.lastName(),
        aliases: f.number.float() < 0.6 ? [f.helpers.arrayElement(['Smokey', 'Ace', 'Tiny', 'Blade', 'Skinny', 'Dee', 'Red', 'Junior', 'Moneybags'])] : [],
        dateOfBirth: withDob ? iso(f.date.birthdate({ min: 19, max: 48, mode: 'age' })) : null,
        approximateAge: withDob ? null : f.number.int({ min: 18, max: 45 }),
        gender: male ? 'MALE' : 'FEMALE',
        description: f.helpers.arrayElement(['Slim build, often in a dark hooded jacket', 'Tall, shaved head, tattoo on the left hand', 'Average build, drives a dark hatchback']),
        vehicles: f.number.float() < 0.6 ? [{ registration: `${f.string.alpha({ length: 2, casing: 'upper' })}${f.string.numeric(2)}${f.string.alpha({ length: 3, casing: 'upper' })}`.slice(0, f.number.int({ min: 4, max: 7 })), make: f.vehicle.manufacturer(), colour: f.vehicle.color() }] : [],
        phoneNumbers: f.number.float() < 0.7 ? [`07700900${f.string.numeric(3)}`] : [],
        addresses: [],
        category: f.number.float() < 0.6 ? 'SUSPECTED_PERPETRATOR' : 'PERSON_OF_CONCERN',
        status: f.helpers.weightedArrayElement([
          { value: 'INTELLIGENCE_ONLY' as const, weight: 6 },
          { value: 'UNDER_INVESTIGATION' as const, weight: 4 },
          { value: 'ARRESTED' as const, weight: 2 },
          { value: 'CHARGED' as const, weight: 2 },
          { value: 'CONVICTED' as const, weight: 1 },
          { value: 'NFA' as const, weight: 1 },
        ]),
        createdBy: ids.createdBy,
      }),
    );
    people.push(p);
    if (f.number.float() < 0.4) {
      await m.getRepository(DisruptionActionEntity).save(
        m.getRepository(DisruptionActionEntity).create({
          personOfConcernId: p.id,
          type: f.helpers.arrayElement(['CAWN', 'ORDER', 'ARREST', 'OTHER'] as const),
          date: iso(f.date.recent({ days: 700, refDate: today })),
          notes: null,
          createdBy: ids.createdBy,
        }),
      );
    }
  }

  const onList: { id: string }[] = await m.query(
    `SELECT lm.young_person_id AS id FROM list_membership lm WHERE lm.ended_on IS NULL ORDER BY lm.young_person_id LIMIT 40`,
  );
  const places: { id: string; type: string }[] = await m.query(`SELECT id, type FROM location ORDER BY name`);
  const yp = onList.map((r) => r.id);
  const links = m.getRepository(LinkEntity);
  const gradings = m.getRepository(LinkGradingEntity);
  const seen = new Set<string>();
  let linkCount = 0;
  const link = async (from: { kind: NodeKind; id: string }, to: { kind: NodeKind; id: string }, type: LinkType, strong = false) => {
    const [a, b] = orderEnds(from, to);
    const key = `${a.kind}:${a.id}|${b.kind}:${b.id}|${type}`;
    if (seen.has(key) || (a.kind === b.kind && a.id === b.id)) return;
    seen.add(key);
    const first = f.date.between({ from: new Date(today.getTime() - 700 * 86_400_000), to: new Date(today.getTime() - 60 * 86_400_000) });
    const last = f.date.between({ from: first, to: today });
    const intelligenceGrade: IntelligenceGrade = strong ? 'B' : f.helpers.arrayElement(INTELLIGENCE_GRADES);
    const handling: HandlingCode = f.number.float() < 0.12 ? 'C' : 'P';
    const grading = { sourceGrade: strong ? 1 : f.number.int({ min: 1, max: 3 }), intelligenceGrade, handling };
    const saved = await links.save(
      links.create({ aKind: a.kind, aId: a.id, bKind: b.kind, bId: b.id, type, sourceAgencyId: ids.policeAgencyId, firstSeen: iso(first), lastSeen: iso(last), ...grading, createdBy: ids.createdBy }),
    );
    await gradings.save(gradings.create({ linkId: saved.id, sourceAgencyId: ids.policeAgencyId, ...grading, firstSeen: iso(first), lastSeen: iso(last), recordedBy: ids.createdBy }));
    linkCount++;
  };
  const Y = (i: number) => ({ kind: 'YOUNG_PERSON' as const, id: yp[i % yp.length] });
  const P = (i: number) => ({ kind: 'PERSON_OF_CONCERN' as const, id: people[i].id });
  const L = (i: number) => ({ kind: 'LOCATION' as const, id: places[i % places.length].id });
  if (yp.length >= 8) {
    // Group 1: two people of concern who know each other, exploiting three young people who are peers.
    await link(P(0), P(1), 'ASSOCIATE', true);
    await link(P(0), Y(0), 'SUSPECTED_OF_EXPLOITING', true);
    await link(P(0), Y(1), 'SUSPECTED_OF_EXPLOITING', true);
    await link(P(1), Y(2), 'SUSPECTED_OF_EXPLOITING', true);
    await link(Y(0), Y(1), 'PEER', true);
    await link(P(0), L(4), 'FREQUENTS', true);
    await link(Y(2), L(4), 'SEEN_WITH', true);
    // Group 2: three young people linked to one person of concern.
    for (const i of [3, 4, 5]) await link(P(2), Y(i), 'SUSPECTED_OF_EXPLOITING', true);
    await link(P(2), L(9), 'LIVES_AT', true);
  }
  // Scattered intelligence: peers, places frequented, associates, each graded.
  for (let i = 0; i < 60; i++) {
    const r = f.number.float();
    if (r < 0.35) await link(Y(f.number.int({ min: 8, max: 39 })), Y(f.number.int({ min: 8, max: 39 })), 'PEER');
    else if (r < 0.65) await link(Y(f.number.int({ min: 6, max: 39 })), L(f.number.int({ min: 0, max: places.length - 1 })), 'FREQUENTS');
    else if (r < 0.85) await link(P(f.number.int({ min: 3, max: 17 })), L(f.number.int({ min: 0, max: places.length - 1 })), f.helpers.arrayElement(['FREQUENTS', 'LIVES_AT'] as const));
    else await link(P(f.number.int({ min: 3, max: 17 })), P(f.number.int({ min: 3, max: 17 })), 'ASSOCIATE');
  }

  // Hot spots: a dozen physical places reported on over three years; three persistent, one new.
  const hotSpots = m.getRepository(HotSpotReportEntity);
  const physical = places.filter((p) => p.type !== 'ONLINE_PLATFORM').slice(0, 12);
  let reportCount = 0;
  for (const [index, place] of physical.entries()) {
    const persistent = index < 3;
    const isNew = index === 11;
    for (let back = 36; back >= 0; back--) {
      const include = isNew ? back === 0 : persistent ? back <= 5 || f.number.float() < 0.3 : back > 0 && f.number.float() < 0.22;
      if (!include) continue;
      const incidents = f.number.int({ min: 0, max: persistent ? 6 : 3 });
      await hotSpots.save(
        hotSpots.create({
          locationId: place.id,
          month: iso(monthStart(today, back)),
          sightings: incidents + f.number.int({ min: 1, max: 6 }),
          incidents,
          riskLevel: riskOf(incidents),
          notes: null,
          createdBy: ids.createdBy,
        }),
      );
      reportCount++;
    }
  }
  const police = m.getRepository(PoliceReportEntity);
  let policeCount = 0;
  for (let back = 36; back >= 1; back--) {
    const arrests = f.number.int({ min: 0, max: 5 });
    await police.save(
      police.create({
        month: iso(monthStart(today, back)),
        openInvestigations: f.number.int({ min: 3, max: 14 }),
        arrests,
        charges: f.number.int({ min: 0, max: arrests }),
        convictions: f.number.int({ min: 0, max: 2 }),
        cawns: f.number.int({ min: 0, max: 4 }),
        orders: f.number.int({ min: 0, max: 2 }),
        otherDisruptions: f.number.int({ min: 0, max: 6 }),
        narrative: DEMO_POLICE_SUMMARY,
        createdBy: ids.createdBy,
      }),
    );
    policeCount++;
  }
  return { peopleOfConcern: people.length, links: linkCount, hotSpotReports: reportCount, policeReports: policeCount };
}
