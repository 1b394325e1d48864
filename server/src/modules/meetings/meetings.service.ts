import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AGENDA_GENERATORS, AGENDA_SECTIONS, type AgendaSection } from '@mase/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { badInput, conflict, forbidden, notFound, recordForbidden, type FieldProblem } from '../../common/graphql/errors.js';
import { AgencyEntity } from '../agencies/agency.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { defaultMeetingDate } from '../returns/deadlines.js';
import { ReturnsService } from '../returns/returns.service.js';
import { isSuppressed } from '../analytics/analytics.service.js';
import { AgendaGenerator, controlSentence } from './agenda.generator.js';
import { figuresView } from './figures.js';
import { ActionEntity, AgendaItemEntity, BlockageEntity, DecisionEntity, MeetingAttendanceEntity, MeetingEntity, type AgendaEntry, type AgendaPerson, type PackFigures } from './meeting.entities.js';
import type {
  ActionView,
  AddAgendaItemInput,
  AgendaChange,
  AgendaEntryView,
  AgendaFiguresView,
  AgendaItemView,
  AttendanceView,
  BlockageView,
  CancelMeetingInput,
  DecisionView,
  MeetingView,
  MoveAgendaItemInput,
  MoveMeetingInput,
  RaiseBlockageInput,
  RecordActionInput,
  RecordAttendanceInput,
  RecordDecisionInput,
  ResolveBlockageInput,
  SaveMinutesInput,
  ScheduleMeetingInput,
  UpdateActionInput,
  UpdateAgendaItemInput,
} from './meetings.types.js';

const todayIso = () => new Date().toISOString().slice(0, 10);
const actionScopeRefused = () => recordForbidden("You can only see and change your own agency's actions");
const SECTION_ORDER = new Map(AGENDA_SECTIONS.map((s, i) => [s, i]));
/** Sections the police contribute to. */
const POLICE_SECTIONS: readonly AgendaSection[] = ['OFFENDERS', 'LOCATIONS'];
const PREPARERS = new Set(['CO_CHAIR', 'COORDINATOR', 'ANALYST']);

/** How a young person appears to a viewer: the analyst by pseudonym; everyone else by initials and reference, never by name. */
export function personLabel(actor: Pick<Actor, 'role'>, p: AgendaPerson | null): string | null {
  if (!p) return null;
  return actor.role === 'ANALYST' ? p.pseudonym : `${p.initials} (${p.reference})`;
}

/** Lines that carry counts: under disclosure control they are read through their controlled form. */
const COUNTED = ['theme:', 'total:', 'group:', 'place:', 'decisions:', 'police:'];

/**
 * An entry as a viewer may see it: agency leads get no intelligence detail, and roles without
 * case-level access read every count through disclosure control (counts of 1 to 5 as c) — from the
 * controlled form kept with the entry, or, for a line frozen before entries kept one, with every
 * small number in it hidden and its detail left out.
 */
export function entryView(actor: Pick<Actor, 'role'>, e: AgendaEntry): AgendaEntryView {
  const lead = actor.role === 'AGENCY_LEAD';
  const intelligence = ['poc:', 'disruption:', 'group:', 'place:', 'police:'].some((k) => e.key.startsWith(k));
  const suppress = isSuppressed(actor as Actor) && COUNTED.some((k) => e.key.startsWith(k));
  const shownAs = !suppress ? e : (e.controlled ?? { key: controlSentence(e.key), text: controlSentence(e.text), detail: null });
  const key = 'key' in shownAs ? shownAs.key : e.key;
  return {
    // Keys name the records a line is about; agency leads get a stable stand-in that names none (their own actions apart).
    key: lead && !key.startsWith('action:') ? `${key.split(':')[0]}:${createHash('sha256').update(key).digest('hex').slice(0, 20)}` : key,
    person: personLabel(actor, e.youngPerson) ?? (e.caseReference && actor.role !== 'ANALYST' ? `Case reference ${e.caseReference}` : null),
    text: shownAs.text,
    detail: lead && intelligence ? null : shownAs.detail,
    linkKind: lead && e.link?.kind !== 'ACTION' ? null : (e.link?.kind ?? null),
    linkId: lead && e.link?.kind !== 'ACTION' ? null : (e.link?.id ?? null),
  };
}

/**
 * The monthly meetings: the calendar and attendance, the agenda generated from the data (edited,
 * then frozen when issued), decisions, actions carried forward until done, blockages and minutes.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly generator: AgendaGenerator,
    private readonly returns: ReturnsService,
  ) {}

  // ---------- reading ----------

  private view(m: MeetingEntity): MeetingView {
    return {
      id: m.id,
      date: m.date,
      status: m.status,
      chairs: m.chairs,
      venue: m.venue,
      minutes: m.minutes,
      cancelledReason: m.cancelledReason,
      agendaGeneratedAt: m.agendaGeneratedAt,
      issuedAt: m.issuedAt,
      minutesApprovedAt: m.minutesApprovedAt,
      version: m.version,
    };
  }

  /** Agency leads see a meeting once its agenda is issued. */
  private visible(actor: Actor, m: MeetingEntity): boolean {
    return actor.role !== 'AGENCY_LEAD' || (m.status !== 'PLANNED' && m.status !== 'CANCELLED');
  }

  async list(actor: Actor, from: string | null, to: string | null): Promise<MeetingView[]> {
    const qb = this.dataSource.getRepository(MeetingEntity).createQueryBuilder('m');
    if (from) qb.andWhere('m.date >= :from', { from });
    if (to) qb.andWhere('m.date <= :to', { to });
    if (actor.role === 'AGENCY_LEAD') qb.andWhere(`m.status IN ('AGENDA_ISSUED', 'HELD', 'MINUTES_APPROVED')`);
    return (await qb.orderBy('m.date', 'DESC').limit(200).getMany()).map((m) => this.view(m));
  }

  private async load(id: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<MeetingEntity> {
    const meeting = await m.getRepository(MeetingEntity).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!meeting) throw notFound('The meeting');
    return meeting;
  }

  async get(actor: Actor, id: string): Promise<MeetingView> {
    const m = await this.load(id);
    if (!this.visible(actor, m)) throw notFound('The meeting');
    return this.view(m);
  }

  async agenda(actor: Actor, meetingId: string): Promise<AgendaItemView[]> {
    const m = await this.load(meetingId);
    if (!this.visible(actor, m)) return [];
    const items = await this.dataSource.getRepository(AgendaItemEntity).find({ where: { meetingId } });
    items.sort((a, b) => SECTION_ORDER.get(a.section)! - SECTION_ORDER.get(b.section)! || a.position - b.position);
    return items.map((i) => ({ id: i.id, section: i.section, position: i.position, generator: i.generator, title: i.title, notes: i.notes, version: i.version, entries: i.entries.map((e) => entryView(actor, e)) }));
  }

  async attendance(meetingId: string): Promise<AttendanceView[]> {
    const rows = await this.dataSource.getRepository(MeetingAttendanceEntity).find({ where: { meetingId }, relations: { agency: true } });
    return rows.sort((a, b) => a.agency!.name.localeCompare(b.agency!.name)).map((r) => ({ agency: r.agency!, status: r.status, representative: r.representative }));
  }

  private async people(ids: (string | null)[]): Promise<Map<string, AgendaPerson>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const rows = await this.dataSource.query<AgendaPerson[]>(
      `SELECT id, pseudonym, reference, upper(left(first_name, 1)) || '.' || upper(left(last_name, 1)) || '.' AS initials FROM young_person WHERE id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  async decisions(actor: Actor, meetingId: string): Promise<DecisionView[]> {
    if (actor.role === 'AGENCY_LEAD') return [];
    const rows = await this.dataSource.getRepository(DecisionEntity).find({ where: { meetingId }, order: { recordedAt: 'ASC' } });
    const people = await this.people(rows.map((r) => r.youngPersonId));
    return rows.map((r) => ({ id: r.id, kind: r.kind, note: r.note, agendaItemId: r.agendaItemId, youngPersonId: r.youngPersonId, person: personLabel(actor, r.youngPersonId ? (people.get(r.youngPersonId) ?? null) : null), recordedAt: r.recordedAt }));
  }

  /** Actions: of a meeting, or every open one; agency leads see only their own agency's. */
  async actions(actor: Actor, filter: { meetingId?: string | null; openOnly?: boolean; agencyId?: string | null }): Promise<ActionView[]> {
    if (actor.role === 'AGENCY_LEAD' && filter.agencyId && filter.agencyId.toLowerCase() !== actor.agencyId) {
      await this.audit.recordAlone({ action: 'meeting.action_access_refused', actor, entityType: 'agency', entityId: filter.agencyId, details: { what: 'actions' } });
      throw actionScopeRefused();
    }
    const qb = this.dataSource.getRepository(ActionEntity).createQueryBuilder('a').leftJoinAndSelect('a.ownerAgency', 'agency').leftJoinAndSelect('a.meeting', 'meeting');
    if (filter.meetingId) qb.andWhere('a.meeting_id = :meetingId', { meetingId: filter.meetingId });
    if (filter.openOnly) qb.andWhere(`a.status IN ('OPEN', 'IN_PROGRESS')`);
    if (actor.role === 'AGENCY_LEAD') qb.andWhere('a.owner_agency_id = :own', { own: actor.agencyId });
    else if (filter.agencyId) qb.andWhere('a.owner_agency_id = :agencyId', { agencyId: filter.agencyId });
    const rows = await qb.orderBy('a.due_on', 'ASC').addOrderBy('a.created_at', 'ASC').limit(500).getMany();
    const people = await this.people(rows.map((r) => r.youngPersonId));
    const today = todayIso();
    return rows.map((r) => ({
      id: r.id,
      meetingId: r.meetingId,
      meetingDate: r.meeting!.date,
      description: r.description,
      ownerAgency: r.ownerAgency!,
      owner: r.owner,
      dueOn: r.dueOn,
      status: r.status,
      update: r.update,
      completedOn: r.completedOn,
      overdue: (r.status === 'OPEN' || r.status === 'IN_PROGRESS') && r.dueOn < today,
      youngPersonId: actor.role === 'AGENCY_LEAD' ? null : r.youngPersonId,
      person: personLabel(actor, r.youngPersonId ? (people.get(r.youngPersonId) ?? null) : null),
      version: r.version,
    }));
  }

  async blockages(meetingId: string | null): Promise<BlockageView[]> {
    const rows = await this.dataSource.getRepository(BlockageEntity).find({ where: meetingId ? { meetingId } : { status: 'OPEN' }, order: { createdAt: 'ASC' } });
    const agencies = new Map((await this.dataSource.getRepository(AgencyEntity).find()).map((a) => [a.id, a]));
    return rows.map((b) => ({ id: b.id, description: b.description, agency: b.agencyId ? (agencies.get(b.agencyId) ?? null) : null, status: b.status, resolution: b.resolution, version: b.version }));
  }

  // ---------- the calendar ----------

  async schedule(actor: Actor, input: ScheduleMeetingInput): Promise<MeetingView> {
    return this.dataSource.transaction(async (m) => {
      await this.noClash(m, input.date, null);
      const repo = m.getRepository(MeetingEntity);
      const saved = await repo.save(repo.create({ date: input.date, chairs: input.chairs.map((c) => c.trim()).filter(Boolean), venue: input.venue?.trim() || null, status: 'PLANNED', createdBy: actor.userId }));
      await this.audit.record(m, { action: 'meeting.scheduled', actor, entityType: 'meeting', entityId: saved.id, details: { date: saved.date } });
      return this.view(saved);
    });
  }

  /** Schedules the usual monthly meetings for the months that have none. */
  async scheduleMonthly(actor: Actor, from: string, months: number): Promise<MeetingView[]> {
    if (months < 1 || months > 24) throw badInput([{ field: 'months', message: 'Schedule 1 to 24 months at a time' }]);
    const rule = await this.returns.settings();
    const out: MeetingView[] = [];
    for (let i = 0; i < months; i++) {
      const [y, mo] = from.split('-').map(Number);
      const month = new Date(Date.UTC(y, mo - 1 + i, 1)).toISOString().slice(0, 7);
      const before = new Date(Date.UTC(y, mo - 2 + i, 1)).toISOString().slice(0, 7);
      const date = defaultMeetingDate(before, rule);
      const [existing]: unknown[] = await this.dataSource.query(`SELECT 1 FROM meeting WHERE to_char(date, 'YYYY-MM') = $1 AND status <> 'CANCELLED'`, [month]);
      if (!existing) out.push(await this.schedule(actor, { date, chairs: [], venue: null }));
    }
    return out;
  }

  private async noClash(m: EntityManager, date: string, self: string | null): Promise<void> {
    const [clash]: { date: string }[] = await m.query(`SELECT date::text FROM meeting WHERE date = $1 AND status <> 'CANCELLED' AND id IS DISTINCT FROM $2::uuid`, [date, self]);
    if (clash) throw badInput([{ field: 'date', message: `A meeting is already scheduled on ${date}` }]);
  }

  private stale(meeting: MeetingEntity, version: number): void {
    if (meeting.version !== version) throw conflict('Someone else changed this meeting after you opened it. Reload and try again.');
  }

  async move(actor: Actor, input: MoveMeetingInput): Promise<MeetingView> {
    return this.dataSource.transaction(async (m) => {
      const meeting = await this.load(input.id, m, true);
      this.stale(meeting, input.version);
      if (meeting.status !== 'PLANNED' && meeting.status !== 'AGENDA_ISSUED') throw conflict(`A meeting that is ${meeting.status.toLowerCase().replace('_', ' ')} cannot be moved.`);
      await this.noClash(m, input.date, meeting.id);
      const from = meeting.date;
      meeting.date = input.date;
      const saved = await m.getRepository(MeetingEntity).save(meeting);
      await this.audit.record(m, { action: 'meeting.moved', actor, entityType: 'meeting', entityId: meeting.id, details: { from, to: input.date } });
      return this.view(saved);
    });
  }

  async cancel(actor: Actor, input: CancelMeetingInput): Promise<MeetingView> {
    return this.dataSource.transaction(async (m) => {
      const meeting = await this.load(input.id, m, true);
      this.stale(meeting, input.version);
      if (meeting.status !== 'PLANNED' && meeting.status !== 'AGENDA_ISSUED') throw conflict('Only a meeting that has not been held can be cancelled.');
      if (!input.reason.trim()) throw badInput([{ field: 'reason', message: 'Say why the meeting is cancelled' }]);
      Object.assign(meeting, { status: 'CANCELLED', cancelledReason: input.reason.trim() });
      const saved = await m.getRepository(MeetingEntity).save(meeting);
      await this.audit.record(m, { action: 'meeting.cancelled', actor, entityType: 'meeting', entityId: meeting.id, reason: input.reason.trim() });
      return this.view(saved);
    });
  }

  async recordAttendance(actor: Actor, input: RecordAttendanceInput): Promise<AttendanceView[]> {
    await this.dataSource.transaction(async (m) => {
      const meeting = await this.load(input.meetingId, m, true);
      if (meeting.status === 'MINUTES_APPROVED' || meeting.status === 'CANCELLED') throw conflict('The attendance of this meeting can no longer be changed.');
      const repo = m.getRepository(MeetingAttendanceEntity);
      for (const a of input.attendance) {
        await repo.upsert({ meetingId: meeting.id, agencyId: a.agencyId, status: a.status, representative: a.representative?.trim() || null }, ['meetingId', 'agencyId']);
      }
      await this.audit.record(m, { action: 'meeting.attendance_recorded', actor, entityType: 'meeting', entityId: meeting.id, details: { agencies: input.attendance.length } });
    });
    return this.attendance(input.meetingId);
  }

  // ---------- the agenda ----------

  private editable(meeting: MeetingEntity): void {
    if (meeting.status !== 'PLANNED') throw conflict('The agenda has been issued: it is frozen and cannot be changed.');
  }

  /** Builds (or rebuilds from the data) the generated items, keeping their notes and order, and any items added by hand. */
  async generate(actor: Actor, meetingId: string): Promise<AgendaItemView[]> {
    const meeting = await this.load(meetingId);
    this.editable(meeting);
    const ctx = await this.generator.context(meeting.id, meeting.date);
    const generated = await this.generator.generate(actor, ctx);
    await this.dataSource.transaction(async (m) => {
      const locked = await this.load(meetingId, m, true);
      this.editable(locked);
      const repo = m.getRepository(AgendaItemEntity);
      // What is there already, without its content (which can be large): which items exist and where.
      const existing = await repo.find({ where: { meetingId }, select: { id: true, section: true, position: true, generator: true } });
      const updates: { id: string; entries: AgendaEntry[] }[] = [];
      const inserts: Partial<AgendaItemEntity>[] = [];
      for (const g of AGENDA_GENERATORS) {
        if (locked.removedGenerators.includes(g.key)) continue; // a co-chair took it off the agenda: it stays off
        const item = existing.find((i) => i.generator === g.key);
        if (item) updates.push({ id: item.id, entries: generated[g.key] });
        else {
          const inSection = existing.filter((i) => i.section === g.section);
          const position = AGENDA_GENERATORS.filter((x) => x.section === g.section).findIndex((x) => x.key === g.key) + (inSection.some((i) => !i.generator) ? 100 : 0);
          inserts.push({ meetingId, section: g.section, position, generator: g.key, title: g.title, entries: generated[g.key], notes: null });
        }
      }
      // One statement for every regenerated item and one for the new ones, whatever the agenda's size.
      if (updates.length) {
        await m.query(
          `UPDATE agenda_item a SET entries = u.entries, version = a.version + 1, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, entries jsonb) WHERE a.id = u.id AND a.meeting_id = $2`,
          [JSON.stringify(updates), meetingId],
        );
      }
      if (inserts.length) await repo.save(inserts.map((x) => repo.create(x)));
      locked.agendaGeneratedAt = new Date();
      await m.getRepository(MeetingEntity).save(locked);
      await this.audit.record(m, { action: 'meeting.agenda_generated', actor, entityType: 'meeting', entityId: meetingId, details: { since: ctx.since } });
    });
    return this.agenda(actor, meetingId);
  }

  /** The pack's figures as frozen at issue (null for an agenda issued before packs kept them). */
  async packFigures(meetingId: string): Promise<PackFigures | null> {
    const [row]: { pack_figures: PackFigures | null }[] = await this.dataSource.query(`SELECT pack_figures FROM meeting WHERE id = $1`, [meetingId]);
    return row?.pack_figures ?? null;
  }

  /**
   * The agenda's key chart and hot-spot map as this viewer may see them (null where the meeting is
   * not theirs to see): from the data as it stands until the agenda is issued, then the figures
   * frozen with it, whatever changes after.
   */
  async figures(actor: Actor, meetingId: string): Promise<AgendaFiguresView | null> {
    const meeting = await this.load(meetingId);
    if (!this.visible(actor, meeting)) return null;
    const kept = await this.packFigures(meetingId);
    const live = kept?.hotSpots ? null : await this.generator.packFigures(actor, meeting.date);
    return figuresView(actor, kept ?? live!, kept?.hotSpots ?? live!.hotSpots!, { chart: kept !== null, hotSpots: !!kept?.hotSpots });
  }

  private async loadItem(m: EntityManager, id: string): Promise<{ item: AgendaItemEntity; meeting: MeetingEntity }> {
    const item = await m.getRepository(AgendaItemEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!item) throw notFound('The agenda item');
    return { item, meeting: await this.load(item.meetingId, m, true) };
  }

  private mayEditSection(actor: Actor, section: AgendaSection): void {
    if (PREPARERS.has(actor.role)) return;
    if (actor.role === 'POLICE' && POLICE_SECTIONS.includes(section)) return;
    throw forbidden('The police contribute to the offenders and locations items only');
  }

  async updateItem(actor: Actor, input: UpdateAgendaItemInput): Promise<AgendaItemView> {
    const id = await this.dataSource.transaction(async (m) => {
      const { item, meeting } = await this.loadItem(m, input.id);
      this.editable(meeting);
      this.mayEditSection(actor, item.section);
      if (item.version !== input.version) throw conflict('Someone else changed this item after you opened it. Reload and try again.');
      if (!input.title.trim()) throw badInput([{ field: 'title', message: 'Give the item a title' }]);
      Object.assign(item, { title: input.title.trim(), notes: input.notes?.trim() || null });
      await m.getRepository(AgendaItemEntity).save(item);
      await this.audit.record(m, { action: 'meeting.agenda_item_updated', actor, entityType: 'meeting', entityId: meeting.id, details: { itemId: item.id } });
      return item.meetingId;
    });
    return (await this.agenda(actor, id)).find((i) => i.id === input.id)!;
  }

  async addItem(actor: Actor, input: AddAgendaItemInput): Promise<AgendaItemView[]> {
    await this.dataSource.transaction(async (m) => {
      const meeting = await this.load(input.meetingId, m, true);
      this.editable(meeting);
      this.mayEditSection(actor, input.section);
      if (!input.title.trim()) throw badInput([{ field: 'title', message: 'Give the item a title' }]);
      const [{ max }]: { max: number | null }[] = await m.query(`SELECT max(position) AS max FROM agenda_item WHERE meeting_id = $1 AND section = $2`, [meeting.id, input.section]);
      const repo = m.getRepository(AgendaItemEntity);
      const saved = await repo.save(repo.create({ meetingId: meeting.id, section: input.section, position: (max ?? -1) + 1, generator: null, title: input.title.trim(), notes: input.notes?.trim() || null, entries: [] }));
      await this.audit.record(m, { action: 'meeting.agenda_item_added', actor, entityType: 'meeting', entityId: meeting.id, details: { itemId: saved.id, section: input.section } });
    });
    return this.agenda(actor, input.meetingId);
  }

  async moveItem(actor: Actor, input: MoveAgendaItemInput): Promise<AgendaItemView[]> {
    const meetingId = await this.dataSource.transaction(async (m) => {
      const { item, meeting } = await this.loadItem(m, input.id);
      this.editable(meeting);
      const repo = m.getRepository(AgendaItemEntity);
      const siblings = (await repo.find({ where: { meetingId: meeting.id, section: item.section } })).sort((a, b) => a.position - b.position);
      const i = siblings.findIndex((s) => s.id === item.id);
      const j = i + input.by;
      if (j < 0 || j >= siblings.length) return meeting.id;
      [siblings[i], siblings[j]] = [siblings[j], siblings[i]];
      for (const [k, s] of siblings.entries()) if (s.position !== k) await m.query(`UPDATE agenda_item SET position = $2, version = version + 1 WHERE id = $1`, [s.id, k]);
      await this.audit.record(m, { action: 'meeting.agenda_item_moved', actor, entityType: 'meeting', entityId: meeting.id, details: { itemId: item.id, by: input.by } });
      return meeting.id;
    });
    return this.agenda(actor, meetingId);
  }

  async removeItem(actor: Actor, id: string): Promise<AgendaItemView[]> {
    const meetingId = await this.dataSource.transaction(async (m) => {
      const { item, meeting } = await this.loadItem(m, id);
      this.editable(meeting);
      await m.getRepository(AgendaItemEntity).delete({ id });
      // A generated item stays removed when the agenda is generated again (without changing the meeting's version).
      if (item.generator) await m.query(`UPDATE meeting SET removed_generators = array_append(removed_generators, $2) WHERE id = $1 AND NOT ($2 = ANY (removed_generators))`, [meeting.id, item.generator]);
      await this.audit.record(m, { action: 'meeting.agenda_item_removed', actor, entityType: 'meeting', entityId: meeting.id, details: { itemId: id, title: item.title, generator: item.generator } });
      return meeting.id;
    });
    return this.agenda(actor, meetingId);
  }

  /** Freezes the agenda: what it holds now is what the meeting considers, whatever changes after. */
  async issue(actor: Actor, meetingId: string, version: number): Promise<MeetingView> {
    // The pack's chart and map are frozen with the agenda: taken now (outside the meeting's lock), kept with the meeting, never recomputed.
    const figures = await this.generator.packFigures(actor, (await this.load(meetingId)).date);
    return this.dataSource.transaction(async (m) => {
      const meeting = await this.load(meetingId, m, true);
      if (meeting.status !== 'PLANNED') throw conflict(meeting.status === 'CANCELLED' ? 'This meeting is cancelled.' : 'The agenda has already been issued.');
      this.stale(meeting, version);
      const [{ n }]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM agenda_item WHERE meeting_id = $1`, [meetingId]);
      if (!n) throw badInput([{ field: 'meetingId', message: 'Generate the agenda before issuing it' }]);
      await m.query(`UPDATE meeting SET pack_figures = $2::jsonb WHERE id = $1`, [meetingId, JSON.stringify(figures)]);
      Object.assign(meeting, { status: 'AGENDA_ISSUED', issuedAt: new Date(), issuedBy: actor.userId });
      const saved = await m.getRepository(MeetingEntity).save(meeting);
      await this.audit.record(m, { action: 'meeting.agenda_issued', actor, entityType: 'meeting', entityId: meetingId, details: { packPeriod: figures.period } });
      return this.view(saved);
    });
  }

  /** What moved: the data now against the issued agenda, or this agenda against the last meeting's. */
  async changes(actor: Actor, meetingId: string, basis: 'ISSUED' | 'LAST_MEETING'): Promise<AgendaChange[]> {
    const meeting = await this.load(meetingId);
    if (!this.visible(actor, meeting)) throw notFound('The meeting');
    const items = await this.dataSource.getRepository(AgendaItemEntity).find({ where: { meetingId } });
    const ctx = await this.generator.context(meeting.id, meeting.date);
    let before: Map<string, AgendaEntry[]>;
    let after: Map<string, AgendaEntry[]>;
    const mine = new Map(items.filter((i) => i.generator).map((i) => [i.generator!, i.entries]));
    if (basis === 'ISSUED') {
      if (meeting.status === 'PLANNED' || meeting.status === 'CANCELLED') throw conflict('The agenda has not been issued yet.');
      before = mine;
      const now = await this.generator.generate({ ...actor, role: 'ANALYST' }, ctx);
      after = new Map(Object.entries(now));
    } else {
      const [prev]: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM meeting WHERE date < $1 AND status IN ('AGENDA_ISSUED', 'HELD', 'MINUTES_APPROVED') ORDER BY date DESC LIMIT 1`,
        [meeting.date],
      );
      const prevItems = prev ? await this.dataSource.getRepository(AgendaItemEntity).find({ where: { meetingId: prev.id } }) : [];
      before = new Map(prevItems.filter((i) => i.generator).map((i) => [i.generator!, i.entries]));
      after = mine.size ? mine : new Map(Object.entries(await this.generator.generate({ ...actor, role: 'ANALYST' }, ctx)));
    }
    // An item a co-chair took off this agenda has no changes to show: it is not on the agenda.
    return AGENDA_GENERATORS.filter((g) => g.key !== 'attendance' && g.key !== 'next_meeting' && !meeting.removedGenerators.includes(g.key)).map((g) => {
      const b = before.get(g.key) ?? [];
      const a = after.get(g.key) ?? [];
      const bKeys = new Set(b.map((e) => e.key));
      const aKeys = new Set(a.map((e) => e.key));
      return {
        generator: g.key,
        title: g.title,
        added: a.filter((e) => !bKeys.has(e.key)).map((e) => entryView(actor, e)),
        removed: b.filter((e) => !aKeys.has(e.key)).map((e) => entryView(actor, e)),
      };
    });
  }

  // ---------- during and after ----------

  private recording(meeting: MeetingEntity): void {
    if (meeting.status === 'MINUTES_APPROVED') throw conflict('The minutes are approved: this meeting is locked.');
    if (meeting.status !== 'AGENDA_ISSUED' && meeting.status !== 'HELD') throw conflict('Decisions and actions are recorded once the agenda is issued.');
  }

  async markHeld(actor: Actor, meetingId: string, version: number): Promise<MeetingView> {
    return this.dataSource.transaction(async (m) => {
      const meeting = await this.load(meetingId, m, true);
      if (meeting.status !== 'AGENDA_ISSUED') throw conflict('Only a meeting whose agenda is issued can be marked as held.');
      this.stale(meeting, version);
      if (meeting.date > todayIso()) throw badInput([{ field: 'meetingId', message: 'The meeting is in the future: it cannot have been held yet' }]);
      meeting.status = 'HELD';
      const saved = await m.getRepository(MeetingEntity).save(meeting);
      await this.audit.record(m, { action: 'meeting.held', actor, entityType: 'meeting', entityId: meetingId });
      return this.view(saved);
    });
  }

  async recordDecision(actor: Actor, input: RecordDecisionInput): Promise<DecisionView> {
    const id = await this.dataSource.transaction(async (m) => {
      const meeting = await this.load(input.meetingId, m, true);
      this.recording(meeting);
      if (!input.youngPersonId && !input.agendaItemId) throw badInput([{ field: 'youngPersonId', message: 'Say which young person or agenda item the decision is about' }]);
      if (input.youngPersonId && !(await m.query<unknown[]>(`SELECT 1 FROM young_person WHERE id = $1`, [input.youngPersonId])).length) throw badInput([{ field: 'youngPersonId', message: 'No young person with this id is recorded' }]);
      if (input.agendaItemId && !(await m.query<unknown[]>(`SELECT 1 FROM agenda_item WHERE id = $1 AND meeting_id = $2`, [input.agendaItemId, meeting.id])).length) throw badInput([{ field: 'agendaItemId', message: 'That item is not on this meeting’s agenda' }]);
      const repo = m.getRepository(DecisionEntity);
      const saved = await repo.save(repo.create({ meetingId: meeting.id, kind: input.kind, youngPersonId: input.youngPersonId ?? null, agendaItemId: input.agendaItemId ?? null, note: input.note?.trim() || null, recordedBy: actor.userId }));
      await this.audit.record(m, { action: 'meeting.decision_recorded', actor, entityType: 'meeting', entityId: meeting.id, details: { decisionId: saved.id, kind: saved.kind, youngPersonId: saved.youngPersonId } });
      return saved.id;
    });
    return (await this.decisions(actor, input.meetingId)).find((d) => d.id === id)!;
  }

  async recordAction(actor: Actor, input: RecordActionInput): Promise<ActionView> {
    const problems: FieldProblem[] = [];
    if (!input.description.trim()) problems.push({ field: 'description', message: 'Describe the action' });
    if (!input.ownerAgencyId) problems.push({ field: 'ownerAgencyId', message: 'Choose the agency that owns the action' });
    if (!input.owner?.trim()) problems.push({ field: 'owner', message: 'Name the person who owns the action' });
    if (!input.dueOn) problems.push({ field: 'dueOn', message: 'Give the date the action is due' });
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueOn) || Number.isNaN(Date.parse(`${input.dueOn}T00:00:00Z`))) problems.push({ field: 'dueOn', message: 'Enter a real due date' });
    if (problems.length) throw badInput(problems);
    const id = await this.dataSource.transaction(async (m) => {
      const meeting = await this.load(input.meetingId, m, true);
      this.recording(meeting);
      if (!(await m.getRepository(AgencyEntity).existsBy({ id: input.ownerAgencyId!, active: true }))) throw badInput([{ field: 'ownerAgencyId', message: 'Choose an active member agency' }]);
      const repo = m.getRepository(ActionEntity);
      const saved = await repo.save(
        repo.create({ meetingId: meeting.id, description: input.description.trim(), ownerAgencyId: input.ownerAgencyId!, owner: input.owner!.trim(), dueOn: input.dueOn!, youngPersonId: input.youngPersonId ?? null, agendaItemId: input.agendaItemId ?? null, status: 'OPEN', createdBy: actor.userId }),
      );
      await this.audit.record(m, { action: 'meeting.action_recorded', actor, entityType: 'meeting_action', entityId: saved.id, details: { meetingId: meeting.id, ownerAgencyId: saved.ownerAgencyId, dueOn: saved.dueOn } });
      return saved.id;
    });
    return (await this.actions(actor, { meetingId: input.meetingId })).find((a) => a.id === id)!;
  }

  /** The owning agency's lead (or a co-chair or the co-ordinator) updates an action's progress. */
  async updateAction(actor: Actor, input: UpdateActionInput): Promise<ActionView> {
    const owner = await this.dataSource.getRepository(ActionEntity).findOne({ where: { id: input.id }, select: { id: true, ownerAgencyId: true } });
    if (owner && actor.role === 'AGENCY_LEAD' && owner.ownerAgencyId !== actor.agencyId) {
      // Refused at record level, as for another agency's returns; the attempt is recorded.
      await this.audit.recordAlone({ action: 'meeting.action_access_refused', actor, entityType: 'meeting_action', entityId: owner.id, details: { what: 'updateAction' } });
      throw actionScopeRefused();
    }
    await this.dataSource.transaction(async (m) => {
      const action = await m.getRepository(ActionEntity).findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!action) throw notFound('The action');
      if (actor.role === 'AGENCY_LEAD' && action.ownerAgencyId !== actor.agencyId) throw actionScopeRefused();
      if (action.version !== input.version) throw conflict('Someone else updated this action after you opened it. Reload and try again.');
      const done = input.status === 'DONE';
      Object.assign(action, { status: input.status, update: input.update?.trim() || action.update, completedOn: done ? (action.completedOn ?? todayIso()) : null });
      await m.getRepository(ActionEntity).save(action);
      await this.audit.record(m, { action: 'meeting.action_updated', actor, entityType: 'meeting_action', entityId: action.id, details: { status: input.status } });
    });
    return (await this.actions(actor, {})).find((a) => a.id === input.id)!;
  }

  async raiseBlockage(actor: Actor, input: RaiseBlockageInput): Promise<BlockageView> {
    if (!input.description.trim()) throw badInput([{ field: 'description', message: 'Describe the blockage' }]);
    const id = await this.dataSource.transaction(async (m) => {
      const meeting = await this.load(input.meetingId, m, true);
      if (meeting.status === 'MINUTES_APPROVED' || meeting.status === 'CANCELLED') throw conflict('This meeting is closed.');
      const repo = m.getRepository(BlockageEntity);
      const saved = await repo.save(repo.create({ meetingId: meeting.id, agencyId: input.agencyId ?? null, description: input.description.trim(), status: 'OPEN', createdBy: actor.userId }));
      await this.audit.record(m, { action: 'meeting.blockage_raised', actor, entityType: 'meeting', entityId: meeting.id, details: { blockageId: saved.id } });
      return saved.id;
    });
    return (await this.blockages(input.meetingId)).find((b) => b.id === id)!;
  }

  async resolveBlockage(actor: Actor, input: ResolveBlockageInput): Promise<BlockageView> {
    if (!input.resolution.trim()) throw badInput([{ field: 'resolution', message: 'Say how the blockage was resolved' }]);
    const meetingId = await this.dataSource.transaction(async (m) => {
      const b = await m.getRepository(BlockageEntity).findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!b) throw notFound('The blockage');
      if (b.version !== input.version) throw conflict('Someone else changed this blockage after you opened it. Reload and try again.');
      if (b.status === 'RESOLVED') throw conflict('This blockage is already resolved.');
      Object.assign(b, { status: 'RESOLVED', resolution: input.resolution.trim(), resolvedAt: new Date() });
      await m.getRepository(BlockageEntity).save(b);
      await this.audit.record(m, { action: 'meeting.blockage_resolved', actor, entityType: 'meeting', entityId: b.meetingId, details: { blockageId: b.id } });
      return b.meetingId;
    });
    return (await this.blockages(meetingId)).find((x) => x.id === input.id)!;
  }

  async saveMinutes(actor: Actor, input: SaveMinutesInput): Promise<MeetingView> {
    return this.dataSource.transaction(async (m) => {
      const meeting = await this.load(input.meetingId, m, true);
      if (meeting.status === 'MINUTES_APPROVED') throw conflict('The minutes are approved and locked.');
      if (meeting.status !== 'HELD') throw conflict('Minutes are written once the meeting has been held.');
      this.stale(meeting, input.version);
      meeting.minutes = input.minutes.trim() || null;
      const saved = await m.getRepository(MeetingEntity).save(meeting);
      await this.audit.record(m, { action: 'meeting.minutes_saved', actor, entityType: 'meeting', entityId: meeting.id });
      return this.view(saved);
    });
  }

  async approveMinutes(actor: Actor, meetingId: string, version: number): Promise<MeetingView> {
    return this.dataSource.transaction(async (m) => {
      const meeting = await this.load(meetingId, m, true);
      if (meeting.status === 'MINUTES_APPROVED') throw conflict('The minutes are already approved.');
      if (meeting.status !== 'HELD') throw conflict('The minutes of a meeting that has not been held cannot be approved.');
      this.stale(meeting, version);
      if (!meeting.minutes) throw badInput([{ field: 'minutes', message: 'Write the minutes before approving them' }]);
      Object.assign(meeting, { status: 'MINUTES_APPROVED', minutesApprovedAt: new Date(), minutesApprovedBy: actor.userId });
      const saved = await m.getRepository(MeetingEntity).save(meeting);
      await this.audit.record(m, { action: 'meeting.minutes_approved', actor, entityType: 'meeting', entityId: meetingId });
      return this.view(saved);
    });
  }

  /** The meeting's young people (for recording decisions): those on its agenda. */
  async agendaPeople(actor: Actor, meetingId: string): Promise<{ id: string; label: string }[]> {
    const items = await this.dataSource.getRepository(AgendaItemEntity).find({ where: { meetingId, generator: In(AGENDA_GENERATORS.filter((g) => g.section === 'VICTIMS').map((g) => g.key)) } });
    const seen = new Map<string, string>();
    for (const i of items) for (const e of i.entries) if (e.youngPerson && !seen.has(e.youngPerson.id)) seen.set(e.youngPerson.id, personLabel(actor, e.youngPerson)!);
    return [...seen].map(([id, label]) => ({ id, label }));
  }
}
