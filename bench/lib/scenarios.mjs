// The named scenarios of `npm run bench`: what a page or an action of the product asks of the
// server, with the client's own documents and the role that does it.
//
// Each scenario has `once(ctx, i, headers)` (one measured request, returning { ms, statements }),
// optional `setup` (unmeasured), `write` (replayed in a rolled-back transaction for the floor),
// `swap` (an id replaced for the floor's replay) and `peer` (the same data from PostGraphile).

import { Faker, en, en_GB } from '@faker-js/faker';
import { CAPTURE } from './constants.mjs';
import { PEER_LIST, PEER_PERSON } from './documents.mjs';

const addMonths = (month, n) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
};
export const thisMonth = () => new Date().toISOString().slice(0, 7);
const lastComplete = () => addMonths(thisMonth(), -1);

/** The dimensions the victim-profile page asks for (every widget but the list size). */
const PROFILE_DIMENSIONS = ['RAG', 'AGE_BAND', 'GENDER', 'ETHNICITY', 'LEGAL_STATUS', 'PLACEMENT', 'SEND', 'EDUCATION', 'PRESENTATION', 'MODEL', 'SAFEGUARD_AREA', 'PUSH_FACTOR', 'PULL_FACTOR'];

const timed = (r) => ({ ms: r.ms, statements: r.statements });

export function scenarios(doc) {
  const list = (first, filter) => async (ctx, _i, headers) =>
    timed(await ctx.as.COORDINATOR.ok(doc('YoungPeople'), { filter, page: { first }, sort: 'SCORE', canIdentify: true }, headers));
  const peerList = (first, vars) => async (ctx) => {
    const r = await ctx.peer.ok(PEER_LIST, { first, ...vars });
    if (r.data.maseList.nodes.length !== Math.min(first, ctx.facts.onList)) throw new Error(`PostGraphile returned ${r.data.maseList.nodes.length} rows`);
    return r.ms;
  };
  return [
    {
      name: 'dashboard-profile',
      title: 'Victim-profile dashboard (24 months, 13 breakdowns)',
      role: 'ANALYST',
      target: { p95: 150, floorRatio: 1.3 },
      once: async (ctx, _i, headers) =>
        timed(await ctx.as.ANALYST.ok(doc('AnalysisProfile'), { filter: { from: addMonths(lastComplete(), -23), to: lastComplete() }, dimensions: PROFILE_DIMENSIONS }, headers)),
    },
    {
      name: 'dashboard-trends-36',
      title: 'Trends: list flows, reviews and missing (36 months)',
      role: 'ANALYST',
      target: { p95: 150, floorRatio: 1.3 },
      once: async (ctx, _i, headers) => timed(await ctx.as.ANALYST.ok(doc('AnalysisListTrends'), { filter: { from: addMonths(lastComplete(), -35), to: lastComplete() } }, headers)),
    },
    {
      name: 'dashboard-activity-36',
      title: 'Trends: police and agency activity (36 months)',
      role: 'ANALYST',
      target: { p95: 150, floorRatio: 1.3 },
      once: async (ctx, _i, headers) => timed(await ctx.as.ANALYST.ok(doc('AnalysisActivity'), { filter: { from: addMonths(lastComplete(), -35), to: lastComplete() } }, headers)),
    },
    {
      name: 'list-page',
      title: 'List page: 50 rows with latest screening and list spell',
      role: 'COORDINATOR',
      target: { fixedStatementsWith: 'list-page-10', notSlowerThanPeer: true },
      once: list(50, {}),
      peer: peerList(50, {}),
    },
    {
      name: 'list-page-10',
      title: 'List page: 10 rows (same statements as 50)',
      role: 'COORDINATOR',
      target: { fixedStatementsWith: 'list-page' },
      once: list(10, {}),
      peer: peerList(10, {}),
    },
    {
      name: 'list-page-filtered',
      title: 'List page filtered (girls, red), 50 rows',
      role: 'COORDINATOR',
      target: { notSlowerThanPeer: true },
      once: list(50, { gender: ['FEMALE'], rag: ['RED'] }),
      peer: async (ctx) => (await ctx.peer.ok(PEER_LIST, { first: 50, genders: ['FEMALE'], rags: ['RED'] })).ms,
    },
    {
      name: 'person-page',
      title: "A young person's page (record, screenings, spells, missing, chronology)",
      role: 'COORDINATOR',
      target: { notSlowerThanPeer: true },
      once: async (ctx, _i, headers) => timed(await ctx.as.COORDINATOR.ok(doc('YoungPersonDetail'), { id: ctx.facts.person, canIdentify: true }, headers)),
      peer: async (ctx) => (await ctx.peer.ok(PEER_PERSON, { id: ctx.facts.person })).ms,
    },
    {
      name: 'network-2hop',
      title: 'Network: 2-hop neighbourhood of a young person',
      role: 'POLICE',
      target: { p95: 100 },
      once: async (ctx, _i, headers) =>
        timed(await ctx.as.POLICE.ok(doc('IntelNeighbourhood'), { kind: 'YOUNG_PERSON', id: ctx.facts.networkPerson, hops: 2, filter: {} }, headers)),
    },
    {
      name: 'hot-spot-map-12',
      title: 'Hot-spot map (12 months)',
      role: 'POLICE',
      target: null,
      once: async (ctx, _i, headers) => timed(await ctx.as.POLICE.ok(doc('IntelHotSpotMap'), { range: { from: addMonths(thisMonth(), -11), to: thisMonth() } }, headers)),
    },
    {
      name: 'agenda-generation',
      title: 'Agenda generation for the next meeting',
      role: 'COORDINATOR',
      target: { p95: 1000 },
      write: true,
      setup: async (ctx) => {
        ctx.facts.meeting = await plannedMeeting(ctx, doc);
      },
      once: async (ctx, _i, headers) => timed(await ctx.as.COORDINATOR.ok(doc('GenerateAgenda'), { meetingId: ctx.facts.meeting }, headers)),
    },
    {
      name: 'return-submission',
      title: "An agency lead submits a month's return",
      role: 'AGENCY_LEAD',
      target: null,
      write: true,
      setup: async (ctx) => {
        ctx.facts.returns = await returnDrafts(ctx, doc);
      },
      once: async (ctx, _i, headers) => {
        const draft = await ctx.facts.returns.nextDraft();
        if (headers[CAPTURE]) ctx.facts.returns.captured = draft.id;
        return timed(await ctx.as.AGENCY_LEAD.ok(doc('SubmitReturn'), { input: { id: draft.id, version: draft.version } }, headers));
      },
      swap: (ctx) => ({ from: ctx.facts.returns.captured, to: ctx.facts.returns.spare.id }),
    },
    {
      name: 'csv-import-preview-10k',
      title: 'CSV import of 10k young people: the dry run',
      role: 'COORDINATOR',
      target: null,
      write: true,
      runsDivisor: 5,
      setup: async (ctx) => {
        ctx.facts.csv = importCsv(10_000, ctx.seed);
      },
      once: async (ctx, _i, headers) => timed(await ctx.as.COORDINATOR.ok(doc('PreviewYoungPeopleImport'), { csv: ctx.facts.csv, mapping: null }, headers)),
    },
    {
      name: 'csv-import-10k',
      title: 'CSV import of 10k young people: start to done',
      role: 'COORDINATOR',
      target: { p95: 5000 },
      write: true,
      runsDivisor: 5,
      setup: async (ctx) => {
        ctx.facts.csv ??= importCsv(10_000, ctx.seed);
        const preview = await ctx.as.COORDINATOR.ok(doc('PreviewYoungPeopleImport'), { csv: ctx.facts.csv, mapping: null });
        const p = preview.data.previewYoungPeopleImport;
        if (p.errors || p.fileErrors.length || p.creates !== 10_000) throw new Error(`The import file does not preview cleanly: ${JSON.stringify(p).slice(0, 400)}`);
        ctx.facts.mapping = p.mapping.map(({ key, header }) => ({ key, header }));
        await removeImported(ctx);
      },
      once: async (ctx, _i, headers) => {
        const started = performance.now();
        const r = await ctx.as.COORDINATOR.ok(doc('StartYoungPeopleImport'), { csv: ctx.facts.csv, mapping: ctx.facts.mapping }, headers);
        const id = r.data.startYoungPeopleImport.id;
        for (;;) {
          const j = (await ctx.as.COORDINATOR.ok(doc('ImportJob'), { id })).data.importJob;
          if (j.status === 'DONE') break;
          if (j.status === 'FAILED') throw new Error(`The import failed: ${j.message}`);
          await new Promise((res) => setTimeout(res, 20));
        }
        const ms = performance.now() - started;
        await removeImported(ctx);
        return { ms, statements: r.statements };
      },
      // The floor replays the import's statements (the job's own included) after the rows are removed.
      beforeReplay: (ctx) => removeImported(ctx),
    },
  ];
}

const IMPORT_PREFIX = 'BENCH-IMP-';

async function removeImported(ctx) {
  await ctx.db.query(`DELETE FROM young_person WHERE reference LIKE $1`, [`${IMPORT_PREFIX}%`]);
}

/** A synthetic case-management export: `rows` new young people, with the import template's headers. */
export function importCsv(rows, seed) {
  const f = new Faker({ locale: [en_GB, en], seed: seed + 909 });
  const headers = ['Reference', 'First name', 'Last name', 'Date of birth', 'Gender', 'Ethnicity', 'Legal status', 'Education status', 'Presentation', 'Placement', 'SEND', 'School', 'Home ward', 'Team'];
  const today = Date.now();
  const lines = [headers.join(',')];
  for (let i = 0; i < rows; i++) {
    const female = f.number.float() < 0.67;
    const dob = new Date(today - (f.number.int({ min: 10, max: 17 }) * 365 + f.number.int({ min: 0, max: 364 })) * 86_400_000).toISOString().slice(0, 10);
    lines.push(
      [
        `${IMPORT_PREFIX}${String(i).padStart(6, '0')}`,
        female ? f.person.firstName('female') : f.person.firstName('male'),
        f.person.lastName().replace(/,/g, ''),
        dob,
        female ? 'FEMALE' : 'MALE',
        f.helpers.arrayElement(['WHITE_BRITISH', 'BLACK_AFRICAN', 'BLACK_CARIBBEAN', 'MIXED_OTHER', 'ASIAN_BANGLADESHI', 'NOT_KNOWN']),
        f.helpers.arrayElement(['CHILD_IN_NEED', 'CHILD_PROTECTION', 'EARLY_HELP', 'NOT_OPEN']),
        f.number.float() < 0.66 ? 'PERSISTENT_ABSENCE' : 'IN_EDUCATION',
        f.helpers.arrayElement(['CSE', 'MISSING', 'BOTH']),
        'HOME_BOROUGH',
        f.helpers.arrayElement(['NONE', 'SEN_SUPPORT', 'EHC_PLAN']),
        'Kingsmere Academy',
        'Brookside',
        'Assessment Team 1',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A planned meeting for the benchmark's agenda: the one from an earlier run, or a new one next month. */
async function plannedMeeting(ctx, doc) {
  const [existing] = (await ctx.db.query(`SELECT id FROM meeting WHERE venue = 'Benchmark room' AND status = 'PLANNED' ORDER BY date LIMIT 1`)).rows;
  if (existing) return existing.id;
  const next = new Date();
  next.setUTCMonth(next.getUTCMonth() + 1, 15);
  for (let d = 0; d < 60; d++) {
    const date = new Date(next.getTime() + d * 86_400_000).toISOString().slice(0, 10);
    const r = await ctx.as.CO_CHAIR.request(doc('ScheduleMeeting'), { input: { date, chairs: ['Morgan Chair'], venue: 'Benchmark room' } });
    if (!r.errors) return r.data.scheduleMeeting.id;
  }
  throw new Error('Could not schedule a meeting for the agenda scenario');
}

/**
 * Drafts to submit: one per run, for months long before the seeded history (so each submission is
 * a first one), plus a spare identical draft the floor replays the captured submission against.
 */
async function returnDrafts(ctx, doc) {
  const lead = ctx.as.AGENCY_LEAD;
  const me = (await lead.ok(doc('Me'))).data.me;
  const agencyId = me.agency?.id ?? me.agencyId;
  const [template] = (await ctx.db.query(`SELECT content FROM agency_return WHERE agency_id = $1 AND status IN ('SUBMITTED', 'ACCEPTED') ORDER BY period DESC LIMIT 1`, [agencyId])).rows;
  if (!template) throw new Error('No accepted return of the agency lead’s agency to copy');
  const content = {
    measures: template.content.measures,
    localities: [],
    youngPeople: [],
    outcomes: template.content.outcomes ?? 'None this month.',
    blockages: [],
  };
  const taken = new Set((await ctx.db.query(`SELECT to_char(period, 'YYYY-MM') AS p FROM agency_return WHERE agency_id = $1`, [agencyId])).rows.map((r) => r.p));
  let month = '1990-01';
  const freeMonth = () => {
    while (taken.has(month)) month = addMonths(month, 1);
    taken.add(month);
    return month;
  };
  const draft = async () => {
    const r = await lead.ok(doc('SaveReturnDraft'), { input: { agencyId, period: freeMonth(), content } });
    return { id: r.data.saveReturnDraft.id, version: r.data.saveReturnDraft.version };
  };
  const spare = await draft();
  return { spare, captured: null, nextDraft: draft };
}
