import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { assertNoProblems, badInput, conflict, notFound, problem } from '../../common/graphql/errors.js';
import { AuditService } from '../audit/audit.service.js';
import type { ChronologyEntry, MissingEpisodeFields, RecordMissingEpisodeInput, UpdateMissingEpisodeInput } from './dto/missing.inputs.js';
import { MissingEpisodeEntity } from './missing-episode.entity.js';
import { YoungPersonEntity } from './young-person.entity.js';

@Injectable()
export class MissingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private validate(input: MissingEpisodeFields): void {
    const now = Date.now() + 60_000;
    assertNoProblems([
      problem('startedAt', input.startedAt.getTime() > now ? 'The start must not be in the future' : null),
      problem(
        'endedAt',
        input.endedAt && input.endedAt < input.startedAt ? 'The return must be after the start' : input.endedAt && input.endedAt.getTime() > now ? 'The return must not be in the future' : null,
      ),
      problem('reportedBy', input.reportedBy.trim() ? null : 'Say who reported the young person missing'),
      problem('returnInterviewDone', input.returnInterviewDone && !input.endedAt ? 'A return interview can only be done after the young person has returned' : null),
    ]);
  }

  async record(actor: Actor, input: RecordMissingEpisodeInput): Promise<MissingEpisodeEntity> {
    this.validate(input);
    return this.dataSource.transaction(async (m) => {
      if (!(await m.getRepository(YoungPersonEntity).existsBy({ id: input.youngPersonId }))) {
        throw badInput([{ field: 'youngPersonId', message: 'Choose a young person who is recorded' }]);
      }
      const repo = m.getRepository(MissingEpisodeEntity);
      const saved = await repo.save(
        repo.create({
          youngPersonId: input.youngPersonId,
          startedAt: input.startedAt,
          endedAt: input.endedAt ?? null,
          reportedBy: input.reportedBy.trim(),
          whereFound: input.whereFound?.trim() || null,
          returnInterviewOffered: input.returnInterviewOffered,
          returnInterviewDone: input.returnInterviewDone,
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(m, { action: 'missing_episode.recorded', actor, entityType: 'young_person', entityId: input.youngPersonId, details: { episodeId: saved.id } });
      return saved;
    });
  }

  async update(actor: Actor, input: UpdateMissingEpisodeInput): Promise<MissingEpisodeEntity> {
    this.validate(input);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(MissingEpisodeEntity);
      const e = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!e) throw notFound('The missing episode');
      if (e.version !== input.version) throw conflict('Someone else changed this episode after you opened it. Reload and try again.');
      Object.assign(e, {
        startedAt: input.startedAt,
        endedAt: input.endedAt ?? null,
        reportedBy: input.reportedBy.trim(),
        whereFound: input.whereFound?.trim() || null,
        returnInterviewOffered: input.returnInterviewOffered,
        returnInterviewDone: input.returnInterviewDone,
      });
      const saved = await repo.save(e);
      await this.audit.record(m, { action: 'missing_episode.updated', actor, entityType: 'young_person', entityId: e.youngPersonId, details: { episodeId: e.id } });
      return saved;
    });
  }

  /** Every dated event of one young person, newest first, in one statement. */
  async chronology(youngPersonId: string): Promise<ChronologyEntry[]> {
    const rows: { at: Date; kind: string; summary: string; ref_id: string | null }[] = await this.dataSource.query(
      `SELECT at, kind, summary, ref_id FROM (
         SELECT ra.assessed_on::timestamptz AS at, 'ASSESSMENT' AS kind,
                'Screening: score ' || ra.final_score || ' (' || ra.rag || ')' ||
                CASE WHEN ra.final_score <> ra.computed_score THEN ', override of computed ' || ra.computed_score ELSE '' END ||
                CASE WHEN ra.status <> 'FINAL' THEN ', awaiting sign-off' ELSE '' END AS summary, ra.id AS ref_id
         FROM risk_assessment ra WHERE ra.young_person_id = $1
         UNION ALL
         SELECT greatest(ra.line_manager_signed_at, ra.coordinator_signed_at), 'SIGNED_OFF', 'Screening signed off by the line manager and the co-ordinator', ra.id
         FROM risk_assessment ra WHERE ra.young_person_id = $1 AND ra.status = 'FINAL'
         UNION ALL
         SELECT lm.started_on::timestamptz, 'LIST_JOINED',
                'Joined the MASE list' || CASE WHEN lm.start_reason = 'OVERRIDE' THEN ' (professional judgement)' ELSE '' END, lm.id
         FROM list_membership lm WHERE lm.young_person_id = $1
         UNION ALL
         SELECT lm.ended_on::timestamptz, 'LIST_ENDED',
                CASE lm.end_kind WHEN 'CLOSED' THEN 'Closed on the MASE list' ELSE 'Stepped down from the MASE list' END || ': ' || coalesce(lm.end_reason, ''), lm.id
         FROM list_membership lm WHERE lm.young_person_id = $1 AND lm.ended_on IS NOT NULL
         UNION ALL
         SELECT me.started_at, 'MISSING', 'Reported missing by ' || me.reported_by, me.id
         FROM missing_episode me WHERE me.young_person_id = $1
         UNION ALL
         SELECT me.ended_at, 'RETURNED',
                'Returned' || CASE WHEN me.return_interview_done THEN '; return interview done' WHEN me.return_interview_offered THEN '; return interview offered' ELSE '; no return interview yet' END, me.id
         FROM missing_episode me WHERE me.young_person_id = $1 AND me.ended_at IS NOT NULL
       ) c ORDER BY at DESC, kind`,
      [youngPersonId],
    );
    return rows.map((r) => ({ at: r.at, kind: r.kind, summary: r.summary, refId: r.ref_id }));
  }
}
