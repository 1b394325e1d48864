import { GraphQLError } from 'graphql';

/** A problem with one input field, named the way the form names it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Codes the client can act on. Every error the API returns carries one. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'MFA_SETUP_REQUIRED'
  | 'MFA_CODE_REQUIRED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'REASON_REQUIRED'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export function appError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export function badInput(fields: FieldProblem[], message?: string): GraphQLError {
  const summary = message ?? (fields.length === 1 ? fields[0].message : 'There is a problem with what you entered');
  return appError('BAD_USER_INPUT', summary, { fields });
}

/**
 * Input over a size limit of the validation layer (a string or list too long): refused like any bad
 * input, naming the field, but answered with HTTP 400 — Apollo takes the status from `extensions.http`
 * and never sends that extension on.
 */
export function inputTooLarge(fields: FieldProblem[]): GraphQLError {
  const summary = fields.length === 1 ? fields[0].message : 'There is a problem with what you entered';
  return appError('BAD_USER_INPUT', summary, { fields, http: { status: 400 } });
}

export const unauthenticated = (message = 'You need to sign in to do that') => appError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You do not have permission to do that') => appError('FORBIDDEN', message);
/** Refused at record level (another agency's records): the client tells this apart from a role refusal. */
export const recordForbidden = (message: string) => appError('FORBIDDEN', message, { scope: 'RECORD' });
export const notFound = (what: string) => appError('NOT_FOUND', `${what} was not found`);
export const conflict = (message: string) => appError('CONFLICT', message);

/** Throws a BAD_USER_INPUT naming every field with a problem, if there are any. */
export function assertNoProblems(problems: (FieldProblem | null | undefined)[]): void {
  const real = problems.filter((p): p is FieldProblem => !!p);
  if (real.length > 0) throw badInput(real);
}

export function problem(field: string, message: string | null): FieldProblem | null {
  return message ? { field, message } : null;
}

const RETRYABLE_PG = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004', '53300']);

/** True for errors that mean PostgreSQL could not be reached or is restarting: the caller may retry. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const x = e as { code?: string; message?: string; originalError?: unknown; driverError?: unknown; cause?: unknown };
    if (x.code && (RETRYABLE_PG.has(x.code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(x.code))) return true;
    // A transaction whose connection died mid-way: TypeORM has released its query runner.
    if (x.message && /Connection terminated|connection timeout|the database system is (starting up|shutting down)|Client has encountered a connection error|Query runner already released|Client was closed and is not queryable/i.test(x.message)) {
      return true;
    }
    e = x.originalError ?? x.driverError ?? x.cause;
  }
  return false;
}
