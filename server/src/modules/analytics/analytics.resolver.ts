import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Dimension } from '@mase/shared';
import { Roles } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import { IdPipe, MonthPipe } from '../../common/graphql/validation.js';
import { AnalyticsService } from './analytics.service.js';
import { ActivityTrends, AnalyticsExport, AnalyticsFilter, DimensionEnum, ExportWidgetEnum, ListTrends, SavedViewView, SaveViewInput, Themes, VictimProfile, type ExportWidget } from './analytics.types.js';
import { SavedViewsService } from './saved-views.service.js';

/** Aggregates: full for roles with case-level access, through disclosure control for agency leads. */
const AGGREGATE_READERS = ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE', 'AGENCY_LEAD'] as const;
const FULL_READERS = ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE'] as const;

@Resolver()
@Roles(...AGGREGATE_READERS)
export class AnalyticsResolver {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly views: SavedViewsService,
  ) {}

  @Query(() => VictimProfile, { description: 'The list at each month end, broken down by the dimensions asked for (all when none)' })
  victimProfile(
    @CurrentActor() actor: Actor,
    @Args('filter') filter: AnalyticsFilter,
    @Args('dimensions', { type: () => [DimensionEnum], nullable: true }) dimensions: Dimension[] | null,
  ): Promise<VictimProfile> {
    return this.analytics.profile(actor, filter, dimensions ?? []);
  }

  @Query(() => ListTrends, { description: 'Monthly flows of the list, reviews and missing episodes' })
  listTrends(@CurrentActor() actor: Actor, @Args('filter') filter: AnalyticsFilter): Promise<ListTrends> {
    return this.analytics.trends(actor, filter);
  }

  @Query(() => ActivityTrends, { description: 'Police figures and agency activity per month' })
  activityTrends(@CurrentActor() actor: Actor, @Args('filter') filter: AnalyticsFilter): Promise<ActivityTrends> {
    return this.analytics.activity(actor, filter);
  }

  @Query(() => Themes, { description: 'What changed in a month, with the test that says it is unlikely to be noise' })
  @Roles(...FULL_READERS)
  themes(@CurrentActor() actor: Actor, @Args('period', { type: () => String, description: 'yyyy-mm' }, MonthPipe) period: string): Promise<Themes> {
    return this.analytics.themes(actor, period);
  }

  @Mutation(() => AnalyticsExport, { description: 'A widget as CSV (counts of 1 to 5 as c, whoever exports it); audited with its filters' })
  exportAnalytics(
    @CurrentActor() actor: Actor,
    @Args('widget', { type: () => ExportWidgetEnum }) widget: ExportWidget,
    @Args('filter') filter: AnalyticsFilter,
    @Args('dimension', { type: () => DimensionEnum, nullable: true }) dimension: Dimension | null,
  ): Promise<AnalyticsExport> {
    return this.analytics.export(actor, widget, dimension, filter);
  }

  @Query(() => [SavedViewView], { description: 'My saved views, then those others have shared' })
  savedViews(@CurrentActor() actor: Actor): Promise<SavedViewView[]> {
    return this.views.list(actor);
  }

  @Mutation(() => SavedViewView, { description: 'Saves the filters under a name (the same name again replaces it)' })
  saveView(@CurrentActor() actor: Actor, @Args('input') input: SaveViewInput): Promise<SavedViewView> {
    return this.views.save(actor, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes one of my saved views' })
  deleteView(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<boolean> {
    return this.views.remove(actor, id);
  }
}
