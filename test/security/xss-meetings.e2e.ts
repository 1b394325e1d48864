import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_USERS } from '../../server/src/modules/demo/demo-borough.js';
import { ARTIFACTS } from '../e2e/browser.js';
import { expectText, gql, hostileTextSuite, noScriptRan, PAYLOADS, visit } from './xss-support.js';

/**
 * Hostile text in a meeting's record (the co-chairs and venue, attendance, agenda items added and
 * edited by hand, decisions, actions and their progress, blockages and how they were resolved, the
 * minutes, the reason a meeting was cancelled) is stored exactly as typed and shown as text on the
 * meetings list, the meeting page (the co-chair's and the agency lead's), the agency lead's home page
 * and in the meeting pack: no script runs, no markup is interpreted, no SQL runs.
 */
const baseUrl = inject('baseUrl');
const { db, signedIn } = hostileTextSuite('xss-meetings.e2e.ts');

const lead = DEMO_USERS.find((u) => u.role === 'AGENCY_LEAD')!;
const P = PAYLOADS;

const CHAIRS = [`${P.img}${P.sql}`, `${P.attr}${P.text}`];
const VENUE = `${P.svg} Room 2 ${P.js}`;
const REPRESENTATIVE = `${P.script}${P.formula}`;
/** An item added by hand and left as added. */
const KEPT = { title: `${P.img} Exploitation on the night buses ${P.sql}`, notes: `${P.script}\n${P.text}\n${P.attr}` };
/** An item added by hand, then edited. */
const ADDED = { title: `${P.svg}${P.cmd}`, notes: `${P.js}${P.plus}` };
const EDITED = { title: `${P.attr}${P.script} Taxi licensing`, notes: `${P.img}${P.minus}\n${P.sql}` };
const DECISION_NOTE = `${P.svg}${P.sql}${P.text}`;
const ACTION = { description: `${P.attr}${P.img} Check the school's CCTV`, owner: `${P.script}${P.cmd}` };
const PROGRESS = `${P.js}${P.svg}${P.plus}`;
const BLOCKAGES = { open: `${P.img}${P.minus}`, resolved: `${P.sql}${P.script}` };
const RESOLUTION = `${P.attr}${P.at}`;
const MINUTES = [`1. Welcome ${P.img}`, `2. Minutes ${P.script}`, `3. Victims ${P.sql}`, `4. Offenders ${P.attr}`, `5. AOB ${P.svg} ${P.js} ${P.text} ${P.formula}`].join('\n');
const CANCEL_REASON = `${P.script}${P.img}${P.sql}`;
const CANCELLED_VENUE = `${P.text}${P.svg}`;

/** Everything the co-chair's page of the meeting shows. */
const SHOWN = [...CHAIRS, VENUE, REPRESENTATIVE, KEPT.title, KEPT.notes, EDITED.title, EDITED.notes, DECISION_NOTE, ACTION.description, ACTION.owner, PROGRESS, BLOCKAGES.open, BLOCKAGES.resolved, RESOLUTION, MINUTES];

const londonDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const daysAgo = (n: number) => londonDay(new Date(Date.now() - n * 86_400_000));

/** Schedules a meeting on the first free day from `back` days ago (the demo borough has meetings of its own). */
async function schedule(page: Page, back: number, chairs: string[], venue: string): Promise<{ id: string; version: number; date: string }> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const date = daysAgo(back + attempt);
    const { rows } = await db.query(`SELECT 1 FROM meeting WHERE date = $1 AND status <> 'CANCELLED'`, [date]);
    if (rows.length) continue;
    const { scheduleMeeting } = await gql<{ scheduleMeeting: { id: string; version: number } }>(page, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id version } }`, { i: { date, chairs, venue } });
    return { ...scheduleMeeting, date };
  }
  throw new Error('No free day to schedule a meeting on');
}

const version = async (id: string) => (await db.query<{ version: number }>(`SELECT version FROM meeting WHERE id = $1`, [id])).rows[0].version;

/** The meeting pack's text, whitespace removed (lines are wrapped where they fall). */
async function packText(page: Page, meetingId: string): Promise<string> {
  const res = await page.request.get(`${baseUrl}/files/meetings/${meetingId}/pack.pdf`);
  expect(res.status()).toBe(200);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.body())), { mergePages: true });
  return squash(text);
}
const squash = (s: string) => s.replace(/\s+/g, '');
/** The pack's standard PDF font has no glyphs beyond Latin-1: the payloads in plain ASCII are looked for there. */
const ascii = (s: string) => /^[\x20-\x7e\n]*$/.test(s);

const byTitle = <T extends { title: string }>(rows: T[]) => [...rows].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));

const meeting = { id: '', actionId: '', actionVersion: 0 };
let leadAgencyId = '';

describe('hostile text in a meeting', () => {
  it('is stored verbatim as the co-chair schedules the meeting, prepares and issues the agenda, records decisions, actions and blockages, and writes the minutes', async () => {
    const { context, page, problems } = await signedIn('CO_CHAIR');
    leadAgencyId = (await db.query<{ agency_id: string }>(`SELECT agency_id FROM app_user WHERE email = $1`, [lead.email])).rows[0].agency_id;

    // Long enough ago that the meeting can be marked as held.
    const scheduled = await schedule(page, 400, CHAIRS, VENUE);
    meeting.id = scheduled.id;
    const stored = async () => (await db.query<Record<string, unknown>>(`SELECT chairs, venue, minutes, cancelled_reason FROM meeting WHERE id = $1`, [meeting.id])).rows[0];
    expect(await stored()).toEqual({ chairs: CHAIRS, venue: VENUE, minutes: null, cancelled_reason: null });

    await gql(page, `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { status } }`, { i: { meetingId: meeting.id, attendance: [{ agencyId: leadAgencyId, status: 'ATTENDED', representative: REPRESENTATIVE }] } });
    expect((await db.query(`SELECT representative FROM meeting_attendance WHERE meeting_id = $1`, [meeting.id])).rows).toEqual([{ representative: REPRESENTATIVE }]);

    // Two items added by hand (there is no need to generate the rest for this), the second then edited.
    await gql(page, `mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }`, { i: { meetingId: meeting.id, section: 'OFFENDERS', ...KEPT } });
    const items = await gql<{ addAgendaItem: { id: string; title: string; version: number }[] }>(page, `mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id title version } }`, { i: { meetingId: meeting.id, section: 'AOB', ...ADDED } });
    const added = items.addAgendaItem.find((i) => i.title === ADDED.title)!;
    const itemsStored = async () => byTitle((await db.query<{ title: string; notes: string }>(`SELECT title, notes FROM agenda_item WHERE meeting_id = $1`, [meeting.id])).rows);
    expect(await itemsStored()).toEqual(byTitle([ADDED, KEPT]));
    const edited = await gql<{ updateAgendaItem: { title: string; notes: string } }>(page, `mutation($i: UpdateAgendaItemInput!) { updateAgendaItem(input: $i) { title notes } }`, { i: { id: added.id, version: added.version, ...EDITED } });
    expect(edited.updateAgendaItem).toEqual(EDITED);
    expect(await itemsStored()).toEqual(byTitle([EDITED, KEPT]));

    await gql(page, `mutation($id: ID!, $v: Int!) { issueAgenda(meetingId: $id, version: $v) { status } }`, { id: meeting.id, v: await version(meeting.id) });

    const { rows: [kept] } = await db.query<{ id: string }>(`SELECT id FROM agenda_item WHERE meeting_id = $1 AND title = $2`, [meeting.id, KEPT.title]);
    await gql(page, `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }`, { i: { meetingId: meeting.id, agendaItemId: kept.id, kind: 'OTHER', note: DECISION_NOTE } });
    expect((await db.query(`SELECT note FROM meeting_decision WHERE meeting_id = $1`, [meeting.id])).rows).toEqual([{ note: DECISION_NOTE }]);

    const action = await gql<{ recordAction: { id: string; version: number; description: string; owner: string } }>(page, `mutation($i: RecordActionInput!) { recordAction(input: $i) { id version description owner } }`, {
      i: { meetingId: meeting.id, ownerAgencyId: leadAgencyId, dueOn: daysAgo(-30), ...ACTION },
    });
    expect(action.recordAction).toMatchObject(ACTION);
    Object.assign(meeting, { actionId: action.recordAction.id, actionVersion: action.recordAction.version });
    expect((await db.query(`SELECT description, owner FROM meeting_action WHERE id = $1`, [meeting.actionId])).rows).toEqual([ACTION]);

    for (const description of [BLOCKAGES.open, BLOCKAGES.resolved]) {
      await gql(page, `mutation($i: RaiseBlockageInput!) { raiseBlockage(input: $i) { id } }`, { i: { meetingId: meeting.id, agencyId: leadAgencyId, description } });
    }
    const { rows: [toResolve] } = await db.query<{ id: string; version: number }>(`SELECT id, version FROM meeting_blockage WHERE meeting_id = $1 AND description = $2`, [meeting.id, BLOCKAGES.resolved]);
    await gql(page, `mutation($i: ResolveBlockageInput!) { resolveBlockage(input: $i) { status } }`, { i: { id: toResolve.id, version: toResolve.version, resolution: RESOLUTION } });
    expect((await db.query(`SELECT description, resolution FROM meeting_blockage WHERE meeting_id = $1 ORDER BY resolution NULLS FIRST`, [meeting.id])).rows).toEqual([
      { description: BLOCKAGES.open, resolution: null },
      { description: BLOCKAGES.resolved, resolution: RESOLUTION },
    ]);
    // The tables are all still there.
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM young_person`)).rows[0].n).toBeGreaterThan(0);

    // The issued agenda holds the text as text, and so does the pack made from it.
    await visit(page, `/meetings/${meeting.id}`, [...CHAIRS, VENUE, REPRESENTATIVE, KEPT.title, KEPT.notes, EDITED.title, EDITED.notes, DECISION_NOTE, ACTION.description, ACTION.owner, BLOCKAGES.open, BLOCKAGES.resolved, RESOLUTION]);
    const pack = await packText(page, meeting.id);
    const inPack = [...CHAIRS, VENUE, REPRESENTATIVE, KEPT.title, KEPT.notes, EDITED.title, EDITED.notes].filter(ascii);
    expect(inPack.length).toBeGreaterThan(4);
    for (const text of inPack) expect(pack, `the pack holds ${JSON.stringify(text)}`).toContain(squash(text));

    expect(problems).toEqual([]);
    await context.close();
  });

  it('in an action’s progress is stored verbatim as the agency lead updates it, and shown as text on their home page and their view of the meeting', async () => {
    expect(meeting.actionId).not.toBe('');
    const { context, page, problems } = await signedIn('AGENCY_LEAD');
    await gql(page, `mutation($i: UpdateActionInput!) { updateAction(input: $i) { status } }`, { i: { id: meeting.actionId, version: meeting.actionVersion, status: 'IN_PROGRESS', update: PROGRESS } });
    expect((await db.query(`SELECT status, update FROM meeting_action WHERE id = $1`, [meeting.actionId])).rows).toEqual([{ status: 'IN_PROGRESS', update: PROGRESS }]);

    await visit(page, '/', [ACTION.description, ACTION.owner, PROGRESS]);
    await page.getByTestId('agency-actions').screenshot({ path: join(ARTIFACTS, 'xss-meetings-agency-lead-home.png') });
    await visit(page, `/meetings/${meeting.id}`, [...CHAIRS, VENUE, REPRESENTATIVE, KEPT.title, KEPT.notes, EDITED.title, EDITED.notes, ACTION.description, ACTION.owner, PROGRESS]);
    // Decisions are not the agency lead's to see.
    expect(await page.evaluate((t) => document.body.textContent?.includes(t), DECISION_NOTE)).toBe(false);
    const pack = await packText(page, meeting.id);
    for (const text of [KEPT.title, EDITED.title, VENUE].filter(ascii)) expect(pack, `the agency lead's pack holds ${JSON.stringify(text)}`).toContain(squash(text));
    await visit(page, '/meetings', [VENUE]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('in the minutes and a cancelled meeting’s reason is stored verbatim and shown as text on the meeting and the meetings list', async () => {
    expect(meeting.id).not.toBe('');
    const { context, page, problems } = await signedIn('CO_CHAIR');
    await gql(page, `mutation($id: ID!, $v: Int!) { markMeetingHeld(meetingId: $id, version: $v) { status } }`, { id: meeting.id, v: await version(meeting.id) });
    await gql(page, `mutation($i: SaveMinutesInput!) { saveMinutes(input: $i) { status } }`, { i: { meetingId: meeting.id, minutes: MINUTES, version: await version(meeting.id) } });
    // Being written: in the editor, and nothing ran.
    await visit(page, `/meetings/${meeting.id}`, [VENUE]);
    expect(await page.locator('#minutes-text').inputValue()).toBe(MINUTES);
    await gql(page, `mutation($id: ID!, $v: Int!) { approveMinutes(meetingId: $id, version: $v) { status } }`, { id: meeting.id, v: await version(meeting.id) });
    expect((await db.query(`SELECT status, minutes FROM meeting WHERE id = $1`, [meeting.id])).rows).toEqual([{ status: 'MINUTES_APPROVED', minutes: MINUTES }]);

    // Approved and locked: the whole record, shown as text.
    await visit(page, `/meetings/${meeting.id}`, SHOWN);
    await page.getByTestId('meeting-locked').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'xss-meeting.png'), fullPage: true });

    // Another meeting, cancelled with a hostile reason.
    const other = await schedule(page, 420, [CHAIRS[1]], CANCELLED_VENUE);
    await gql(page, `mutation($i: CancelMeetingInput!) { cancelMeeting(input: $i) { status } }`, { i: { id: other.id, version: other.version, reason: CANCEL_REASON } });
    expect((await db.query(`SELECT status, cancelled_reason, venue FROM meeting WHERE id = $1`, [other.id])).rows).toEqual([{ status: 'CANCELLED', cancelled_reason: CANCEL_REASON, venue: CANCELLED_VENUE }]);
    await visit(page, `/meetings/${other.id}`, [CANCEL_REASON, CANCELLED_VENUE, CHAIRS[1]]);
    await visit(page, '/meetings', [...CHAIRS, VENUE, CANCEL_REASON, CANCELLED_VENUE]);
    await page.locator('tr', { has: page.getByText(CANCEL_REASON) }).screenshot({ path: join(ARTIFACTS, 'xss-meetings-cancelled.png') });
    await visit(page, '/', []);
    await expectText(page, ['Next MASE meeting']);
    await noScriptRan(page, 'co-chair home');
    expect(problems).toEqual([]);
    await context.close();
  });
});
