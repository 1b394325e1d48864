import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import { Roles } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import { enumObject } from '../../common/graphql/enums.js';
import { IdPipe } from '../../common/graphql/validation.js';
import { RECORD_TYPES, RetentionService, type RecordType } from './retention.service.js';

const RecordTypeEnum = enumObject(RECORD_TYPES);
registerEnumType(RecordTypeEnum, { name: 'RetentionRecordType' });

@ObjectType()
export class RetentionPolicy {
  @Field(() => RecordTypeEnum) recordType: RecordType;
  @Field(() => String) label: string;
  @Field(() => String, { description: 'ANONYMISE or DELETE' }) action: string;
  @Field(() => Int) keepDays: number;
  @Field(() => Boolean) enabled: boolean;
}

@ObjectType()
export class RetentionItem {
  @Field(() => RecordTypeEnum) recordType: RecordType;
  @Field(() => String) action: string;
  @Field(() => Int) keepDays: number;
  @Field(() => Int, { description: 'Records past retention (in a dry run) or acted on (once applied)' }) count: number;
}

@ObjectType()
export class RetentionRun {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'DRY_RUN or APPLIED' }) kind: string;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) appliedAt: Date | null;
  @Field(() => [RetentionItem]) items: RetentionItem[];
}

@Resolver()
@Roles('ADMIN')
export class RetentionResolver {
  constructor(private readonly retention: RetentionService) {}

  @Query(() => [RetentionPolicy], { description: 'How long each kind of record is kept, and what happens after' })
  retentionPolicies(): Promise<RetentionPolicy[]> {
    return this.retention.policies();
  }

  @Query(() => [RetentionRun], { description: 'Recent dry runs and what was applied' })
  retentionRuns(): Promise<RetentionRun[]> {
    return this.retention.runs();
  }

  @Mutation(() => [RetentionPolicy])
  updateRetentionPolicy(
    @CurrentActor() actor: Actor,
    @Args('recordType', { type: () => RecordTypeEnum }) recordType: RecordType,
    @Args('keepDays', { type: () => Int }) keepDays: number,
    @Args('enabled', { type: () => Boolean }) enabled: boolean,
  ): Promise<RetentionPolicy[]> {
    return this.retention.updatePolicy(actor, recordType, keepDays, enabled);
  }

  @Mutation(() => RetentionRun, { description: 'Lists what is past retention; changes nothing' })
  retentionDryRun(@CurrentActor() actor: Actor): Promise<RetentionRun> {
    return this.retention.dryRun(actor);
  }

  @Mutation(() => RetentionRun, { description: 'Anonymises or deletes the records a recent dry run listed that are still past retention' })
  applyRetention(@CurrentActor() actor: Actor, @Args('dryRunId', { type: () => ID }, IdPipe) dryRunId: string): Promise<RetentionRun> {
    return this.retention.applyDryRun(actor, dryRunId);
  }
}
