import { Faker, en, en_GB } from '@faker-js/faker';
import { RETURN_TEMPLATES, type AgencyKind, type ReturnContent } from '@mase/shared';
import type { EntityManager } from 'typeorm';
import { deadlineFor, periodsBetween } from '../returns/deadlines.js';

/** Plausible monthly ranges for a borough's agencies. */
export const RANGES: Record<string, [number, number]> = {
  sessionsDelivered: [0, 12],
  youngPeopleReached: [0, 80],
  parentsReached: [0, 30],
  staffTrained: [0, 25],
  settingsEngaged: [0, 8],
  cawnsIssued: [0, 3],
  ordersObtained: [0, 2],
  arrests: [0, 6],
  premisesVisits: [0, 15],
  tenancyActions: [0, 3],
  licenceConditions: [0, 4],
  otherDisruption: [0, 5],
  investigationsOpened: [0, 6],
  charges: [0, 3],
  convictions: [0, 2],
  referralsForScreening: [0, 8],
  referralsToSocialCare: [0, 10],
  nrmReferrals: [0, 2],
  specialistReferrals: [0, 6],
  returnHomeInterviews: [0, 20],
};

export const BLOCKAGES = [
  'Waiting times for CAMHS assessments are delaying support',
  'A hotel chain will not share guest registers without a court order',
  'No secure accommodation available out of hours',
  'Schools in a neighbouring borough are not sharing attendance data',
];
export const LOCALITIES = ['Groups of older males gathering after school', 'Young people travelling to parties in a neighbouring borough', 'Online group recruiting through a gaming platform', 'Peer group linked to drug supply in the town centre'];

/**
 * Two years of monthly returns from every demo agency: most accepted, a few late, two missing, one
 * returned for correction, the last month awaiting review. Figures sit in plausible ranges, and a few
 * returns name young people (some on the list, one not recorded) and tie a locality to a place.
 */
export async function seedDemoReturns(
  m: EntityManager,
  seed: number,
  ids: { agencies: { id: string; kind: AgencyKind }[]; leadId: string | null; reviewerId: string | null },
  today = new Date(),
): Promise<{ returns: number }> {
  const f = new Faker({ locale: [en_GB, en], seed: seed + 505 });
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 24, 1)).toISOString().slice(0, 7);
  const periods = periodsBetween(first, last);
  const rule = { rule: 'WORKING_DAYS_BEFORE_MEETING' as const, workingDays: 5, fixedDay: 10, meetingWeekday: 3, meetingWeek: 3 };
  const refs: { reference: string }[] = await m.query(`SELECT reference FROM young_person ORDER BY reference LIMIT 12`);
  const places: { id: string }[] = await m.query(`SELECT id FROM location WHERE lat IS NOT NULL ORDER BY name LIMIT 6`);
  // Two returns never arrive; one is sent back last month.
  const missing = new Set([`${ids.agencies[ids.agencies.length - 1]?.id}:${periods[periods.length - 3]}`, `${ids.agencies[ids.agencies.length - 2]?.id}:${periods[periods.length - 6]}`]);
  const returnedKey = `${ids.agencies.find((a) => a.kind === 'HOUSING')?.id}:${last}`;
  let count = 0;
  for (const agency of ids.agencies) {
    for (const period of periods) {
      const key = `${agency.id}:${period}`;
      if (missing.has(key)) continue;
      const deadline = deadlineFor(period, rule);
      const late = f.number.float() < 0.08;
      const submittedAt = new Date(`${deadline}T10:00:00Z`);
      submittedAt.setUTCDate(submittedAt.getUTCDate() + (late ? f.number.int({ min: 1, max: 9 }) : -f.number.int({ min: 0, max: 8 })));
      const content: ReturnContent = {
        measures: RETURN_TEMPLATES[agency.kind].map((k) => ({ key: k, value: f.number.int({ min: RANGES[k][0], max: RANGES[k][1] }) })),
        localities: f.number.float() < 0.2 ? [{ kind: f.helpers.arrayElement(['LOCALITY', 'PEER_GROUP', 'GANG'] as const), description: f.helpers.arrayElement(LOCALITIES), locationId: places.length && f.number.float() < 0.6 ? f.helpers.arrayElement(places).id : null }] : [],
        youngPeople:
          refs.length && f.number.float() < 0.25
            ? f.helpers.arrayElements(refs, { min: 1, max: 3 }).map((r) => ({ reference: r.reference, involvement: f.helpers.arrayElement(['AT_RISK', 'EXPERIENCING'] as const), firstName: null, lastName: null, dateOfBirth: null }))
            : [],
        outcomes: f.helpers.arrayElement(['Prevention sessions delivered as planned.', 'Two young people engaged with specialist support.', 'Safety planning completed with families.', 'None this month.']),
        blockages: f.number.float() < 0.07 ? [f.helpers.arrayElement(BLOCKAGES)] : [],
      };
      if (period === last && agency.kind === 'HEALTH') {
        // A child the health service works with who is not recorded anywhere: flagged to the co-ordinator.
        content.youngPeople = [{ reference: 'HLTH-90417', involvement: 'AT_RISK', firstName: 'Robin', lastName: 'Example', dateOfBirth: '2011-06-14' }];
      }
      const returned = key === returnedKey;
      const status = returned ? 'RETURNED' : period === last ? 'SUBMITTED' : 'ACCEPTED';
      const [{ id }]: { id: string }[] = await m.query(
        `INSERT INTO agency_return (agency_id, period, status, content, deadline, first_submitted_at, late, last_submitted_at, last_submitted_by, version_count, review_comment, version, updated_by)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $6, $8, 1, $9, 1, $8) RETURNING id`,
        [agency.id, `${period}-01`, status, JSON.stringify(content), deadline, submittedAt, late, ids.leadId, returned ? 'Young people reached is higher than sessions could allow: please check' : null],
      );
      const reviewedAt = new Date(submittedAt.getTime() + 3 * 86_400_000);
      await m.query(
        `INSERT INTO agency_return_version (return_id, number, kind, content, submitted_at, submitted_by, late, outcome, reviewed_at, reviewed_by, review_comment)
         VALUES ($1, 1, 'SUBMISSION', $2::jsonb, $3, $4, $5, $6, $7, $8, $9)`,
        [id, JSON.stringify(content), submittedAt, ids.leadId, late, status === 'SUBMITTED' ? null : status, status === 'SUBMITTED' ? null : reviewedAt, status === 'SUBMITTED' ? null : ids.reviewerId, returned ? 'Young people reached is higher than sessions could allow: please check' : null],
      );
      await m.query(
        `INSERT INTO agency_return_figure (return_id, measure, agency_id, agency_kind, period, value)
         SELECT $1, x.k, $2, $3, $4, x.v FROM unnest($5::text[], $6::int[]) AS x(k, v)`,
        [id, agency.id, agency.kind, `${period}-01`, content.measures.map((x) => x.key), content.measures.map((x) => x.value)],
      );
      if (content.youngPeople.length) {
        await m.query(
          `INSERT INTO agency_return_young_person (return_id, reference, agency_id, period, involvement, young_person_id, matched_by)
           SELECT $1, x.r, $2, $3, x.i, yp.id, CASE WHEN yp.id IS NULL THEN NULL ELSE 'REFERENCE' END
           FROM unnest($4::text[], $5::text[]) AS x(r, i) LEFT JOIN young_person yp ON upper(yp.reference) = upper(x.r)`,
          [id, agency.id, `${period}-01`, content.youngPeople.map((y) => y.reference), content.youngPeople.map((y) => y.involvement)],
        );
      }
      count++;
    }
  }
  return { returns: count };
}
