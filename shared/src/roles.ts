/**
 * The six roles of MASE Hub and what each may use. The server enforces access; the client uses the
 * same table only to decide what to show, so the two never disagree.
 */
export const ROLES = ['ADMIN', 'CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE', 'AGENCY_LEAD'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'System administrator',
  CO_CHAIR: 'MASE co-chair',
  COORDINATOR: 'CSE & Missing co-ordinator',
  ANALYST: 'CSE analyst',
  POLICE: 'Police CSE lead',
  AGENCY_LEAD: 'Agency lead',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN: 'Manages users, agencies, boundaries and the audit log. Sees no case data.',
  CO_CHAIR: 'Prepares and chairs the monthly MASE meeting; reads the list, intelligence and returns.',
  COORDINATOR: 'Keeps the MASE list accurate: screenings, reviews and sign-offs.',
  ANALYST: 'Explores trends, hot spots and networks, working on pseudonymous young people.',
  POLICE: 'Records intelligence: people of concern, hot spots, links and the monthly police report.',
  AGENCY_LEAD: "Submits the agency's monthly return; sees aggregate figures with small numbers suppressed.",
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles that may see identifying details of a young person (names, date of birth, references). */
export const IDENTIFYING_ROLES: readonly Role[] = ['CO_CHAIR', 'COORDINATOR', 'POLICE'];

/** Areas of the product, the roles that may use each, and whether the capability behind it is live. */
export interface Area {
  key: AreaKey;
  label: string;
  path: string;
  roles: readonly Role[];
  /** False while the capability is not built yet: the client says so plainly instead of showing data. */
  available: boolean;
  summary: string;
}

export type AreaKey =
  | 'home'
  | 'list'
  | 'intelligence'
  | 'returns'
  | 'analysis'
  | 'meetings'
  | 'users'
  | 'agencies'
  | 'boundaries'
  | 'audit';

export const AREAS: readonly Area[] = [
  { key: 'home', label: 'Home', path: '/', roles: ROLES, available: true, summary: 'Your overview.' },
  {
    key: 'list',
    label: 'MASE list',
    path: '/list',
    roles: ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE'],
    available: true,
    summary: 'Young people at risk of CSE, their screenings, reviews and sign-offs.',
  },
  {
    key: 'intelligence',
    label: 'Intelligence',
    path: '/intelligence',
    roles: ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE'],
    available: true,
    summary: 'People of concern, hot spots and the link network.',
  },
  {
    key: 'returns',
    label: 'Agency returns',
    path: '/returns',
    roles: ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'AGENCY_LEAD'],
    available: true,
    summary: "Every agency's monthly data return and who has submitted.",
  },
  {
    key: 'analysis',
    label: 'Analysis',
    path: '/analysis',
    roles: ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE', 'AGENCY_LEAD'],
    available: true,
    summary: 'Victim-profile trends, themes and exports.',
  },
  {
    key: 'meetings',
    label: 'Meetings',
    path: '/meetings',
    roles: ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE', 'AGENCY_LEAD'],
    available: true,
    summary: 'Monthly MASE meetings: agendas, packs, decisions and actions.',
  },
  { key: 'users', label: 'Users', path: '/admin/users', roles: ['ADMIN'], available: true, summary: 'Create, disable and reset users.' },
  { key: 'agencies', label: 'Agencies', path: '/admin/agencies', roles: ['ADMIN'], available: true, summary: 'The member agencies of the panel.' },
  { key: 'boundaries', label: 'Boundaries', path: '/admin/boundaries', roles: ['ADMIN'], available: true, summary: 'Ward and borough boundaries for the map.' },
  { key: 'audit', label: 'Audit log', path: '/admin/audit', roles: ['ADMIN'], available: true, summary: 'Every sign-in, change, read and export, hash-chained.' },
];

export function areasFor(role: Role): Area[] {
  return AREAS.filter((a) => a.roles.includes(role));
}
