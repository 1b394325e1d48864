import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AnySignedIn, Roles } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import { IdPipe } from '../../common/graphql/validation.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyEntity } from './agency.entity.js';
import { CreateAgencyInput, UpdateAgencyInput } from './dto/agency.inputs.js';

@Resolver(() => AgencyEntity)
export class AgenciesResolver {
  constructor(private readonly service: AgenciesService) {}

  @Query(() => [AgencyEntity], { description: 'Member agencies, by name. Agency names are not sensitive.' })
  @AnySignedIn()
  agencies(@Args('includeInactive', { type: () => Boolean, defaultValue: false }) includeInactive: boolean): Promise<AgencyEntity[]> {
    return this.service.list(includeInactive);
  }

  @Query(() => AgencyEntity)
  @AnySignedIn()
  agency(@Args('id', { type: () => ID }, IdPipe) id: string): Promise<AgencyEntity> {
    return this.service.get(id);
  }

  @Mutation(() => AgencyEntity)
  @Roles('ADMIN')
  createAgency(@CurrentActor() actor: Actor, @Args('input') input: CreateAgencyInput): Promise<AgencyEntity> {
    return this.service.create(actor, input);
  }

  @Mutation(() => AgencyEntity)
  @Roles('ADMIN')
  updateAgency(@CurrentActor() actor: Actor, @Args('input') input: UpdateAgencyInput): Promise<AgencyEntity> {
    return this.service.update(actor, input);
  }
}
