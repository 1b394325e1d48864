import { Injectable } from '@nestjs/common';
import {
  checkReturn,
  IDENTIFYING_ROLES,
  MEASURE_BY_KEY,
  readReturnCsv,
  RETURN_CSV_HEADER,
  templateFor,
  type AgencyKind,
  type ReturnContent,
  type ReturnProblem,
  type ReturnStatus,
} from '@mase/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { appError, badInput, conflict, notFound, type FieldProblem } from '../../common/graphql/errors.js';
import { AgencyEntity } from '../agencies/agency.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { readCsv } from '../imports/csv.js';
import { nameKey } from '../young-people/young-people.service.js';
import { deadlineFor, londonDay, periodsBetween, type DeadlineRule } from './deadlines.js';
import { AgencyReturnEntity, AgencyReturnVersionEntity, ReturnSettingsEntity, type VersionKind } from './return.entities.js';
import type {
  AgencyReturnView,
  AmendReturnInput,
  ComplianceState,
  OverdueReturn,
  PeriodRangeInput,
  ReturnCompliance,
  ReturnContentInput,
  ReturnContentView,
  ReturnCsvPreview,
  ReturnPeriod,
  ReturnsFilter,
  ReturnSettings,
  ReturnTotals,
  ReturnVersion,
  ReturnYoungPersonFlag,
  ReviewReturnInput,
  SaveReturnDraftInput,
  SubmitReturnInput,
  UpdateReturnSettingsInput,
} from './returns.types.js';

const DEFAULT_RULE: DeadlineRule = { rule: 'WORKING_DAYS_BEFORE_MEETING', workingDays: 5, fixedDay: 10, meetingWeekday: 3, meetingWeek: 3 };
const MAX_PERIODS = 60;
export const MAX_RETURN_CSV_ROWS = 1_000;

const currentPeriod = () => new Date().toISOString().slice(0, 7);
const todayIso = () => new Date().toISOString().slice(0, 10);
const firstDay = (period: string) => `${period}-01`;
const periodOf = (date: string) => date.slice(0, 7);

function addMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/** Trims and normalises what a form or file sent; the shape the database keeps. */
function clean(c: ReturnContentInput): ReturnContent {
  return {
    measures: c.measures.map((m) => ({ key: m.key, value: m.value ?? null })),
    localities: c.localities.map((l) => ({ kind: l.kind, description: l.description.trim(), locationId: l.locationId?.toLowerCase() ?? null })),
    youngPeople: c.youngPeople.map((y) => ({
      reference: y.reference.trim(),
      involvement: y.involvement,
      firstName: y.firstName?.trim() || null,
      lastName: y.lastName?.trim() || null,
      dateOfBirth: y.dateOfBirth?.trim() || null,
    })),
    outcomes: c.outcomes?.trim() || null,
    blockages: c.blockages.map((b) => b.trim()),
  };
}

const asFields = (problems: ReturnProblem[]): FieldProblem[] => problems.map((p) => ({ field: `content.${p.field}`, message: p.message }));

/**
 * The monthly agency returns: drafts, submissions and their versions, review, deadlines and
 * compliance, and the totals that feed the analyst's dashboard and the agenda. Agency leads reach
 * only their own agency's returns; any attempt at another agency's is refused and audited.
 */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  // ---------- access ----------

  /** An agency lead reaching another agency's returns is refused, and the attempt is audited. */
  private async guardAgency(actor: Actor, agencyId: string | null | undefined, what: string): Promise<void> {
    if (actor.role !== 'AGENCY_LEAD') return;
    if (agencyId && agencyId.toLowerCase() === actor.agencyId) return;
    await this.audit.recordAlone({ action: 'return.access_refused', actor, entityType: 'agency', entityId: agencyId ?? null, details: { what } });
    throw appError('FORBIDDEN', "You can only see and change your own agency's returns", { scope: 'RECORD' });
  }

  // ---------- settings and deadlines ----------

  async settings(m: EntityManager = this.dataSource.manager): Promise<ReturnSettings> {
    const row = await m.getRepository(ReturnSettingsEntity).findOneBy({ id: 1 });
    return row ?? { ...DEFAULT_RULE, version: 0 };
  }

  async updateSettings(actor: Actor, input: UpdateReturnSettingsInput): Promise<ReturnSettings> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO return_settings (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`);
      const [row]: { version: number }[] = await m.query(`SELECT version FROM return_settings WHERE id = 1 FOR UPDATE`);
      if (input.version !== row.version) throw conflict('Someone else changed the deadline settings after you opened them. Reload and try again.');
      const { version: _v, ...values } = input;
      await m.query(
        `UPDATE return_settings SET rule = $1, working_days = $2, fixed_day = $3, meeting_weekday = $4, meeting_week = $5, version = version + 1, updated_at = now(), updated_by = $6 WHERE id = 1`,
        [values.rule, values.workingDays, values.fixedDay, values.meetingWeekday, values.meetingWeek, actor.userId],
      );
      // Returns not yet submitted move to the new deadline; submitted ones keep the deadline they were judged against.
      const drafts: { id: string; period: string }[] = await m.query(`SELECT id, to_char(period, 'YYYY-MM') AS period FROM agency_return WHERE status = 'DRAFT'`);
      for (const d of drafts) await m.query(`UPDATE agency_return SET deadline = $2 WHERE id = $1`, [d.id, deadlineFor(d.period, values)]);
      await this.audit.record(m, { action: 'return_settings.updated', actor, entityType: 'return_settings', details: values });
      return this.settings(m);
    });
  }

  /** Each period's deadline: counted back from its scheduled meeting (the month after), or from the usual meeting day. */
  private async deadlines(periods: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const rule = await this.settings(m);
    const meetings = await m.query<{ period: string; date: string }[]>(
      `SELECT DISTINCT ON (month) to_char(month - interval '1 month', 'YYYY-MM') AS period, date::text
       FROM (SELECT date_trunc('month', date)::date AS month, date FROM meeting WHERE status <> 'CANCELLED') s
       WHERE to_char(month - interval '1 month', 'YYYY-MM') = ANY($1) ORDER BY month, date`,
      [periods],
    );
    const meetingOf = new Map(meetings.map((x) => [x.period, x.date]));
    return new Map(periods.map((p) => [p, deadlineFor(p, rule as DeadlineRule, meetingOf.get(p) ?? null)]));
  }

  // ---------- reading ----------

  private async agencyOf(m: EntityManager, agencyId: string): Promise<AgencyEntity> {
    const a = await m.getRepository(AgencyEntity).findOneBy({ id: agencyId });
    if (!a) throw badInput([{ field: 'agencyId', message: 'No agency with this id is recorded' }]);
    return a;
  }

  /** What a role may see of a return's content: the analyst gets pseudonyms, not references or names. */
  private async view(actor: Actor, content: ReturnContent, m: EntityManager = this.dataSource.manager): Promise<ReturnContentView> {
    const placeIds = [...new Set(content.localities.map((l) => l.locationId).filter((x): x is string => !!x))];
    const places = new Map<string, string>();
    if (placeIds.length) for (const p of (await m.query<{ id: string; name: string }[]>(`SELECT id, name FROM location WHERE id = ANY($1::uuid[])`, [placeIds]))) places.set(p.id, p.name);
    const identifying = actor.role === 'AGENCY_LEAD' || IDENTIFYING_ROLES.includes(actor.role);
    let pseudonyms = new Map<string, string>();
    if (actor.role !== 'AGENCY_LEAD' && content.youngPeople.length) {
      const rows: { reference: string; pseudonym: string }[] = await m.query(`SELECT upper(reference) AS reference, pseudonym FROM young_person WHERE upper(reference) = ANY($1)`, [
        content.youngPeople.map((y) => y.reference.toUpperCase()),
      ]);
      pseudonyms = new Map(rows.map((r) => [r.reference, r.pseudonym]));
    }
    return {
      measures: content.measures.map((x) => {
        const def = MEASURE_BY_KEY.get(x.key);
        return { key: x.key, label: def?.label ?? x.key, section: def?.section ?? 'PREVENTION', value: x.value };
      }),
      localities: content.localities.map((l) => ({ ...l, placeName: l.locationId ? (places.get(l.locationId) ?? null) : null })),
      youngPeople: content.youngPeople.map((y) => ({
        reference: identifying ? y.reference : null,
        involvement: y.involvement,
        firstName: identifying ? y.firstName : null,
        lastName: identifying ? y.lastName : null,
        dateOfBirth: identifying ? y.dateOfBirth : null,
        pseudonym: pseudonyms.get(y.reference.toUpperCase()) ?? null,
      })),
      outcomes: content.outcomes,
      blockages: content.blockages,
    };
  }

  private async toView(actor: Actor, r: AgencyReturnEntity, agency: AgencyEntity, m?: EntityManager): Promise<AgencyReturnView> {
    return {
      id: r.id,
      agency,
      agencyKind: agency.kind,
      period: periodOf(r.period),
      status: r.status,
      deadline: r.deadline,
      late: r.late,
      firstSubmittedAt: r.firstSubmittedAt,
      lastSubmittedAt: r.lastSubmittedAt,
      reviewComment: r.reviewComment,
      version: r.version,
      versionCount: r.versionCount,
      updatedAt: r.updatedAt,
      content: await this.view(actor, r.content, m),
    };
  }

  private async load(m: EntityManager, id: string, lock = false): Promise<{ r: AgencyReturnEntity; agency: AgencyEntity }> {
    const r = await m.getRepository(AgencyReturnEntity).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!r) throw notFound('The return');
    return { r, agency: await this.agencyOf(m, r.agencyId) };
  }

  async get(actor: Actor, id: string): Promise<AgencyReturnView> {
    const { r, agency } = await this.load(this.dataSource.manager, id);
    await this.guardAgency(actor, r.agencyId, `return ${id}`);
    return this.toView(actor, r, agency);
  }

  /** The return of an agency for a month, or null when it has not been started. */
  async find(actor: Actor, agencyId: string, period: string): Promise<AgencyReturnView | null> {
    await this.guardAgency(actor, agencyId, `return for ${period}`);
    const r = await this.dataSource.getRepository(AgencyReturnEntity).findOneBy({ agencyId, period: firstDay(period) });
    if (!r) return null;
    return this.toView(actor, r, await this.agencyOf(this.dataSource.manager, agencyId));
  }

  async list(actor: Actor, filter: ReturnsFilter): Promise<AgencyReturnView[]> {
    if (actor.role === 'AGENCY_LEAD') await this.guardAgency(actor, filter.agencyId ?? actor.agencyId, 'returns list');
    const agencyId = actor.role === 'AGENCY_LEAD' ? actor.agencyId : filter.agencyId;
    const qb = this.dataSource.getRepository(AgencyReturnEntity).createQueryBuilder('r');
    if (agencyId) qb.andWhere('r.agency_id = :agencyId', { agencyId });
    if (filter.from) qb.andWhere('r.period >= :from', { from: firstDay(filter.from) });
    if (filter.to) qb.andWhere('r.period <= :to', { to: firstDay(filter.to) });
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    const rows = await qb.orderBy('r.period', 'DESC').addOrderBy('r.agency_id').limit(500).getMany();
    const agencies = new Map((await this.dataSource.getRepository(AgencyEntity).find()).map((a) => [a.id, a]));
    return Promise.all(rows.map((r) => this.toView(actor, r, agencies.get(r.agencyId)!)));
  }

  async versions(actor: Actor, returnId: string): Promise<ReturnVersion[]> {
    const rows: (AgencyReturnVersionEntity & { submittedByName: string | null; reviewedByName: string | null })[] = await this.dataSource
      .getRepository(AgencyReturnVersionEntity)
      .createQueryBuilder('v')
      .leftJoin('app_user', 's', 's.id = v.submitted_by')
      .leftJoin('app_user', 'rv', 'rv.id = v.reviewed_by')
      .addSelect('s.name', 'submittedByName')
      .addSelect('rv.name', 'reviewedByName')
      .where('v.return_id = :returnId', { returnId })
      .orderBy('v.number', 'DESC')
      .getRawAndEntities()
      .then(({ entities, raw }) => entities.map((e, i) => Object.assign(e, { submittedByName: (raw[i] as { submittedByName: string | null }).submittedByName, reviewedByName: (raw[i] as { reviewedByName: string | null }).reviewedByName })));
    return Promise.all(
      rows.map(async (v) => ({
        number: v.number,
        kind: v.kind,
        submittedAt: v.submittedAt,
        submittedByName: v.submittedByName,
        late: v.late,
        reason: v.reason,
        outcome: v.outcome,
        reviewedAt: v.reviewedAt,
        reviewedByName: v.reviewedByName,
        reviewComment: v.reviewComment,
        content: await this.view(actor, v.content),
      })),
    );
  }

  /** An agency's months: what is due, by when, and where each return stands (for the agency lead's home page). */
  async periods(actor: Actor, agencyId: string, months: number): Promise<ReturnPeriod[]> {
    await this.guardAgency(actor, agencyId, 'return periods');
    const to = currentPeriod();
    const periods = periodsBetween(addMonths(to, -(Math.min(Math.max(months, 1), 36) - 1)), to).reverse();
    const deadlines = await this.deadlines(periods);
    const rows: { id: string; period: string; status: ReturnStatus; late: boolean; deadline: string; review_comment: string | null }[] = await this.dataSource.query(
      `SELECT id, to_char(period, 'YYYY-MM') AS period, status, late, deadline::text, review_comment FROM agency_return WHERE agency_id = $1 AND period >= $2`,
      [agencyId, firstDay(periods[periods.length - 1])],
    );
    const byPeriod = new Map(rows.map((r) => [r.period, r]));
    const today = todayIso();
    return periods.map((p) => {
      const r = byPeriod.get(p);
      const deadline = r?.deadline ?? deadlines.get(p)!;
      const inHand = r && (r.status === 'SUBMITTED' || r.status === 'ACCEPTED');
      return { period: p, deadline, status: r?.status ?? null, late: r?.late ?? false, overdue: !inHand && deadline < today, returnId: r?.id ?? null, reviewComment: r?.status === 'RETURNED' ? r.review_comment : null };
    });
  }

  // ---------- writing ----------

  private async checkPlaces(m: EntityManager, content: ReturnContent): Promise<FieldProblem[]> {
    const ids = content.localities.map((l) => l.locationId);
    const known = new Set<string>();
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (wanted.length) for (const r of (await m.query<{ id: string }[]>(`SELECT id FROM location WHERE id = ANY($1::uuid[])`, [wanted]))) known.add(r.id);
    return ids.flatMap((id, i) => (id && !known.has(id) ? [{ field: `content.localities.${i}.locationId`, message: 'Choose a place that is recorded on the map' }] : []));
  }

  private checkPeriod(period: string): void {
    if (period > currentPeriod()) throw badInput([{ field: 'period', message: 'The period must not be in the future: returns are for the current month or earlier' }]);
  }

  /** Saves a draft: starts the month's return, or updates it while it is a draft or returned for correction. */
  async saveDraft(actor: Actor, input: SaveReturnDraftInput): Promise<AgencyReturnView> {
    await this.guardAgency(actor, input.agencyId, `draft for ${input.period}`);
    this.checkPeriod(input.period);
    const content = clean(input.content);
    return this.dataSource.transaction(async (m) => {
      const agency = await this.agencyOf(m, input.agencyId);
      if (!agency.active) throw badInput([{ field: 'agencyId', message: 'This agency is inactive and makes no returns' }]);
      const problems = [...asFields(checkReturn(agency.kind, content, false, todayIso())), ...(await this.checkPlaces(m, content))];
      if (problems.length) throw badInput(problems);
      // One writer at a time per agency and month, so two first saves cannot both create the return.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('agency_return:' || $1 || ':' || $2))`, [agency.id, input.period]);
      const repo = m.getRepository(AgencyReturnEntity);
      let r = await repo.findOne({ where: { agencyId: agency.id, period: firstDay(input.period) }, lock: { mode: 'pessimistic_write' } });
      if (r) {
        if (r.status === 'SUBMITTED' || r.status === 'ACCEPTED') throw conflict(`The return for ${input.period} has already been submitted: amend it instead, giving a reason.`);
        if (input.version == null || r.version !== input.version) {
          const who = ((await m.query<{ name: string }[]>(`SELECT name FROM app_user WHERE id = $1`, [r.updatedBy])))[0]?.name ?? 'Someone else';
          throw conflict(`${who} saved this return at ${londonTime(r.updatedAt)}, after you opened it. Your changes have not been saved: reload to see theirs, then add yours again.`);
        }
        r.content = content;
        r.updatedBy = actor.userId;
        r = await repo.save(r);
      } else {
        const deadline = (await this.deadlines([input.period], m)).get(input.period)!;
        r = await repo.save(repo.create({ agencyId: agency.id, period: firstDay(input.period), status: 'DRAFT', content, deadline, updatedBy: actor.userId }));
      }
      await this.audit.record(m, { action: 'return.draft_saved', actor, entityType: 'agency_return', entityId: r.id, details: { agencyId: agency.id, period: input.period } });
      return this.toView(actor, r, agency, m);
    });
  }

  /** Rewrites the figures and young people that totals and flags are computed from. */
  private async writeDerived(m: EntityManager, r: AgencyReturnEntity, kind: AgencyKind): Promise<void> {
    await m.query(`DELETE FROM agency_return_figure WHERE return_id = $1`, [r.id]);
    await m.query(`DELETE FROM agency_return_young_person WHERE return_id = $1`, [r.id]);
    const measures = r.content.measures.filter((x) => x.value !== null);
    if (measures.length) {
      await m.query(
        `INSERT INTO agency_return_figure (return_id, measure, agency_id, agency_kind, period, value)
         SELECT $1, x.measure, $2, $3, $4, x.value FROM unnest($5::text[], $6::int[]) AS x(measure, value)`,
        [r.id, r.agencyId, kind, r.period, measures.map((x) => x.key), measures.map((x) => x.value)],
      );
    }
    const yps = r.content.youngPeople;
    if (yps.length) {
      // Matched by reference first, then by name and date of birth (where the agency gave them).
      await m.query(
        `INSERT INTO agency_return_young_person (return_id, reference, agency_id, period, involvement, young_person_id, matched_by)
         SELECT $1, x.reference, $2, $3, x.involvement, coalesce(byref.id, byname.id),
                CASE WHEN byref.id IS NOT NULL THEN 'REFERENCE' WHEN byname.id IS NOT NULL THEN 'NAME_AND_DOB' END
         FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::date[]) AS x(reference, involvement, fk, lk, dob)
         LEFT JOIN LATERAL (SELECT id FROM young_person WHERE upper(reference) = upper(x.reference) LIMIT 1) byref ON true
         LEFT JOIN LATERAL (SELECT id FROM young_person WHERE x.fk IS NOT NULL AND first_name_key = x.fk AND last_name_key = x.lk AND date_of_birth = x.dob LIMIT 1) byname ON true`,
        [
          r.id,
          r.agencyId,
          r.period,
          yps.map((y) => y.reference),
          yps.map((y) => y.involvement),
          yps.map((y) => (y.firstName && y.lastName && y.dateOfBirth ? nameKey(y.firstName) : null)),
          yps.map((y) => (y.firstName && y.lastName && y.dateOfBirth ? nameKey(y.lastName) : null)),
          yps.map((y) => y.dateOfBirth),
        ],
      );
    }
  }

  private async addVersion(m: EntityManager, actor: Actor, r: AgencyReturnEntity, kind: VersionKind, reason: string | null, late: boolean): Promise<void> {
    const repo = m.getRepository(AgencyReturnVersionEntity);
    await repo.save(repo.create({ returnId: r.id, number: r.versionCount + 1, kind, content: r.content, reason, submittedAt: new Date(), submittedBy: actor.userId, late }));
    r.versionCount += 1;
  }

  private async strictCheck(m: EntityManager, kind: AgencyKind, content: ReturnContent): Promise<void> {
    const problems = [...asFields(checkReturn(kind, content, true, todayIso())), ...(await this.checkPlaces(m, content))];
    if (problems.length) throw badInput(problems, problems.length === 1 ? problems[0].message : `The return has ${problems.length} problems: correct them and submit again`);
  }

  private stale(r: AgencyReturnEntity, version: number): void {
    if (r.version !== version) throw conflict('Someone else changed this return after you opened it. Reload it and try again: nothing you entered has been lost, but it was not submitted.');
  }

  async submit(actor: Actor, input: SubmitReturnInput): Promise<AgencyReturnView> {
    return this.dataSource.transaction(async (m) => {
      const { r, agency } = await this.load(m, input.id, true);
      await this.guardAgency(actor, r.agencyId, `submit ${r.id}`);
      if (r.status === 'SUBMITTED' || r.status === 'ACCEPTED') throw conflict('This return has already been submitted: amend it instead, giving a reason.');
      this.stale(r, input.version);
      await this.strictCheck(m, agency.kind, r.content);
      const now = new Date();
      const resubmission = r.status === 'RETURNED';
      const lateNow = londonDay(now) > r.deadline;
      if (!r.firstSubmittedAt) {
        r.firstSubmittedAt = now;
        r.late = lateNow;
      }
      await this.addVersion(m, actor, r, resubmission ? 'RESUBMISSION' : 'SUBMISSION', null, lateNow);
      Object.assign(r, { status: 'SUBMITTED', lastSubmittedAt: now, lastSubmittedBy: actor.userId, reviewComment: null, updatedBy: actor.userId });
      const saved = await m.getRepository(AgencyReturnEntity).save(r);
      await this.writeDerived(m, saved, agency.kind);
      await this.audit.record(m, {
        action: resubmission ? 'return.resubmitted' : 'return.submitted',
        actor,
        entityType: 'agency_return',
        entityId: r.id,
        details: { agencyId: r.agencyId, period: periodOf(r.period), version: r.versionCount, late: lateNow },
      });
      return this.toView(actor, saved, agency, m);
    });
  }

  /** Changes a submitted or accepted return: a new version with its reason, to be accepted again. */
  async amend(actor: Actor, input: AmendReturnInput): Promise<AgencyReturnView> {
    return this.dataSource.transaction(async (m) => {
      const { r, agency } = await this.load(m, input.id, true);
      await this.guardAgency(actor, r.agencyId, `amend ${r.id}`);
      if (r.status !== 'SUBMITTED' && r.status !== 'ACCEPTED') throw conflict('Only a submitted return can be amended: this one is still being written, so save and submit it instead.');
      this.stale(r, input.version);
      const reason = input.reason.trim();
      if (!reason) throw badInput([{ field: 'reason', message: 'Say why the return is being amended' }]);
      const content = clean(input.content);
      await this.strictCheck(m, agency.kind, content);
      r.content = content;
      await this.addVersion(m, actor, r, 'AMENDMENT', reason, londonDay(new Date()) > r.deadline);
      Object.assign(r, { status: 'SUBMITTED', lastSubmittedAt: new Date(), lastSubmittedBy: actor.userId, reviewComment: null, updatedBy: actor.userId });
      const saved = await m.getRepository(AgencyReturnEntity).save(r);
      await this.writeDerived(m, saved, agency.kind);
      await this.audit.record(m, { action: 'return.amended', actor, entityType: 'agency_return', entityId: r.id, reason, details: { agencyId: r.agencyId, period: periodOf(r.period), version: r.versionCount } });
      return this.toView(actor, saved, agency, m);
    });
  }

  /** A co-chair or the co-ordinator accepts a submitted return, or returns it for correction with a comment. */
  async review(actor: Actor, input: ReviewReturnInput): Promise<AgencyReturnView> {
    return this.dataSource.transaction(async (m) => {
      const { r, agency } = await this.load(m, input.id, true);
      if (r.status !== 'SUBMITTED') throw conflict(r.status === 'ACCEPTED' ? 'This return has already been accepted.' : 'Only a submitted return can be reviewed.');
      this.stale(r, input.version);
      const comment = input.comment?.trim() || null;
      if (input.decision === 'RETURN' && !comment) throw badInput([{ field: 'comment', message: 'Say what the agency needs to correct' }]);
      const now = new Date();
      await m.query(
        `UPDATE agency_return_version SET outcome = $2, reviewed_at = $3, reviewed_by = $4, review_comment = $5 WHERE return_id = $1 AND number = $6`,
        [r.id, input.decision === 'ACCEPT' ? 'ACCEPTED' : 'RETURNED', now, actor.userId, comment, r.versionCount],
      );
      Object.assign(r, { status: input.decision === 'ACCEPT' ? 'ACCEPTED' : 'RETURNED', reviewComment: input.decision === 'RETURN' ? comment : null, updatedBy: actor.userId });
      const saved = await m.getRepository(AgencyReturnEntity).save(r);
      await this.audit.record(m, {
        action: input.decision === 'ACCEPT' ? 'return.accepted' : 'return.returned',
        actor,
        entityType: 'agency_return',
        entityId: r.id,
        reason: comment,
        details: { agencyId: r.agencyId, period: periodOf(r.period), version: r.versionCount },
      });
      return this.toView(actor, saved, agency, m);
    });
  }

  // ---------- CSV ----------

  /** Reads a return from CSV with the same checks as the form, naming each problem by line; saves nothing. */
  async previewCsv(actor: Actor, agencyId: string, period: string, csv: string): Promise<ReturnCsvPreview> {
    await this.guardAgency(actor, agencyId, `CSV for ${period}`);
    this.checkPeriod(period);
    const agency = await this.agencyOf(this.dataSource.manager, agencyId);
    const empty: ReturnContent = { measures: [], localities: [], youngPeople: [], outcomes: null, blockages: [] };
    const file = readCsv(csv, MAX_RETURN_CSV_ROWS);
    const lower = file.headers.map((h) => h.toLowerCase());
    const missing = RETURN_CSV_HEADER.filter((h) => !lower.includes(h.toLowerCase()));
    if (file.headers.length && missing.length) file.fileErrors.push(`The header row has no column ${missing.map((x) => `"${x}"`).join(', ')}: download the template for your agency`);
    if (file.fileErrors.length) return { content: await this.view(actor, empty), problems: [], fileErrors: file.fileErrors };
    const header = (name: string) => file.headers[lower.indexOf(name.toLowerCase())];
    const rows = file.records.map((rec, i) => ({ line: i + 2, section: rec[header('Section')], item: rec[header('Item')], value: rec[header('Value')], detail: rec[header('Detail')] }));
    const read = readReturnCsv(agency.kind, rows);
    const problems: ReturnCsvPreview['problems'] = read.problems.map((p) => ({ line: p.line, column: p.column, field: null, message: p.message }));
    const names = [...new Set(read.placeNames.filter((x): x is string => !!x).map((x) => x.toLowerCase()))];
    const places = new Map<string, string[]>();
    if (names.length) {
      for (const p of (await this.dataSource.query<{ id: string; k: string }[]>(`SELECT id, lower(name) AS k FROM location WHERE lower(name) = ANY($1)`, [names]))) {
        places.set(p.k, [...(places.get(p.k) ?? []), p.id]);
      }
    }
    read.placeNames.forEach((name, i) => {
      if (!name) return;
      const ids = places.get(name.toLowerCase()) ?? [];
      if (ids.length === 1) read.content.localities[i].locationId = ids[0];
      else problems.push({ line: read.lineOf(`localities.${i}`), column: 'Detail', field: `localities.${i}.locationId`, message: ids.length ? `${ids.length} places are called "${name}"` : `No place called "${name}" is recorded` });
    });
    const linesWithProblems = new Set(problems.map((p) => p.line));
    for (const p of checkReturn(agency.kind, read.content, true, todayIso())) {
      const line = read.lineOf(p.field);
      if (line !== null && linesWithProblems.has(line)) continue; // that line's own problem already says what is wrong
      problems.push({ line, column: line ? 'Value' : 'Section', field: p.field, message: line ? p.message : `${p.message} (add a row for it)` });
    }
    problems.sort((a, b) => (a.line ?? 1e9) - (b.line ?? 1e9));
    return { content: await this.view(actor, read.content), problems, fileErrors: [] };
  }

  // ---------- oversight ----------

  private checkRange(range: PeriodRangeInput): string[] {
    if (range.from > range.to) throw badInput([{ field: 'range.to', message: 'The end month must not be before the start month' }]);
    const periods = periodsBetween(range.from, range.to);
    if (periods.length > MAX_PERIODS) throw badInput([{ field: 'range.from', message: `Choose at most ${MAX_PERIODS} months` }]);
    return periods;
  }

  /** Every active agency × month, computed in one query. */
  async compliance(range: PeriodRangeInput): Promise<ReturnCompliance> {
    const periods = this.checkRange(range);
    const deadlines = await this.deadlines(periods);
    const rows: { agency_id: string; period: string; state: ComplianceState; return_id: string | null }[] = await this.dataSource.query(
      `SELECT a.id AS agency_id, to_char(p.period, 'YYYY-MM') AS period, r.id AS return_id,
              CASE WHEN r.status IN ('SUBMITTED', 'ACCEPTED') THEN CASE WHEN r.late THEN 'LATE' ELSE 'ON_TIME' END
                   WHEN r.status = 'RETURNED' THEN 'RETURNED'
                   WHEN coalesce(r.deadline, p.deadline) < $3::date THEN 'MISSING'
                   ELSE 'DUE' END AS state
       FROM agency a
       CROSS JOIN unnest($1::date[], $2::date[]) AS p(period, deadline)
       LEFT JOIN agency_return r ON r.agency_id = a.id AND r.period = p.period
       WHERE a.active
       ORDER BY a.name, p.period`,
      [periods.map(firstDay), periods.map((p) => deadlines.get(p)), todayIso()],
    );
    const agencies = new Map((await this.dataSource.getRepository(AgencyEntity).find({ where: { active: true } })).map((a) => [a.id, a]));
    const byAgency = new Map<string, ReturnCompliance['rows'][number]>();
    for (const row of rows) {
      let out = byAgency.get(row.agency_id);
      if (!out) byAgency.set(row.agency_id, (out = { agency: agencies.get(row.agency_id)!, cells: [] }));
      out.cells.push({ period: row.period, state: row.state, returnId: row.return_id });
    }
    return { periods, deadlines: periods.map((p) => deadlines.get(p)!), rows: [...byAgency.values()] };
  }

  /** Returns whose deadline has passed with nothing submitted (or a returned version not yet corrected), most overdue first. */
  async overdue(monthsBack = 12): Promise<OverdueReturn[]> {
    const to = currentPeriod();
    const periods = periodsBetween(addMonths(to, -(monthsBack - 1)), to);
    const deadlines = await this.deadlines(periods);
    const today = todayIso();
    const rows: { agency_id: string; period: string; deadline: string; status: ReturnStatus | null; return_id: string | null; days: number }[] = await this.dataSource.query(
      `SELECT a.id AS agency_id, to_char(p.period, 'YYYY-MM') AS period, coalesce(r.deadline, p.deadline)::text AS deadline, r.status, r.id AS return_id,
              ($3::date - coalesce(r.deadline, p.deadline))::int AS days
       FROM agency a
       CROSS JOIN unnest($1::date[], $2::date[]) AS p(period, deadline)
       LEFT JOIN agency_return r ON r.agency_id = a.id AND r.period = p.period
       WHERE a.active AND coalesce(r.status, 'DRAFT') IN ('DRAFT', 'RETURNED') AND coalesce(r.deadline, p.deadline) < $3::date
       ORDER BY days DESC, a.name`,
      [periods.map(firstDay), periods.map((p) => deadlines.get(p)), today],
    );
    const agencies = new Map((await this.dataSource.getRepository(AgencyEntity).find()).map((a) => [a.id, a]));
    return rows.map((r) => ({ agency: agencies.get(r.agency_id)!, period: r.period, deadline: r.deadline, daysOverdue: r.days, status: r.status, returnId: r.return_id }));
  }

  /** Monthly totals per measure, and per agency kind, of submitted and accepted returns (returned ones wait for their correction). */
  async totals(actor: Actor, range: PeriodRangeInput, agencyId: string | null): Promise<ReturnTotals> {
    this.checkRange(range);
    if (actor.role === 'AGENCY_LEAD') await this.guardAgency(actor, agencyId, 'return totals');
    const params: unknown[] = [firstDay(range.from), firstDay(range.to)];
    let where = `f.period BETWEEN $1 AND $2 AND r.status IN ('SUBMITTED', 'ACCEPTED')`;
    if (agencyId) {
      params.push(agencyId);
      where += ` AND f.agency_id = $3`;
    }
    const byMeasure: { period: string; measure: string; total: number; agencies: number }[] = await this.dataSource.query(
      `SELECT to_char(f.period, 'YYYY-MM') AS period, f.measure, sum(f.value)::int AS total, count(*)::int AS agencies
       FROM agency_return_figure f JOIN agency_return r ON r.id = f.return_id WHERE ${where} GROUP BY f.period, f.measure ORDER BY f.period, f.measure`,
      params,
    );
    const byKind: { period: string; measure: string; agency_kind: AgencyKind; total: number }[] = await this.dataSource.query(
      `SELECT to_char(f.period, 'YYYY-MM') AS period, f.measure, f.agency_kind, sum(f.value)::int AS total
       FROM agency_return_figure f JOIN agency_return r ON r.id = f.return_id WHERE ${where} GROUP BY f.period, f.measure, f.agency_kind ORDER BY f.period, f.measure, f.agency_kind`,
      params,
    );
    return {
      byMeasure: byMeasure.map((x) => ({ ...x, label: MEASURE_BY_KEY.get(x.measure)?.label ?? x.measure, section: MEASURE_BY_KEY.get(x.measure)?.section ?? 'PREVENTION' })),
      byAgencyKind: byKind.map((x) => ({ period: x.period, measure: x.measure, agencyKind: x.agency_kind, total: x.total })),
    };
  }

  /**
   * Young people named in submitted returns who are not on the MASE list: no record matches, or the
   * record is not on the list and has not been screened since the month of the return.
   */
  async flags(): Promise<ReturnYoungPersonFlag[]> {
    const rows: {
      agency_id: string;
      period: string;
      reference: string;
      involvement: ReturnYoungPersonFlag['involvement'];
      young_person_id: string | null;
      content: ReturnContent;
    }[] = await this.dataSource.query(
      `SELECT y.agency_id, to_char(y.period, 'YYYY-MM') AS period, y.reference, y.involvement, y.young_person_id, r.content
       FROM agency_return_young_person y
       JOIN agency_return r ON r.id = y.return_id AND r.status IN ('SUBMITTED', 'ACCEPTED')
       WHERE y.young_person_id IS NULL
          OR (NOT EXISTS (SELECT 1 FROM list_membership lm WHERE lm.young_person_id = y.young_person_id AND lm.ended_on IS NULL)
              AND NOT EXISTS (SELECT 1 FROM risk_assessment ra WHERE ra.young_person_id = y.young_person_id AND ra.assessed_on >= y.period))
       ORDER BY y.period DESC, y.reference
       LIMIT 500`,
    );
    const agencies = new Map((await this.dataSource.getRepository(AgencyEntity).find()).map((a) => [a.id, a]));
    return rows.map((r) => {
      const entered = r.content.youngPeople.find((y) => y.reference === r.reference);
      return {
        agency: agencies.get(r.agency_id)!,
        period: r.period,
        reference: r.reference,
        involvement: r.involvement,
        reason: r.young_person_id ? 'NOT_ON_LIST' : 'NOT_RECORDED',
        youngPersonId: r.young_person_id,
        firstName: entered?.firstName ?? null,
        lastName: entered?.lastName ?? null,
        dateOfBirth: entered?.dateOfBirth ?? null,
      };
    });
  }

  templateMeasures(kind: AgencyKind) {
    return templateFor(kind);
  }
}

function londonTime(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' }).format(at);
}
