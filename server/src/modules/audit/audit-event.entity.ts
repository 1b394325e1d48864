import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../common/graphql/json.scalar.js';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Append-only and hash-chained. Rows are written by AuditService inside the transaction of the
 * change they record; the database assigns seq, prev_hash and hash in a trigger and refuses
 * UPDATE, DELETE and TRUNCATE (see the AuditChain migration).
 */
@ObjectType('AuditEvent')
@Entity('audit_event')
@Index('audit_event_occurred_at_idx', ['occurredAt'])
@Index('audit_event_actor_idx', ['actorUserId', 'occurredAt'])
@Index('audit_event_entity_idx', ['entityType', 'entityId'])
@Index('audit_event_action_idx', ['action', 'occurredAt'])
export class AuditEventEntity {
  @Field(() => ID, { description: 'Position in the chain' })
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Field(() => String, { nullable: true, description: 'Who acted, as known at the time (email), or the email tried at a failed sign-in' })
  @Column({ type: 'text', nullable: true })
  actorLabel: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  actorRole: string | null;

  @Field(() => String)
  @Column({ type: 'text' })
  action: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  entityType: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  ipAddress: string | null;

  @Field(() => String, { nullable: true, description: 'Why, where a reason was asked for' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => GraphQLJSON)
  @Column({ type: 'jsonb', default: () => `'{}'` })
  details: Record<string, unknown>;

  @Field(() => String)
  @Column({ type: 'text' })
  prevHash: string;

  @Field(() => String)
  @Column({ type: 'text' })
  hash: string;
}
