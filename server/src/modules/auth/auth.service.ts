import { Injectable } from '@nestjs/common';
import { emailProblem, normaliseEmail } from '@mase/shared';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { clientIp, type Actor } from '../../common/auth/actor.js';
import type { RequestWithActor } from '../../common/auth/current-actor.decorator.js';
import { appError, assertNoProblems, badInput, notFound, problem } from '../../common/graphql/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { UserEntity } from '../users/user.entity.js';
import { MFA_MESSAGES, MfaService } from './mfa.service.js';
import { PasswordService } from './password.service.js';
import { SessionService, type SessionSummary } from './session.service.js';
import { CHALLENGE_MINUTES, SignInChallengeService } from './sign-in-challenge.service.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';
import { normaliseRecoveryCode, normaliseTotpCode } from './totp.service.js';

const WRONG_CREDENTIALS = 'Enter a correct email address and password';
const SIGN_IN_AGAIN = 'Your sign-in has timed out or has already been used. Enter your email address and password again.';

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
    private readonly challenges: SignInChallengeService,
    private readonly mfa: MfaService,
  ) {}

  async signIn(emailInput: string, password: string, req: Request, res: Response): Promise<UserEntity> {
    assertNoProblems([
      problem('email', emailInput.trim() ? emailProblem(emailInput) : 'Enter your email address'),
      problem('password', password ? null : 'Enter your password'),
    ]);
    const email = normaliseEmail(emailInput);
    const ip = clientIp(req);
    const repo = this.dataSource.getRepository(UserEntity);

    await this.refuseIfThrottled(email, ip);

    const user = await repo.findOne({ where: { email } });
    const ok = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!ok || !user) {
      await this.dataSource.transaction(async (m) => {
        await this.throttle.recordFailure(m, email, ip);
        await this.audit.record(m, {
          action: 'auth.sign_in_failed',
          actorLabel: email,
          ip,
          entityType: user ? 'user' : null,
          entityId: user?.id ?? null,
          details: { reason: user ? 'wrong password' : 'unknown account' },
        });
      });
      throw appError('UNAUTHENTICATED', WRONG_CREDENTIALS, { fields: [{ field: 'email', message: WRONG_CREDENTIALS }] });
    }
    if (user.status !== 'ACTIVE') {
      await this.audit.recordAlone({
        action: 'auth.sign_in_failed',
        actorLabel: email,
        ip,
        entityType: 'user',
        entityId: user.id,
        details: { reason: 'account disabled' },
      });
      throw appError('FORBIDDEN', 'Your account has been disabled. Contact your MASE Hub administrator.');
    }

    if (user.mfaEnabledAt) {
      // The password was right; a code from the authenticator app (or a recovery code) must follow.
      // The account's failure counter is not cleared until then, so wrong codes keep counting.
      const challenge = await this.dataSource.transaction(async (m) => {
        const created = await this.challenges.create(m, user.id, req);
        await this.audit.record(m, { action: 'auth.mfa_code_requested', actorLabel: email, ip, entityType: 'user', entityId: user.id });
        return created;
      });
      this.challenges.setCookie(res, challenge.token, challenge.expiresAt);
      throw appError('MFA_CODE_REQUIRED', `Enter the security code from your authenticator app within ${CHALLENGE_MINUTES} minutes to finish signing in`);
    }

    return this.completeSignIn(user, req, res, { method: 'password' });
  }

  /**
   * The second step of signing in, for a user with two-step verification: the browser holds the
   * pending sign-in's cookie from `signIn`; a right code (never one used before) or an unused
   * recovery code starts the session. Wrong codes count towards the same throttle as wrong passwords.
   */
  async verifyMfa(input: { code?: string | null; recoveryCode?: string | null }, req: Request, res: Response): Promise<UserEntity> {
    const ip = clientIp(req);
    const challenge = await this.challenges.find(this.dataSource.manager, req);
    const user = challenge ? await this.dataSource.getRepository(UserEntity).findOne({ where: { id: challenge.userId } }) : null;
    if (!challenge || !user || user.status !== 'ACTIVE' || !user.mfaEnabledAt) {
      this.challenges.clearCookie(res);
      throw appError('UNAUTHENTICATED', SIGN_IN_AGAIN);
    }
    const useRecovery = Boolean(input.recoveryCode?.trim());
    if (!useRecovery && !input.code?.trim()) throw badInput([{ field: 'code', message: MFA_MESSAGES.enterCode }]);
    if (useRecovery && !normaliseRecoveryCode(input.recoveryCode ?? '')) {
      throw badInput([{ field: 'recoveryCode', message: MFA_MESSAGES.enterRecoveryCode }]);
    }
    if (!useRecovery && !normaliseTotpCode(input.code ?? '')) throw badInput([{ field: 'code', message: MFA_MESSAGES.enterCode }]);
    await this.refuseIfThrottled(user.email, ip);

    const checked = await this.dataSource.transaction(async (m) => {
      const result = await this.mfa.checkSecondFactor(m, user.id, input);
      if (!result.ok) return result;
      // Single use: two requests racing with the same cookie cannot both sign in.
      if (!(await this.challenges.consume(m, challenge.id))) throw appError('UNAUTHENTICATED', SIGN_IN_AGAIN);
      return result;
    });
    if (!checked.ok) {
      const gaveUp = await this.dataSource.transaction(async (m) => {
        await this.throttle.recordFailure(m, user.email, ip);
        const over = await this.challenges.recordFailure(m, challenge.id);
        await this.audit.record(m, {
          action: 'auth.mfa_failed',
          actorLabel: user.email,
          ip,
          entityType: 'user',
          entityId: user.id,
          details: { reason: checked.reason, challengeEnded: over },
        });
        return over;
      });
      if (gaveUp) {
        this.challenges.clearCookie(res);
        throw appError('UNAUTHENTICATED', 'Too many wrong codes. Enter your email address and password again.');
      }
      throw badInput([{ field: checked.field, message: checked.message }]);
    }
    return this.completeSignIn(user, req, res, {
      method: checked.method,
      ...(checked.recoveryCodesLeft !== undefined ? { recoveryCodesLeft: checked.recoveryCodesLeft } : {}),
    });
  }

  private async refuseIfThrottled(email: string, ip: string | null): Promise<void> {
    const block = await this.throttle.blocked(this.dataSource.manager, email, ip);
    if (!block) return;
    await this.audit.recordAlone({ action: 'auth.sign_in_refused', actorLabel: email, ip, details: { throttled: block.scope } });
    const minutes = Math.ceil(block.retryAfterSeconds / 60);
    const wait = minutes <= 1 ? 'a minute' : `${minutes} minutes`;
    throw appError(
      'TOO_MANY_REQUESTS',
      block.scope === 'account'
        ? `Too many failed sign-in attempts for this account. Wait ${wait} and try again, or ask an administrator to reset your password.`
        : `Too many failed sign-in attempts from your network. Wait ${wait} and try again.`,
      { retryAfterSeconds: block.retryAfterSeconds },
    );
  }

  /** Starts the session: a new token, the browser's previous session ended, the throttle cleared, audited. */
  private async completeSignIn(user: UserEntity, req: Request, res: Response, details: Record<string, unknown>): Promise<UserEntity> {
    const ip = clientIp(req);
    const session = await this.dataSource.transaction(async (m) => {
      // A new token at every sign-in; any session this browser already had is ended (no fixation).
      const previous = await this.sessions.authenticate(req).catch(() => null);
      if (previous) await this.sessions.revoke(m, previous.sessionId, 'replaced by a new sign-in');
      await this.throttle.recordSuccess(m, user.email);
      const created = await this.sessions.create(m, user.id, req);
      await m.query(`UPDATE app_user SET last_signed_in_at = now() WHERE id = $1`, [user.id]);
      await this.audit.record(m, {
        action: 'auth.sign_in',
        actorLabel: user.email,
        ip,
        entityType: 'user',
        entityId: user.id,
        details: { role: user.role, sessionId: created.sessionId, ...details },
      });
      return created;
    });
    // The session cookie first: a client that keeps only the first Set-Cookie still gets it.
    this.sessions.setCookie(res, session.token, session.expiresAt);
    if (details.method !== 'password') this.challenges.clearCookie(res);
    // The rest of this request (fields selected on the result) runs as the user just signed in.
    (req as RequestWithActor).actor = {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      agencyId: user.agencyId,
      sessionId: session.sessionId,
      mustChangePassword: user.mustChangePassword,
      mfaSetupRequired: this.sessions.mfaSetupRequired(user.role, user.mfaEnabledAt),
      ip,
    };
    return this.dataSource.getRepository(UserEntity).findOneOrFail({ where: { id: user.id } });
  }

  currentUser(actor: Actor): Promise<UserEntity> {
    return this.dataSource.getRepository(UserEntity).findOneOrFail({ where: { id: actor.userId } });
  }

  async signOut(actor: Actor, res: Response): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.sessions.revoke(m, actor.sessionId, 'signed out');
      await this.audit.record(m, { action: 'auth.sign_out', actor, entityType: 'user', entityId: actor.userId });
    });
    this.sessions.clearCookie(res);
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<UserEntity> {
    const repo = this.dataSource.getRepository(UserEntity);
    const user = await repo.findOneOrFail({ where: { id: actor.userId } });
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      await this.audit.recordAlone({
        action: 'user.password_change_failed',
        actor,
        entityType: 'user',
        entityId: user.id,
        details: { reason: 'wrong current password' },
      });
      throw badInput([{ field: 'currentPassword', message: 'Your current password is not correct' }]);
    }
    const issue =
      this.passwords.problem(newPassword, { email: user.email, name: user.name }) ??
      (newPassword === currentPassword ? 'Choose a password different from your current one' : null);
    assertNoProblems([problem('newPassword', issue)]);
    const passwordHash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE app_user SET password_hash = $2, must_change_password = false, updated_at = now(), version = version + 1 WHERE id = $1`,
        [user.id, passwordHash],
      );
      const ended = await this.sessions.revokeAllForUser(m, user.id, 'password changed', actor.sessionId);
      await this.challenges.endAllForUser(m, user.id);
      await this.audit.record(m, {
        action: 'user.password_changed',
        actor,
        entityType: 'user',
        entityId: user.id,
        details: { otherSessionsEnded: ended },
      });
    });
    return repo.findOneOrFail({ where: { id: user.id } });
  }

  /** Where the signed-in user is signed in now. */
  mySessions(actor: Actor): Promise<SessionSummary[]> {
    return this.sessions.listLive(actor.userId, actor.sessionId);
  }

  /** Ends one of the user's own sessions (another device, or this one: signing out). */
  async revokeSession(actor: Actor, sessionId: string, res: Response): Promise<boolean> {
    await this.dataSource.transaction(async (m) => {
      const ended = await this.sessions.revokeOwn(m, actor.userId, sessionId, 'ended by the user from their account page');
      // Someone else's session, or one already over: the same answer, so nothing is learnt about other users.
      if (!ended) throw notFound('The session');
      await this.audit.record(m, {
        action: 'auth.session_revoked',
        actor,
        entityType: 'user',
        entityId: actor.userId,
        details: { sessionId, current: sessionId === actor.sessionId },
      });
    });
    if (sessionId === actor.sessionId) this.sessions.clearCookie(res);
    return true;
  }

  /** Ends every session of the user but this one; returns how many. */
  revokeOtherSessions(actor: Actor): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const ended = await this.sessions.revokeAllForUser(m, actor.userId, 'ended by the user: sign out everywhere else', actor.sessionId);
      await this.audit.record(m, {
        action: 'auth.other_sessions_revoked',
        actor,
        entityType: 'user',
        entityId: actor.userId,
        details: { sessionsEnded: ended },
      });
      return ended;
    });
  }
}
