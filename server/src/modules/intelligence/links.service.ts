import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { assertNoProblems, problem, type FieldProblem } from '../../common/graphql/errors.js';
import { connection, decodeCursor, type Connection } from '../../common/graphql/pagination.js';
import { AgencyEntity } from '../agencies/agency.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { LinksFilter, RecordLinkInput, RecordLinkResult } from './intelligence.inputs.js';
import { INTELLIGENCE_GRADES, HANDLING_CODES, LinkEntity, LinkGradingEntity, type NodeKind } from './link.entity.js';

/** The table holding each kind of node. */
export const NODE_TABLES: Record<NodeKind, string> = { YOUNG_PERSON: 'young_person', PERSON_OF_CONCERN: 'person_of_concern', LOCATION: 'location' };

const KIND_WORDS: Record<NodeKind, string> = { YOUNG_PERSON: 'young person', PERSON_OF_CONCERN: 'person of concern', LOCATION: 'location' };

/** SQL giving (kind, id, label) of every node whose id is in $1 (young people by pseudonym only). */
export const NODE_LABELS_SQL = `
  SELECT 'YOUNG_PERSON' AS kind, id, pseudonym AS label FROM young_person WHERE id = ANY($1::uuid[])
  UNION ALL
  SELECT 'PERSON_OF_CONCERN', id, coalesce(nullif(concat_ws(' ', first_name, last_name), ''), aliases[1], 'Unnamed') FROM person_of_concern WHERE id = ANY($2::uuid[])
  UNION ALL
  SELECT 'LOCATION', id, name FROM location WHERE id = ANY($3::uuid[])`;

/** Ends in canonical order: the same pair entered either way round is the same link. */
export function orderEnds(a: { kind: NodeKind; id: string }, b: { kind: NodeKind; id: string }): [{ kind: NodeKind; id: string }, { kind: NodeKind; id: string }] {
  return a.kind < b.kind || (a.kind === b.kind && a.id < b.id) ? [a, b] : [b, a];
}

@Injectable()
export class LinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private validate(input: RecordLinkInput): void {
    const today = new Date().toISOString().slice(0, 10);
    assertNoProblems([
      problem('toId', input.fromKind === input.toKind && input.fromId.toLowerCase() === input.toId.toLowerCase() ? 'A link needs two different things: this links a record to itself' : null),
      problem('lastSeen', input.lastSeen < input.firstSeen ? 'Last seen must be on or after first seen' : input.lastSeen > today ? 'Last seen cannot be in the future' : null),
      problem('sourceGrade', Number.isInteger(input.sourceGrade) && input.sourceGrade >= 1 && input.sourceGrade <= 3 ? null : 'Source grade must be 1, 2 or 3'),
      problem('intelligenceGrade', INTELLIGENCE_GRADES.includes(input.intelligenceGrade) ? null : 'Intelligence grade must be A to E'),
      problem('handling', HANDLING_CODES.includes(input.handling) ? null : 'Handling must be P or C'),
    ]);
  }

  /** Both ends and the source agency must exist; each missing one is named. Locks them against deletion. */
  private async missing(m: EntityManager, input: RecordLinkInput): Promise<FieldProblem[]> {
    const out: FieldProblem[] = [];
    for (const end of ['from', 'to'] as const) {
      const kind = input[`${end}Kind`];
      const rows: unknown[] = await m.query(`SELECT 1 FROM ${NODE_TABLES[kind]} WHERE id = $1 FOR KEY SHARE`, [input[`${end}Id`]]);
      if (rows.length === 0) out.push({ field: `${end}Id`, message: `No ${KIND_WORDS[kind]} with this id is recorded` });
    }
    if (!(await m.getRepository(AgencyEntity).existsBy({ id: input.sourceAgencyId }))) out.push({ field: 'sourceAgencyId', message: 'No agency with this id is recorded' });
    return out;
  }

  /** Records a link, or merges a new grading into the same link (same two nodes either way round, same type). All or nothing. */
  async record(actor: Actor, input: RecordLinkInput): Promise<RecordLinkResult> {
    this.validate(input);
    return this.dataSource.transaction(async (m) => {
      assertNoProblems(await this.missing(m, input));
      const result = await this.recordWithin(m, actor, input);
      await this.audit.record(m, {
        action: result.merged ? 'link.merged' : 'link.created',
        actor,
        entityType: 'link',
        entityId: result.link.id,
        details: { type: result.link.type, a: { kind: result.link.aKind, id: result.link.aId }, b: { kind: result.link.bKind, id: result.link.bId }, grading: `${input.sourceGrade}${input.intelligenceGrade}${input.handling}`, sourceAgencyId: input.sourceAgencyId },
      });
      return result;
    });
  }

  /**
   * Saves one checked link inside the caller's transaction (whose nodes are known to exist): a new
   * link, or the grading merged into the existing one with its history kept. The caller audits.
   */
  async recordWithin(m: EntityManager, actor: Actor, input: RecordLinkInput): Promise<RecordLinkResult> {
    const [a, b] = orderEnds({ kind: input.fromKind, id: input.fromId.toLowerCase() }, { kind: input.toKind, id: input.toId.toLowerCase() });
    // Serialise recordings of the same pair and type so two at once merge rather than collide.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`link:${a.kind}:${a.id}:${b.kind}:${b.id}:${input.type}`]);
    const repo = m.getRepository(LinkEntity);
    const existing = await repo.findOne({ where: { aKind: a.kind, aId: a.id, bKind: b.kind, bId: b.id, type: input.type }, lock: { mode: 'pessimistic_write' } });
    const grading = { sourceGrade: input.sourceGrade, intelligenceGrade: input.intelligenceGrade, handling: input.handling };
    let link: LinkEntity;
    if (existing) {
      existing.firstSeen = input.firstSeen < existing.firstSeen ? input.firstSeen : existing.firstSeen;
      existing.lastSeen = input.lastSeen > existing.lastSeen ? input.lastSeen : existing.lastSeen;
      existing.sourceGrade = input.sourceGrade;
      existing.intelligenceGrade = input.intelligenceGrade;
      existing.handling = existing.handling === 'C' || input.handling === 'C' ? 'C' : 'P';
      link = await repo.save(existing);
    } else {
      link = await repo.save(
        repo.create({ aKind: a.kind, aId: a.id, bKind: b.kind, bId: b.id, type: input.type, sourceAgencyId: input.sourceAgencyId, firstSeen: input.firstSeen, lastSeen: input.lastSeen, ...grading, createdBy: actor.userId }),
      );
    }
    const gradings = m.getRepository(LinkGradingEntity);
    await gradings.save(gradings.create({ linkId: link.id, sourceAgencyId: input.sourceAgencyId, ...grading, firstSeen: input.firstSeen, lastSeen: input.lastSeen, recordedBy: actor.userId }));
    return { link, merged: !!existing };
  }

  /** Links, most recently seen first. */
  async list(filter: LinksFilter, first: number, after: string | null | undefined): Promise<Connection<LinkEntity>> {
    assertNoProblems([problem('filter.nodeKind', filter.nodeId && !filter.nodeKind ? 'Give the kind of node as well as its id' : null)]);
    const qb = this.dataSource.getRepository(LinkEntity).createQueryBuilder('l');
    if (filter.type) qb.andWhere('l.type = :type', { type: filter.type });
    if (filter.nodeKind && filter.nodeId) {
      qb.andWhere('((l.a_kind = :kind AND l.a_id = :nodeId) OR (l.b_kind = :kind AND l.b_id = :nodeId))', { kind: filter.nodeKind, nodeId: filter.nodeId });
    } else if (filter.nodeKind) {
      qb.andWhere('(l.a_kind = :kind OR l.b_kind = :kind)', { kind: filter.nodeKind });
    }
    const cursor = decodeCursor(after, 2);
    if (cursor) qb.andWhere('(l.last_seen, l.id) < (:cSeen, :cId)', { cSeen: String(cursor[0]), cId: String(cursor[1]) });
    const rows = await qb
      .orderBy('l.last_seen', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .limit(first + 1)
      .getMany();
    return connection(rows, first, (r) => [r.lastSeen, r.id]);
  }
}
