import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AuditEventEntity } from './audit-event.entity.js';

export interface AuditEntry {
  action: string;
  actor?: Actor | null;
  /** For events without a signed-in actor (a failed sign-in): the email that was tried. */
  actorLabel?: string | null;
  ip?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export interface ChainVerification {
  ok: boolean;
  events: number;
  /** The first event whose link does not verify, when one does not. */
  brokenAtSeq: string | null;
  problem: string | null;
  headSeq: string;
}

export interface AuditFilter {
  action?: string | null;
  actorUserId?: string | null;
  actorLabel?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const GENESIS = '0'.repeat(64);

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends an event. Pass the EntityManager of the transaction making the change, so the event
   * and the change commit or roll back together.
   */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event
         (actor_user_id, actor_label, actor_role, action, entity_type, entity_id, ip_address, reason, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
      // seq, occurred_at, prev_hash and hash are assigned by the audit_event_chain trigger.
      [
        entry.actor?.userId ?? null,
        entry.actor?.email ?? entry.actorLabel ?? null,
        entry.actor?.role ?? null,
        entry.action,
        entry.entityType ?? null,
        entry.entityId ?? null,
        entry.ip ?? entry.actor?.ip ?? null,
        entry.reason ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  /** Records an event in a transaction of its own (for events that change nothing else). */
  async recordAlone(entry: AuditEntry): Promise<void> {
    await this.dataSource.transaction((m) => this.record(m, entry));
  }

  async list(filter: AuditFilter, first: number, afterSeq: string | null): Promise<{ rows: AuditEventEntity[]; hasMore: boolean }> {
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.actorUserId) qb.andWhere('e.actor_user_id = :actorUserId', { actorUserId: filter.actorUserId });
    if (filter.actorLabel) qb.andWhere('e.actor_label ILIKE :actorLabel', { actorLabel: `%${escapeLike(filter.actorLabel)}%` });
    if (filter.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.from) qb.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.occurred_at < :to', { to: filter.to });
    if (afterSeq) qb.andWhere('e.seq < :afterSeq', { afterSeq });
    const rows = await qb.orderBy('e.seq', 'DESC').limit(first + 1).getMany();
    return { rows: rows.slice(0, first), hasMore: rows.length > first };
  }

  async actions(): Promise<string[]> {
    const rows: { action: string }[] = await this.dataSource.query(`SELECT DISTINCT action FROM audit_event ORDER BY action`);
    return rows.map((r) => r.action);
  }

  /**
   * Recomputes every link of the chain in SQL: each row's prev_hash must be the previous row's
   * hash, its hash must be sha256(prev_hash || payload), seq must have no gaps, and the last row
   * must match the chain head (so a deleted tail is caught too).
   */
  async verify(manager: EntityManager = this.dataSource.manager): Promise<ChainVerification> {
    const [broken]: { seq: string; problem: string }[] = await manager.query(
      `SELECT chain.seq::text AS seq, CASE
          WHEN prev_hash <> expected_prev THEN 'previous-hash link broken'
          WHEN seq <> prev_seq + 1 THEN 'gap in sequence'
          ELSE 'content does not match its hash' END AS problem
       FROM (
         SELECT e.seq, e.prev_hash, e.hash,
                lag(e.hash, 1, $1) OVER (ORDER BY e.seq) AS expected_prev,
                lag(e.seq, 1, 0::bigint) OVER (ORDER BY e.seq) AS prev_seq,
                encode(sha256(convert_to(e.prev_hash || audit_event_payload(e), 'UTF8')), 'hex') AS recomputed
         FROM audit_event e
       ) chain
       WHERE prev_hash <> expected_prev OR seq <> prev_seq + 1 OR hash <> recomputed
       ORDER BY chain.seq LIMIT 1`,
      [GENESIS],
    );
    const [stats]: { events: string; last_seq: string | null; last_hash: string | null; head_seq: string; head_hash: string }[] =
      await manager.query(
        `SELECT (SELECT count(*) FROM audit_event)::text AS events,
                (SELECT e.seq::text FROM audit_event e ORDER BY e.seq DESC LIMIT 1) AS last_seq,
                (SELECT e.hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1) AS last_hash,
                h.seq::text AS head_seq, h.hash AS head_hash
         FROM audit_chain_head h`,
      );
    const events = Number(stats.events);
    if (broken) {
      return { ok: false, events, brokenAtSeq: broken.seq, problem: broken.problem, headSeq: stats.head_seq };
    }
    if ((stats.last_seq ?? '0') !== stats.head_seq || (stats.last_hash ?? GENESIS) !== stats.head_hash) {
      return {
        ok: false,
        events,
        brokenAtSeq: stats.last_seq,
        problem: 'the newest events are missing: the chain head does not match the last event',
        headSeq: stats.head_seq,
      };
    }
    return { ok: true, events, brokenAtSeq: null, problem: null, headSeq: stats.head_seq };
  }
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
