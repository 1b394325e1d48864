import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { badInput, conflict, notFound } from '../../common/graphql/errors.js';
import { AuditService } from '../audit/audit.service.js';

export const RECORD_TYPES = ['YOUNG_PERSON', 'PERSON_OF_CONCERN', 'SESSION', 'SIGN_IN_THROTTLE', 'IMPORT_JOB'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

interface TypeRule {
  label: string;
  action: 'ANONYMISE' | 'DELETE';
  defaultDays: number;
  /** SQL returning the ids past retention; $1 is the number of days kept. */
  due: string;
  /** Anonymises or deletes the ids in $1 (re-checked against `due` first). */
  apply: (m: EntityManager, ids: string[]) => Promise<void>;
}

/**
 * What is kept and for how long. Children's records are anonymised (kept for the panel's statistics,
 * no longer identifying) six years after the last thing that happened to them off the list; police
 * intelligence on people who were never charged is anonymised after six years without new
 * intelligence; sign-in records go after 30 days. The audit log is never touched.
 */
export const RULES: Record<RecordType, TypeRule> = {
  YOUNG_PERSON: {
    label: 'Young people off the list with no activity (screening, missing episode, list change, return) for the period',
    action: 'ANONYMISE',
    defaultDays: 6 * 365,
    due: `SELECT yp.id FROM young_person yp
          WHERE yp.first_name_key <> 'anonymised'
            AND NOT EXISTS (SELECT 1 FROM list_membership lm WHERE lm.young_person_id = yp.id AND lm.ended_on IS NULL)
            AND greatest(yp.created_at::date,
                  coalesce((SELECT max(lm.ended_on) FROM list_membership lm WHERE lm.young_person_id = yp.id), '-infinity'),
                  coalesce((SELECT max(ra.assessed_on) FROM risk_assessment ra WHERE ra.young_person_id = yp.id), '-infinity'),
                  coalesce((SELECT max(me.started_at)::date FROM missing_episode me WHERE me.young_person_id = yp.id), '-infinity'),
                  coalesce((SELECT max(r.period) FROM agency_return_young_person r WHERE r.young_person_id = yp.id), '-infinity')) < current_date - $1::int`,
    apply: async (m, ids) => {
      // Kept: pseudonym, gender, ethnicity, statuses, ward and the birth year (for the profile's statistics).
      await m.query(
        `UPDATE young_person SET first_name = 'Anonymised', last_name = 'Record', first_name_key = 'anonymised', last_name_key = 'record', aliases = '{}',
           reference = 'ANON-' || pseudonym, date_of_birth = make_date(extract(year FROM date_of_birth)::int, 7, 1), school = NULL, social_worker = NULL, team = NULL,
           cris_number = NULL, merlin_references = '{}', first_language = NULL, nationality = NULL, religion = NULL, disability = NULL, placement_borough = NULL,
           version = version + 1, updated_at = now()
         WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      // Free text about them goes: evidence behind screening answers, reasons, where they were found.
      await m.query(`SELECT set_config('mase.retention', 'anonymise', true)`);
      await m.query(
        `UPDATE risk_assessment SET answers = (SELECT coalesce(jsonb_object_agg(k, v - 'evidence'), '{}'::jsonb) FROM jsonb_each(answers) AS a(k, v)),
           override_reason = CASE WHEN override_reason IS NULL THEN NULL ELSE '[removed at retention]' END, outcome_reason = NULL
         WHERE young_person_id = ANY($1::uuid[])`,
        [ids],
      );
      await m.query(`UPDATE missing_episode SET where_found = NULL WHERE young_person_id = ANY($1::uuid[])`, [ids]);
      await m.query(`UPDATE list_membership SET end_reason = NULL WHERE young_person_id = ANY($1::uuid[]) AND end_reason IS NOT NULL`, [ids]);
    },
  },
  PERSON_OF_CONCERN: {
    label: 'People of concern never charged (intelligence only, or no further action) with no new intelligence for the period',
    action: 'ANONYMISE',
    defaultDays: 6 * 365,
    due: `SELECT p.id FROM person_of_concern p
          WHERE p.status IN ('INTELLIGENCE_ONLY', 'NFA') AND p.description IS DISTINCT FROM '[anonymised]'
            AND p.updated_at < now() - make_interval(days => $1::int)
            AND NOT EXISTS (SELECT 1 FROM link l WHERE ((l.a_kind = 'PERSON_OF_CONCERN' AND l.a_id = p.id) OR (l.b_kind = 'PERSON_OF_CONCERN' AND l.b_id = p.id)) AND l.last_seen >= current_date - $1::int)
            AND NOT EXISTS (SELECT 1 FROM disruption_action d WHERE d.person_of_concern_id = p.id AND d.date >= current_date - $1::int)`,
    apply: async (m, ids) => {
      await m.query(
        `UPDATE person_of_concern SET first_name = NULL, last_name = NULL, aliases = '{}', police_reference = NULL,
           approximate_age = coalesce(approximate_age, least(110, greatest(10, date_part('year', age(date_of_birth))::int))), date_of_birth = NULL,
           description = '[anonymised]', vehicles = '[]', phone_numbers = '{}', addresses = '{}', version = version + 1, updated_at = now()
         WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      await m.query(`UPDATE disruption_action SET notes = NULL WHERE person_of_concern_id = ANY($1::uuid[])`, [ids]);
    },
  },
  SESSION: {
    label: 'Sessions ended (expired or signed out) more than the period ago',
    action: 'DELETE',
    defaultDays: 30,
    due: `SELECT id FROM user_session WHERE coalesce(revoked_at, expires_at) < now() - make_interval(days => $1::int)`,
    apply: async (m, ids) => {
      await m.query(`DELETE FROM user_session WHERE id = ANY($1::uuid[])`, [ids]);
    },
  },
  SIGN_IN_THROTTLE: {
    label: 'Failed sign-in counters older than the period',
    action: 'DELETE',
    defaultDays: 30,
    due: `SELECT key AS id FROM sign_in_throttle WHERE window_started_at < now() - make_interval(days => $1::int) AND (blocked_until IS NULL OR blocked_until < now())`,
    apply: async (m, ids) => {
      await m.query(`DELETE FROM sign_in_throttle WHERE key = ANY($1::text[])`, [ids]);
    },
  },
  IMPORT_JOB: {
    label: 'Finished CSV imports older than the period',
    action: 'DELETE',
    defaultDays: 90,
    due: `SELECT id FROM import_job WHERE status <> 'RUNNING' AND coalesce(finished_at, created_at) < now() - make_interval(days => $1::int)`,
    apply: async (m, ids) => {
      await m.query(`DELETE FROM import_job WHERE id = ANY($1::uuid[])`, [ids]);
    },
  },
};

export interface RetentionPolicyRow {
  recordType: RecordType;
  label: string;
  action: string;
  keepDays: number;
  enabled: boolean;
}

export interface RetentionItem {
  recordType: RecordType;
  action: string;
  keepDays: number;
  count: number;
}

export interface RetentionReportRow {
  id: string;
  kind: 'DRY_RUN' | 'APPLIED';
  createdAt: Date;
  appliedAt: Date | null;
  items: RetentionItem[];
}

/** A dry run older than this must be run again before it is applied. */
const DRY_RUN_VALID_HOURS = 24;

/** The longest period between scheduled runs (a year); the timer itself never waits more than an hour. */
const MAX_SCHEDULE_HOURS = 8_760;
const HOUR_MS = 3_600_000;
/** Who the audit log names for runs made by the schedule. */
export const SCHEDULE_ACTOR_LABEL = 'retention schedule';

export interface RetentionSchedule {
  /** How often a scheduled dry run is made; null when the schedule is off. */
  hours: number | null;
  /** Whether each scheduled dry run is applied at once. */
  autoApply: boolean;
}

/**
 * `RETENTION_SCHEDULE_HOURS` (24 in production, off otherwise; 0 turns it off) and
 * `RETENTION_AUTO_APPLY` (false unless true/yes/1), read once when the server starts. A value that is
 * neither is refused, as every other setting is, rather than silently turning retention off.
 */
export function retentionSchedule(env: NodeJS.ProcessEnv = process.env): RetentionSchedule {
  const rawHours = env.RETENTION_SCHEDULE_HOURS?.trim() || (env.NODE_ENV === 'production' ? '24' : '0');
  const hours = Number(rawHours);
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_SCHEDULE_HOURS) {
    throw new Error(`RETENTION_SCHEDULE_HOURS must be a number of hours from 0 (off) to ${MAX_SCHEDULE_HOURS} (got "${rawHours}")`);
  }
  const rawApply = env.RETENTION_AUTO_APPLY?.trim() ?? '';
  if (rawApply && !/^(1|true|yes|0|false|no)$/i.test(rawApply)) throw new Error(`RETENTION_AUTO_APPLY must be true or false (got "${rawApply}")`);
  return { hours: hours > 0 ? hours : null, autoApply: /^(1|true|yes)$/i.test(rawApply) };
}

/**
 * Retention: per record type, how long it is kept and what happens after (anonymised or deleted).
 * A dry run lists what is due; applying it acts on exactly those records that are still due, in one
 * transaction, and both are audited.
 *
 * The schedule: every `RETENTION_SCHEDULE_HOURS` a dry run is made by the system (and applied at once
 * when `RETENTION_AUTO_APPLY=true`). Whether a run is due is read from the database (the last dry run
 * made without a user: the schedule's or `npm run retention`'s), not from how long this process has
 * been up, so a server restarted more often than the period still runs it; the timer checks at most
 * hourly (a single timer of more than 24.8 days would overflow Node's timers and fire at once), and
 * one run at a time.
 */
@Injectable()
export class RetentionService implements OnApplicationShutdown, OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionService.name);
  private timers: NodeJS.Timeout[] = [];
  private schedule: RetentionSchedule = { hours: null, autoApply: false };
  private running: Promise<RetentionReportRow | null> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule = retentionSchedule();
    if (this.schedule.hours === null) return;
    const checkMs = Math.min(this.schedule.hours * HOUR_MS, HOUR_MS);
    const tick = () => void this.tick();
    // The first check soon after start (within a minute), then every check period.
    this.timers.push(setTimeout(tick, Math.min(checkMs, 60_000)), setInterval(tick, checkMs));
    for (const t of this.timers) t.unref();
    this.logger.log(`Retention scheduled every ${this.schedule.hours} h (${this.schedule.autoApply ? 'applied at once' : 'dry run only'})`);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    // Let a run in progress finish before the database connections close.
    await this.running?.catch(() => null);
  }

  /**
   * What the schedule's timer calls: runs the scheduled retention when the last run without a user is
   * older than the period (or there is none), unless a run is already in progress. Never throws: a
   * failure is logged, and the next check tries again.
   */
  tick(): Promise<RetentionReportRow | null> {
    const hours = this.schedule.hours;
    if (this.running || hours === null) return Promise.resolve(null);
    const run = async (): Promise<RetentionReportRow | null> => {
      try {
        const [{ last }]: { last: Date | null }[] = await this.dataSource.query(`SELECT max(created_at) AS last FROM retention_run WHERE created_by IS NULL`);
        if (last && Date.now() - new Date(last).getTime() < hours * HOUR_MS) return null;
        const done = await this.scheduled(this.schedule.autoApply);
        this.logger.log(`Scheduled retention ${done.kind === 'APPLIED' ? 'applied' : 'dry run'}: ${done.items.map((i) => `${i.count} ${i.recordType}`).join(', ')}`);
        return done;
      } catch (err) {
        this.logger.error(`Scheduled retention failed: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      } finally {
        this.running = null;
      }
    };
    // Assigned before the run's first await can finish, so a second tick sees it in progress.
    const p = Promise.resolve().then(run);
    this.running = p;
    return p;
  }

  /** The scheduled run: a dry run (audited), then, when auto-apply is on, applying exactly that dry run (audited). */
  async scheduled(autoApply = this.schedule.autoApply): Promise<RetentionReportRow> {
    const dry = await this.dryRun(null);
    return autoApply ? this.applyDryRun(null, dry.id) : dry;
  }

  async policies(m: EntityManager = this.dataSource.manager): Promise<RetentionPolicyRow[]> {
    const rows = await m.query<{ record_type: RecordType; keep_days: number; enabled: boolean }[]>(`SELECT record_type, keep_days, enabled FROM retention_policy`);
    const stored = new Map(rows.map((r) => [r.record_type, r]));
    return RECORD_TYPES.map((t) => ({ recordType: t, label: RULES[t].label, action: RULES[t].action, keepDays: stored.get(t)?.keep_days ?? RULES[t].defaultDays, enabled: stored.get(t)?.enabled ?? true }));
  }

  async updatePolicy(actor: Actor, recordType: RecordType, keepDays: number, enabled: boolean): Promise<RetentionPolicyRow[]> {
    if (!RECORD_TYPES.includes(recordType)) throw badInput([{ field: 'recordType', message: `Unknown record type ${String(recordType)}` }]);
    const min = recordType === 'YOUNG_PERSON' || recordType === 'PERSON_OF_CONCERN' ? 365 : 1;
    if (!Number.isInteger(keepDays) || keepDays < min || keepDays > 36_500) throw badInput([{ field: 'keepDays', message: `Keep these records for ${min} to 36,500 days` }]);
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO retention_policy (record_type, keep_days, enabled, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (record_type) DO UPDATE SET keep_days = excluded.keep_days, enabled = excluded.enabled, updated_by = excluded.updated_by, updated_at = now()`,
        [recordType, keepDays, enabled, actor.userId],
      );
      await this.audit.record(m, { action: 'retention.policy_updated', actor, entityType: 'retention_policy', details: { recordType, keepDays, enabled } });
      return this.policies(m);
    });
  }

  private async due(m: EntityManager, type: RecordType, keepDays: number): Promise<string[]> {
    return (await m.query<{ id: string }[]>(RULES[type].due, [keepDays])).map((r) => r.id);
  }

  /** Lists what is past retention, saves the list and audits it; changes nothing else. */
  async dryRun(actor: Actor | null, systemLabel = SCHEDULE_ACTOR_LABEL): Promise<RetentionReportRow> {
    return this.dataSource.transaction(async (m) => {
      const policies = (await this.policies(m)).filter((p) => p.enabled);
      const found: Record<string, { keepDays: number; ids: string[] }> = {};
      for (const p of policies) found[p.recordType] = { keepDays: p.keepDays, ids: await this.due(m, p.recordType, p.keepDays) };
      const [{ id, created_at }]: { id: string; created_at: Date }[] = await m.query(
        `INSERT INTO retention_run (kind, report, created_by) VALUES ('DRY_RUN', $1::jsonb, $2) RETURNING id, created_at`,
        [JSON.stringify(found), actor?.userId ?? null],
      );
      const items = policies.map((p) => ({ recordType: p.recordType, action: p.action, keepDays: p.keepDays, count: found[p.recordType].ids.length }));
      await this.audit.record(m, { action: 'retention.dry_run', actor, actorLabel: actor ? null : systemLabel, entityType: 'retention_run', entityId: id, details: { items } });
      return { id, kind: 'DRY_RUN', createdAt: created_at, appliedAt: null, items };
    });
  }

  /** Applies a recent dry run: only the records it listed that are still past retention, all in one transaction. */
  async applyDryRun(actor: Actor | null, dryRunId: string, systemLabel = SCHEDULE_ACTOR_LABEL): Promise<RetentionReportRow> {
    return this.dataSource.transaction(async (m) => {
      const [run]: { id: string; kind: string; report: Record<string, { keepDays: number; ids: string[] }>; created_at: Date; applied_at: Date | null }[] = await m.query(
        `SELECT id, kind, report, created_at, applied_at FROM retention_run WHERE id = $1 FOR UPDATE`,
        [dryRunId],
      );
      if (!run || run.kind !== 'DRY_RUN') throw notFound('The dry run');
      if (run.applied_at) throw conflict('This dry run has already been applied: make a new one.');
      if (Date.now() - new Date(run.created_at).getTime() > DRY_RUN_VALID_HOURS * 3_600_000) throw conflict(`This dry run is more than ${DRY_RUN_VALID_HOURS} hours old: make a new one and check it before applying.`);
      const items: RetentionItem[] = [];
      for (const [type, planned] of Object.entries(run.report) as [RecordType, { keepDays: number; ids: string[] }][]) {
        const stillDue = new Set(await this.due(m, type, planned.keepDays));
        const ids = planned.ids.filter((id) => stillDue.has(id));
        if (ids.length) await RULES[type].apply(m, ids);
        items.push({ recordType: type, action: RULES[type].action, keepDays: planned.keepDays, count: ids.length });
      }
      await m.query(`UPDATE retention_run SET applied_at = now(), applied_by = $2, applied = $3::jsonb WHERE id = $1`, [dryRunId, actor?.userId ?? null, JSON.stringify(items)]);
      const [{ applied_at }] = await m.query<{ applied_at: Date }[]>(`SELECT applied_at FROM retention_run WHERE id = $1`, [dryRunId]);
      await this.audit.record(m, { action: 'retention.applied', actor, actorLabel: actor ? null : systemLabel, entityType: 'retention_run', entityId: dryRunId, details: { items } });
      return { id: dryRunId, kind: 'APPLIED', createdAt: run.created_at, appliedAt: applied_at, items };
    });
  }

  async runs(limit = 20): Promise<RetentionReportRow[]> {
    const rows = await this.dataSource.query<{ id: string; report: Record<string, { keepDays: number; ids: string[] }>; applied: RetentionItem[] | null; created_at: Date; applied_at: Date | null }[]>(
      `SELECT id, report, applied, created_at, applied_at FROM retention_run ORDER BY created_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.applied_at ? 'APPLIED' : 'DRY_RUN',
      createdAt: r.created_at,
      appliedAt: r.applied_at,
      items:
        r.applied ??
        (Object.entries(r.report) as [RecordType, { keepDays: number; ids: string[] }][]).map(([t, x]) => ({ recordType: t, action: RULES[t].action, keepDays: x.keepDays, count: x.ids.length })),
    }));
  }
}
