import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowedDuringPasswordChange, AnySignedIn, Public } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import type { GqlContext } from '../../common/graphql/context.js';
import { UserEntity } from '../users/user.entity.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordInput, SignInInput } from './dto/sign-in.input.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Query(() => UserEntity, { description: 'The signed-in user' })
  @AnySignedIn()
  @AllowedDuringPasswordChange()
  me(@CurrentActor() actor: Actor): Promise<UserEntity> {
    return this.auth.currentUser(actor);
  }

  @Mutation(() => UserEntity, { description: 'Signs in with email and password; sets the session cookie' })
  @Public()
  signIn(@Args('input') input: SignInInput, @Context() ctx: GqlContext): Promise<UserEntity> {
    return this.auth.signIn(input.email, input.password, ctx.req, ctx.res);
  }

  @Mutation(() => Boolean, { description: 'Ends this session at once' })
  @AnySignedIn()
  @AllowedDuringPasswordChange()
  async signOut(@CurrentActor() actor: Actor, @Context() ctx: GqlContext): Promise<boolean> {
    await this.auth.signOut(actor, ctx.res);
    return true;
  }

  @Mutation(() => UserEntity, { description: "Changes the signed-in user's password and ends their other sessions" })
  @AnySignedIn()
  @AllowedDuringPasswordChange()
  changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput): Promise<UserEntity> {
    return this.auth.changePassword(actor, input.currentPassword, input.newPassword);
  }
}
