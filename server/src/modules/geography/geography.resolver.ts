import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AnySignedIn, Roles } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import type { GqlContext } from '../../common/graphql/context.js';
import { GraphQLJSON } from '../../common/graphql/json.scalar.js';
import { PageInput, type Connection } from '../../common/graphql/pagination.js';
import { IdPipe, OptionalArg } from '../../common/graphql/validation.js';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { BoundariesService } from './boundaries.service.js';
import { BoundaryEntity, BoundaryKindEnum } from './boundary.entity.js';
import type { BoundaryKind } from './geo.js';
import { CreateLocationInput, ImportBoundariesInput, ImportBoundariesResult, LocationConnection, LocationResult, LocationsFilter, MapTiles, UpdateLocationInput } from './geography.inputs.js';
import { LocationEntity } from './location.entity.js';
import { LocationsService } from './locations.service.js';

/** Roles that read police intelligence on places (and the map's boundaries). */
const INTELLIGENCE_READERS = ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE'] as const;

@Resolver(() => BoundaryEntity)
export class BoundariesResolver {
  constructor(
    private readonly boundaryService: BoundariesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => MapTiles, { nullable: true, description: 'The tile layer under the map (MAP_TILE_URL), or null: the map then shows the ward boundaries alone' })
  @Roles(...INTELLIGENCE_READERS)
  mapTiles(): MapTiles | null {
    const tiles = this.config.mapTiles;
    return tiles ? { urlTemplate: tiles.urlTemplate, attribution: tiles.attribution } : null;
  }

  @Mutation(() => ImportBoundariesResult, { description: 'Imports ward or borough boundaries from GeoJSON; an existing code is replaced. All or nothing.' })
  @Roles('ADMIN')
  importBoundaries(@CurrentActor() actor: Actor, @Args('input') input: ImportBoundariesInput): Promise<ImportBoundariesResult> {
    return this.boundaryService.import(actor, input);
  }

  @Query(() => [BoundaryEntity], { description: 'Imported boundaries (without their geometry), by code' })
  @AnySignedIn()
  boundaries(@Args('kind', { type: () => BoundaryKindEnum, nullable: true }) kind: BoundaryKind | null): Promise<BoundaryEntity[]> {
    return this.boundaryService.list(kind ?? null);
  }

  @Query(() => GraphQLJSON, { description: 'Every boundary of a kind as a GeoJSON FeatureCollection (WGS84), for the map' })
  @Roles(...INTELLIGENCE_READERS)
  boundaryGeometry(@Args('kind', { type: () => BoundaryKindEnum }) kind: BoundaryKind): Promise<Record<string, unknown>> {
    return this.boundaryService.featureCollection(kind);
  }
}

@Resolver(() => LocationEntity)
@Roles(...INTELLIGENCE_READERS)
export class LocationsResolver {
  constructor(private readonly locationService: LocationsService) {}

  @Query(() => LocationConnection, { description: 'Locations of concern, by name' })
  locations(
    @OptionalArg('filter', LocationsFilter) filter: LocationsFilter | null,
    @OptionalArg('page', PageInput) page: PageInput | null,
  ): Promise<Connection<LocationEntity>> {
    return this.locationService.list(filter ?? {}, page?.first ?? 50, page?.after);
  }

  @Query(() => LocationEntity)
  location(@Args('id', { type: () => ID }, IdPipe) id: string): Promise<LocationEntity> {
    return this.locationService.get(id);
  }

  @Mutation(() => LocationResult, { description: 'Records a location; its ward is derived from the point. A point outside every ward is saved with a warning.' })
  @Roles('POLICE')
  createLocation(@CurrentActor() actor: Actor, @Args('input') input: CreateLocationInput): Promise<LocationResult> {
    return this.locationService.create(actor, input);
  }

  @Mutation(() => LocationResult, { description: 'Corrects a location (optimistic: CONFLICT when someone else changed it first)' })
  @Roles('POLICE')
  updateLocation(@CurrentActor() actor: Actor, @Args('input') input: UpdateLocationInput): Promise<LocationResult> {
    return this.locationService.update(actor, input);
  }

  @ResolveField('ward', () => BoundaryEntity, { nullable: true, description: 'The ward holding the point, when it is inside an imported one' })
  ward(@Parent() location: LocationEntity, @Context() ctx: GqlContext): Promise<BoundaryEntity | null> | null {
    return location.wardId ? ctx.loaders.boundary.load(location.wardId) : null;
  }
}
