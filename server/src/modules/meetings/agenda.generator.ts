import { Injectable } from '@nestjs/common';
import { AGENCY_KIND_LABELS, AGENDA_GENERATORS, DIMENSION_INFO, RETURN_SECTION_LABELS, RETURN_SECTIONS, SUPPRESS_UP_TO, SUPPRESSED, shown, suppressionMask, type AgendaGenerator as GeneratorKey } from '@mase/shared';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AnalyticsService } from '../analytics/analytics.service.js';
import { HotSpotsService } from '../intelligence/hot-spots.service.js';
import { NetworkService } from '../intelligence/network.service.js';
import { defaultMeetingDate } from '../returns/deadlines.js';
import { ReturnsService } from '../returns/returns.service.js';
import type { AgendaEntry, AgendaHotSpots, AgendaPerson, PackFigures } from './meeting.entities.js';

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "3 March 2026": one formatter for every entry (making one per call is slow on an agenda of thousands). */
export const longDate = (d: string) => LONG_DATE.format(new Date(`${d}T00:00:00Z`));
const monthOf = (d: string) => d.slice(0, 7);
const LONG_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "November 2026". */
const longMonth = (period: string) => LONG_MONTH.format(new Date(`${period}-01T00:00:00Z`));
/** The police monthly report's figures, in the order the police record them. */
const POLICE_FIGURES = [
  ['open_investigations', 'open investigations'],
  ['arrests', 'arrests'],
  ['charges', 'charges'],
  ['convictions', 'convictions'],
  ['cawns', 'child abduction warning notices'],
  ['orders', 'orders'],
  ['other_disruptions', 'other disruptions'],
] as const;
const monthBefore = (d: string) => {
  const [y, m] = d.split('-').map(Number);
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
};
const monthsBefore = (period: string, n: number) => {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 - n, 1)).toISOString().slice(0, 7);
};
/** The opening of a meeting's minutes, for the next agenda. */
const summary = (minutes: string) => {
  const text = minutes.replace(/\s+/g, ' ').trim();
  if (text.length <= 280) return text;
  const cut = text.slice(0, 280);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 200 ? cut.lastIndexOf(' ') : 280)}…`;
};
const RAG_WORD: Record<string, string> = { GREEN: 'Green', AMBER: 'Amber', RED: 'Red' };
const STATUS_WORD: Record<string, string> = {
  INTELLIGENCE_ONLY: 'intelligence only',
  UNDER_INVESTIGATION: 'under investigation',
  ARRESTED: 'arrested',
  CHARGED: 'charged',
  CONVICTED: 'convicted',
  NFA: 'no further action',
};
const DISRUPTION_WORD: Record<string, string> = { CAWN: 'Child abduction warning notice', ORDER: 'Order', ARREST: 'Arrest', OTHER: 'Other disruption' };

/** SQL for a young person as agendas show them. */
const PERSON_SQL = `yp.id, yp.pseudonym, yp.reference, upper(left(yp.first_name, 1)) || '.' || upper(left(yp.last_name, 1)) || '.' AS initials`;
type PersonRow = { id: string; pseudonym: string; reference: string; initials: string };
const person = (r: PersonRow): AgendaPerson => ({ id: r.id, pseudonym: r.pseudonym, reference: r.reference, initials: r.initials });
const ypEntry = (key: string, r: PersonRow, text: string, detail: string | null = null): AgendaEntry => ({ key, text, detail, youngPerson: person(r), link: { kind: 'YOUNG_PERSON', id: r.id } });
const entry = (key: string, text: string, detail: string | null = null, link: AgendaEntry['link'] = null, ctl: AgendaEntry['controlled'] = null): AgendaEntry => ({
  key,
  text,
  detail,
  youngPerson: null,
  link,
  ...(ctl ? { controlled: ctl } : {}),
});

/** A count as roles under disclosure control see it: 1 to 5 as c, zero as zero. */
const small = (n: number) => n >= 1 && n <= SUPPRESS_UP_TO;
const controlled = (n: number) => shown(n, small(n));
/**
 * A sentence of counts as roles under disclosure control read it: every whole number from 1 to 5
 * standing alone becomes c, and so does an average above 0 and up to 5 (which, over a few months,
 * gives the small counts behind it away). Numbers inside words, dates and codes are left alone.
 */
export const controlSentence = (s: string) =>
  s.replace(/(?<![\w.\-/])(\d+(?:\.\d+)?)(?![\w/]|\.\d|-\d)/g, (m) => {
    const v = Number(m);
    return (m.includes('.') ? v > 0 && v <= SUPPRESS_UP_TO : small(v)) ? SUPPRESSED : m;
  });
const RAG_CATEGORIES = DIMENSION_INFO.RAG.categories!.map((c) => c.key);

/**
 * The most lines one item lists: a panel discusses its lines one by one, and an item of thousands
 * (a pan-London list) can be neither read at the meeting nor printed in the pack. Past it the item
 * ends with one line saying how many more there are and where to see them all.
 */
export const MAX_ITEM_LINES = 200;
const WHERE_ALL: Partial<Record<GeneratorKey, string>> = {
  complex_groups: 'the network view lists every group',
  hot_spots: 'the hot-spot map lists every place',
  returns: 'the returns compliance grid lists every agency',
  attendance: 'the attendance form lists every agency',
};
export function capped(key: GeneratorKey, lines: AgendaEntry[]): AgendaEntry[] {
  if (lines.length <= MAX_ITEM_LINES) return lines;
  const more = lines.length - MAX_ITEM_LINES;
  const text = (n: string) => `… and ${n} more not listed here: ${WHERE_ALL[key] ?? 'the MASE list shows them all'}`;
  return [...lines.slice(0, MAX_ITEM_LINES), entry(`more:${key}`, text(more.toLocaleString('en-GB')), null, null, { text: text(controlled(more)), detail: null })];
}

/** The latest final screening of `yp` on or before $1, as a lateral join. */
const LATEST = `LEFT JOIN LATERAL (
  SELECT ra.final_score, ra.rag, ra.next_review_on, ra.assessed_on FROM risk_assessment ra
  WHERE ra.young_person_id = yp.id AND ra.status = 'FINAL' AND ra.assessed_on <= $1
  ORDER BY ra.assessed_on DESC, ra.created_at DESC LIMIT 1) la ON true`;
const ON_LIST = `EXISTS (SELECT 1 FROM list_membership lm WHERE lm.young_person_id = yp.id AND lm.started_on <= $1 AND (lm.ended_on IS NULL OR lm.ended_on > $1))`;

type OnListRow = PersonRow & {
  final_score: number | null;
  next_review_on: string | null;
  assessed_on: string | null;
  placement_type: string;
  placement_borough: string | null;
  red: boolean;
  reviews_overdue: boolean;
  step_downs: boolean;
  cross_borough: boolean;
};

export interface AgendaContext {
  meetingId: string;
  /** The meeting's date. */
  date: string;
  /** The date of the meeting before it (or a month before, when there was none). */
  since: string;
}

/**
 * Builds each generated agenda item from the data as it stands: who is new to the list, whose score
 * rose, people of concern, hot spots, themes, returns, blockages and actions carried forward. Young
 * people are carried by reference, initials and pseudonym — never by name.
 */
@Injectable()
export class AgendaGenerator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly network: NetworkService,
    private readonly hotSpots: HotSpotsService,
    private readonly analytics: AnalyticsService,
    private readonly returns: ReturnsService,
  ) {}

  async context(meetingId: string, date: string): Promise<AgendaContext> {
    const [prev]: { date: string }[] = await this.dataSource.query(
      `SELECT date::text FROM meeting WHERE date < $1 AND status <> 'CANCELLED' AND id <> $2 ORDER BY date DESC LIMIT 1`,
      [date, meetingId],
    );
    const [y, m, d] = date.split('-').map(Number);
    return { meetingId, date, since: prev?.date ?? new Date(Date.UTC(y, m - 2, d)).toISOString().slice(0, 10) };
  }

  /** Who is on the list on the meeting's date, with their latest screening: read once for the four items drawn from it. */
  private readonly onListOf = new WeakMap<AgendaContext, Promise<OnListRow[]>>();
  private onList(ctx: AgendaContext): Promise<OnListRow[]> {
    let rows = this.onListOf.get(ctx);
    if (!rows) {
      rows = this.dataSource.query<OnListRow[]>(
        `SELECT ${PERSON_SQL}, la.final_score, la.next_review_on::text, la.assessed_on::text, yp.placement_type, yp.placement_borough,
                (la.final_score = 3) IS TRUE AS red, (la.next_review_on < $1) IS TRUE AS reviews_overdue, (la.final_score = 0) IS TRUE AS step_downs,
                (yp.legal_status LIKE 'LOOKED_AFTER%' AND yp.placement_type IN ('PLACED_IN', 'PLACED_OUT')) IS TRUE AS cross_borough
         FROM young_person yp ${LATEST} WHERE ${ON_LIST} ORDER BY yp.reference`,
        [ctx.date],
      );
      this.onListOf.set(ctx, rows);
    }
    return rows;
  }

  /** The month an agenda reports on: the one before the meeting, or the last complete month for a meeting further ahead. */
  period(date: string): string {
    const lastComplete = monthBefore(new Date().toISOString().slice(0, 10));
    return monthBefore(date) > lastComplete ? lastComplete : monthBefore(date);
  }

  /** The new and persistent hot spots over the three months to `period`: what the Locations item lists and its map draws. */
  async agendaHotSpots(period: string): Promise<AgendaHotSpots> {
    const range = { from: monthsBefore(period, 2), to: period };
    const map = await this.hotSpots.map(range);
    const wards = new Map(map.wards.map((w) => [w.wardId, w.name]));
    return {
      ...range,
      wards: map.wards.map((w) => ({ name: w.name, incidents: w.incidents, sightings: w.sightings })),
      locations: map.locations
        .filter((l) => l.isNew || l.persistent)
        .map((l) => ({
          locationId: l.locationId,
          name: l.name,
          ward: l.wardId ? (wards.get(l.wardId) ?? null) : null,
          lat: l.lat,
          lng: l.lng,
          incidents: l.incidents,
          sightings: l.sightings,
          highestRisk: l.highestRisk,
          isNew: l.isNew,
          persistent: l.persistent,
        })),
    };
  }

  /** What the pack and the agenda's figures draw, as they stand: the list by RAG over six months, the month's map and the hot spots. Taken into the snapshot at issue. */
  async packFigures(actor: Actor, date: string): Promise<PackFigures> {
    const period = this.period(date);
    const [profile, map, hotSpots] = await Promise.all([
      this.analytics.profile({ ...actor, role: 'ANALYST' }, { from: monthsBefore(period, 5), to: period }, ['RAG']),
      this.hotSpots.map({ from: period, to: period }),
      this.agendaHotSpots(period),
    ]);
    const series = profile.series[0];
    const incidents = new Map(map.wards.map((w) => [w.name, w.incidents]));
    const wards: { name: string; geometry: { type: string; coordinates: unknown }; attribution: string | null }[] = await this.dataSource.query(
      `SELECT name, geometry, attribution FROM boundary WHERE kind = 'WARD' ORDER BY name`,
    );
    return {
      period,
      rag: {
        periods: profile.periods,
        categories: RAG_CATEGORIES,
        cells: profile.periods.map((p) => RAG_CATEGORIES.map((c) => series.cells.find((x) => x.period === p && x.category === c)?.count.value ?? 0)),
        totals: profile.totals.map((t) => t.count.value ?? 0),
      },
      map: {
        wards: wards.map((w) => ({ ...w, incidents: incidents.get(w.name) ?? 0 })),
        locations: map.locations.map((l) => ({ locationId: l.locationId, lat: l.lat, lng: l.lng, incidents: l.incidents, highestRisk: l.highestRisk })),
      },
      hotSpots,
    };
  }

  async generate(actor: Actor, ctx: AgendaContext): Promise<Record<GeneratorKey, AgendaEntry[]>> {
    // The items are independent reads: run side by side, on as many connections as the pool gives.
    const entries = await Promise.all(AGENDA_GENERATORS.map((g) => this.run(actor, g.key, ctx)));
    return Object.fromEntries(AGENDA_GENERATORS.map((g, i) => [g.key, capped(g.key, entries[i])])) as Record<GeneratorKey, AgendaEntry[]>;
  }

  private async run(actor: Actor, key: GeneratorKey, ctx: AgendaContext): Promise<AgendaEntry[]> {
    const q = <T>(sql: string, params: unknown[]) => this.dataSource.query<T[]>(sql, params);
    const { date, since } = ctx;
    const period = this.period(date);
    switch (key) {
      case 'attendance': {
        const rows = await q<{ id: string; name: string; status: string | null; representative: string | null }>(
          `SELECT a.id, a.name, ma.status, ma.representative FROM agency a LEFT JOIN meeting_attendance ma ON ma.agency_id = a.id AND ma.meeting_id = $1 WHERE a.active ORDER BY a.name`,
          [ctx.meetingId],
        );
        const word = { ATTENDED: 'Attending', APOLOGIES: 'Apologies', ABSENT: 'Absent' } as Record<string, string>;
        return rows.map((r) => entry(`agency:${r.id}`, `${r.name}: ${r.status ? word[r.status] : 'Not yet recorded'}`, r.representative, { kind: 'AGENCY', id: r.id }));
      }
      case 'last_minutes': {
        const [prev]: { id: string; date: string; status: string; minutes: string | null; decisions: number }[] = await q(
          `SELECT m.id, m.date::text, m.status, m.minutes, (SELECT count(*)::int FROM meeting_decision d WHERE d.meeting_id = m.id) AS decisions
           FROM meeting m WHERE m.date < $1 AND m.status <> 'CANCELLED' AND m.id <> $2 ORDER BY m.date DESC LIMIT 1`,
          [date, ctx.meetingId],
        );
        if (!prev) return [entry('minutes:none', 'No earlier meeting is recorded')];
        const state =
          prev.status === 'MINUTES_APPROVED'
            ? 'approved'
            : prev.minutes
              ? 'written, awaiting approval'
              : prev.status === 'HELD'
                ? 'not yet written'
                : 'not yet written: the meeting is not recorded as held';
        const words = (n: string) => `${n} decision${n === '1' ? '' : 's'} recorded at the meeting of ${longDate(prev.date)}`;
        return [
          entry(`minutes:${prev.id}`, `Minutes of the meeting of ${longDate(prev.date)}: ${state}`, prev.minutes ? summary(prev.minutes) : null),
          entry(`decisions:${prev.id}`, words(String(prev.decisions)), null, null, { text: words(controlled(prev.decisions)), detail: null }),
        ];
      }
      case 'open_actions': {
        const rows = await q<{ id: string; description: string; owner: string; agency: string; due_on: string; status: string; raised: string }>(
          `SELECT ac.id, ac.description, ac.owner, a.name AS agency, ac.due_on::text, ac.status, m.date::text AS raised
           FROM meeting_action ac JOIN agency a ON a.id = ac.owner_agency_id JOIN meeting m ON m.id = ac.meeting_id
           WHERE ac.status IN ('OPEN', 'IN_PROGRESS') AND ac.meeting_id <> $2 AND m.date < $1
           ORDER BY (ac.due_on < $1) DESC, ac.due_on, ac.created_at`,
          [date, ctx.meetingId],
        );
        return rows.map((r) =>
          entry(`action:${r.id}`, `${r.due_on < date ? 'Overdue: ' : ''}${r.description} — ${r.owner} (${r.agency}), due ${longDate(r.due_on)}`, `Raised ${longDate(r.raised)}; ${r.status === 'IN_PROGRESS' ? 'in progress' : 'open'}`, { kind: 'ACTION', id: r.id }),
        );
      }
      case 'new_to_list': {
        const rows = await q<PersonRow & { started_on: string; final_score: number | null; rag: string | null }>(
          `SELECT ${PERSON_SQL}, lm.started_on::text, la.final_score, la.rag FROM list_membership lm JOIN young_person yp ON yp.id = lm.young_person_id ${LATEST}
           WHERE lm.started_on > $2 AND lm.started_on <= $1 ORDER BY lm.started_on, yp.reference`,
          [date, since],
        );
        return rows.map((r) => ypEntry(`yp:${r.id}`, r, `joined the list on ${longDate(r.started_on)}${r.final_score !== null ? `; score ${r.final_score} (${RAG_WORD[r.rag!]})` : ''}`));
      }
      case 'score_rose': {
        // Each final screening since the last meeting against the final screening before it.
        const rows = await q<PersonRow & { assessed_on: string; final_score: number; prev: number }>(
          `SELECT ${PERSON_SQL}, ra.assessed_on::text, ra.final_score, p.final_score AS prev
           FROM risk_assessment ra JOIN young_person yp ON yp.id = ra.young_person_id
           JOIN LATERAL (
             SELECT p.final_score FROM risk_assessment p
             WHERE p.young_person_id = ra.young_person_id AND p.status = 'FINAL' AND (p.assessed_on, p.created_at) < (ra.assessed_on, ra.created_at)
             ORDER BY p.assessed_on DESC, p.created_at DESC LIMIT 1) p ON true
           WHERE ra.status = 'FINAL' AND ra.assessed_on > $2 AND ra.assessed_on <= $1 AND ra.final_score > p.final_score
           ORDER BY ra.assessed_on, yp.reference`,
          [date, since],
        );
        return rows.map((r) => ypEntry(`yp:${r.id}:${r.assessed_on}`, r, `score rose from ${r.prev} to ${r.final_score} at the screening of ${longDate(r.assessed_on)}`));
      }
      case 'red':
      case 'reviews_overdue':
      case 'step_downs':
      case 'cross_borough': {
        const rows = (await this.onList(ctx)).filter((r) => r[key]);
        return rows.map((r) =>
          ypEntry(
            `yp:${r.id}`,
            r,
            key === 'red'
              ? `score 3 at the screening of ${longDate(r.assessed_on!)}`
              : key === 'reviews_overdue'
                ? `review was due on ${longDate(r.next_review_on!)}`
                : key === 'step_downs'
                  ? `scored 0 at the screening of ${longDate(r.assessed_on!)}: consider stepping down`
                  : `${r.placement_type === 'PLACED_IN' ? 'placed in the borough by' : 'placed out of the borough, in'} ${r.placement_borough ?? 'another borough'}`,
          ),
        );
      }
      case 'unscreened': {
        const flags = (await this.returns.flags()).filter((f) => f.period <= monthOf(date));
        const people = new Map(
          (await q<PersonRow>(`SELECT ${PERSON_SQL} FROM young_person yp WHERE yp.id = ANY($1::uuid[])`, [flags.map((f) => f.youngPersonId).filter(Boolean)])).map((r) => [r.id, person(r)]),
        );
        return flags.map((f) => ({
          ...entry(
            `flag:${f.agency.id}:${f.reference}`,
            `named by ${f.agency.name} in its ${f.period} return: ${f.reason === 'NOT_RECORDED' ? 'not recorded in MASE Hub' : 'recorded but not on the list or screened since'}`,
            f.involvement === 'EXPERIENCING' ? 'Agency says: experiencing CSE' : 'Agency says: at risk of CSE',
            f.youngPersonId ? { kind: 'YOUNG_PERSON', id: f.youngPersonId } : null,
          ),
          youngPerson: f.youngPersonId ? (people.get(f.youngPersonId) ?? null) : null,
          caseReference: f.youngPersonId ? null : f.reference,
        }));
      }
      case 'police_report': {
        // The police's report for the month the agenda reports on: its figures, and its summary (for those who may read intelligence detail).
        const [r] = await q<{ id: string; narrative: string | null } & Record<(typeof POLICE_FIGURES)[number][0], number>>(
          `SELECT id, ${POLICE_FIGURES.map(([c]) => c).join(', ')}, narrative FROM police_report WHERE month = $1::date`,
          [`${period}-01`],
        );
        if (!r) return [entry('police:none', `No police report is recorded for ${longMonth(period)}: the police record it under Intelligence`)];
        const text = (n: (v: number) => string) => `${longMonth(period)}: ${POLICE_FIGURES.map(([c, label]) => `${label} ${n(r[c])}`).join('; ')}`;
        return [entry(`police:${r.id}`, text(String), r.narrative, null, { text: text(controlled), detail: null })];
      }
      case 'people_of_concern': {
        const rows = await q<{ id: string; police_reference: string | null; label: string; status: string; category: string; created_at: string; is_new: boolean }>(
          `SELECT p.id, p.police_reference, coalesce(nullif(concat_ws(' ', p.first_name, p.last_name), ''), p.aliases[1], 'Unnamed') AS label, p.status, p.category,
                  p.created_at::text, p.created_at > $2::date + 1 AS is_new
           FROM person_of_concern p WHERE (p.created_at > $2::date + 1 OR p.updated_at > $2::date + 1) AND p.created_at < $1::date + 1
           ORDER BY p.created_at`,
          [date, since],
        );
        return rows.map((r) =>
          entry(`poc:${r.id}`, `${r.police_reference ?? 'No police reference'}: ${r.is_new ? 'new' : 'changed'}, now ${STATUS_WORD[r.status] ?? r.status}`, r.label, { kind: 'PERSON_OF_CONCERN', id: r.id }),
        );
      }
      case 'disruptions': {
        const rows = await q<{ id: string; type: string; date: string; poc: string; police_reference: string | null; label: string }>(
          `SELECT d.id, d.type, d.date::text, p.id AS poc, p.police_reference, coalesce(nullif(concat_ws(' ', p.first_name, p.last_name), ''), p.aliases[1], 'Unnamed') AS label
           FROM disruption_action d JOIN person_of_concern p ON p.id = d.person_of_concern_id WHERE d.date > $2 AND d.date <= $1 ORDER BY d.date`,
          [date, since],
        );
        return rows.map((r) => entry(`disruption:${r.id}`, `${DISRUPTION_WORD[r.type] ?? r.type} on ${longDate(r.date)}: ${r.police_reference ?? 'no police reference'}`, r.label, { kind: 'PERSON_OF_CONCERN', id: r.poc }));
      }
      case 'complex_groups': {
        const groups = await this.network.complexAbuseGroupSummaries({ lastSeenTo: date });
        // The largest groups first (the ones the panel should see if the item is long).
        groups.sort((a, b) => b.members.length - a.members.length);
        return groups.map((g) => {
          const count = (k: string) => g.members.filter((m) => m.kind === k).length;
          const key = g.members
            .filter((m) => m.kind !== 'LOCATION')
            .map((m) => m.id)
            .sort()
            .join(',');
          const text = (n: (k: string) => string) => `${n('YOUNG_PERSON')} young people, ${n('PERSON_OF_CONCERN')} people of concern and ${n('LOCATION')} places connected: ${g.recommendation.toLowerCase()}`;
          return entry(`group:${key}`, text((k) => String(count(k))), g.reasons.join('; '), null, { text: text((k) => controlled(count(k))), detail: null });
        });
      }
      case 'hot_spots': {
        const { locations } = await this.agendaHotSpots(period);
        return locations.map((l) => {
          const text = (n: (v: number) => string) =>
            `${l.name}${l.ward ? ` (${l.ward})` : ''}: ${l.isNew ? 'new' : 'persistent'} hot spot, ${n(l.incidents)} incidents and ${n(l.sightings)} sightings in three months, ${l.highestRisk.toLowerCase()} risk`;
          return entry(`place:${l.locationId}`, text(String), null, { kind: 'PLACE', id: l.locationId }, { text: text(controlled), detail: null });
        });
      }
      case 'themes': {
        const t = await this.analytics.themes({ ...actor, role: 'ANALYST' }, period);
        return t.themes.map((x) => {
          const p = x.pValue !== null ? `; p = ${x.pValue < 0.0001 ? x.pValue.toExponential(1) : x.pValue.toFixed(4)}` : '';
          // Under disclosure control the small counts go, and so does an exact p-value beside a hidden count (it would give the count back).
          const [title, detail] = [controlSentence(x.title), controlSentence(x.detail)];
          const hid = title !== x.title || detail !== x.detail;
          const about = x.link.measure ?? x.link.locationId ?? `${x.link.dimension}:${x.link.category}`;
          return entry(`theme:${x.kind}:${about}`, x.title, `${x.detail}. ${x.test}${p}`, null, { text: title, detail: `${detail}. ${x.test}${x.pValue !== null ? (hid ? '; p < 0.01' : p) : ''}` });
        });
      }
      case 'returns': {
        const c = await this.returns.compliance({ from: period, to: period });
        const word: Record<string, string> = { ON_TIME: 'received on time', LATE: 'received late', RETURNED: 'returned for correction', MISSING: 'missing', DUE: 'not yet due' };
        const totals = await this.returns.totals({ ...actor, role: 'ANALYST' }, { from: period, to: period }, null);
        const bySection = RETURN_SECTIONS.map((s) => ({ s, total: totals.byMeasure.filter((m) => m.section === s).reduce((a, m) => a + m.total, 0) }));
        // The section totals are one line with no total of their own published: the product's rule hides the small ones.
        const mask = suppressionMask([{ cells: bySection.map((x) => x.total), total: null }]).cells[0];
        const line = (x: (typeof bySection)[number], n: string) => `${RETURN_SECTION_LABELS[x.s]}: ${n} in ${period} across the returns received`;
        return [
          ...c.rows.map((r) => entry(`return:${r.agency.id}`, `${r.agency.name}: ${word[r.cells[0].state]}`, AGENCY_KIND_LABELS[r.agency.kind], r.cells[0].returnId ? { kind: 'RETURN', id: r.cells[0].returnId } : null)),
          ...bySection.map((x, i) => entry(`total:${x.s}`, line(x, String(x.total)), null, null, { text: line(x, shown(x.total, mask[i])), detail: null })),
        ];
      }
      case 'blockages': {
        const floor = await q<{ id: string; description: string; agency: string | null; raised: string }>(
          `SELECT b.id, b.description, a.name AS agency, m.date::text AS raised FROM meeting_blockage b JOIN meeting m ON m.id = b.meeting_id LEFT JOIN agency a ON a.id = b.agency_id
           WHERE b.status = 'OPEN' AND b.created_at < $1::date + 1 ORDER BY b.created_at`,
          [date],
        );
        const fromReturns = await q<{ id: string; agency: string; blockage: string; i: number }>(
          `SELECT r.id, a.name AS agency, b.value AS blockage, b.i::int FROM agency_return r JOIN agency a ON a.id = r.agency_id, jsonb_array_elements_text(r.content -> 'blockages') WITH ORDINALITY AS b(value, i)
           WHERE r.period = $1 AND r.status IN ('SUBMITTED', 'ACCEPTED') ORDER BY a.name`,
          [`${period}-01`],
        );
        return [
          ...floor.map((b) => entry(`blockage:${b.id}`, `${b.description}${b.agency ? ` (${b.agency})` : ''}`, `Raised at the meeting of ${longDate(b.raised)}; still open`)),
          ...fromReturns.map((b) => entry(`return-blockage:${b.id}:${b.i}`, `${b.blockage} (${b.agency})`, `From the ${period} return`, { kind: 'RETURN', id: b.id })),
        ];
      }
      case 'next_meeting': {
        const [next]: { date: string }[] = await q(`SELECT date::text FROM meeting WHERE date > $1 AND status <> 'CANCELLED' ORDER BY date LIMIT 1`, [date]);
        const settings = await this.returns.settings();
        const nextDate = next?.date ?? defaultMeetingDate(monthOf(date), settings);
        return [entry('next', `Next meeting: ${longDate(nextDate)}${next ? '' : ' (the usual day; not yet scheduled)'}`)];
      }
    }
  }
}
