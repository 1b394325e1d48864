import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowedDuringMfaSetup, AllowedDuringPasswordChange, AnySignedIn, Public } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import type { GqlContext } from '../../common/graphql/context.js';
import { IdPipe } from '../../common/graphql/validation.js';
import { UserEntity } from '../users/user.entity.js';
import { AuthService } from './auth.service.js';
import { MfaCodeInput, MfaEnrolment, MfaRecoveryCodes, UserSessionType, VerifyMfaInput } from './dto/mfa.types.js';
import { ChangePasswordInput, SignInInput } from './dto/sign-in.input.js';
import { MfaService } from './mfa.service.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly mfa: MfaService,
  ) {}

  @Query(() => UserEntity, { description: 'The signed-in user' })
  @AnySignedIn()
  @AllowedDuringPasswordChange()
  @AllowedDuringMfaSetup()
  me(@CurrentActor() actor: Actor): Promise<UserEntity> {
    return this.auth.currentUser(actor);
  }

  @Mutation(() => UserEntity, {
    description:
      'Signs in with email and password; sets the session cookie. For a user with two-step verification it refuses with MFA_CODE_REQUIRED and sets a short-lived cookie for verifyMfa instead',
  })
  @Public()
  signIn(@Args('input') input: SignInInput, @Context() ctx: GqlContext): Promise<UserEntity> {
    return this.auth.signIn(input.email, input.password, ctx.req, ctx.res);
  }

  @Mutation(() => UserEntity, {
    description: 'Finishes a sign-in begun by signIn with a code from the authenticator app or a recovery code; sets the session cookie',
  })
  @Public()
  verifyMfa(@Args('input') input: VerifyMfaInput, @Context() ctx: GqlContext): Promise<UserEntity> {
    return this.auth.verifyMfa(input, ctx.req, ctx.res);
  }

  @Mutation(() => Boolean, { description: 'Ends this session at once' })
  @AnySignedIn()
  @AllowedDuringPasswordChange()
  @AllowedDuringMfaSetup()
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

  @Query(() => [UserSessionType], { description: 'Where the signed-in user is signed in now, this session first' })
  @AnySignedIn()
  mySessions(@CurrentActor() actor: Actor): Promise<UserSessionType[]> {
    return this.auth.mySessions(actor);
  }

  @Mutation(() => Boolean, { description: "Ends one of the signed-in user's own sessions" })
  @AnySignedIn()
  revokeSession(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string, @Context() ctx: GqlContext): Promise<boolean> {
    return this.auth.revokeSession(actor, id, ctx.res);
  }

  @Mutation(() => Int, { description: 'Ends every session of the signed-in user except this one; returns how many ended' })
  @AnySignedIn()
  revokeOtherSessions(@CurrentActor() actor: Actor): Promise<number> {
    return this.auth.revokeOtherSessions(actor);
  }

  @Mutation(() => MfaEnrolment, {
    description: 'Starts setting up two-step verification: a new secret and its QR code, shown this once. Confirm with confirmMfaEnrolment',
  })
  @AnySignedIn()
  @AllowedDuringMfaSetup()
  beginMfaEnrolment(@CurrentActor() actor: Actor): Promise<MfaEnrolment> {
    return this.mfa.beginEnrolment(actor);
  }

  @Mutation(() => MfaRecoveryCodes, { description: 'Turns two-step verification on with the first code from the new app; returns the recovery codes, once' })
  @AnySignedIn()
  @AllowedDuringMfaSetup()
  async confirmMfaEnrolment(@CurrentActor() actor: Actor, @Args('input') input: MfaCodeInput): Promise<MfaRecoveryCodes> {
    return { recoveryCodes: await this.mfa.confirmEnrolment(actor, input.code) };
  }

  @Mutation(() => UserEntity, { description: 'Turns two-step verification off, with a current code, when the role does not require it' })
  @AnySignedIn()
  disableMfa(@CurrentActor() actor: Actor, @Args('input') input: MfaCodeInput): Promise<UserEntity> {
    return this.mfa.disable(actor, input.code);
  }
}
