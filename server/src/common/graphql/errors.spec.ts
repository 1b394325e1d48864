import { describe, expect, it } from 'vitest';
import { assertNoProblems, badInput, isDatabaseUnavailable, problem } from './errors.js';

describe('badInput', () => {
  it('uses the only problem as the message, and a summary for several', () => {
    expect(badInput([{ field: 'email', message: 'Enter an email address' }]).message).toBe('Enter an email address');
    const many = badInput([
      { field: 'email', message: 'Enter an email address' },
      { field: 'name', message: 'Enter a name' },
    ]);
    expect(many.message).toBe('There is a problem with what you entered');
    expect(many.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'email' }, { field: 'name' }] });
  });

  it('assertNoProblems throws only when there is a problem', () => {
    expect(() => assertNoProblems([problem('a', null), null, undefined])).not.toThrow();
    expect(() => assertNoProblems([problem('a', null), problem('b', 'Bad b')])).toThrow('Bad b');
  });
});

describe('isDatabaseUnavailable', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, true],
    [{ message: 'Connection terminated unexpectedly' }, true],
    [{ driverError: { code: '08006' } }, true],
    [{ name: 'QueryRunnerAlreadyReleasedError', message: 'Query runner already released. Cannot run queries anymore.' }, true],
    [{ code: '23505', message: 'duplicate key value' }, false],
    [new Error('something else'), false],
  ])('%j → %s', (err, expected) => {
    expect(isDatabaseUnavailable(err)).toBe(expected);
  });
});
