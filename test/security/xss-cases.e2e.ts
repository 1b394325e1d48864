import { INDICATORS, RETURN_TEMPLATES, type AgencyKind } from '@mase/shared';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_DEPUTY, DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo-borough.js';
import { ARTIFACTS, watchForProblems } from '../e2e/browser.js';
import { expectText, gql, hostileTextSuite, NAME, noScriptRan, PAYLOADS, visit } from './xss-support.js';

/**
 * Hostile text in a young person's case (their record, screenings, outcome, missing episodes, list
 * history, the list's search and ward filters, the reason given for opening a record) and in an
 * agency return (the young people it names, the co-chair's comment, the reason for an amendment) is
 * stored exactly as typed and shown as text: no script runs, no markup is interpreted, no SQL runs.
 */
const baseUrl = inject('baseUrl');
const { db, browser, signedIn } = hostileTextSuite('xss-cases.e2e.ts');

const stamp = Date.now() % 1_000_000;
const monthBack = (back: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
};
const WARD = `${PAYLOADS.script} ${stamp}${PAYLOADS.sql}`;

/** The record as first created, then as corrected: every free-text field hostile, within its length. */
const CREATED = {
  reference: `XSC-${stamp}${PAYLOADS.attr}`.slice(0, 50),
  firstName: `${PAYLOADS.svg}${PAYLOADS.sql}`,
  lastName: PAYLOADS.img,
  aliases: [PAYLOADS.script, PAYLOADS.text],
  crisNumber: PAYLOADS.cmd,
  disability: PAYLOADS.formula,
  firstLanguage: PAYLOADS.svg,
  nationality: PAYLOADS.img,
  religion: PAYLOADS.attr,
  placementBorough: PAYLOADS.js,
  homeWard: PAYLOADS.sql,
  merlinReferences: [PAYLOADS.plus],
  socialWorker: PAYLOADS.minus,
  team: PAYLOADS.at,
  school: PAYLOADS.text,
};
const UPDATED = {
  reference: `XSU-${stamp}${PAYLOADS.attr}`.slice(0, 50),
  firstName: NAME,
  lastName: PAYLOADS.script,
  aliases: [PAYLOADS.svg, PAYLOADS.js, PAYLOADS.text],
  crisNumber: PAYLOADS.sql,
  disability: `${PAYLOADS.img}${PAYLOADS.text}${PAYLOADS.formula}`,
  firstLanguage: PAYLOADS.text,
  nationality: PAYLOADS.attr,
  religion: PAYLOADS.formula,
  placementBorough: PAYLOADS.svg,
  homeWard: WARD,
  merlinReferences: [PAYLOADS.script, PAYLOADS.cmd],
  socialWorker: `${PAYLOADS.img}${PAYLOADS.js}`,
  team: `${PAYLOADS.svg}${PAYLOADS.plus}`,
  school: `${PAYLOADS.attr}${PAYLOADS.img}`,
};
const FIXED = { dateOfBirth: '2010-09-14', gender: 'FEMALE', ethnicity: 'WHITE_BRITISH', legalStatus: 'CHILD_IN_NEED', educationStatus: 'IN_EDUCATION', presentation: 'CSE', placementType: 'PLACED_IN' };
const COLUMNS = `reference, first_name, last_name, aliases, cris_number, disability, first_language, nationality, religion, placement_borough, home_ward, merlin_references, social_worker, team, school`;
const asRow = (v: typeof CREATED) => ({
  reference: v.reference,
  first_name: v.firstName,
  last_name: v.lastName,
  aliases: v.aliases,
  cris_number: v.crisNumber,
  disability: v.disability,
  first_language: v.firstLanguage,
  nationality: v.nationality,
  religion: v.religion,
  placement_borough: v.placementBorough,
  home_ward: v.homeWard,
  merlin_references: v.merlinReferences,
  social_worker: v.socialWorker,
  team: v.team,
  school: v.school,
});

const EVIDENCE = [`${PAYLOADS.img}${PAYLOADS.sql}`, `${PAYLOADS.script}${PAYLOADS.text}`];
const OVERRIDE_REASON = `${PAYLOADS.attr}${PAYLOADS.svg}${PAYLOADS.formula}`;
const OUTCOME_REASON = `${PAYLOADS.svg}${PAYLOADS.js}${PAYLOADS.sql}`;
const END_REASON = `${PAYLOADS.script}${PAYLOADS.attr}${PAYLOADS.cmd}`;
const REPORTED = { first: `${PAYLOADS.js}${PAYLOADS.sql}`, corrected: `${PAYLOADS.img}${PAYLOADS.at}` };
const FOUND = { first: `${PAYLOADS.text}${PAYLOADS.svg}`, corrected: `${PAYLOADS.script}${PAYLOADS.formula}${PAYLOADS.text}` };
/** Within the search's 100 characters; no record holds it. */
const SEARCH = `${PAYLOADS.script}${PAYLOADS.img}`.slice(0, 100);
const ACCESS_REASON = `${PAYLOADS.img}${PAYLOADS.script}${PAYLOADS.sql}`;

const yp = { id: '', version: 0 };

describe('hostile text in a young person’s case', () => {
  it('is stored verbatim when the co-ordinator records and corrects the record, screens them, records the outcome and missing episodes', async () => {
    const coordinator = await signedIn('COORDINATOR');
    const created = await gql<{ createYoungPerson: { id: string; version: number } }>(coordinator.page, `mutation($i: YoungPersonFields!) { createYoungPerson(input: $i) { id version } }`, { i: { ...FIXED, ...CREATED } });
    yp.id = created.createYoungPerson.id;
    const { rows: [first] } = await db.query(`SELECT ${COLUMNS} FROM young_person WHERE id = $1`, [yp.id]);
    expect(first).toEqual(asRow(CREATED));
    const updated = await gql<{ updateYoungPerson: { version: number } }>(coordinator.page, `mutation($i: UpdateYoungPersonInput!) { updateYoungPerson(input: $i) { version } }`, {
      i: { id: yp.id, version: created.createYoungPerson.version, ...FIXED, ...UPDATED },
    });
    yp.version = updated.updateYoungPerson.version;
    const { rows: [second] } = await db.query(`SELECT ${COLUMNS} FROM young_person WHERE id = $1`, [yp.id]);
    expect(second).toEqual(asRow(UPDATED));
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM young_person`)).rows[0].n).toBeGreaterThan(0); // the table is still there
    // Read back through the API byte-identical (disability, first language, nationality and religion are kept but not given out by the API, so checked in the database above).
    const read = await gql<{ youngPerson: { homeWard: string; placementBorough: string; identity: Record<string, unknown> } }>(
      coordinator.page,
      `query($id: ID!) { youngPerson(id: $id) { homeWard placementBorough identity { reference firstName lastName aliases crisNumber merlinReferences school socialWorker team } } }`,
      { id: yp.id },
    );
    const { disability: _d, firstLanguage: _f, nationality: _n, religion: _r, homeWard, placementBorough, ...identity } = UPDATED;
    expect(read.youngPerson).toEqual({ homeWard, placementBorough, identity });

    // Missing episodes, recorded and corrected.
    const episode = await gql<{ recordMissingEpisode: { id: string; version: number } }>(coordinator.page, `mutation($i: RecordMissingEpisodeInput!) { recordMissingEpisode(input: $i) { id version } }`, {
      i: { youngPersonId: yp.id, startedAt: '2026-01-10T18:00:00.000Z', endedAt: '2026-01-11T09:00:00.000Z', reportedBy: REPORTED.first, whereFound: FOUND.first },
    });
    const { rows: [ep1] } = await db.query(`SELECT reported_by, where_found FROM missing_episode WHERE id = $1`, [episode.recordMissingEpisode.id]);
    expect(ep1).toEqual({ reported_by: REPORTED.first, where_found: FOUND.first });
    await gql(coordinator.page, `mutation($i: UpdateMissingEpisodeInput!) { updateMissingEpisode(input: $i) { id } }`, {
      i: { id: episode.recordMissingEpisode.id, version: episode.recordMissingEpisode.version, startedAt: '2026-01-10T18:00:00.000Z', endedAt: '2026-01-11T09:00:00.000Z', reportedBy: REPORTED.corrected, whereFound: FOUND.corrected, returnInterviewOffered: true },
    });
    const { rows: [ep2] } = await db.query(`SELECT reported_by, where_found FROM missing_episode WHERE id = $1`, [episode.recordMissingEpisode.id]);
    expect(ep2).toEqual({ reported_by: REPORTED.corrected, where_found: FOUND.corrected });
    expect(coordinator.problems).toEqual([]);
    await coordinator.context.close();

    // A screening by the deputy (so the co-ordinator may sign it off), evidence and an override hostile.
    const deputy = await signedInAsDemo(DEMO_DEPUTY.email);
    const level2 = INDICATORS.filter((x) => x.level === 2).slice(0, 2);
    const answers = INDICATORS.map((x) => {
      const at = level2.indexOf(x);
      return at >= 0 ? { indicatorId: x.id, answer: 'PRESENT', evidence: EVIDENCE[at] } : { indicatorId: x.id, answer: 'NOT_PRESENT' };
    });
    const assessment = await gql<{ createAssessment: { id: string; version: number } }>(deputy.page, `mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id version } }`, {
      i: { youngPersonId: yp.id, assessedOn: new Date().toISOString().slice(0, 10), answers, finalScore: 3, overrideReason: OVERRIDE_REASON, models: ['ONLINE'] },
    });
    expect(deputy.problems).toEqual([]);
    await deputy.context.close();
    const { rows: [stored] } = await db.query<{ override_reason: string }>(`SELECT override_reason FROM risk_assessment WHERE id = $1`, [assessment.createAssessment.id]);
    expect(stored.override_reason).toBe(OVERRIDE_REASON);
    const { rows: evidence } = await db.query<{ t: string }>(`SELECT e.v->>'evidence' AS t FROM risk_assessment a, jsonb_each(a.answers) AS e(k, v) WHERE a.id = $1 AND e.v->>'evidence' IS NOT NULL`, [assessment.createAssessment.id]);
    expect(evidence.map((r) => r.t).sort()).toEqual([...EVIDENCE].sort());

    const chair = await signedIn('CO_CHAIR');
    const lm = await gql<{ signOffAssessment: { version: number } }>(chair.page, `mutation($i: SignOffInput!) { signOffAssessment(input: $i) { version } }`, { i: { assessmentId: assessment.createAssessment.id, version: assessment.createAssessment.version, as: 'LINE_MANAGER' } });
    await chair.context.close();
    const again = await signedIn('COORDINATOR');
    const signed = await gql<{ signOffAssessment: { version: number } }>(again.page, `mutation($i: SignOffInput!) { signOffAssessment(input: $i) { version } }`, { i: { assessmentId: assessment.createAssessment.id, version: lm.signOffAssessment.version, as: 'COORDINATOR' } });
    await gql(again.page, `mutation($i: RecordOutcomeInput!) { recordAssessmentOutcome(input: $i) { id } }`, {
      i: { assessmentId: assessment.createAssessment.id, outcome: 'STRATEGY_DISCUSSION', outcomeOn: new Date().toISOString().slice(0, 10), reason: OUTCOME_REASON },
    });
    expect(signed.signOffAssessment.version).toBeGreaterThan(lm.signOffAssessment.version);
    const { rows: [outcome] } = await db.query<{ outcome_reason: string }>(`SELECT outcome_reason FROM risk_assessment WHERE id = $1`, [assessment.createAssessment.id]);
    expect(outcome.outcome_reason).toBe(OUTCOME_REASON);
    expect(again.problems).toEqual([]);
    await again.context.close();
  });

  it('is shown as text on the young person’s page, the list, a hostile search and a hostile ward filter', async () => {
    const { context, page, problems } = await signedIn('COORDINATOR');
    const shown = [
      UPDATED.firstName,
      UPDATED.lastName,
      UPDATED.reference,
      UPDATED.aliases.join(', '),
      UPDATED.school,
      UPDATED.socialWorker,
      UPDATED.team,
      UPDATED.crisNumber,
      UPDATED.merlinReferences.join(', '),
      UPDATED.homeWard,
      UPDATED.placementBorough,
      ...EVIDENCE,
      OVERRIDE_REASON,
      OUTCOME_REASON,
      REPORTED.corrected,
      FOUND.corrected,
    ];
    await visit(page, `/list/${yp.id}`, shown);
    await page.screenshot({ path: join(ARTIFACTS, 'xss-case.png'), fullPage: true });
    await visit(page, `/list/${yp.id}/assess`, [UPDATED.firstName]);

    // The list, and the list searched with hostile text typed into the box.
    await visit(page, '/list', [UPDATED.lastName]);
    const box = page.getByLabel('Search by reference or name');
    await box.fill(SEARCH);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No young people match these filters').waitFor();
    expect(await box.inputValue()).toBe(SEARCH);
    await page.waitForLoadState('networkidle');
    await noScriptRan(page, 'the list searched');
    expect(page.url(), 'the address holds no raw markup').not.toMatch(/[<>"]/);
    // The search reaches the database as a value: it finds the young person by their hostile name.
    await box.fill(UPDATED.lastName);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('table tbody tr').filter({ hasText: UPDATED.firstName }).first().waitFor();
    await noScriptRan(page, 'the list searched by a hostile name');
    const found = await gql<{ youngPeople: { nodes: { id: string }[] } }>(page, `query($f: YoungPeopleFilter) { youngPeople(filter: $f) { nodes { id } } }`, { f: { search: PAYLOADS.script, ward: [WARD], onList: null } });
    expect(found.youngPeople.nodes.map((n) => n.id)).toEqual([yp.id]);
    const none = await gql<{ youngPeople: { nodes: { id: string }[] } }>(page, `query($f: YoungPeopleFilter) { youngPeople(filter: $f) { nodes { id } } }`, { f: { search: SEARCH, onList: null } });
    expect(none.youngPeople.nodes).toEqual([]);

    // A hostile ward in the address (as the analysis dashboard links): shown as text, and it matches the ward as a value.
    await visit(page, `/list?ward=${encodeURIComponent(WARD)}`, [`Home ward: ${WARD}`, UPDATED.lastName]);
    await page.screenshot({ path: join(ARTIFACTS, 'xss-list-ward.png'), fullPage: true });
    expect(await page.locator('table tbody tr').count(), 'only the young person whose home ward is the hostile text').toBe(1);
    // The young people behind a month's count, with the hostile ward among the cohort's filters.
    const month = monthBack(0);
    await page.goto(`${baseUrl}/list?cohort=onList&month=${month}&ward=${encodeURIComponent(WARD)}`);
    await page.getByTestId('list-cohort').waitFor();
    await page.waitForLoadState('networkidle');
    await expectText(page, [UPDATED.lastName], 'the cohort with a hostile ward');
    await noScriptRan(page, 'the cohort with a hostile ward');
    const cohort = await gql<{ youngPeople: { nodes: { id: string }[] } }>(page, `query($f: YoungPeopleFilter) { youngPeople(filter: $f) { nodes { id } } }`, { f: { cohort: { measure: 'newToList', month, ward: [WARD, PAYLOADS.svg] } } });
    expect(cohort.youngPeople.nodes.map((n) => n.id)).toEqual([yp.id]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('in the reason for opening an unconnected record is kept in the audit log and shown as text there', async () => {
    const police = await signedIn('POLICE');
    await police.page.goto(`${baseUrl}/list/${yp.id}`);
    await police.page.getByRole('heading', { name: 'Why do you need this record?' }).waitFor();
    await police.page.getByLabel('Reason for opening the record').fill(ACCESS_REASON);
    await police.page.getByRole('button', { name: 'Open the record' }).click();
    await expectText(police.page, [UPDATED.lastName, UPDATED.reference]);
    await police.page.waitForLoadState('networkidle');
    await noScriptRan(police.page, 'the record opened with a reason');
    // Through the API too, with another hostile reason.
    const read = await gql<{ youngPerson: { id: string } }>(police.page, `query($id: ID!, $r: String) { youngPerson(id: $id, reason: $r) { id } }`, { id: yp.id, r: `${PAYLOADS.svg}${PAYLOADS.text}` });
    expect(read.youngPerson.id).toBe(yp.id);
    expect(police.problems).toEqual([]);
    await police.context.close();
    const { rows } = await db.query<{ reason: string }>(`SELECT reason FROM audit_event WHERE action = 'young_person.viewed' AND entity_id = $1 AND reason IS NOT NULL ORDER BY seq`, [yp.id]);
    expect(rows.map((r) => r.reason)).toEqual(expect.arrayContaining([ACCESS_REASON, `${PAYLOADS.svg}${PAYLOADS.text}`]));

    const admin = await signedIn('ADMIN');
    await visit(admin.page, '/admin/audit', [`Reason: ${ACCESS_REASON}`]);
    await admin.page.locator('tr').filter({ hasText: ACCESS_REASON }).first().screenshot({ path: join(ARTIFACTS, 'xss-audit-reason.png') });
    expect(admin.problems).toEqual([]);
    await admin.context.close();
  });

  it('in the reason the list membership ends is stored verbatim and shown as text in the list history', async () => {
    const { context, page, problems } = await signedIn('COORDINATOR');
    await gql(page, `mutation($i: EndMembershipInput!) { endListMembership(input: $i) { id } }`, { i: { youngPersonId: yp.id, kind: 'STEPPED_DOWN', endedOn: new Date().toISOString().slice(0, 10), reason: END_REASON } });
    const { rows } = await db.query<{ t: string }>(`SELECT end_reason AS t FROM list_membership WHERE young_person_id = $1`, [yp.id]);
    expect(rows.map((r) => r.t)).toContain(END_REASON);
    await visit(page, `/list/${yp.id}`, [END_REASON, UPDATED.lastName, OUTCOME_REASON]);
    await page.screenshot({ path: join(ARTIFACTS, 'xss-case-ended.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});

const RET = {
  firstName: `${PAYLOADS.img}${PAYLOADS.text}`.slice(0, 100).trimEnd(),
  lastName: `${PAYLOADS.script}${PAYLOADS.sql}`,
  reference: `${PAYLOADS.attr}${PAYLOADS.formula}`.slice(0, 48),
  comment: `${PAYLOADS.svg}${PAYLOADS.script}${PAYLOADS.sql}`,
  reason: `${PAYLOADS.img}${PAYLOADS.attr}${PAYLOADS.cmd}`,
  key: `${PAYLOADS.script}`,
};

describe('hostile text in an agency return', () => {
  it('is refused as a measure key, stored verbatim elsewhere and shown as text to the lead and the co-chair', async () => {
    const lead = await signedIn('AGENCY_LEAD');
    // A month long before the demo's returns and the other tests' (xss.e2e.ts uses 30 months back).
    const period = monthBack(33);
    const { rows: [mine] } = await db.query<{ agency_id: string; kind: AgencyKind }>(`SELECT u.agency_id, a.kind FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE u.role = 'AGENCY_LEAD' AND u.email = $1`, [
      DEMO_USERS.find((u) => u.role === 'AGENCY_LEAD')!.email,
    ]);
    const measures = RETURN_TEMPLATES[mine.kind].map((key, i) => ({ key, value: i + 1 }));
    const content = { measures, localities: [], youngPeople: [{ reference: RET.reference, firstName: RET.firstName, lastName: RET.lastName, involvement: 'AT_RISK' }], outcomes: 'None', blockages: [] };
    const before = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM agency_return WHERE agency_id = $1 AND period = $2`, [mine.agency_id, `${period}-01`])).rows[0].n;
    expect(before).toBe(0);
    // A hostile measure key: refused, naming the key, and nothing saved.
    await expect(gql(lead.page, `mutation($i: SaveReturnDraftInput!) { saveReturnDraft(input: $i) { id } }`, { i: { agencyId: mine.agency_id, period, content: { ...content, measures: [...measures, { key: RET.key, value: 1 }] } } })).rejects.toThrow(
      /is not a measure of the return/,
    );
    await expect(gql(lead.page, `mutation($i: SaveReturnDraftInput!) { saveReturnDraft(input: $i) { id } }`, { i: { agencyId: mine.agency_id, period, content: { ...content, measures: [{ key: RET.key, value: 1 }] } } })).rejects.toThrow(
      /content\.measures/,
    );
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM agency_return WHERE agency_id = $1 AND period = $2`, [mine.agency_id, `${period}-01`])).rows[0].n).toBe(0);

    const draft = await gql<{ saveReturnDraft: { id: string; version: number } }>(lead.page, `mutation($i: SaveReturnDraftInput!) { saveReturnDraft(input: $i) { id version } }`, { i: { agencyId: mine.agency_id, period, content } });
    const submitted = await gql<{ submitReturn: { version: number } }>(lead.page, `mutation($i: SubmitReturnInput!) { submitReturn(input: $i) { version } }`, { i: { id: draft.saveReturnDraft.id, version: draft.saveReturnDraft.version } });
    const id = draft.saveReturnDraft.id;

    const chair = await signedIn('CO_CHAIR');
    const returned = await gql<{ reviewReturn: { version: number; reviewComment: string } }>(chair.page, `mutation($i: ReviewReturnInput!) { reviewReturn(input: $i) { version reviewComment } }`, {
      i: { id, version: submitted.submitReturn.version, decision: 'RETURN', comment: RET.comment },
    });
    expect(returned.reviewReturn.reviewComment).toBe(RET.comment);
    // Returned for correction: the comment as text, the names back in the form's fields as typed.
    await visit(lead.page, `/returns/${period}`, [RET.comment]);
    const fields = () => lead.page.evaluate(() => [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value));
    await expect.poll(fields).toEqual(expect.arrayContaining([RET.firstName, RET.lastName, RET.reference]));

    const resaved = await gql<{ saveReturnDraft: { version: number } }>(lead.page, `mutation($i: SaveReturnDraftInput!) { saveReturnDraft(input: $i) { version } }`, { i: { agencyId: mine.agency_id, period, version: returned.reviewReturn.version, content } });
    const resubmitted = await gql<{ submitReturn: { version: number } }>(lead.page, `mutation($i: SubmitReturnInput!) { submitReturn(input: $i) { version } }`, { i: { id, version: resaved.saveReturnDraft.version } });
    const amended = await gql<{ amendReturn: { version: number } }>(lead.page, `mutation($i: AmendReturnInput!) { amendReturn(input: $i) { version } }`, {
      i: { id, version: resubmitted.submitReturn.version, reason: RET.reason, content: { ...content, youngPeople: [...content.youngPeople, { reference: `${RET.reference}-2`, firstName: PAYLOADS.svg, lastName: PAYLOADS.js, involvement: 'EXPERIENCING' }] } },
    });
    expect(amended.amendReturn.version).toBeGreaterThan(resubmitted.submitReturn.version);

    const { rows: [stored] } = await db.query<{ content: { youngPeople: { reference: string; firstName: string; lastName: string }[] } }>(`SELECT content FROM agency_return WHERE id = $1`, [id]);
    expect(stored.content.youngPeople[0]).toMatchObject({ reference: RET.reference, firstName: RET.firstName, lastName: RET.lastName });
    const { rows: versions } = await db.query<{ reason: string | null; comment: string | null }>(`SELECT reason, (to_jsonb(v)->>'review_comment') AS comment FROM agency_return_version v WHERE return_id = $1 ORDER BY number`, [id]);
    expect(versions.map((v) => v.reason)).toContain(RET.reason);
    const { rows: named } = await db.query<{ reference: string }>(`SELECT reference FROM agency_return_young_person WHERE return_id = $1 ORDER BY reference`, [id]);
    expect(named.map((r) => r.reference)).toEqual([RET.reference, `${RET.reference}-2`]);

    await visit(lead.page, `/returns/${period}`, [RET.reason, RET.comment, RET.firstName, RET.lastName, RET.reference]);
    await lead.page.screenshot({ path: join(ARTIFACTS, 'xss-return-case.png'), fullPage: true });
    expect(lead.problems).toEqual([]);
    await lead.context.close();

    await visit(chair.page, `/returns/view/${id}`, [RET.reason, RET.comment, RET.reference]);
    await chair.page.screenshot({ path: join(ARTIFACTS, 'xss-return-co-chair.png'), fullPage: true });
    expect(chair.problems).toEqual([]);
    await chair.context.close();
  });
});

/** A demo user who is not the first of their role. */
async function signedInAsDemo(email: string) {
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { context, page, problems };
}
