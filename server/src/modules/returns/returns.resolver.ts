import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import { IdPipe, MonthPipe, OptionalArg } from '../../common/graphql/validation.js';
import { ReturnsService } from './returns.service.js';
import {
  AgencyReturnView,
  AmendReturnInput,
  OverdueReturn,
  PeriodRangeInput,
  ReturnCompliance,
  ReturnCsvPreview,
  ReturnPeriod,
  ReturnSettings,
  ReturnsFilter,
  ReturnTotals,
  ReturnVersion,
  ReturnYoungPersonFlag,
  ReviewReturnInput,
  SaveReturnDraftInput,
  SubmitReturnInput,
  UpdateReturnSettingsInput,
} from './returns.types.js';

const READERS = ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'AGENCY_LEAD'] as const;
const OVERSEERS = ['CO_CHAIR', 'COORDINATOR'] as const;

@Resolver(() => AgencyReturnView)
@Roles(...READERS)
export class ReturnsResolver {
  constructor(private readonly returns: ReturnsService) {}

  @Query(() => AgencyReturnView, { description: 'One return (agency leads: their own agency’s only)' })
  agencyReturn(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<AgencyReturnView> {
    return this.returns.get(actor, id);
  }

  @Query(() => AgencyReturnView, { nullable: true, description: "An agency's return for a month, or null when not started" })
  agencyReturnFor(
    @CurrentActor() actor: Actor,
    @Args('agencyId', { type: () => ID }, IdPipe) agencyId: string,
    @Args('period', { type: () => String, description: 'yyyy-mm' }, MonthPipe) period: string,
  ): Promise<AgencyReturnView | null> {
    return this.returns.find(actor, agencyId, period);
  }

  @Query(() => [AgencyReturnView], { description: 'Returns, newest month first (agency leads: their own agency’s only)' })
  agencyReturns(@CurrentActor() actor: Actor, @OptionalArg('filter', ReturnsFilter) filter: ReturnsFilter | null): Promise<AgencyReturnView[]> {
    return this.returns.list(actor, filter ?? {});
  }

  @Query(() => [ReturnPeriod], { description: "An agency's recent months: deadline and where each return stands, newest first" })
  returnPeriods(
    @CurrentActor() actor: Actor,
    @Args('agencyId', { type: () => ID }, IdPipe) agencyId: string,
    @Args('months', { type: () => Int, defaultValue: 6 }) months: number,
  ): Promise<ReturnPeriod[]> {
    return this.returns.periods(actor, agencyId, months);
  }

  @Query(() => ReturnTotals, { description: 'Monthly totals per measure and per agency kind (agency leads: their own agency only)' })
  returnTotals(
    @CurrentActor() actor: Actor,
    @Args('range') range: PeriodRangeInput,
    @Args('agencyId', { type: () => ID, nullable: true }) agencyId: string | null,
  ): Promise<ReturnTotals> {
    return this.returns.totals(actor, range, agencyId);
  }

  @Query(() => ReturnCompliance, { description: 'Agencies × months: on time, late, returned, missing or due' })
  @Roles(...OVERSEERS)
  returnCompliance(@Args('range') range: PeriodRangeInput): Promise<ReturnCompliance> {
    return this.returns.compliance(range);
  }

  @Query(() => [OverdueReturn], { description: 'Returns past their deadline with nothing submitted, most overdue first' })
  @Roles(...OVERSEERS)
  overdueReturns(): Promise<OverdueReturn[]> {
    return this.returns.overdue();
  }

  @Query(() => [ReturnYoungPersonFlag], { description: 'Young people named in returns who are not on the MASE list: consider a screening' })
  @Roles(...OVERSEERS)
  returnYoungPeopleToScreen(): Promise<ReturnYoungPersonFlag[]> {
    return this.returns.flags();
  }

  @Query(() => ReturnSettings, { description: 'How return deadlines are set' })
  @Roles(...READERS, 'ADMIN')
  returnSettings(): Promise<ReturnSettings> {
    return this.returns.settings();
  }

  @Mutation(() => ReturnSettings)
  @Roles('CO_CHAIR')
  updateReturnSettings(@CurrentActor() actor: Actor, @Args('input') input: UpdateReturnSettingsInput): Promise<ReturnSettings> {
    return this.returns.updateSettings(actor, input);
  }

  @Mutation(() => AgencyReturnView, { description: 'Starts or saves a draft; a save over someone else’s newer save is refused (CONFLICT) and changes nothing' })
  @Roles('AGENCY_LEAD')
  saveReturnDraft(@CurrentActor() actor: Actor, @Args('input') input: SaveReturnDraftInput): Promise<AgencyReturnView> {
    return this.returns.saveDraft(actor, input);
  }

  @Mutation(() => AgencyReturnView, { description: 'Submits the saved draft after checking every field (each problem named)' })
  @Roles('AGENCY_LEAD')
  submitReturn(@CurrentActor() actor: Actor, @Args('input') input: SubmitReturnInput): Promise<AgencyReturnView> {
    return this.returns.submit(actor, input);
  }

  @Mutation(() => AgencyReturnView, { description: 'Changes a submitted return: a new version with a reason, to be accepted again' })
  @Roles('AGENCY_LEAD')
  amendReturn(@CurrentActor() actor: Actor, @Args('input') input: AmendReturnInput): Promise<AgencyReturnView> {
    return this.returns.amend(actor, input);
  }

  @Mutation(() => AgencyReturnView, { description: 'Accepts a submitted return, or returns it for correction with a comment' })
  @Roles(...OVERSEERS)
  reviewReturn(@CurrentActor() actor: Actor, @Args('input') input: ReviewReturnInput): Promise<AgencyReturnView> {
    return this.returns.review(actor, input);
  }

  @Mutation(() => ReturnCsvPreview, { description: 'Reads a return from CSV and checks it like the form; nothing is saved' })
  @Roles('AGENCY_LEAD')
  previewReturnCsv(
    @CurrentActor() actor: Actor,
    @Args('agencyId', { type: () => ID }, IdPipe) agencyId: string,
    @Args('period', { type: () => String }, MonthPipe) period: string,
    @Args('csv', { type: () => String }) csv: string,
  ): Promise<ReturnCsvPreview> {
    return this.returns.previewCsv(actor, agencyId, period, csv);
  }

  @ResolveField('versions', () => [ReturnVersion], { description: 'Every submitted version, newest first' })
  versions(@CurrentActor() actor: Actor, @Parent() r: AgencyReturnView): Promise<ReturnVersion[]> {
    return this.returns.versions(actor, r.id);
  }
}

