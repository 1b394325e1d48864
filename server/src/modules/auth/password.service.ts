import { Injectable } from '@nestjs/common';
import { hash, verify, type Options } from '@node-rs/argon2';
import { passwordShapeProblem } from '@mase/shared';
import { dictionary } from '@zxcvbn-ts/language-common';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. (2 is Algorithm.Argon2id, a const enum.) */
export const ARGON2: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

@Injectable()
export class PasswordService {
  /** A hash of a random password, verified against when the account does not exist, so timing reveals nothing. */
  private readonly decoy = hash(`decoy-${Math.random()}-${Date.now()}`, ARGON2);

  hash(password: string): Promise<string> {
    return hash(password, ARGON2);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    if (password.length > 1024) return false;
    if (!passwordHash) {
      await verify(await this.decoy, password).catch(() => false);
      return false;
    }
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** A problem with a new password, in words for the person, or null. */
  problem(password: string, context: { email?: string; name?: string } = {}): string | null {
    const shape = passwordShapeProblem(password);
    if (shape) return shape;
    const lower = password.toLowerCase();
    if (COMMON.has(lower)) return 'This password is too common. Choose a longer phrase that is unique to you';
    const local = context.email?.split('@')[0]?.toLowerCase();
    if (local && local.length >= 4 && lower.includes(local)) return 'Password must not contain your email address';
    return null;
  }
}
