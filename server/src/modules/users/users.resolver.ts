import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Context } from '@nestjs/graphql';
import { AllowedDuringMfaSetup, AllowedDuringPasswordChange, AnySignedIn, Roles } from '../../common/auth/access.decorators.js';
import { IdPipe, OptionalArg } from '../../common/graphql/validation.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import type { GqlContext } from '../../common/graphql/context.js';
import { PageInput, type Connection } from '../../common/graphql/pagination.js';
import { AgencyEntity } from '../agencies/agency.entity.js';
import { MfaService } from '../auth/mfa.service.js';
import {
  CreateUserInput,
  SetUserStatusInput,
  UpdateUserInput,
  UserConnection,
  UsersFilter,
  UserWithTemporaryPassword,
} from './dto/user.inputs.js';
import { UserEntity } from './user.entity.js';
import { UsersService } from './users.service.js';

@Resolver(() => UserEntity)
@Roles('ADMIN')
export class UsersResolver {
  constructor(
    private readonly service: UsersService,
    private readonly mfa: MfaService,
  ) {}

  @Query(() => UserConnection, { description: 'Users, by name' })
  users(
    @OptionalArg('filter', UsersFilter) filter: UsersFilter | null,
    @OptionalArg('page', PageInput) page: PageInput | null,
  ): Promise<Connection<UserEntity>> {
    return this.service.list(filter ?? {}, page?.first ?? 50, page?.after);
  }

  @Query(() => UserEntity)
  user(@Args('id', { type: () => ID }, IdPipe) id: string): Promise<UserEntity> {
    return this.service.get(id);
  }

  @Mutation(() => UserWithTemporaryPassword, { description: 'Creates a user with a one-time password they must change' })
  createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<UserWithTemporaryPassword> {
    return this.service.create(actor, input);
  }

  @Mutation(() => UserEntity)
  updateUser(@CurrentActor() actor: Actor, @Args('input') input: UpdateUserInput): Promise<UserEntity> {
    return this.service.update(actor, input);
  }

  @Mutation(() => UserEntity, { description: 'Disables (ending every session at once) or re-enables a user' })
  setUserStatus(@CurrentActor() actor: Actor, @Args('input') input: SetUserStatusInput): Promise<UserEntity> {
    return this.service.setStatus(actor, input);
  }

  @Mutation(() => UserWithTemporaryPassword, { description: 'Gives the user a new one-time password and ends their sessions' })
  resetUserPassword(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<UserWithTemporaryPassword> {
    return this.service.resetPassword(actor, id);
  }

  @Mutation(() => UserEntity, {
    description: "Clears the user's two-step verification (a lost device) and ends their sessions; a role that requires it must set it up again",
  })
  resetUserMfa(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<UserEntity> {
    return this.mfa.reset(actor, id);
  }

  /** Anyone who can see a user (themselves through `me`, or an admin) may see its agency. */
  @ResolveField('agency', () => AgencyEntity, { nullable: true })
  @AnySignedIn()
  @AllowedDuringPasswordChange()
  @AllowedDuringMfaSetup()
  agency(@Parent() user: UserEntity, @Context() ctx: GqlContext): Promise<AgencyEntity | null> | null {
    return user.agencyId ? ctx.loaders.agency.load(user.agencyId) : null;
  }

  @ResolveField('mfaEnabled', () => Boolean, { description: 'Two-step verification (an authenticator app) is on' })
  @AnySignedIn()
  @AllowedDuringPasswordChange()
  @AllowedDuringMfaSetup()
  mfaEnabled(@Parent() user: UserEntity): boolean {
    return Boolean(user.mfaEnabledAt);
  }

  @ResolveField('mfaRequired', () => Boolean, { description: "The user's role must use two-step verification" })
  @AnySignedIn()
  @AllowedDuringPasswordChange()
  @AllowedDuringMfaSetup()
  mfaRequired(@Parent() user: UserEntity): boolean {
    return this.mfa.requiredFor(user.role);
  }

  @ResolveField('mfaRecoveryCodesLeft', () => Int, { description: 'Recovery codes not used yet (0 while two-step verification is off)' })
  @AnySignedIn()
  @AllowedDuringPasswordChange()
  @AllowedDuringMfaSetup()
  mfaRecoveryCodesLeft(@Parent() user: UserEntity): number {
    return user.mfaRecoveryCodeHashes?.length ?? 0;
  }
}
