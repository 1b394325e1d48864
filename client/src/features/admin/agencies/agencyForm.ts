import { AGENCY_KINDS, type AgencyKind } from '@mase/shared';
import { formErrors, type FormErrors } from '../../../lib/errors';

export function isAgencyKind(value: string): value is AgencyKind {
  return (AGENCY_KINDS as readonly string[]).includes(value);
}

export function agencyProblems(name: string, kind: string, ids = { name: 'name', kind: 'kind' }): FormErrors {
  return formErrors([
    { id: ids.name, message: name.trim() ? null : 'Enter the agency name' },
    { id: ids.kind, message: isAgencyKind(kind) ? null : 'Choose the kind of agency' },
  ]);
}
