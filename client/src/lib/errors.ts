import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

/** Codes the API puts in `extensions.code`. */
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

/** A problem with one input field, as the API names it in `extensions.fields`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** One line of an error summary; `href` links to the field it is about. */
export interface ErrorItem {
  text: string;
  href?: string;
}

/** What a form shows: the summary at the top and the message beside each field, by input id. */
export interface FormErrors {
  summary: ErrorItem[];
  fields: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { summary: [], fields: {} };

/** Messages to use instead of the server's for particular codes. */
export type MessageOverrides = Partial<Record<ErrorCode, string>>;

export const UNREACHABLE_MESSAGE = 'MASE Hub could not be reached. Check your connection and try again.';
export const UNAVAILABLE_MESSAGE = 'MASE Hub is not available at the moment. Try again in a few minutes.';
export const SERVER_FAULT_MESSAGE = 'Something went wrong on the server. Try again later.';

interface ErrorEntry {
  message: string;
  extensions?: Record<string, unknown>;
}

function graphQLErrors(error: unknown): readonly ErrorEntry[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  return [];
}

/** The `extensions.code` of the first GraphQL error, if the error came from the API. */
export function errorCode(error: unknown): string | undefined {
  for (const e of graphQLErrors(error)) {
    const code = e.extensions?.code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return graphQLErrors(error).some((e) => e.extensions?.code === code);
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.field === 'string' && typeof v.message === 'string';
}

/** Every `{ field, message }` in the errors' `extensions.fields`, with any `input.` prefix removed. */
export function fieldProblems(error: unknown): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of graphQLErrors(error)) {
    const fields = e.extensions?.fields;
    if (!Array.isArray(fields)) continue;
    for (const f of fields) {
      if (isFieldProblem(f)) out.push({ field: f.field.replace(/^input\./, ''), message: f.message });
    }
  }
  return out;
}

/** A sentence to show a person for any error from Apollo Client. */
export function errorMessage(error: unknown, overrides: MessageOverrides = {}): string {
  const entries = graphQLErrors(error);
  if (entries.length > 0) {
    const code = errorCode(error) as ErrorCode | undefined;
    if (code && overrides[code]) return overrides[code];
    if (code === 'SERVICE_UNAVAILABLE') return entries[0].message || UNAVAILABLE_MESSAGE;
    if (code === 'INTERNAL_SERVER_ERROR') return SERVER_FAULT_MESSAGE;
    return entries[0].message;
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 503) return UNAVAILABLE_MESSAGE;
    if (error.statusCode === 429) return 'Too many requests. Wait a minute, then try again.';
    if (error.statusCode >= 500) return SERVER_FAULT_MESSAGE;
    return `MASE Hub could not handle that request (HTTP ${error.statusCode}). Reload the page and try again.`;
  }
  if (ServerParseError.is(error)) return SERVER_FAULT_MESSAGE;
  if (error instanceof TypeError) return UNREACHABLE_MESSAGE;
  if (error instanceof Error && error.message) return error.message;
  return SERVER_FAULT_MESSAGE;
}

/**
 * Turns an API error into what a form shows. `fieldIds` maps the API's field names to the ids of the
 * form's inputs: those problems appear beside the input and link from the summary; problems with no
 * input appear in the summary only. An error without field problems becomes one summary line.
 */
export function formErrorsFrom(error: unknown, fieldIds: Record<string, string>, overrides: MessageOverrides = {}): FormErrors {
  const problems = fieldProblems(error);
  if (problems.length === 0) return { summary: [{ text: errorMessage(error, overrides) }], fields: {} };
  const fields: Record<string, string> = {};
  const summary: ErrorItem[] = [];
  for (const p of problems) {
    const id = fieldIds[p.field];
    if (id) {
      if (fields[id]) continue;
      fields[id] = p.message;
      summary.push({ text: p.message, href: `#${id}` });
    } else if (!summary.some((s) => s.text === p.message)) {
      summary.push({ text: p.message });
    }
  }
  return { summary, fields };
}

/** Builds form errors from checks made in the browser: each problem names the input's id. */
export function formErrors(problems: ({ id: string; message: string | null | undefined } | null)[]): FormErrors {
  const fields: Record<string, string> = {};
  const summary: ErrorItem[] = [];
  for (const p of problems) {
    if (!p?.message || fields[p.id]) continue;
    fields[p.id] = p.message;
    summary.push({ text: p.message, href: `#${p.id}` });
  }
  return { summary, fields };
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.summary.length > 0;
}
