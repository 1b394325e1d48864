import { describe, expect, it } from 'vitest';
import { PasswordService } from './password.service.js';

const passwords = new PasswordService();

describe('PasswordService', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await passwords.hash('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await passwords.verify(hash, 'correct horse battery')).toBe(true);
    expect(await passwords.verify(hash, 'correct horse batterY')).toBe(false);
  });

  it('verifies nothing against a missing or corrupt hash, without throwing', async () => {
    expect(await passwords.verify(null, 'anything at all')).toBe(false);
    expect(await passwords.verify('not-a-hash', 'anything at all')).toBe(false);
  });

  it.each([
    ['short', 'Password must be at least 12 characters'],
    ['qwerty123456', 'This password is too common. Choose a longer phrase that is unique to you'],
    ['1QAZ2WSX3EDC', 'This password is too common. Choose a longer phrase that is unique to you'],
    ['my name is taylor.lead ok', 'Password must not contain your email address'],
  ])('refuses %j', (pw, message) => {
    expect(passwords.problem(pw, { email: 'taylor.lead@agency.example' })).toBe(message);
  });

  it('accepts an uncommon passphrase', () => {
    expect(passwords.problem('lantern orchard velvet', { email: 'taylor.lead@agency.example' })).toBeNull();
  });
});
