import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ConnectionOf } from '../../../common/graphql/pagination.js';
import { AuditEventEntity } from '../audit-event.entity.js';

@InputType()
export class AuditFilterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  actorUserId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the email of who acted' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorLabel?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityType?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'entityId must be a record identifier (a UUID)' })
  entityId?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this moment (inclusive)' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this moment' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}

@ObjectType({ description: 'Whether the audit chain verifies end to end' })
export class AuditChainStatus {
  @Field(() => Boolean)
  ok: boolean;

  @Field(() => Int)
  events: number;

  @Field(() => String, { nullable: true })
  brokenAtSeq: string | null;

  @Field(() => String, { nullable: true })
  problem: string | null;

  @Field(() => Date)
  checkedAt: Date;
}

export const AuditEventConnection = ConnectionOf(AuditEventEntity, 'AuditEvent');
