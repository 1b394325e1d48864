import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../../common/auth/access.decorators.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import type { GqlContext } from '../../common/graphql/context.js';
import { PageInput, type Connection } from '../../common/graphql/pagination.js';
import { IdPipe, OptionalArg } from '../../common/graphql/validation.js';
import { AgencyEntity } from '../agencies/agency.entity.js';
import {
  ComplexAbuseGroup,
  IntelChronologyEntry,
  LinkConnection,
  LinkEnd,
  LinksFilter,
  Network,
  NetworkFilter,
  PeopleOfConcernFilter,
  PersonOfConcernConnection,
  PersonOfConcernFields,
  RecordDisruptionInput,
  RecordLinkInput,
  RecordLinkResult,
  UpdatePersonOfConcernInput,
} from './intelligence.inputs.js';
import { HANDLING_C_NOTE, LinkEntity, LinkGradingEntity, NodeKindEnum, type NodeKind } from './link.entity.js';
import { LinksService } from './links.service.js';
import { NetworkService } from './network.service.js';
import { PeopleOfConcernService } from './people-of-concern.service.js';
import { DisruptionActionEntity, PersonOfConcernEntity } from './person-of-concern.entity.js';
import { IntelChronologyService } from './chronology.service.js';
import { LocationEntity } from '../geography/location.entity.js';

/** Roles that read police intelligence (the analyst sees young people by pseudonym only). */
const INTELLIGENCE_READERS = ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE'] as const;

export function pocLabel(p: Pick<PersonOfConcernEntity, 'firstName' | 'lastName' | 'aliases'>): string {
  return [p.firstName, p.lastName].filter(Boolean).join(' ') || p.aliases[0] || 'Unnamed';
}

@Resolver(() => PersonOfConcernEntity)
@Roles(...INTELLIGENCE_READERS)
export class PeopleOfConcernResolver {
  constructor(
    private readonly people: PeopleOfConcernService,
    private readonly chronologies: IntelChronologyService,
  ) {}

  @Query(() => PersonOfConcernConnection, { description: 'People of concern by name; search matches names, aliases and parts of registrations and phone numbers (the read is audited)' })
  peopleOfConcern(
    @CurrentActor() actor: Actor,
    @OptionalArg('filter', PeopleOfConcernFilter) filter: PeopleOfConcernFilter | null,
    @OptionalArg('page', PageInput) page: PageInput | null,
  ): Promise<Connection<PersonOfConcernEntity>> {
    return this.people.list(actor, filter ?? {}, page?.first ?? 50, page?.after);
  }

  @Query(() => PersonOfConcernEntity, { description: "One person of concern's record (the read is audited)" })
  personOfConcern(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<PersonOfConcernEntity> {
    return this.people.get(actor, id);
  }

  @Mutation(() => PersonOfConcernEntity)
  @Roles('POLICE')
  createPersonOfConcern(@CurrentActor() actor: Actor, @Args('input') input: PersonOfConcernFields): Promise<PersonOfConcernEntity> {
    return this.people.create(actor, input);
  }

  @Mutation(() => PersonOfConcernEntity, { description: 'Corrects a person of concern (optimistic: CONFLICT when someone else changed it first)' })
  @Roles('POLICE')
  updatePersonOfConcern(@CurrentActor() actor: Actor, @Args('input') input: UpdatePersonOfConcernInput): Promise<PersonOfConcernEntity> {
    return this.people.update(actor, input);
  }

  @Mutation(() => PersonOfConcernEntity, { description: 'Records a disruption (CAWN, order, arrest, other) of a person of concern' })
  @Roles('POLICE')
  recordDisruption(@CurrentActor() actor: Actor, @Args('input') input: RecordDisruptionInput): Promise<PersonOfConcernEntity> {
    return this.people.recordDisruption(actor, input);
  }

  @ResolveField('disruptions', () => [DisruptionActionEntity], { description: 'Newest first' })
  disruptions(@Parent() p: PersonOfConcernEntity, @Context() ctx: GqlContext): Promise<DisruptionActionEntity[]> {
    return ctx.loaders.disruptionsOf.load(p.id);
  }

  @ResolveField('chronology', () => [IntelChronologyEntry], { description: 'Links first and last seen, disruptions and status changes, newest first' })
  chronology(@Parent() p: PersonOfConcernEntity): Promise<IntelChronologyEntry[]> {
    return this.chronologies.personOfConcern(p.id);
  }
}

/** A place's chronology: part of the intelligence on it, so it is resolved here. */
@Resolver(() => LocationEntity)
@Roles(...INTELLIGENCE_READERS)
export class LocationChronologyResolver {
  constructor(private readonly chronologies: IntelChronologyService) {}

  @ResolveField('chronology', () => [IntelChronologyEntry], { description: 'Links first and last seen and hot-spot reports, newest first' })
  chronology(@Parent() l: LocationEntity): Promise<IntelChronologyEntry[]> {
    return this.chronologies.location(l.id);
  }
}

@Resolver(() => LinkEntity)
@Roles(...INTELLIGENCE_READERS)
export class LinksResolver {
  constructor(private readonly linkService: LinksService) {}

  @Mutation(() => RecordLinkResult, { description: 'Records a link; the same two nodes (either way round) and type again merges into the existing link' })
  @Roles('POLICE')
  recordLink(@CurrentActor() actor: Actor, @Args('input') input: RecordLinkInput): Promise<RecordLinkResult> {
    return this.linkService.record(actor, input);
  }

  @Query(() => LinkConnection, { description: 'Links, most recently seen first' })
  links(@OptionalArg('filter', LinksFilter) filter: LinksFilter | null, @OptionalArg('page', PageInput) page: PageInput | null): Promise<Connection<LinkEntity>> {
    return this.linkService.list(filter ?? {}, page?.first ?? 50, page?.after);
  }

  private async end(kind: NodeKind, id: string, ctx: GqlContext): Promise<LinkEnd> {
    if (kind === 'YOUNG_PERSON') return { kind, id, label: (await ctx.loaders.youngPerson.load(id))?.pseudonym ?? 'Deleted' };
    if (kind === 'PERSON_OF_CONCERN') {
      const p = await ctx.loaders.personOfConcern.load(id);
      return { kind, id, label: p ? pocLabel(p) : 'Deleted' };
    }
    return { kind, id, label: (await ctx.loaders.location.load(id))?.name ?? 'Deleted' };
  }

  @ResolveField('from', () => LinkEnd, { description: 'One end (links are undirected; ends are in a stable order)' })
  from(@Parent() l: LinkEntity, @Context() ctx: GqlContext): Promise<LinkEnd> {
    return this.end(l.aKind, l.aId, ctx);
  }

  @ResolveField('to', () => LinkEnd)
  to(@Parent() l: LinkEntity, @Context() ctx: GqlContext): Promise<LinkEnd> {
    return this.end(l.bKind, l.bId, ctx);
  }

  @ResolveField('handlingNote', () => String, { nullable: true, description: 'The handling condition, when handling is C' })
  handlingNote(@Parent() l: LinkEntity): string | null {
    return l.handling === 'C' ? HANDLING_C_NOTE : null;
  }

  @ResolveField('sourceAgency', () => AgencyEntity, { nullable: true })
  sourceAgency(@Parent() l: LinkEntity, @Context() ctx: GqlContext): Promise<AgencyEntity | null> {
    return ctx.loaders.agency.load(l.sourceAgencyId);
  }

  @ResolveField('gradings', () => [LinkGradingEntity], { description: 'Every grading recorded, oldest first' })
  gradings(@Parent() l: LinkEntity, @Context() ctx: GqlContext): Promise<LinkGradingEntity[]> {
    return ctx.loaders.linkGradingsOf.load(l.id);
  }
}

@Resolver(() => Network)
@Roles(...INTELLIGENCE_READERS)
export class NetworkResolver {
  constructor(
    private readonly network: NetworkService,
    private readonly audit: AuditService,
  ) {}

  /** A network read shows who is linked to whom: it is audited like a record read. */
  private async audited<T>(actor: Actor, what: string, details: Record<string, unknown>, result: Promise<T>): Promise<T> {
    const value = await result;
    await this.audit.recordAlone({ action: `network.${what}_viewed`, actor, entityType: 'network', details });
    return value;
  }

  @Query(() => Network, { name: 'network', description: 'The link network with degree, betweenness and connected component of each node' })
  networkQuery(@CurrentActor() actor: Actor, @OptionalArg('filter', NetworkFilter) filter: NetworkFilter | null): Promise<Network> {
    return this.audited(actor, 'network', { filter: { ...filter } }, this.network.network(filter ?? {}));
  }

  @Query(() => Network, { description: 'The nodes within 1 to 3 links of one node; metrics are within that neighbourhood' })
  neighbourhood(
    @CurrentActor() actor: Actor,
    @Args('kind', { type: () => NodeKindEnum }) kind: NodeKind,
    @Args('id', { type: () => ID }, IdPipe) id: string,
    @Args('hops', { type: () => Int, defaultValue: 1 }) hops: number,
    @OptionalArg('filter', NetworkFilter) filter: NetworkFilter | null,
  ): Promise<Network> {
    return this.audited(actor, 'neighbourhood', { kind, id, hops, filter: { ...filter } }, this.network.neighbourhood(kind, id, hops, filter ?? {}));
  }

  @Query(() => [ComplexAbuseGroup], { description: 'Connected groups meeting the complex-abuse rule (protocol 6.11): consider a complex strategy meeting' })
  complexAbuseGroups(@CurrentActor() actor: Actor, @OptionalArg('filter', NetworkFilter) filter: NetworkFilter | null): Promise<ComplexAbuseGroup[]> {
    return this.audited(actor, 'complex_groups', { filter: { ...filter } }, this.network.complexAbuseGroups(filter ?? {}));
  }
}
