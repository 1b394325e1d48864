import { describe, expect, it } from 'vitest';
import { mfaEncryptionKey, mfaRequiredRoles } from './config.js';

describe('MFA configuration', () => {
  it('requires two-step verification of administrators and co-chairs in production by default, of no one elsewhere', () => {
    expect(mfaRequiredRoles(undefined, true)).toEqual(['ADMIN', 'CO_CHAIR']);
    expect(mfaRequiredRoles('', false)).toEqual([]);
    expect(mfaRequiredRoles('none', true)).toEqual([]);
    expect(mfaRequiredRoles(' admin, POLICE ,ADMIN', false)).toEqual(['ADMIN', 'POLICE']);
    expect(() => mfaRequiredRoles('ADMIN,BOSS', false)).toThrow(/unknown: BOSS/);
  });

  it('refuses to start in production without an encryption key, and uses a fixed development key elsewhere', () => {
    expect(() => mfaEncryptionKey(undefined, true)).toThrow(/MFA_ENCRYPTION_KEY must be set in production/);
    expect(() => mfaEncryptionKey('  ', true)).toThrow(/must be set/);
    const dev = mfaEncryptionKey(undefined, false);
    expect(dev).toHaveLength(32);
    expect(mfaEncryptionKey(undefined, false).equals(dev)).toBe(true);
  });

  it('reads a 32-byte key as base64 or hex, and refuses anything else', () => {
    const key = Buffer.alloc(32, 7);
    expect(mfaEncryptionKey(key.toString('base64'), true).equals(key)).toBe(true);
    expect(mfaEncryptionKey(key.toString('hex'), true).equals(key)).toBe(true);
    expect(() => mfaEncryptionKey(Buffer.alloc(16).toString('base64'), true)).toThrow(/32 bytes/);
    expect(() => mfaEncryptionKey('not a key at all!', true)).toThrow(/32 bytes/);
  });
});
