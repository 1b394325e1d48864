import type { AuditFilterInput } from '../../../gql/graphql';
import { londonStartOfDay } from '../../../lib/dates';
import { formErrors, type FormErrors } from '../../../lib/errors';

export interface AuditFilterDraft {
  action: string;
  actor: string;
  entityType: string;
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilterDraft = { action: '', actor: '', entityType: '', from: '', to: '' };

export function isAuditFiltered(f: AuditFilterDraft): boolean {
  return [f.action, f.actor, f.entityType, f.from, f.to].some((v) => v.trim() !== '');
}

/** Problems with the filters as typed; dates are whole days in UK time. */
export function auditFilterProblems(f: AuditFilterDraft): FormErrors {
  const from = f.from ? londonStartOfDay(f.from) : null;
  const to = f.to ? londonStartOfDay(f.to) : null;
  return formErrors([
    { id: 'filter-from', message: f.from && !from ? 'Enter a real date for "From", like 27 3 2026' : null },
    { id: 'filter-to', message: f.to && !to ? 'Enter a real date for "To", like 27 3 2026' : null },
    { id: 'filter-to', message: from && to && to < from ? '"To" must be the same as or after "From"' : null },
  ]);
}

/** The API's filter: "from" is the start of that day and "to" includes the whole of its day, both in London. */
export function toAuditFilter(f: AuditFilterDraft): AuditFilterInput {
  return {
    action: f.action || null,
    actorLabel: f.actor.trim() || null,
    entityType: f.entityType.trim() || null,
    from: f.from ? londonStartOfDay(f.from) : null,
    to: f.to ? londonStartOfDay(f.to, 1) : null,
  };
}

/** Details as one line of JSON, with the reason first when one was given. */
export function compactDetails(details: unknown, reason?: string | null): string {
  let json: string;
  try {
    json = JSON.stringify(details) ?? '';
  } catch {
    json = String(details);
  }
  if (json === '{}' || json === 'null') json = '';
  if (reason) return json ? `Reason: ${reason} ${json}` : `Reason: ${reason}`;
  return json;
}
