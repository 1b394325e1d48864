import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@mase/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import type { Actor } from '../../common/auth/actor.js';
import { appError, badInput, conflict, notFound } from '../../common/graphql/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { UserEntity } from '../users/user.entity.js';
import type { MfaEnrolment } from './dto/mfa.types.js';
import { SessionService } from './session.service.js';
import { SignInChallengeService } from './sign-in-challenge.service.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';
import { returnedRows } from './sql-rows.js';
import { normaliseTotpCode, TotpService } from './totp.service.js';

/** An enrolment not confirmed within this time must start again with a new secret. */
export const ENROLMENT_MINUTES = 30;

export const MFA_MESSAGES = {
  enterCode: 'Enter the 6-digit security code from your authenticator app',
  wrongCode: 'The security code is not right. Enter the 6-digit code your authenticator app shows now',
  replayedCode: 'That security code has already been used. Wait for your authenticator app to show a new code, then enter it',
  enterRecoveryCode: 'Enter one of your recovery codes, like abcd-efgh-jkmn',
  wrongRecoveryCode: 'That recovery code is not right, or it has already been used',
} as const;

/** What a second factor given at sign-in (or to turn MFA off) came to. */
export type SecondFactorResult =
  | { ok: true; method: 'authenticator app' | 'recovery code'; recoveryCodesLeft?: number }
  | { ok: false; reason: 'wrong code' | 'replayed code' | 'wrong recovery code'; field: 'code' | 'recoveryCode'; message: string };

interface MfaRow {
  mfa_secret: Buffer | null;
  mfa_last_used_step: number | null;
  mfa_enabled_at: Date | null;
}

/** Two-step verification: enrolment, the per-role policy, checking codes (never the same one twice), turning off and resetting. */
@Injectable()
export class MfaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly totp: TotpService,
    private readonly sessions: SessionService,
    private readonly challenges: SignInChallengeService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether the policy makes users of this role use two-step verification. */
  requiredFor(role: Role): boolean {
    return this.config.mfaRequiredRoles.includes(role);
  }

  /** Starts (or starts again) setting up an authenticator app: a new secret, kept encrypted until confirmed. */
  async beginEnrolment(actor: Actor): Promise<MfaEnrolment> {
    const user = await this.dataSource.getRepository(UserEntity).findOneOrFail({ where: { id: actor.userId } });
    if (user.mfaEnabledAt) {
      throw conflict('Two-step verification is already on. Turn it off first if you want to set up a different device.');
    }
    const secret = this.totp.newSecret();
    const otpauthUri = this.totp.otpauthUri(secret, user.email);
    const qrCodeDataUrl = await this.totp.qrCodeDataUrl(otpauthUri);
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE app_user SET mfa_pending_secret = $2, mfa_pending_since = now() WHERE id = $1`, [
        user.id,
        this.totp.encrypt(user.id, secret),
      ]);
      await this.audit.record(m, { action: 'user.mfa_enrolment_started', actor, entityType: 'user', entityId: user.id });
    });
    return { secret, otpauthUri, qrCodeDataUrl };
  }

  /** Turns two-step verification on once the first code from the new app checks out; returns the recovery codes, once. */
  async confirmEnrolment(actor: Actor, codeInput: string): Promise<string[]> {
    const code = normaliseTotpCode(codeInput);
    if (!code) throw badInput([{ field: 'code', message: MFA_MESSAGES.enterCode }]);
    const recoveryCodes = this.totp.newRecoveryCodes();
    const hashes = recoveryCodes.map((c) => this.totp.hashRecoveryCode(c)!);
    await this.dataSource.transaction(async (m) => {
      const [row]: { mfa_enabled_at: Date | null; mfa_pending_secret: Buffer | null; expired: boolean }[] = await m.query(
        `SELECT mfa_enabled_at, mfa_pending_secret,
                mfa_pending_since < now() - make_interval(mins => $2) AS expired
         FROM app_user WHERE id = $1 FOR UPDATE`,
        [actor.userId, ENROLMENT_MINUTES],
      );
      if (row.mfa_enabled_at) throw conflict('Two-step verification is already on.');
      if (!row.mfa_pending_secret || row.expired) {
        throw badInput([{ field: 'code', message: 'Setting up took too long. Start again to get a new QR code' }]);
      }
      const check = this.totp.check(this.totp.decrypt(actor.userId, row.mfa_pending_secret), code, null);
      if (!check.ok) throw badInput([{ field: 'code', message: MFA_MESSAGES.wrongCode }]);
      await m.query(
        `UPDATE app_user SET mfa_secret = mfa_pending_secret, mfa_pending_secret = NULL, mfa_pending_since = NULL,
           mfa_enabled_at = now(), mfa_last_used_step = $2, mfa_recovery_code_hashes = $3, updated_at = now()
         WHERE id = $1`,
        [actor.userId, check.step, hashes],
      );
      await this.audit.record(m, {
        action: 'user.mfa_enabled',
        actor,
        entityType: 'user',
        entityId: actor.userId,
        details: { recoveryCodes: recoveryCodes.length },
      });
    });
    return recoveryCodes;
  }

  /**
   * Checks a code from the authenticator app or a recovery code, inside the caller's transaction.
   * An accepted code's time step is stored and no code of that step or before is accepted again;
   * an accepted recovery code is removed. The user's row is locked, so two requests racing with the
   * same code cannot both succeed.
   */
  async checkSecondFactor(m: EntityManager, userId: string, input: { code?: string | null; recoveryCode?: string | null }): Promise<SecondFactorResult> {
    if (input.recoveryCode?.trim()) {
      const hash = this.totp.hashRecoveryCode(input.recoveryCode);
      const used = hash
        ? returnedRows<{ left: number }>(
            await m.query(
              `UPDATE app_user SET mfa_recovery_code_hashes = array_remove(mfa_recovery_code_hashes, $2), updated_at = now()
               WHERE id = $1 AND mfa_enabled_at IS NOT NULL AND $2 = ANY(mfa_recovery_code_hashes)
               RETURNING cardinality(mfa_recovery_code_hashes) AS left`,
              [userId, hash],
            ),
          )
        : [];
      if (used.length === 0) return { ok: false, reason: 'wrong recovery code', field: 'recoveryCode', message: MFA_MESSAGES.wrongRecoveryCode };
      return { ok: true, method: 'recovery code', recoveryCodesLeft: used[0].left };
    }
    const code = normaliseTotpCode(input.code ?? '');
    const [row]: MfaRow[] = await m.query(`SELECT mfa_secret, mfa_last_used_step, mfa_enabled_at FROM app_user WHERE id = $1 FOR UPDATE`, [userId]);
    if (!code || !row?.mfa_secret || !row.mfa_enabled_at) return { ok: false, reason: 'wrong code', field: 'code', message: MFA_MESSAGES.wrongCode };
    const check = this.totp.check(this.totp.decrypt(userId, row.mfa_secret), code, row.mfa_last_used_step);
    if (!check.ok) {
      return check.reason === 'replayed code'
        ? { ok: false, reason: 'replayed code', field: 'code', message: MFA_MESSAGES.replayedCode }
        : { ok: false, reason: 'wrong code', field: 'code', message: MFA_MESSAGES.wrongCode };
    }
    await m.query(`UPDATE app_user SET mfa_last_used_step = $2 WHERE id = $1`, [userId, check.step]);
    return { ok: true, method: 'authenticator app' };
  }

  /** The user turns two-step verification off, with a current code, when their role does not require it. */
  async disable(actor: Actor, codeInput: string): Promise<UserEntity> {
    if (this.requiredFor(actor.role)) {
      throw appError(
        'FORBIDDEN',
        'Your role must use two-step verification, so it cannot be turned off. If you have lost your device, ask an administrator to reset it.',
      );
    }
    if (!normaliseTotpCode(codeInput)) throw badInput([{ field: 'code', message: MFA_MESSAGES.enterCode }]);
    const block = await this.throttle.blocked(this.dataSource.manager, actor.email, actor.ip);
    if (block) {
      throw appError('TOO_MANY_REQUESTS', `Too many wrong codes. Wait ${Math.max(1, Math.ceil(block.retryAfterSeconds / 60))} minute(s) and try again.`, {
        retryAfterSeconds: block.retryAfterSeconds,
      });
    }
    const result = await this.dataSource.transaction(async (m) => {
      const [state]: { mfa_enabled_at: Date | null }[] = await m.query(`SELECT mfa_enabled_at FROM app_user WHERE id = $1`, [actor.userId]);
      if (!state?.mfa_enabled_at) throw conflict('Two-step verification is already off.');
      const check = await this.checkSecondFactor(m, actor.userId, { code: codeInput });
      if (!check.ok) return check;
      await this.clear(m, actor.userId);
      await this.audit.record(m, { action: 'user.mfa_disabled', actor, entityType: 'user', entityId: actor.userId });
      return check;
    });
    if (!result.ok) {
      await this.dataSource.transaction(async (m) => {
        await this.throttle.recordFailure(m, actor.email, actor.ip);
        await this.audit.record(m, {
          action: 'user.mfa_disable_failed',
          actor,
          entityType: 'user',
          entityId: actor.userId,
          details: { reason: result.reason },
        });
      });
      throw badInput([{ field: result.field, message: result.message }]);
    }
    return this.dataSource.getRepository(UserEntity).findOneOrFail({ where: { id: actor.userId } });
  }

  /** An administrator clears a user's two-step verification (a lost device) and ends their sessions. */
  async reset(actor: Actor, userId: string): Promise<UserEntity> {
    if (userId === actor.userId) {
      throw badInput([{ field: 'id', message: 'You cannot reset your own two-step verification. Ask another administrator' }]);
    }
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('The user');
      const wasEnabled = Boolean(user.mfaEnabledAt);
      await this.clear(m, userId);
      await this.challenges.endAllForUser(m, userId);
      const ended = await this.sessions.revokeAllForUser(m, userId, 'two-step verification reset by an administrator');
      await this.audit.record(m, {
        action: 'user.mfa_reset',
        actor,
        entityType: 'user',
        entityId: userId,
        details: { wasEnabled, sessionsEnded: ended, stillRequired: this.requiredFor(user.role) },
      });
      return repo.findOneOrFail({ where: { id: userId } });
    });
  }

  private async clear(m: EntityManager, userId: string): Promise<void> {
    await m.query(
      `UPDATE app_user SET mfa_secret = NULL, mfa_enabled_at = NULL, mfa_last_used_step = NULL, mfa_recovery_code_hashes = '{}',
         mfa_pending_secret = NULL, mfa_pending_since = NULL, updated_at = now()
       WHERE id = $1`,
      [userId],
    );
  }
}
