import { Injectable } from '@nestjs/common';
import { ageOn, IDENTIFYING_ROLES } from '@mase/shared';
import { randomInt } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { appError, assertNoProblems, badInput, conflict, notFound, problem, type FieldProblem } from '../../common/graphql/errors.js';
import { connection, decodeCursor, type Connection } from '../../common/graphql/pagination.js';
import { AuditService, escapeLike } from '../audit/audit.service.js';
import type { UpdateYoungPersonInput, YoungPeopleFilter, YoungPersonFields } from './dto/young-person.inputs.js';
import { YoungPersonEntity } from './young-person.entity.js';
import { ageBandAt } from '../analytics/sql.js';
import { cohortMembers } from '../analytics/cohorts.js';

/** Lower-case, accents and punctuation removed: "Zoë O'Neil" and "zoe oneil" are the same key. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const PSEUDONYM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 40 random bits: collisions stay unlikely even at a pan-London scale of records. */
export function newPseudonym(): string {
  return `YP-${Array.from({ length: 8 }, () => PSEUDONYM_ALPHABET[randomInt(PSEUDONYM_ALPHABET.length)]).join('')}`;
}

export const today = (): string => new Date().toISOString().slice(0, 10);

/** Roles whose work is the whole list and every meeting of the panel (see `linked`). */
export const PANEL_ROLES: readonly Actor['role'][] = ['CO_CHAIR', 'COORDINATOR'];

export function canIdentify(actor: Actor): boolean {
  return IDENTIFYING_ROLES.includes(actor.role);
}

@Injectable()
export class YoungPeopleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private validate(input: YoungPersonFields): FieldProblem[] {
    const now = today();
    const age = /^\d{4}-\d{2}-\d{2}$/.test(input.dateOfBirth) ? ageOn(input.dateOfBirth, now) : NaN;
    return [
      problem('reference', input.reference.trim() ? null : 'Enter the case-system reference'),
      problem('firstName', input.firstName.trim() ? null : 'Enter the first name'),
      problem('lastName', input.lastName.trim() ? null : 'Enter the last name'),
      problem(
        'dateOfBirth',
        input.dateOfBirth > now
          ? 'Date of birth must be in the past'
          : !(age >= 0 && age <= 25)
            ? 'Date of birth must be within the last 25 years (care leavers are supported up to 25)'
            : null,
      ),
      problem(
        'placementBorough',
        input.placementType !== 'HOME_BOROUGH' && !input.placementBorough?.trim()
          ? input.placementType === 'PLACED_OUT'
            ? 'Enter where the young person is placed'
            : 'Enter which borough placed the young person'
          : null,
      ),
    ].filter((p): p is FieldProblem => !!p);
  }

  private columns(input: YoungPersonFields): Partial<YoungPersonEntity> {
    const clean = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
    return {
      reference: input.reference.trim(),
      firstName: input.firstName.trim(),
      lastName: input.lastName.trim(),
      firstNameKey: nameKey(input.firstName),
      lastNameKey: nameKey(input.lastName),
      aliases: input.aliases.map((a) => a.trim()).filter(Boolean),
      dateOfBirth: input.dateOfBirth,
      gender: input.gender,
      ethnicity: input.ethnicity,
      firstLanguage: clean(input.firstLanguage),
      nationality: clean(input.nationality),
      religion: clean(input.religion),
      send: input.send,
      disability: clean(input.disability),
      legalStatus: input.legalStatus,
      placementType: input.placementType,
      placementBorough: input.placementType === 'HOME_BOROUGH' ? null : clean(input.placementBorough),
      school: clean(input.school),
      educationStatus: input.educationStatus,
      homeWard: clean(input.homeWard),
      socialWorker: clean(input.socialWorker),
      team: clean(input.team),
      crisNumber: clean(input.crisNumber),
      merlinReferences: input.merlinReferences.map((m) => m.trim()).filter(Boolean),
      presentation: input.presentation,
    };
  }

  /** Same reference, or same name and date of birth: the duplicate is named so the user can find it. */
  private async duplicateProblem(m: EntityManager, cols: Partial<YoungPersonEntity>, exceptId?: string): Promise<FieldProblem | null> {
    const rows: { reference: string; pseudonym: string; same_reference: boolean }[] = await m.query(
      `SELECT reference, pseudonym, reference = $1 AS same_reference FROM young_person
       WHERE (reference = $1 OR (first_name_key = $2 AND last_name_key = $3 AND date_of_birth = $4))
         AND ($5::uuid IS NULL OR id <> $5::uuid)
       ORDER BY same_reference DESC LIMIT 1`,
      [cols.reference, cols.firstNameKey, cols.lastNameKey, cols.dateOfBirth, exceptId ?? null],
    );
    const dup = rows[0];
    if (!dup) return null;
    return dup.same_reference
      ? { field: 'reference', message: `A young person with reference ${dup.reference} is already recorded (${dup.pseudonym})` }
      : { field: 'dateOfBirth', message: `A young person with this name and date of birth is already recorded (reference ${dup.reference})` };
  }

  async create(actor: Actor, input: YoungPersonFields): Promise<YoungPersonEntity> {
    assertNoProblems(this.validate(input));
    const cols = this.columns(input);
    return this.dataSource.transaction(async (m) => {
      // Serialise creations so two people entering the same child at once cannot both succeed.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('young_person.create'))`);
      assertNoProblems([await this.duplicateProblem(m, cols)]);
      const repo = m.getRepository(YoungPersonEntity);
      const saved = await repo.save(repo.create({ ...cols, pseudonym: newPseudonym(), createdBy: actor.userId }));
      await this.audit.record(m, { action: 'young_person.created', actor, entityType: 'young_person', entityId: saved.id, details: { pseudonym: saved.pseudonym } });
      return saved;
    });
  }

  async update(actor: Actor, input: UpdateYoungPersonInput): Promise<YoungPersonEntity> {
    assertNoProblems(this.validate(input));
    const cols = this.columns(input);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(YoungPersonEntity);
      const current = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('The young person');
      if (current.version !== input.version) {
        throw conflict('Someone else changed this record after you opened it. Reload to see their changes, then make yours again.');
      }
      assertNoProblems([await this.duplicateProblem(m, cols, input.id)]);
      const changed = Object.keys(cols).filter((k) => JSON.stringify(current[k as keyof YoungPersonEntity]) !== JSON.stringify(cols[k as keyof YoungPersonEntity]));
      Object.assign(current, cols);
      const saved = await repo.save(current);
      await this.audit.record(m, { action: 'young_person.updated', actor, entityType: 'young_person', entityId: saved.id, details: { fields: changed } });
      return saved;
    });
  }

  /**
   * Whether the user's work in the last year already connects them to this young person (DPA 2018
   * s.62: a read outside it needs a reason). Per user, not per record:
   * - co-chairs and the co-ordinator hold the whole list and every meeting of the panel, so the
   *   panel's work is theirs: recorded, on the list (or left it), missing, screened, on any agenda,
   *   or named in any return;
   * - everyone else who may identify (the police) is linked only through themselves or their agency:
   *   recorded, reported missing or screened (assessor or signer) by them or someone of their agency,
   *   named in their agency's returns, on the agenda of a meeting their agency attended, or — for the
   *   police — in the intelligence network with a link seen in the last year.
   */
  private async linked(m: EntityManager, actor: Actor, id: string): Promise<boolean> {
    const panel = PANEL_ROLES.includes(actor.role);
    const [row]: { linked: boolean }[] = await m.query(
      `WITH ours AS (SELECT $2::uuid AS id UNION SELECT id FROM app_user WHERE $3::uuid IS NOT NULL AND agency_id = $3::uuid)
       SELECT EXISTS (SELECT 1 FROM young_person WHERE id = $1 AND created_at > now() - interval '365 days' AND ($4 OR created_by IN (SELECT id FROM ours)))
           OR ($4 AND EXISTS (SELECT 1 FROM list_membership WHERE young_person_id = $1 AND (ended_on IS NULL OR ended_on > current_date - 365)))
           OR EXISTS (SELECT 1 FROM missing_episode WHERE young_person_id = $1 AND started_at > now() - interval '365 days' AND ($4 OR created_by IN (SELECT id FROM ours)))
           OR EXISTS (SELECT 1 FROM risk_assessment WHERE young_person_id = $1 AND assessed_on > current_date - 365
                      AND ($4 OR assessor_id IN (SELECT id FROM ours) OR line_manager_id IN (SELECT id FROM ours) OR coordinator_id IN (SELECT id FROM ours)))
           OR EXISTS (SELECT 1 FROM agenda_item i JOIN meeting mt ON mt.id = i.meeting_id
                      WHERE mt.date > current_date - 365 AND i.entries @> jsonb_build_array(jsonb_build_object('youngPerson', jsonb_build_object('id', $1::text)))
                        AND ($4 OR EXISTS (SELECT 1 FROM meeting_attendance ma WHERE ma.meeting_id = mt.id AND ma.agency_id = $3::uuid AND ma.status = 'ATTENDED')))
           OR EXISTS (SELECT 1 FROM agency_return_young_person WHERE young_person_id = $1 AND period > current_date - 365 AND ($4 OR agency_id = $3::uuid))
           OR ($5 AND EXISTS (SELECT 1 FROM link WHERE ((a_kind = 'YOUNG_PERSON' AND a_id = $1) OR (b_kind = 'YOUNG_PERSON' AND b_id = $1)) AND last_seen > current_date - 365)) AS linked`,
      [id, actor.userId, actor.agencyId, panel, actor.role === 'POLICE'],
    );
    return row.linked;
  }

  /**
   * One young person's record; the read is audited. Opening the identifiable record of a young person
   * the user's work does not connect them to needs a reason, kept with the audit event (DPA 2018 s.62).
   */
  async get(actor: Actor, id: string, reason?: string | null): Promise<YoungPersonEntity> {
    let refused = false;
    try {
      return await this.readAudited(actor, id, reason, () => (refused = true));
    } catch (err) {
      // The refused attempt is itself audited (who, which record, for want of a reason), in a transaction of its own.
      if (refused) {
        await this.audit.recordAlone({
          action: 'young_person.view_refused',
          actor,
          entityType: 'young_person',
          entityId: id,
          details: { identifiable: true, refused: 'REASON_REQUIRED', blankReason: typeof reason === 'string' },
        });
      }
      throw err;
    }
  }

  private async readAudited(actor: Actor, id: string, reason: string | null | undefined, onRefused: () => void): Promise<YoungPersonEntity> {
    return this.dataSource.transaction(async (m) => {
      const yp = await m.getRepository(YoungPersonEntity).findOne({ where: { id } });
      if (!yp) throw notFound('The young person');
      const identifiable = canIdentify(actor);
      const given = reason?.trim() || null;
      const linked = !identifiable || (await this.linked(m, actor, id));
      if (!linked && !given) {
        onRefused();
        throw appError(
          'REASON_REQUIRED',
          'Nothing in your or your agency’s work in the last year connects you to this young person. Say why you need to open their record: the reason is kept in the audit log.',
        );
      }
      if (given && given.length > 1000) throw badInput([{ field: 'reason', message: 'Keep the reason to 1000 characters or fewer' }]);
      await this.audit.record(m, {
        action: 'young_person.viewed',
        actor,
        entityType: 'young_person',
        entityId: id,
        reason: linked ? null : given,
        details: { identifiable, justified: !linked },
      });
      return yp;
    });
  }

  async list(
    actor: Actor,
    filter: YoungPeopleFilter,
    first: number,
    after: string | null | undefined,
    sort?: YoungPeopleSort | null,
  ): Promise<Connection<YoungPersonEntity>> {
    const identify = canIdentify(actor);
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const onList = filter.onListOn || filter.cohort ? null : filter.onList === undefined ? true : filter.onList;
    if (filter.cohort) {
      // The young people behind a month's count on the trends, found by the same SQL that counts them.
      const { measure, month, ...persons } = filter.cohort;
      if (month > today().slice(0, 7)) throw badInput([{ field: 'filter.cohort.month', message: 'The month must not be in the future' }]);
      const members = await cohortMembers(this.dataSource.manager, measure, month, persons);
      where.push(`yp.id = ANY(${p(members.map((m) => m.id))}::uuid[])`);
    }
    if (filter.onListOn) {
      const d = p(filter.onListOn);
      where.push(`EXISTS (SELECT 1 FROM list_membership lm WHERE lm.young_person_id = yp.id AND lm.started_on <= ${d}::date AND (lm.ended_on IS NULL OR lm.ended_on > ${d}::date))`);
    }
    if (onList !== null) where.push(`${onList ? '' : 'NOT '}EXISTS (SELECT 1 FROM list_membership lm WHERE lm.young_person_id = yp.id AND lm.ended_on IS NULL)`);
    if (filter.gender?.length) where.push(`yp.gender = ANY(${p(filter.gender)}::text[])`);
    if (filter.ward?.length) where.push(`yp.home_ward = ANY(${p(filter.ward)}::text[])`);
    if (filter.rag?.length) where.push(`la.rag = ANY(${p(filter.rag)})`);
    if (filter.score?.length) where.push(`la.final_score = ANY(${p(filter.score)})`);
    if (filter.legalStatus?.length) where.push(`yp.legal_status = ANY(${p(filter.legalStatus)})`);
    if (filter.placementType?.length) where.push(`yp.placement_type = ANY(${p(filter.placementType)})`);
    if (filter.model?.length) where.push(`la.models && ${p(filter.model)}::text[]`);
    // On a past date, age and the latest screening are as they were then (as the dashboard counts them).
    const asOf = filter.onListOn ? `${p(filter.onListOn)}::date` : null;
    if (filter.ageBand?.length) where.push(`${asOf ? ageBandAt(asOf) : AGE_BAND_SQL} = ANY(${p(filter.ageBand)})`);
    if (filter.review === 'OVERDUE') where.push(`la.next_review_on < current_date`);
    if (filter.review === 'DUE') where.push(`la.next_review_on BETWEEN current_date AND current_date + 14`);
    if (filter.search?.trim()) {
      const s = filter.search.trim();
      const like = p(`%${escapeLike(s)}%`);
      where.push(
        identify
          ? `(yp.reference ILIKE ${like} OR yp.pseudonym ILIKE ${like} OR (yp.first_name || ' ' || yp.last_name) ILIKE ${like} OR EXISTS (SELECT 1 FROM unnest(yp.aliases) a WHERE a ILIKE ${like}))`
          : `yp.pseudonym ILIKE ${like}`,
      );
    }
    // Keyset pagination on the chosen order; every key is cast to text in the cursor.
    const requested = sort ?? 'SCORE';
    const order = YOUNG_PEOPLE_SORTS[requested === 'NAME' && !identify ? 'PSEUDONYM' : requested];
    const cursor = decodeCursor(after, order.keys.length + 1);
    if (cursor) {
      const cmp = order.direction === 'DESC' ? '<' : '>';
      where.push(
        `(${order.keys.map((k) => k.sql).join(', ')}, yp.id) ${cmp} (${order.keys.map((k, i) => `${p(cursor[i])}::${k.type}`).join(', ')}, ${p(cursor[order.keys.length])}::uuid)`,
      );
    }
    const keys: { id: string; k: string[] }[] = await this.dataSource.query(
      `SELECT yp.id, ARRAY[${order.keys.map((k) => `(${k.sql})::text`).join(', ')}] AS k
       FROM young_person yp
       LEFT JOIN LATERAL (
         SELECT ra.final_score, ra.rag, ra.models, ra.assessed_on, ra.next_review_on
         FROM risk_assessment ra
         WHERE ra.young_person_id = yp.id AND ra.status = 'FINAL'${asOf ? ` AND ra.assessed_on <= ${asOf}` : ''}
         ORDER BY ra.assessed_on DESC, ra.created_at DESC LIMIT 1
       ) la ON true
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${order.keys.map((k) => `${k.sql} ${order.direction}`).join(', ')}, yp.id ${order.direction}
       LIMIT ${p(first + 1)}`,
      params,
    );
    const found = keys.length ? await this.dataSource.getRepository(YoungPersonEntity).findBy({ id: In(keys.map((k) => k.id)) }) : [];
    const byId = new Map(found.map((y) => [y.id, y]));
    const rows = keys.map((k) => Object.assign(byId.get(k.id)!, { sortKey: k.k }));
    await this.audit.recordAlone({
      action: 'young_person.list_viewed',
      actor,
      entityType: 'young_person',
      details: { identifiable: identify, filter: { ...filter }, sort: requested, ids: rows.slice(0, first).map((r) => r.id) },
    });
    return connection(rows, first, (r) => [...r.sortKey, r.id]);
  }
}

export const SORTS = ['SCORE', 'NEXT_REVIEW', 'LAST_ASSESSED', 'NAME', 'PSEUDONYM'] as const;
export type YoungPeopleSort = (typeof SORTS)[number];

/** Each order of the list: its key expressions (over `yp` and the latest final assessment `la`) and direction. */
const YOUNG_PEOPLE_SORTS: Record<YoungPeopleSort, { keys: { sql: string; type: string }[]; direction: 'ASC' | 'DESC' }> = {
  SCORE: { keys: [{ sql: 'coalesce(la.final_score, -1)', type: 'int' }, { sql: `coalesce(la.assessed_on, '0001-01-01'::date)`, type: 'date' }], direction: 'DESC' },
  NEXT_REVIEW: { keys: [{ sql: `coalesce(la.next_review_on, '9999-12-31'::date)`, type: 'date' }], direction: 'ASC' },
  LAST_ASSESSED: { keys: [{ sql: `coalesce(la.assessed_on, '0001-01-01'::date)`, type: 'date' }], direction: 'DESC' },
  NAME: { keys: [{ sql: 'yp.last_name_key', type: 'text' }, { sql: 'yp.first_name_key', type: 'text' }], direction: 'ASC' },
  PSEUDONYM: { keys: [{ sql: 'yp.pseudonym', type: 'text' }], direction: 'ASC' },
};

/** The age band of a young person today, in SQL, matching `ageBand()` in shared. */
export const AGE_BAND_SQL = `(CASE
  WHEN date_part('year', age(current_date, yp.date_of_birth)) < 13 THEN 'UNDER_13'
  WHEN date_part('year', age(current_date, yp.date_of_birth)) <= 14 THEN 'AGE_13_14'
  WHEN date_part('year', age(current_date, yp.date_of_birth)) = 15 THEN 'AGE_15'
  WHEN date_part('year', age(current_date, yp.date_of_birth)) = 16 THEN 'AGE_16'
  WHEN date_part('year', age(current_date, yp.date_of_birth)) = 17 THEN 'AGE_17'
  ELSE 'AGE_18_PLUS' END)`;
