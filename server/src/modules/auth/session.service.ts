import { Inject, Injectable } from '@nestjs/common';
import { isRole } from '@mase/shared';
import { parse as parseCookie } from 'cookie';
import type { Request, Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { clientIp, type Actor } from '../../common/auth/actor.js';
import { returnedRows } from './sql-rows.js';

interface SessionRow {
  session_id: string;
  user_id: string;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  email: string;
  name: string;
  role: string;
  agency_id: string | null;
  status: string;
  must_change_password: boolean;
  mfa_enabled_at: Date | null;
  now: Date;
}

/** A live session as its owner sees it. */
export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
  current: boolean;
}

interface Resolution {
  actor: Actor | null;
  reason: string;
}

/** Touch last_seen_at at most this often, so reads do not each write. */
const TOUCH_EVERY_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** Server-side sessions in PostgreSQL behind an opaque, HttpOnly, SameSite=Strict, Secure cookie. */
@Injectable()
export class SessionService {
  private readonly resolved = new WeakMap<Request, Promise<Resolution>>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get cookieName(): string {
    return this.config.production ? '__Host-mase_session' : 'mase_session';
  }

  /** Creates a session (a fresh 256-bit token every sign-in) and returns the token for the cookie. */
  async create(manager: EntityManager, userId: string, req: Request): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionAbsoluteHours * 3_600_000);
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO user_session (token_hash, user_id, last_seen_at, expires_at, ip_address, user_agent)
       VALUES ($1, $2, now(), $3, $4, $5) RETURNING id`,
      [hashToken(token), userId, expiresAt, clientIp(req), (req.get('user-agent') ?? '').slice(0, 300) || null],
    );
    return { token, sessionId: row.id, expiresAt };
  }

  setCookie(res: Response, token: string, expiresAt: Date): void {
    res.cookie(this.cookieName, token, {
      httpOnly: true,
      secure: this.config.cookieSecure || this.config.production,
      sameSite: 'strict',
      path: '/',
      expires: expiresAt,
    });
  }

  clearCookie(res: Response): void {
    res.clearCookie(this.cookieName, {
      httpOnly: true,
      secure: this.config.cookieSecure || this.config.production,
      sameSite: 'strict',
      path: '/',
    });
  }

  tokenOf(req: Request): string | null {
    const header = req.headers.cookie;
    if (!header) return null;
    const token = parseCookie(header)[this.cookieName];
    return token && token.length <= 128 ? token : null;
  }

  /** The signed-in user for this request, or null; resolved once per request. */
  async authenticate(req: Request): Promise<Actor | null> {
    let p = this.resolved.get(req);
    if (!p) {
      p = this.resolve(req);
      this.resolved.set(req, p);
    }
    return (await p).actor;
  }

  /** Why authenticate() returned null, in words for the person. */
  failureReason(req: Request): string {
    return 'You need to sign in to do that' + (this.lastReason.get(req) ?? '');
  }

  private readonly lastReason = new WeakMap<Request, string>();

  private async resolve(req: Request): Promise<Resolution> {
    const token = this.tokenOf(req);
    if (!token) return { actor: null, reason: '' };
    const [row]: SessionRow[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.user_id, s.last_seen_at, s.expires_at, s.revoked_at,
              u.email, u.name, u.role, u.agency_id, u.status, u.must_change_password, u.mfa_enabled_at, now() AS now
       FROM user_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.token_hash = $1`,
      [hashToken(token)],
    );
    const fail = (reason: string): Resolution => {
      this.lastReason.set(req, `: ${reason}`);
      return { actor: null, reason };
    };
    if (!row) return fail('your session is not recognised. Sign in again');
    if (row.revoked_at) return fail('you have signed out or your session was ended. Sign in again');
    if (row.status !== 'ACTIVE') return fail('your account is disabled');
    const now = row.now.getTime();
    if (row.expires_at.getTime() <= now) return fail('your session has expired. Sign in again');
    if (row.last_seen_at.getTime() + this.config.sessionIdleMinutes * 60_000 <= now) {
      return fail('your session timed out after a period of inactivity. Sign in again');
    }
    if (!isRole(row.role)) return fail('your account has no valid role');
    if (now - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await this.dataSource.query(`UPDATE user_session SET last_seen_at = now() WHERE id = $1`, [row.session_id]);
    }
    return {
      reason: '',
      actor: {
        userId: row.user_id,
        email: row.email,
        name: row.name,
        role: row.role,
        agencyId: row.agency_id,
        sessionId: row.session_id,
        mustChangePassword: row.must_change_password,
        mfaSetupRequired: this.mfaSetupRequired(row.role, row.mfa_enabled_at),
        ip: clientIp(req),
      },
    };
  }

  /** True when the role must use two-step verification and the user has not turned it on. */
  mfaSetupRequired(role: string, mfaEnabledAt: Date | null): boolean {
    return !mfaEnabledAt && (this.config.mfaRequiredRoles as readonly string[]).includes(role);
  }

  /** The user's sessions that still work (not ended, not expired, not timed out), newest first. */
  async listLive(userId: string, currentSessionId: string): Promise<SessionSummary[]> {
    const rows: { id: string; created_at: Date; last_seen_at: Date; expires_at: Date; ip_address: string | null; user_agent: string | null }[] =
      await this.dataSource.query(
        `SELECT id, created_at, last_seen_at, expires_at, ip_address, user_agent FROM user_session
         WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $2)
         ORDER BY (id = $3) DESC, last_seen_at DESC, created_at DESC`,
        [userId, this.config.sessionIdleMinutes, currentSessionId],
      );
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      expiresAt: r.expires_at,
      ipAddress: r.ip_address,
      userAgent: r.user_agent,
      current: r.id === currentSessionId,
    }));
  }

  /** Ends one of the user's own sessions; false when there is no such live session of theirs. */
  async revokeOwn(manager: EntityManager, userId: string, sessionId: string, reason: string): Promise<boolean> {
    const rows = returnedRows(
      await manager.query(
        `UPDATE user_session SET revoked_at = now(), revoked_reason = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
        [sessionId, userId, reason],
      ),
    );
    return rows.length === 1;
  }

  async revoke(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.query(`UPDATE user_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
      reason,
    ]);
  }

  /** Ends every live session of a user at once (disable, password change, reset). Returns how many. */
  async revokeAllForUser(manager: EntityManager, userId: string, reason: string, exceptSessionId?: string): Promise<number> {
    const rows = returnedRows(
      await manager.query(
        `UPDATE user_session SET revoked_at = now(), revoked_reason = $2
         WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid) RETURNING id`,
        [userId, reason, exceptSessionId ?? null],
      ),
    );
    return rows.length;
  }
}
