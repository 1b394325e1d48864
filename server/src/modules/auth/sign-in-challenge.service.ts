import { Inject, Injectable } from '@nestjs/common';
import { parse as parseCookie } from 'cookie';
import type { Request, Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { clientIp } from '../../common/auth/actor.js';
import { returnedRows } from './sql-rows.js';

/** How long someone has to give their code after a correct password. */
export const CHALLENGE_MINUTES = 5;
/** Wrong codes against one challenge before it is given up (the account throttle also counts them). */
export const CHALLENGE_MAX_FAILURES = 5;

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest();

export interface LiveChallenge {
  id: string;
  userId: string;
  failures: number;
}

/** The pending second step of a sign-in, carried by a short-lived HttpOnly cookie of its own. */
@Injectable()
export class SignInChallengeService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get cookieName(): string {
    return this.config.production ? '__Host-mase_sign_in' : 'mase_sign_in';
  }

  async create(manager: EntityManager, userId: string, req: Request): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + CHALLENGE_MINUTES * 60_000);
    // One pending sign-in per user at a time: an older one stops working.
    await manager.query(`UPDATE sign_in_challenge SET consumed_at = now() WHERE user_id = $1 AND consumed_at IS NULL`, [userId]);
    await manager.query(`INSERT INTO sign_in_challenge (token_hash, user_id, expires_at, ip_address) VALUES ($1, $2, $3, $4)`, [
      hashToken(token),
      userId,
      expiresAt,
      clientIp(req),
    ]);
    return { token, expiresAt };
  }

  /** The live (unused, unexpired, not given up) challenge this browser holds, or null. */
  async find(manager: EntityManager, req: Request): Promise<LiveChallenge | null> {
    const token = this.tokenOf(req);
    if (!token) return null;
    const [row]: { id: string; user_id: string; failures: number }[] = await manager.query(
      `SELECT id, user_id, failures FROM sign_in_challenge
       WHERE token_hash = $1 AND consumed_at IS NULL AND expires_at > now() AND failures < $2`,
      [hashToken(token), CHALLENGE_MAX_FAILURES],
    );
    return row ? { id: row.id, userId: row.user_id, failures: row.failures } : null;
  }

  /** Uses the challenge up; false when it was already used (two requests racing with the same cookie). */
  async consume(manager: EntityManager, id: string): Promise<boolean> {
    const rows = returnedRows(
      await manager.query(
        `UPDATE sign_in_challenge SET consumed_at = now() WHERE id = $1 AND consumed_at IS NULL AND expires_at > now() RETURNING id`,
        [id],
      ),
    );
    return rows.length === 1;
  }

  /** Counts a wrong code; returns true when the challenge is now given up. */
  async recordFailure(manager: EntityManager, id: string): Promise<boolean> {
    const [row] = returnedRows<{ failures: number }>(
      await manager.query(
        `UPDATE sign_in_challenge SET failures = failures + 1,
           consumed_at = CASE WHEN failures + 1 >= $2 THEN now() ELSE consumed_at END
         WHERE id = $1 RETURNING failures`,
        [id, CHALLENGE_MAX_FAILURES],
      ),
    );
    return (row?.failures ?? CHALLENGE_MAX_FAILURES) >= CHALLENGE_MAX_FAILURES;
  }

  async endAllForUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE sign_in_challenge SET consumed_at = now() WHERE user_id = $1 AND consumed_at IS NULL`, [userId]);
  }

  setCookie(res: Response, token: string, expiresAt: Date): void {
    res.cookie(this.cookieName, token, { ...this.cookieOptions(), expires: expiresAt });
  }

  clearCookie(res: Response): void {
    res.clearCookie(this.cookieName, this.cookieOptions());
  }

  private cookieOptions() {
    return { httpOnly: true, secure: this.config.cookieSecure || this.config.production, sameSite: 'strict' as const, path: '/' };
  }

  private tokenOf(req: Request): string | null {
    const header = req.headers.cookie;
    if (!header) return null;
    const token = parseCookie(header)[this.cookieName];
    return token && token.length <= 128 ? token : null;
  }
}
