import { describe, expect, it } from 'vitest';
import { mapTiles, mfaEncryptionKey, mfaRequiredRoles } from './config.js';

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

describe('map tile configuration', () => {
  it('is off by default, and needs both the URL template and the attribution', () => {
    expect(mapTiles(undefined, undefined)).toBeNull();
    expect(mapTiles(' ', '')).toBeNull();
    expect(() => mapTiles(undefined, 'Tiles © Example')).toThrow(/MAP_TILE_URL is not/);
    expect(() => mapTiles('https://tiles.example/{z}/{x}/{y}.png', ' ')).toThrow(/MAP_TILE_ATTRIBUTION must be set/);
  });

  it('gives the origin the CSP allows images from, with a subdomain placeholder as a wildcard', () => {
    expect(mapTiles(' https://tiles.example.org/base/{z}/{x}/{y}{r}.png?key=abc ', ' Tiles © Example ')).toEqual({
      urlTemplate: 'https://tiles.example.org/base/{z}/{x}/{y}{r}.png?key=abc',
      attribution: 'Tiles © Example',
      origin: 'https://tiles.example.org',
    });
    expect(mapTiles('http://127.0.0.1:8080/{z}/{x}/{y}.png', 'Local')!.origin).toBe('http://127.0.0.1:8080');
    expect(mapTiles('https://{s}.Tile.Example.org/{z}/{x}/{y}.png', 'Example')!.origin).toBe('https://*.tile.example.org');
  });

  it('refuses a template that is not http(s), lacks a coordinate, has unknown placeholders or could widen the policy', () => {
    expect(() => mapTiles('ftp://tiles.example/{z}/{x}/{y}.png', 'A')).toThrow(/http or https URL template/);
    expect(() => mapTiles('https://tiles.example/{z}/{x}.png', 'A')).toThrow(/\{z\}, \{x\} and \{y\}/);
    expect(() => mapTiles('https://tiles.example/{z}/{x}/{y}/{apikey}.png', 'A')).toThrow(/\{apikey\}/);
    expect(() => mapTiles("https://tiles.example/{z}/{x}/{y}.png; script-src 'unsafe-inline'", 'A')).toThrow(/URL template/);
    expect(() => mapTiles('https://*.example/{z}/{x}/{y}.png', 'A')).toThrow(/URL template/);
  });
});
