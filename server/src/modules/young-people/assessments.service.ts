import { Injectable } from '@nestjs/common';
import { ageOn, computeScore, INDICATOR_BY_ID, INDICATORS, nextReviewDate, overrideProblem, ragOf, type Score } from '@mase/shared';
import { DataSource, IsNull } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { assertNoProblems, badInput, conflict, forbidden, notFound, problem, type FieldProblem } from '../../common/graphql/errors.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateAssessmentInput, EndMembershipInput, RecordOutcomeInput, SignOffInput } from './dto/assessment.inputs.js';
import { ListMembershipEntity } from './list-membership.entity.js';
import { RiskAssessmentEntity, type StoredAnswer } from './risk-assessment.entity.js';
import { YoungPersonEntity } from './young-person.entity.js';
import { today } from './young-people.service.js';

@Injectable()
export class AssessmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Records a completed screening, awaiting its two sign-offs. */
  async create(actor: Actor, input: CreateAssessmentInput): Promise<RiskAssessmentEntity> {
    const problems: FieldProblem[] = [];
    const answers: Record<string, StoredAnswer> = {};
    input.answers.forEach((a, i) => {
      if (!INDICATOR_BY_ID.has(a.indicatorId)) problems.push({ field: `answers.${i}.indicatorId`, message: `Unknown indicator "${a.indicatorId}"` });
      else if (answers[a.indicatorId]) problems.push({ field: `answers.${a.indicatorId}`, message: 'This indicator is answered twice' });
      else if (a.answer === 'PRESENT' && !a.evidence?.trim()) {
        problems.push({ field: `answers.${a.indicatorId}`, message: `Give the evidence for "${INDICATOR_BY_ID.get(a.indicatorId)!.label}"` });
      }
      answers[a.indicatorId] = { answer: a.answer, evidence: a.evidence?.trim() || null };
    });
    for (const x of INDICATORS) {
      if (!answers[x.id]) problems.push({ field: `answers.${x.id}`, message: `Answer "${x.label}": present, not present or not known` });
    }
    if (input.assessedOn > today()) problems.push({ field: 'assessedOn', message: 'The assessment date must be today or in the past' });
    assertNoProblems(problems);

    return this.dataSource.transaction(async (m) => {
      const yp = await m.getRepository(YoungPersonEntity).findOne({ where: { id: input.youngPersonId } });
      if (!yp) throw badInput([{ field: 'youngPersonId', message: 'Choose a young person who is recorded' }]);
      if (input.assessedOn < yp.dateOfBirth) throw badInput([{ field: 'assessedOn', message: 'The assessment date is before the date of birth' }]);
      const computed = computeScore({ answers: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v.answer])), ageAtAssessment: ageOn(yp.dateOfBirth, input.assessedOn) });
      const final = (input.finalScore ?? computed.score) as Score;
      assertNoProblems([problem('overrideReason', overrideProblem(computed.score, final, input.overrideReason))]);
      const repo = m.getRepository(RiskAssessmentEntity);
      const saved = await repo.save(
        repo.create({
          youngPersonId: yp.id,
          assessedOn: input.assessedOn,
          assessorId: actor.userId,
          answers,
          models: [...new Set(input.models)],
          computedScore: computed.score,
          finalScore: final,
          overrideReason: final === computed.score ? null : input.overrideReason!.trim(),
          rag: ragOf(final),
          policeCategory: final === 0 ? null : final,
          status: 'AWAITING_SIGN_OFF',
          nextReviewOn: nextReviewDate(input.assessedOn),
        }),
      );
      await this.audit.record(m, {
        action: 'assessment.created',
        actor,
        entityType: 'risk_assessment',
        entityId: saved.id,
        details: { youngPersonId: yp.id, computedScore: computed.score, finalScore: final, overridden: final !== computed.score },
      });
      return saved;
    });
  }

  /**
   * Records a sign-off. The line manager (a co-chair or co-ordinator) and the CSE co-ordinator must
   * be two different people, neither of them the assessor. The second sign-off makes the
   * assessment final and, for a final score of 1–3, puts the young person on the list.
   */
  async signOff(actor: Actor, input: SignOffInput): Promise<RiskAssessmentEntity> {
    if (input.as === 'COORDINATOR' && actor.role !== 'COORDINATOR') throw forbidden('Only a CSE co-ordinator can sign off as the co-ordinator');
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(RiskAssessmentEntity);
      const a = await repo.findOne({ where: { id: input.assessmentId }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw notFound('The assessment');
      if (a.version !== input.version) throw conflict('This assessment changed after you opened it (someone else may have signed it off). Reload and check.');
      if (a.status === 'FINAL') throw badInput([{ field: 'assessmentId', message: 'This assessment is already signed off and final' }]);
      if (a.assessorId === actor.userId) throw badInput([{ field: 'as', message: 'You completed this assessment, so someone else must sign it off' }]);
      const other = input.as === 'LINE_MANAGER' ? a.coordinatorId : a.lineManagerId;
      if (other === actor.userId) throw badInput([{ field: 'as', message: 'You have already signed this assessment off: the second sign-off must be by someone else' }]);
      if (input.as === 'LINE_MANAGER') {
        if (a.lineManagerId) throw badInput([{ field: 'as', message: 'The line manager has already signed this assessment off' }]);
        a.lineManagerId = actor.userId;
        a.lineManagerSignedAt = new Date();
      } else {
        if (a.coordinatorId) throw badInput([{ field: 'as', message: 'The co-ordinator has already signed this assessment off' }]);
        a.coordinatorId = actor.userId;
        a.coordinatorSignedAt = new Date();
      }
      const final = !!(a.lineManagerId && a.coordinatorId);
      if (final) a.status = 'FINAL';
      const saved = await repo.save(a);
      await this.audit.record(m, { action: 'assessment.signed_off', actor, entityType: 'risk_assessment', entityId: a.id, details: { as: input.as, final } });
      if (final && a.finalScore >= 1) {
        const open = await m.getRepository(ListMembershipEntity).findOne({ where: { youngPersonId: a.youngPersonId, endedOn: IsNull() } });
        if (!open) {
          const lm = m.getRepository(ListMembershipEntity);
          const row = await lm.save(
            lm.create({
              youngPersonId: a.youngPersonId,
              startedOn: today(),
              startReason: a.finalScore !== a.computedScore ? 'OVERRIDE' : 'SCORE',
              startAssessmentId: a.id,
              createdBy: actor.userId,
            }),
          );
          await this.audit.record(m, { action: 'list.joined', actor, entityType: 'young_person', entityId: a.youngPersonId, details: { membershipId: row.id, assessmentId: a.id } });
        }
      }
      return saved;
    });
  }

  async recordOutcome(actor: Actor, input: RecordOutcomeInput): Promise<RiskAssessmentEntity> {
    assertNoProblems([
      problem('reason', input.outcome === 'NO_FURTHER_ACTION' && !input.reason?.trim() ? 'Give the reason for no further action' : null),
      problem('outcomeOn', input.outcomeOn > today() ? 'The outcome date must be today or in the past' : null),
    ]);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(RiskAssessmentEntity);
      const a = await repo.findOne({ where: { id: input.assessmentId }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw notFound('The assessment');
      if (input.outcomeOn < a.assessedOn) throw badInput([{ field: 'outcomeOn', message: 'The outcome date is before the assessment' }]);
      Object.assign(a, { outcome: input.outcome, outcomeOn: input.outcomeOn, outcomeReason: input.reason?.trim() || null });
      const saved = await repo.save(a);
      await this.audit.record(m, { action: 'assessment.outcome_recorded', actor, entityType: 'risk_assessment', entityId: a.id, details: { outcome: input.outcome } });
      return saved;
    });
  }

  async endMembership(actor: Actor, input: EndMembershipInput): Promise<ListMembershipEntity> {
    assertNoProblems([
      problem('reason', input.reason.trim() ? null : 'Give the reason'),
      problem('endedOn', input.endedOn > today() ? 'The date must be today or in the past' : null),
    ]);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(ListMembershipEntity);
      const [open] = await repo.find({ where: { youngPersonId: input.youngPersonId }, order: { startedOn: 'DESC' }, take: 1, lock: { mode: 'pessimistic_write' } });
      if (!open || open.endedOn !== null) throw badInput([{ field: 'youngPersonId', message: 'This young person is not on the MASE list' }]);
      if (input.endedOn < open.startedOn) throw badInput([{ field: 'endedOn', message: `The end date is before they joined the list (${open.startedOn})` }]);
      Object.assign(open, { endedOn: input.endedOn, endKind: input.kind, endReason: input.reason.trim() });
      const saved = await repo.save(open);
      await this.audit.record(m, { action: input.kind === 'CLOSED' ? 'list.closed' : 'list.stepped_down', actor, entityType: 'young_person', entityId: input.youngPersonId, details: { membershipId: open.id } });
      return saved;
    });
  }

  awaitingSignOff(): Promise<RiskAssessmentEntity[]> {
    return this.dataSource.getRepository(RiskAssessmentEntity).find({ where: { status: 'AWAITING_SIGN_OFF' }, order: { assessedOn: 'ASC' } });
  }

  /** Young people on the list whose latest final assessment is due for review within 14 days, or overdue. */
  async reviewsDue(): Promise<{ youngPersonId: string; assessmentId: string; nextReviewOn: string; finalScore: number; overdue: boolean; strategyMeetingPrompt: boolean }[]> {
    const rows: { young_person_id: string; id: string; next_review_on: string; final_score: number; overdue: boolean }[] = await this.dataSource.query(
      `SELECT la.young_person_id, la.id, la.next_review_on::text AS next_review_on, la.final_score, la.next_review_on < current_date AS overdue
       FROM list_membership lm
       JOIN LATERAL (
         SELECT ra.* FROM risk_assessment ra WHERE ra.young_person_id = lm.young_person_id AND ra.status = 'FINAL'
         ORDER BY ra.assessed_on DESC, ra.created_at DESC LIMIT 1
       ) la ON true
       WHERE lm.ended_on IS NULL AND la.next_review_on <= current_date + 14
       ORDER BY la.next_review_on`,
    );
    return rows.map((r) => ({
      youngPersonId: r.young_person_id,
      assessmentId: r.id,
      nextReviewOn: r.next_review_on,
      finalScore: r.final_score,
      overdue: r.overdue,
      strategyMeetingPrompt: r.final_score >= 2,
    }));
  }
}
