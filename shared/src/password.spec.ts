import { describe, expect, it } from 'vitest';
import { emailProblem, normaliseEmail, passwordShapeProblem, PASSWORD_MAX_LENGTH } from './password.js';

describe('passwordShapeProblem', () => {
  it.each([
    ['short', 'Password must be at least 12 characters'],
    ['elevenchars', 'Password must be at least 12 characters'],
    [' '.repeat(12), 'Password must not be only spaces'],
    ['x'.repeat(PASSWORD_MAX_LENGTH + 1), 'Password must be 256 characters or fewer'],
  ])('refuses %j', (pw, problem) => {
    expect(passwordShapeProblem(pw)).toBe(problem);
  });

  it('accepts a long passphrase of any composition', () => {
    expect(passwordShapeProblem('purple giraffe lantern')).toBeNull();
    expect(passwordShapeProblem('x'.repeat(PASSWORD_MAX_LENGTH))).toBeNull();
  });
});

describe('email', () => {
  it('normalises case and surrounding space', () => {
    expect(normaliseEmail('  Ada.Lead@Example.ORG ')).toBe('ada.lead@example.org');
  });
  it.each([
    ['', 'Enter an email address'],
    ['no-at-sign', 'Enter an email address in the correct format, like name@example.org'],
    ['a@b', 'Enter an email address in the correct format, like name@example.org'],
  ])('refuses %j', (email, problem) => {
    expect(emailProblem(email)).toBe(problem);
  });
  it('accepts a plain address', () => {
    expect(emailProblem('lead@agency.example')).toBeNull();
  });
});
