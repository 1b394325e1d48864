import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import { APP_CONFIG, type AppConfig } from '../../config.js';

/** The app name people see in their authenticator app. */
export const TOTP_ISSUER = 'MASE Hub';
/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
/** A code from the step before or after the current one is still accepted (clock drift, typing time). */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;
export const RECOVERY_CODE_COUNT = 10;
/** Unambiguous characters (no 0/o, 1/l/i): 12 of them carry about 59 bits. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_LENGTH = 12;

/** Format of the encrypted blob: version byte, 12-byte IV, 16-byte GCM tag, ciphertext. */
const BLOB_VERSION = 1;

export type CodeCheck = { ok: true; step: number } | { ok: false; reason: 'wrong code' | 'replayed code' };

/** The same code from the user's input: digits only, or null when it cannot be a code. */
export function normaliseTotpCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

export function normaliseRecoveryCode(input: string): string | null {
  const plain = input.toLowerCase().replace(/[^a-z0-9]/g, '');
  return plain.length === RECOVERY_LENGTH ? plain : null;
}

/**
 * TOTP (RFC 6238) through otplib, with the secret encrypted at rest by AES-256-GCM and the
 * recovery codes kept only as keyed hashes. Both keys are derived (HKDF) from MFA_ENCRYPTION_KEY.
 */
@Injectable()
export class TotpService {
  private readonly secretKey: Buffer;
  private readonly recoveryKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', config.mfaEncryptionKey, Buffer.alloc(0), info, 32));
    this.secretKey = derive('mase-hub totp secret v1');
    this.recoveryKey = derive('mase-hub recovery code v1');
  }

  /** A new base32 secret of 160 bits, the size RFC 4226 recommends. */
  newSecret(): string {
    return generateSecret({ length: 20 });
  }

  otpauthUri(secret: string, accountLabel: string): string {
    return generateURI({ issuer: TOTP_ISSUER, label: accountLabel, secret, period: TOTP_PERIOD_SECONDS, digits: 6, algorithm: 'sha1' });
  }

  qrCodeDataUrl(uri: string): Promise<string> {
    return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 4, width: 240 });
  }

  /** Checks a code against the secret; a code of a step at or before `lastUsedStep` is a replay. */
  check(secret: string, code: string, lastUsedStep: number | null | undefined): CodeCheck {
    const result = verifySync({ secret, token: code, epochTolerance: TOLERANCE_SECONDS, period: TOTP_PERIOD_SECONDS });
    // otplib's functional API types the result for HOTP and TOTP together; a TOTP match names its time step.
    if (!result.valid || !('timeStep' in result) || typeof result.timeStep !== 'number') return { ok: false, reason: 'wrong code' };
    if (lastUsedStep !== null && lastUsedStep !== undefined && result.timeStep <= lastUsedStep) return { ok: false, reason: 'replayed code' };
    return { ok: true, step: result.timeStep };
  }

  /** Encrypts a secret, bound to its user (the user id is authenticated data: a blob moved to another row does not decrypt). */
  encrypt(userId: string, secret: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.secretKey, iv);
    cipher.setAAD(Buffer.from(userId, 'utf8'));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([BLOB_VERSION]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(userId: string, blob: Buffer): string {
    if (blob.length < 30 || blob[0] !== BLOB_VERSION) throw new Error('Unrecognised encrypted secret');
    const decipher = createDecipheriv('aes-256-gcm', this.secretKey, blob.subarray(1, 13));
    decipher.setAAD(Buffer.from(userId, 'utf8'));
    decipher.setAuthTag(blob.subarray(13, 29));
    return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]).toString('utf8');
  }

  /** Ten new recovery codes, formatted for reading (xxxx-xxxx-xxxx). */
  newRecoveryCodes(): string[] {
    return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const plain = Array.from({ length: RECOVERY_LENGTH }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
      return plain.match(/.{4}/g)!.join('-');
    });
  }

  /** The stored form of a recovery code (HMAC-SHA-256, hex), whatever spacing or case it was typed in. */
  hashRecoveryCode(code: string): string | null {
    const plain = normaliseRecoveryCode(code);
    return plain ? createHmac('sha256', this.recoveryKey).update(plain, 'utf8').digest('hex') : null;
  }
}
