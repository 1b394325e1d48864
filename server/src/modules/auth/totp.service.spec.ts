import { generateSync } from 'otplib';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config.js';
import { normaliseRecoveryCode, normaliseTotpCode, TotpService } from './totp.service.js';

const serviceWith = (key: Buffer) => new TotpService(loadConfig({ production: false, mfaEncryptionKey: key }));
const totp = serviceWith(randomBytes(32));
const USER = '6f1f2d0e-4a57-4c1b-9a53-0a1f1d9e2b11';

describe('TotpService', () => {
  it('encrypts a secret with AES-256-GCM, fresh IV each time, and decrypts it only for the same user and key', () => {
    const secret = totp.newSecret();
    const a = totp.encrypt(USER, secret);
    const b = totp.encrypt(USER, secret);
    expect(a.equals(b)).toBe(false);
    expect(a.toString('latin1')).not.toContain(secret);
    expect(totp.decrypt(USER, a)).toBe(secret);
    expect(() => totp.decrypt('11111111-1111-4111-8111-111111111111', a)).toThrow();
    expect(() => serviceWith(randomBytes(32)).decrypt(USER, a)).toThrow();
    const tampered = Buffer.from(a);
    tampered[tampered.length - 1] ^= 1;
    expect(() => totp.decrypt(USER, tampered)).toThrow();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('accepts the code of this step and the steps either side, and refuses a step already used', () => {
    // The middle of a time step, so the clock cannot cross into the next one during the test.
    vi.useFakeTimers({ now: 1_800_000_015_000 });
    const secret = totp.newSecret();
    const now = Math.floor(Date.now() / 1000);
    const code = generateSync({ secret, epoch: now });
    const first = totp.check(secret, code, null);
    expect(first.ok).toBe(true);
    const step = first.ok ? first.step : 0;
    expect(totp.check(secret, code, step)).toEqual({ ok: false, reason: 'replayed code' });
    expect(totp.check(secret, generateSync({ secret, epoch: now + 30 }), step)).toEqual({ ok: true, step: step + 1 });
    expect(totp.check(secret, generateSync({ secret, epoch: now - 30 }), step)).toEqual({ ok: false, reason: 'replayed code' });
    expect(totp.check(secret, generateSync({ secret, epoch: now + 120 }), null)).toEqual({ ok: false, reason: 'wrong code' });
  });

  it('makes ten distinct recovery codes and hashes them whatever the spacing or case typed', () => {
    const codes = totp.newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const hash = totp.hashRecoveryCode(codes[0]);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(totp.hashRecoveryCode(` ${codes[0].toUpperCase().replace(/-/g, ' ')} `)).toBe(hash);
    expect(serviceWith(randomBytes(32)).hashRecoveryCode(codes[0])).not.toBe(hash);
    expect(totp.hashRecoveryCode('too-short')).toBeNull();
  });

  it('reads codes as people type them', () => {
    expect(normaliseTotpCode(' 123 456 ')).toBe('123456');
    expect(normaliseTotpCode('123-456')).toBe('123456');
    expect(normaliseTotpCode('12345')).toBeNull();
    expect(normaliseTotpCode('abcdef')).toBeNull();
    expect(normaliseRecoveryCode('ABCD-EFGH-JKMN')).toBe('abcdefghjkmn');
    expect(normaliseRecoveryCode('abcd')).toBeNull();
  });
});
