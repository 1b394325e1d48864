import { YoungPersonEntity } from './young-person.entity.js';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A spell on the MASE list. Never overwritten: joining opens a row, stepping down or closing ends
 * it, rejoining opens another. "Who was on the list on date D" is
 * `started_on <= D AND (ended_on IS NULL OR ended_on > D)`.
 */
@ObjectType('ListMembership')
@Entity('list_membership')
@Index('list_membership_open_key', ['youngPersonId'], { unique: true, where: 'ended_on IS NULL' })
@Index('list_membership_span_idx', ['startedOn', 'endedOn'])
// (young_person_id, started_on): created by the BenchIndexes migration; left alone by schema generation.
@Index('list_membership_young_person_idx', { synchronize: false })
export class ListMembershipEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  youngPersonId: string;

  @ManyToOne(() => YoungPersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'young_person_id' })
  youngPerson?: YoungPersonEntity;

  @Field(() => String)
  @Column({ type: 'date' })
  startedOn: string;

  @Field(() => String, { description: 'SCORE (a final score of 1–3) or OVERRIDE (professional judgement)' })
  @Column({ type: 'text' })
  startReason: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  startAssessmentId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  @Field(() => String, { nullable: true, description: 'STEPPED_DOWN or CLOSED' })
  @Column({ type: 'text', nullable: true })
  endKind: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  endReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}
