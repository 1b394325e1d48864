import { Injectable } from '@nestjs/common';
import { emailProblem, normaliseEmail } from '@mase/shared';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { clientIp, type Actor } from '../../common/auth/actor.js';
import type { RequestWithActor } from '../../common/auth/current-actor.decorator.js';
import { appError, assertNoProblems, badInput, problem } from '../../common/graphql/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { UserEntity } from '../users/user.entity.js';
import { PasswordService } from './password.service.js';
import { SessionService } from './session.service.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';

const WRONG_CREDENTIALS = 'Enter a correct email address and password';

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
  ) {}

  async signIn(emailInput: string, password: string, req: Request, res: Response): Promise<UserEntity> {
    assertNoProblems([
      problem('email', emailInput.trim() ? emailProblem(emailInput) : 'Enter your email address'),
      problem('password', password ? null : 'Enter your password'),
    ]);
    const email = normaliseEmail(emailInput);
    const ip = clientIp(req);
    const repo = this.dataSource.getRepository(UserEntity);

    const block = await this.throttle.blocked(this.dataSource.manager, email, ip);
    if (block) {
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

    const session = await this.dataSource.transaction(async (m) => {
      // A new token at every sign-in; any session this browser already had is ended (no fixation).
      const previous = await this.sessions.authenticate(req).catch(() => null);
      if (previous) await this.sessions.revoke(m, previous.sessionId, 'replaced by a new sign-in');
      await this.throttle.recordSuccess(m, email);
      const created = await this.sessions.create(m, user.id, req);
      await m.query(`UPDATE app_user SET last_signed_in_at = now() WHERE id = $1`, [user.id]);
      await this.audit.record(m, {
        action: 'auth.sign_in',
        actorLabel: email,
        ip,
        entityType: 'user',
        entityId: user.id,
        details: { role: user.role, sessionId: created.sessionId },
      });
      return created;
    });
    this.sessions.setCookie(res, session.token, session.expiresAt);
    // The rest of this request (fields selected on the result) runs as the user just signed in.
    (req as RequestWithActor).actor = {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      agencyId: user.agencyId,
      sessionId: session.sessionId,
      mustChangePassword: user.mustChangePassword,
      ip,
    };
    return repo.findOneOrFail({ where: { id: user.id } });
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
}
