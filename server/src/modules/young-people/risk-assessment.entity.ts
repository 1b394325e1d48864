import { YoungPersonEntity } from './young-person.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Answer, CseModel, Rag } from '@mase/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AssessmentStatusEnum, CseModelEnum, OutcomeEnum, RagEnum } from '../../common/graphql/enums.js';

export type AssessmentStatus = 'DRAFT' | 'AWAITING_SIGN_OFF' | 'FINAL';
export type Outcome = 'STRATEGY_DISCUSSION' | 'S47_ENQUIRY' | 'CHILD_PROTECTION_PLAN' | 'CHILD_IN_NEED_PLAN' | 'NO_FURTHER_ACTION';

/** One answer of the screening, with its evidence note (case detail: identifying roles only). */
export interface StoredAnswer {
  answer: Answer;
  evidence: string | null;
}

/**
 * A completed CSE risk screening. Immutable once both sign-offs are recorded (status FINAL):
 * a change after that is a new assessment.
 */
@ObjectType('RiskAssessment')
@Entity('risk_assessment')
@Index('risk_assessment_young_person_idx', ['youngPersonId', 'assessedOn'])
@Index('risk_assessment_status_idx', ['status'])
// (assessed_on) WHERE status = 'FINAL': created by the BenchIndexes migration; left alone by schema generation.
@Index('risk_assessment_final_assessed_idx', { synchronize: false })
// (young_person_id, assessed_on DESC, created_at DESC) INCLUDE (…) WHERE status = 'FINAL': the LatestScreeningIndex migration.
@Index('risk_assessment_latest_final_idx', { synchronize: false })
export class RiskAssessmentEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  youngPersonId: string;

  @ManyToOne(() => YoungPersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'young_person_id' })
  youngPerson?: YoungPersonEntity;

  @Field(() => String, { description: 'Date of the assessment (yyyy-mm-dd)' })
  @Column({ type: 'date' })
  assessedOn: string;

  @Column({ type: 'uuid' })
  assessorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessor_id' })
  assessor?: UserEntity;

  @Column({ type: 'jsonb' })
  answers: Record<string, StoredAnswer>;

  @Field(() => [CseModelEnum])
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  models: CseModel[];

  @Field(() => Int, { description: 'The score the tool computed from the indicators' })
  @Column({ type: 'smallint' })
  computedScore: number;

  @Field(() => Int, { description: 'The score recorded: the computed one, or a professional-judgement override' })
  @Column({ type: 'smallint' })
  finalScore: number;

  /** Case detail: exposed through a guarded field resolver. */
  @Column({ type: 'text', nullable: true })
  overrideReason: string | null;

  @Field(() => RagEnum)
  @Column({ type: 'text' })
  rag: Rag;

  @Field(() => Int, { nullable: true, description: 'Metropolitan Police CSE category 1–3' })
  @Column({ type: 'smallint', nullable: true })
  policeCategory: number | null;

  @Field(() => AssessmentStatusEnum)
  @Column({ type: 'text', default: 'AWAITING_SIGN_OFF' })
  status: AssessmentStatus;

  @Column({ type: 'uuid', nullable: true })
  lineManagerId: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  lineManagerSignedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  coordinatorId: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  coordinatorSignedAt: Date | null;

  @Field(() => String, { description: 'Three months after the assessment' })
  @Column({ type: 'date' })
  nextReviewOn: string;

  @Field(() => OutcomeEnum, { nullable: true })
  @Column({ type: 'text', nullable: true })
  outcome: Outcome | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  outcomeOn: string | null;

  /** Case detail (required for no further action): exposed through a guarded field resolver. */
  @Column({ type: 'text', nullable: true })
  outcomeReason: string | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
