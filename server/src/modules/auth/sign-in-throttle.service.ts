import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Sign-in throttling, in PostgreSQL so every replica shares it.
 * - Per account: after 5 failures in 15 minutes, a pause that doubles from 1 minute up to at most
 *   15 minutes. A real user is never locked out for longer than that, and a success clears it.
 * - Per address: after 50 failures in 15 minutes, that address waits 15 minutes.
 */
export const THROTTLE = {
  windowMinutes: 15,
  account: { threshold: 5, firstPauseMinutes: 1, maxPauseMinutes: 15 },
  address: { threshold: 50, pauseMinutes: 15 },
} as const;

export interface ThrottleBlock {
  scope: 'account' | 'address';
  retryAfterSeconds: number;
}

const accountKey = (email: string) => `account:${email}`;
const addressKey = (ip: string) => `address:${ip}`;

@Injectable()
export class SignInThrottleService {
  async blocked(manager: EntityManager, email: string, ip: string | null): Promise<ThrottleBlock | null> {
    const keys = [accountKey(email), ...(ip ? [addressKey(ip)] : [])];
    const rows: { key: string; seconds: number }[] = await manager.query(
      `SELECT key, ceil(extract(epoch FROM blocked_until - now()))::int AS seconds
       FROM sign_in_throttle WHERE key = ANY($1) AND blocked_until > now()
       ORDER BY blocked_until DESC LIMIT 1`,
      [keys],
    );
    const row = rows[0];
    if (!row) return null;
    return { scope: row.key.startsWith('account:') ? 'account' : 'address', retryAfterSeconds: Math.max(1, row.seconds) };
  }

  async recordFailure(manager: EntityManager, email: string, ip: string | null): Promise<void> {
    const w = `${THROTTLE.windowMinutes} minutes`;
    const bump = (key: string): Promise<{ failures: number }[]> =>
      manager.query(
        `INSERT INTO sign_in_throttle (key, failures, window_started_at) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN sign_in_throttle.window_started_at < now() - $2::interval THEN 1 ELSE sign_in_throttle.failures + 1 END,
           window_started_at = CASE WHEN sign_in_throttle.window_started_at < now() - $2::interval THEN now() ELSE sign_in_throttle.window_started_at END
         RETURNING failures`,
        [key, w],
      );
    const [account] = await bump(accountKey(email));
    const { threshold, firstPauseMinutes, maxPauseMinutes } = THROTTLE.account;
    if (account.failures >= threshold) {
      const minutes = Math.min(maxPauseMinutes, firstPauseMinutes * 2 ** (account.failures - threshold));
      await manager.query(`UPDATE sign_in_throttle SET blocked_until = now() + $2::interval WHERE key = $1`, [
        accountKey(email),
        `${minutes} minutes`,
      ]);
    }
    if (ip) {
      const [address] = await bump(addressKey(ip));
      if (address.failures >= THROTTLE.address.threshold) {
        await manager.query(`UPDATE sign_in_throttle SET blocked_until = now() + $2::interval WHERE key = $1`, [
          addressKey(ip),
          `${THROTTLE.address.pauseMinutes} minutes`,
        ]);
      }
    }
  }

  async recordSuccess(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [accountKey(email)]);
  }
}
