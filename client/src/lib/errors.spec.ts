import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { errorCode, errorMessage, fieldProblems, formErrors, formErrorsFrom, UNREACHABLE_MESSAGE } from './errors';

function apiError(message: string, extensions: Record<string, unknown>): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });
}

describe('formErrorsFrom', () => {
  it('puts each field problem beside its input and links to it from the summary', () => {
    const error = apiError('There is a problem with what you entered', {
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'name', message: 'Enter a name' },
        { field: 'agencyId', message: 'Select the agency this user belongs to' },
      ],
    });
    const errors = formErrorsFrom(error, { name: 'edit-name', agencyId: 'edit-agencyId' });
    expect(errors.fields).toEqual({ 'edit-name': 'Enter a name', 'edit-agencyId': 'Select the agency this user belongs to' });
    expect(errors.summary).toEqual([
      { text: 'Enter a name', href: '#edit-name' },
      { text: 'Select the agency this user belongs to', href: '#edit-agencyId' },
    ]);
  });

  it('lists problems with fields the form does not have in the summary only, and strips an input. prefix', () => {
    const error = apiError('x', {
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'input.email', message: 'A user with this email address already exists' },
        { field: 'status', message: 'You cannot disable your own account' },
      ],
    });
    const errors = formErrorsFrom(error, { email: 'email' });
    expect(errors.fields).toEqual({ email: 'A user with this email address already exists' });
    expect(errors.summary).toEqual([
      { text: 'A user with this email address already exists', href: '#email' },
      { text: 'You cannot disable your own account' },
    ]);
  });

  it('shows a failed sign-in against the email field (UNAUTHENTICATED with fields)', () => {
    const error = apiError('The email address or password is not right', {
      code: 'UNAUTHENTICATED',
      fields: [{ field: 'email', message: 'The email address or password is not right' }],
    });
    expect(formErrorsFrom(error, { email: 'email', password: 'password' }).fields.email).toBe('The email address or password is not right');
  });

  it('uses the message when there are no field problems, or the override for the code', () => {
    const throttled = apiError('Too many attempts. Try again in 5 minutes.', { code: 'TOO_MANY_REQUESTS' });
    expect(formErrorsFrom(throttled, {})).toEqual({ summary: [{ text: 'Too many attempts. Try again in 5 minutes.' }], fields: {} });
    const conflict = apiError('Someone else changed this user', { code: 'CONFLICT' });
    expect(formErrorsFrom(conflict, {}, { CONFLICT: 'Reload the page' }).summary).toEqual([{ text: 'Reload the page' }]);
  });

  it('ignores malformed extensions.fields', () => {
    const error = apiError('Bad', { code: 'BAD_USER_INPUT', fields: [{ field: 3 }, 'nonsense', null] });
    expect(fieldProblems(error)).toEqual([]);
    expect(formErrorsFrom(error, { email: 'email' }).summary).toEqual([{ text: 'Bad' }]);
  });
});

describe('errorMessage and errorCode', () => {
  it('reads the code of an API error', () => {
    expect(errorCode(apiError('Sign in', { code: 'UNAUTHENTICATED' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(new Error('x'))).toBeUndefined();
  });

  it('does not show internal server messages', () => {
    expect(errorMessage(apiError('relation "x" does not exist', { code: 'INTERNAL_SERVER_ERROR' }))).toMatch(/Something went wrong/);
  });

  it('explains network failures and HTTP errors in plain words', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe(UNREACHABLE_MESSAGE);
    const unavailable = new ServerError('Service Unavailable', { response: new Response('', { status: 503 }), bodyText: '' });
    expect(errorMessage(unavailable)).toMatch(/not available/);
  });
});

describe('formErrors', () => {
  it('keeps the first problem per field, in order', () => {
    const errors = formErrors([
      { id: 'email', message: 'Enter your email address' },
      { id: 'email', message: 'Second problem' },
      { id: 'password', message: null },
      null,
    ]);
    expect(errors).toEqual({ summary: [{ text: 'Enter your email address', href: '#email' }], fields: { email: 'Enter your email address' } });
  });
});
