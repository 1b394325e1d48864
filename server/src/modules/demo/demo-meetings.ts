import { Faker, en, en_GB } from '@faker-js/faker';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AnalyticsService } from '../analytics/analytics.service.js';
import { AuditService } from '../audit/audit.service.js';
import { HotSpotsService } from '../intelligence/hot-spots.service.js';
import { NetworkService } from '../intelligence/network.service.js';
import { AgendaGenerator } from '../meetings/agenda.generator.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { defaultMeetingDate } from '../returns/deadlines.js';
import { ReturnsService } from '../returns/returns.service.js';
import { DEMO_USERS } from './demo-borough.js';

const ACTIONS = [
  'Share the safety plan with the school',
  'Request a return-home interview',
  'Visit the hotel and brief its staff',
  'Refer to the specialist CSE service',
  'Check CCTV around the takeaway',
  'Arrange a strategy discussion',
  'Offer sexual health support',
  'Update the chronology after the last episode',
];

/**
 * The panel's last six monthly meetings, made the way the product makes them: each agenda generated
 * from the data, issued, decided on, actions recorded, minutes approved (the latest awaits approval),
 * and the next meeting scheduled. Runs after the rest of the demo data is committed.
 */
export async function seedDemoMeetings(ds: DataSource, seed: number, today = new Date()): Promise<{ meetings: number }> {
  const [{ n }]: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM meeting`);
  if (n > 0) return { meetings: 0 };
  const f = new Faker({ locale: [en_GB, en], seed: seed + 707 });
  const audit = new AuditService(ds);
  const returns = new ReturnsService(ds, audit);
  const generator = new AgendaGenerator(ds, new NetworkService(ds), new HotSpotsService(ds, audit), new AnalyticsService(ds, returns, audit), returns);
  const meetings = new MeetingsService(ds, audit, generator, returns);
  const chair = DEMO_USERS.find((u) => u.role === 'CO_CHAIR')!;
  const [user]: { id: string; name: string }[] = await ds.query(`SELECT id, name FROM app_user WHERE email = $1`, [chair.email]);
  const actor: Actor = { userId: user.id, email: 'demo data', name: user.name, role: 'CO_CHAIR', agencyId: null, sessionId: 'seed', mustChangePassword: false, ip: null };
  const agencies: { id: string; kind: string }[] = await ds.query(`SELECT id, kind FROM agency WHERE active ORDER BY name`);
  const rule = await returns.settings();
  const iso = today.toISOString().slice(0, 10);
  const monthBefore = (back: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
  const dates = [6, 5, 4, 3, 2, 1, 0].map((back) => defaultMeetingDate(monthBefore(back + 1), rule)).filter((d) => d < iso);
  const chairs = [user.name, 'DI Morgan Hale'];
  let count = 0;
  for (const [i, date] of dates.entries()) {
    const m = await meetings.schedule(actor, { date, chairs, venue: 'Kingsmere Civic Centre, Room 2' });
    await meetings.recordAttendance(actor, {
      meetingId: m.id,
      attendance: agencies.map((a) => ({ agencyId: a.id, status: f.number.float() < 0.85 ? 'ATTENDED' : 'APOLOGIES', representative: null })),
    });
    await meetings.generate(actor, m.id);
    const issued = await meetings.issue(actor, m.id, (await meetings.get(actor, m.id)).version);
    const people = await meetings.agendaPeople(actor, m.id);
    for (const p of f.helpers.arrayElements(people, Math.min(3, people.length))) {
      await meetings.recordDecision(actor, { meetingId: m.id, youngPersonId: p.id, kind: f.helpers.weightedArrayElement([
        { value: 'REMAIN' as const, weight: 5 },
        { value: 'STEP_DOWN' as const, weight: 2 },
        { value: 'ESCALATE' as const, weight: 1 },
        { value: 'STRATEGY_MEETING' as const, weight: 1 },
      ]), note: null });
    }
    const recent = i >= dates.length - 2;
    for (let k = 0; k < 2; k++) {
      const owner = agencies[(i * 2 + k) % agencies.length];
      const due = new Date(`${date}T00:00:00Z`);
      due.setUTCDate(due.getUTCDate() + f.number.int({ min: 10, max: 28 }));
      const a = await meetings.recordAction(actor, {
        meetingId: m.id,
        description: f.helpers.arrayElement(ACTIONS),
        ownerAgencyId: owner.id,
        owner: `${f.person.firstName()} ${f.person.lastName()}`,
        dueOn: due.toISOString().slice(0, 10),
        youngPersonId: people.length ? f.helpers.arrayElement(people).id : null,
      });
      if (!recent) await meetings.updateAction(actor, { id: a.id, status: 'DONE', update: 'Completed and reported back to the panel', version: a.version });
    }
    if (i === 2) await meetings.raiseBlockage(actor, { meetingId: m.id, description: 'No out-of-hours placement for young people at immediate risk' });
    if (i === 4) {
      const [b]: { id: string; version: number }[] = await ds.query(`SELECT id, version FROM meeting_blockage WHERE status = 'OPEN' LIMIT 1`);
      if (b) await meetings.resolveBlockage(actor, { id: b.id, resolution: 'Emergency placement protocol agreed with children’s social care', version: b.version });
    }
    const held = await meetings.markHeld(actor, m.id, issued.version);
    const minuted = await meetings.saveMinutes(actor, { meetingId: m.id, minutes: 'The panel reviewed the list, the offenders and locations reported, and agreed the actions recorded.', version: held.version });
    if (i < dates.length - 1) await meetings.approveMinutes(actor, m.id, minuted.version);
    count++;
  }
  const next = [0, -1].map((back) => defaultMeetingDate(monthBefore(back + 1), rule)).find((d) => d >= iso);
  if (next) {
    await meetings.schedule(actor, { date: next, chairs, venue: 'Kingsmere Civic Centre, Room 2' });
    count++;
  }
  return { meetings: count };
}
