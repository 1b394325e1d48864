import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ageBand, ageOn, INDICATOR_BY_ID, missingFlags, type AgeBand } from '@mase/shared';
import { Roles } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import type { GqlContext } from '../../common/graphql/context.js';
import { AgeBandEnum } from '../../common/graphql/enums.js';
import { PageInput, type Connection } from '../../common/graphql/pagination.js';
import { IdPipe, OptionalArg } from '../../common/graphql/validation.js';
import { AssessmentsService } from './assessments.service.js';
import {
  CreateAssessmentInput,
  EndMembershipInput,
  IndicatorAnswerType,
  RecordOutcomeInput,
  ReviewDue,
  SignOffInput,
} from './dto/assessment.inputs.js';
import { UpdateYoungPersonInput, YoungPeopleFilter, YoungPersonConnection, YoungPersonFields, YoungPersonIdentity } from './dto/young-person.inputs.js';
import { ChronologyEntry, MissingFlagsType, RecordMissingEpisodeInput, UpdateMissingEpisodeInput } from './dto/missing.inputs.js';
import { ListMembershipEntity } from './list-membership.entity.js';
import { MissingEpisodeEntity } from './missing-episode.entity.js';
import { MissingService } from './missing.service.js';
import { RiskAssessmentEntity } from './risk-assessment.entity.js';
import { YoungPersonEntity } from './young-person.entity.js';
import { SORTS, today, YoungPeopleService, type YoungPeopleSort } from './young-people.service.js';
import { enumObject } from '../../common/graphql/enums.js';
import { registerEnumType } from '@nestjs/graphql';

const YoungPeopleSortEnum = enumObject(SORTS);
registerEnumType(YoungPeopleSortEnum, { name: 'YoungPeopleSort' });

const READERS = ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE'] as const;
const IDENTIFIERS = ['CO_CHAIR', 'COORDINATOR', 'POLICE'] as const;
const KEEPERS = ['CO_CHAIR', 'COORDINATOR'] as const;
const MISSING_WRITERS = ['CO_CHAIR', 'COORDINATOR', 'POLICE'] as const;

@Resolver(() => YoungPersonEntity)
@Roles(...READERS)
export class YoungPeopleResolver {
  constructor(
    private readonly people: YoungPeopleService,
    private readonly assessments: AssessmentsService,
    private readonly missing: MissingService,
  ) {}

  @Query(() => YoungPersonConnection, { description: 'Young people, highest score first; on the list today unless filtered otherwise' })
  youngPeople(
    @CurrentActor() actor: Actor,
    @OptionalArg('filter', YoungPeopleFilter) filter: YoungPeopleFilter | null,
    @OptionalArg('page', PageInput) page: PageInput | null,
    @Args('sort', { type: () => YoungPeopleSortEnum, nullable: true, description: 'Default SCORE (highest first); NAME is by pseudonym for the analyst' })
    sort: YoungPeopleSort | null,
  ): Promise<Connection<YoungPersonEntity>> {
    return this.people.list(actor, filter ?? {}, page?.first ?? 50, page?.after, sort);
  }

  @Query(() => YoungPersonEntity, { description: "One young person's record (the read is audited)" })
  youngPerson(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, IdPipe) id: string,
    @Args('reason', { type: () => String, nullable: true, description: 'Why you are opening the record, when your work does not connect you to this young person (REASON_REQUIRED otherwise)' })
    reason: string | null,
  ): Promise<YoungPersonEntity> {
    return this.people.get(actor, id, reason);
  }

  @Mutation(() => YoungPersonEntity)
  @Roles(...KEEPERS)
  createYoungPerson(@CurrentActor() actor: Actor, @Args('input') input: YoungPersonFields): Promise<YoungPersonEntity> {
    return this.people.create(actor, input);
  }

  @Mutation(() => YoungPersonEntity)
  @Roles(...KEEPERS)
  updateYoungPerson(@CurrentActor() actor: Actor, @Args('input') input: UpdateYoungPersonInput): Promise<YoungPersonEntity> {
    return this.people.update(actor, input);
  }

  @Mutation(() => ListMembershipEntity, { description: 'Steps a young person down from, or closes them on, the MASE list' })
  @Roles(...KEEPERS)
  endListMembership(@CurrentActor() actor: Actor, @Args('input') input: EndMembershipInput): Promise<ListMembershipEntity> {
    return this.assessments.endMembership(actor, input);
  }

  @Mutation(() => MissingEpisodeEntity)
  @Roles(...MISSING_WRITERS)
  recordMissingEpisode(@CurrentActor() actor: Actor, @Args('input') input: RecordMissingEpisodeInput): Promise<MissingEpisodeEntity> {
    return this.missing.record(actor, input);
  }

  @Mutation(() => MissingEpisodeEntity, { description: 'Records the return, the return-home interview, or a correction' })
  @Roles(...MISSING_WRITERS)
  updateMissingEpisode(@CurrentActor() actor: Actor, @Args('input') input: UpdateMissingEpisodeInput): Promise<MissingEpisodeEntity> {
    return this.missing.update(actor, input);
  }

  @ResolveField('missingEpisodes', () => [MissingEpisodeEntity], { description: 'Newest first' })
  missingEpisodes(@Parent() yp: YoungPersonEntity, @Context() ctx: GqlContext): Promise<MissingEpisodeEntity[]> {
    return ctx.loaders.missingEpisodesOf.load(yp.id);
  }

  @ResolveField('missingFlags', () => MissingFlagsType)
  async missingFlags(@Parent() yp: YoungPersonEntity, @Context() ctx: GqlContext): Promise<MissingFlagsType> {
    return missingFlags(await ctx.loaders.missingEpisodesOf.load(yp.id));
  }

  @ResolveField('chronology', () => [ChronologyEntry], { description: 'Screenings, sign-offs, list changes and missing episodes, newest first' })
  chronology(@Parent() yp: YoungPersonEntity): Promise<ChronologyEntry[]> {
    return this.missing.chronology(yp.id);
  }

  @ResolveField('identity', () => YoungPersonIdentity, { description: 'Identifying details: roles with case access only' })
  @Roles(...IDENTIFIERS)
  identity(@Parent() yp: YoungPersonEntity): YoungPersonIdentity {
    const { reference, firstName, lastName, aliases, dateOfBirth, school, socialWorker, team, crisNumber, merlinReferences } = yp;
    return { reference, firstName, lastName, aliases, dateOfBirth, school, socialWorker, team, crisNumber, merlinReferences };
  }

  @ResolveField('ageBand', () => AgeBandEnum)
  ageBand(@Parent() yp: YoungPersonEntity): AgeBand {
    return ageBand(ageOn(yp.dateOfBirth, today()));
  }

  @ResolveField('latestAssessment', () => RiskAssessmentEntity, { nullable: true, description: 'The latest final (signed-off) assessment' })
  latestAssessment(@Parent() yp: YoungPersonEntity, @Context() ctx: GqlContext): Promise<RiskAssessmentEntity | null> {
    return ctx.loaders.latestFinalAssessment.load(yp.id);
  }

  @ResolveField('currentMembership', () => ListMembershipEntity, { nullable: true, description: 'The open spell on the MASE list, if on it' })
  currentMembership(@Parent() yp: YoungPersonEntity, @Context() ctx: GqlContext): Promise<ListMembershipEntity | null> {
    return ctx.loaders.openMembership.load(yp.id);
  }

  @ResolveField('assessments', () => [RiskAssessmentEntity], { description: 'Every assessment, newest first, signed off or not' })
  assessmentsOf(@Parent() yp: YoungPersonEntity, @Context() ctx: GqlContext): Promise<RiskAssessmentEntity[]> {
    return ctx.loaders.assessmentsOf.load(yp.id);
  }

  @ResolveField('memberships', () => [ListMembershipEntity], { description: 'List history, newest first' })
  memberships(@Parent() yp: YoungPersonEntity, @Context() ctx: GqlContext): Promise<ListMembershipEntity[]> {
    return ctx.loaders.membershipsOf.load(yp.id);
  }
}

@Resolver(() => RiskAssessmentEntity)
@Roles(...READERS)
export class AssessmentsResolver {
  constructor(private readonly assessments: AssessmentsService) {}

  @Query(() => [RiskAssessmentEntity], { description: 'Assessments awaiting one or both sign-offs, oldest first' })
  @Roles(...KEEPERS)
  signOffQueue(): Promise<RiskAssessmentEntity[]> {
    return this.assessments.awaitingSignOff();
  }

  @Query(() => [ReviewDue], { description: 'Reviews due in the next 14 days, and overdue ones' })
  @Roles(...KEEPERS)
  reviewsDue(): Promise<ReviewDue[]> {
    return this.assessments.reviewsDue();
  }

  @Mutation(() => RiskAssessmentEntity, { description: 'Records a completed screening; the score is computed on the server' })
  @Roles(...KEEPERS)
  createAssessment(@CurrentActor() actor: Actor, @Args('input') input: CreateAssessmentInput): Promise<RiskAssessmentEntity> {
    return this.assessments.create(actor, input);
  }

  @Mutation(() => RiskAssessmentEntity)
  @Roles(...KEEPERS)
  signOffAssessment(@CurrentActor() actor: Actor, @Args('input') input: SignOffInput): Promise<RiskAssessmentEntity> {
    return this.assessments.signOff(actor, input);
  }

  @Mutation(() => RiskAssessmentEntity)
  @Roles(...KEEPERS)
  recordAssessmentOutcome(@CurrentActor() actor: Actor, @Args('input') input: RecordOutcomeInput): Promise<RiskAssessmentEntity> {
    return this.assessments.recordOutcome(actor, input);
  }

  @ResolveField('indicators', () => [IndicatorAnswerType], { description: 'Every indicator with its answer' })
  indicators(@Parent() a: RiskAssessmentEntity): IndicatorAnswerType[] {
    return Object.entries(a.answers).map(([id, v]) => {
      const x = INDICATOR_BY_ID.get(id);
      return { indicatorId: id, label: x?.label ?? id, group: x?.group ?? 'UNKNOWN', level: x?.level ?? 0, answer: v.answer, evidenceText: v.evidence };
    });
  }

  @ResolveField('overrideReason', () => String, { nullable: true, description: 'Why the final score differs from the computed one: roles with case access only' })
  @Roles(...IDENTIFIERS)
  overrideReason(@Parent() a: RiskAssessmentEntity): string | null {
    return a.overrideReason;
  }

  @ResolveField('outcomeReason', () => String, { nullable: true, description: 'The reason recorded with the outcome: roles with case access only' })
  @Roles(...IDENTIFIERS)
  outcomeReason(@Parent() a: RiskAssessmentEntity): string | null {
    return a.outcomeReason;
  }

  @ResolveField('youngPerson', () => YoungPersonEntity)
  youngPerson(@Parent() a: RiskAssessmentEntity, @Context() ctx: GqlContext): Promise<YoungPersonEntity | null> {
    return ctx.loaders.youngPerson.load(a.youngPersonId);
  }

  @ResolveField('signedOff', () => Boolean, { description: 'Both sign-offs recorded: the assessment is final' })
  signedOff(@Parent() a: RiskAssessmentEntity): boolean {
    return a.status === 'FINAL';
  }

  @ResolveField('lineManagerSigned', () => Boolean)
  lineManagerSigned(@Parent() a: RiskAssessmentEntity): boolean {
    return !!a.lineManagerId;
  }

  @ResolveField('coordinatorSigned', () => Boolean)
  coordinatorSigned(@Parent() a: RiskAssessmentEntity): boolean {
    return !!a.coordinatorId;
  }

  @ResolveField('assessedByMe', () => Boolean, { description: 'You completed it, so you cannot sign it off' })
  assessedByMe(@Parent() a: RiskAssessmentEntity, @CurrentActor() actor: Actor): boolean {
    return a.assessorId === actor.userId;
  }
}

@Resolver(() => IndicatorAnswerType)
export class IndicatorAnswerResolver {
  @ResolveField('evidence', () => String, { nullable: true, description: 'The evidence note: roles with case access only' })
  @Roles(...IDENTIFIERS)
  evidence(@Parent() a: IndicatorAnswerType): string | null {
    return a.evidenceText;
  }
}

@Resolver(() => MissingEpisodeEntity)
export class MissingEpisodeResolver {
  @ResolveField('whereFound', () => String, { nullable: true, description: 'Case detail: roles with case access only' })
  @Roles(...IDENTIFIERS)
  whereFound(@Parent() e: MissingEpisodeEntity): string | null {
    return e.whereFound;
  }
}
