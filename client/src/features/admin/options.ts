import { AGENCY_KIND_LABELS, AGENCY_KINDS, ROLE_LABELS, ROLES, type Role } from '@mase/shared';
import type { SelectOption } from '../../components/fields';

export const ROLE_OPTIONS: SelectOption[] = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export const AGENCY_KIND_OPTIONS: SelectOption[] = AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_KIND_LABELS[k] }));

export const STATUS_LABELS = { ACTIVE: 'Active', DISABLED: 'Disabled' } as const;

/** Roles whose users must belong to an agency (police users to a police agency). */
export const ROLES_NEEDING_AGENCY: readonly Role[] = ['AGENCY_LEAD', 'POLICE'];

export const AGENCY_HINT = 'Required for agency leads and police CSE leads (who must belong to a police agency). Leave as "No agency" for other roles.';

export function isRoleValue(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

interface AgencyLike {
  id: string;
  name: string;
  active?: boolean;
}

/** Agency choices for a user: active agencies, plus the user's current one if it is no longer active. */
export function agencyOptions(agencies: readonly AgencyLike[], current?: AgencyLike | null): SelectOption[] {
  const list = [...agencies];
  if (current && !list.some((a) => a.id === current.id)) list.push(current);
  list.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return [
    { value: '', label: 'No agency' },
    ...list.map((a) => ({ value: a.id, label: a.active === false ? `${a.name} (inactive)` : a.name })),
  ];
}

/** Checks made in the browser before a user is created or changed; the server checks again. */
export function userAgencyProblem(role: string, agencyId: string): string | null {
  if (isRoleValue(role) && ROLES_NEEDING_AGENCY.includes(role) && !agencyId) {
    return `Select the agency this ${ROLE_LABELS[role].toLowerCase()} belongs to`;
  }
  return null;
}
