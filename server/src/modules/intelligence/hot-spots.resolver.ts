import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import { HotSpotReportEntity, PoliceReportEntity } from './hot-spot.entities.js';
import { HotSpotMap, HotSpotReportInput, MonthRangeInput, PoliceReportInput } from './hot-spots.inputs.js';
import { HotSpotsService } from './hot-spots.service.js';

@Resolver()
@Roles('CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE')
export class HotSpotsResolver {
  constructor(private readonly hotSpots: HotSpotsService) {}

  @Mutation(() => HotSpotReportEntity, { description: 'Records (or, with the version read, corrects) a location’s report for a month' })
  @Roles('POLICE')
  recordHotSpotReport(@CurrentActor() actor: Actor, @Args('input') input: HotSpotReportInput): Promise<HotSpotReportEntity> {
    return this.hotSpots.recordHotSpotReport(actor, input);
  }

  @Mutation(() => PoliceReportEntity, { description: 'Records (or, with the version read, corrects) the police’s monthly figures' })
  @Roles('POLICE')
  recordPoliceReport(@CurrentActor() actor: Actor, @Args('input') input: PoliceReportInput): Promise<PoliceReportEntity> {
    return this.hotSpots.recordPoliceReport(actor, input);
  }

  @Query(() => [HotSpotReportEntity])
  hotSpotReports(
    @Args('range') range: MonthRangeInput,
    @Args('locationId', { type: () => ID, nullable: true }) locationId: string | null,
  ): Promise<HotSpotReportEntity[]> {
    return this.hotSpots.hotSpotReports(range, locationId);
  }

  @Query(() => [PoliceReportEntity])
  policeReports(@Args('range') range: MonthRangeInput): Promise<PoliceReportEntity[]> {
    return this.hotSpots.policeReports(range);
  }

  @Query(() => HotSpotMap, { description: 'Ward and location totals for the hot-spot map' })
  hotSpotMap(@Args('range') range: MonthRangeInput): Promise<HotSpotMap> {
    return this.hotSpots.map(range);
  }
}
