import type { AgencyKind, Role } from '@mase/shared';

/**
 * The fictional demo borough. Every name here is invented; no real person, street or contact
 * detail appears in demo data. Emails use the reserved `.example` domain.
 */
export const DEMO_BOROUGH = 'Kingsmere';
export const DEMO_EMAIL_DOMAIN = 'kingsmere.example';
/** The sign-in password of every demo user (printed at start-up; demo data only). */
export const DEMO_PASSWORD = 'kingsmere-demo-2026';

export const DEMO_AGENCIES: { kind: AgencyKind; name: string }[] = [
  { kind: 'POLICE', name: 'Kingsmere Police, Public Protection Unit' },
  { kind: 'CHILDRENS_SOCIAL_CARE', name: "Kingsmere Children's Social Care" },
  { kind: 'HEALTH', name: 'Kingsmere Community Health Trust' },
  { kind: 'EDUCATION', name: 'Kingsmere Education Safeguarding Team' },
  { kind: 'YOUTH_OFFENDING', name: 'Kingsmere Youth Justice Service' },
  { kind: 'PROBATION', name: 'Kingsmere Probation Delivery Unit' },
  { kind: 'HOUSING', name: 'Kingsmere Housing Safeguarding' },
  { kind: 'CAMHS', name: 'Kingsmere CAMHS' },
  { kind: 'YOUTH_SERVICE', name: 'Kingsmere Youth Service' },
  { kind: 'EARLY_HELP', name: 'Kingsmere Family and Early Help' },
  { kind: 'VOLUNTARY', name: 'Safe Harbour Young People’s Charity' },
  { kind: 'AMBULANCE', name: 'Kingsmere Ambulance Service' },
  { kind: 'OTHER', name: 'Kingsmere Community Safety Partnership' },
];

export const DEMO_USERS: { role: Role; name: string; email: string; agencyKind: AgencyKind | null }[] = [
  { role: 'ADMIN', name: 'Avery Admin', email: `admin@${DEMO_EMAIL_DOMAIN}`, agencyKind: null },
  { role: 'CO_CHAIR', name: 'Morgan Chair', email: `co-chair@${DEMO_EMAIL_DOMAIN}`, agencyKind: 'CHILDRENS_SOCIAL_CARE' },
  { role: 'COORDINATOR', name: 'Casey Coordinator', email: `coordinator@${DEMO_EMAIL_DOMAIN}`, agencyKind: 'CHILDRENS_SOCIAL_CARE' },
  { role: 'ANALYST', name: 'Riley Analyst', email: `analyst@${DEMO_EMAIL_DOMAIN}`, agencyKind: 'CHILDRENS_SOCIAL_CARE' },
  { role: 'POLICE', name: 'Jordan Police', email: `police@${DEMO_EMAIL_DOMAIN}`, agencyKind: 'POLICE' },
  { role: 'AGENCY_LEAD', name: 'Taylor Lead', email: `agency-lead@${DEMO_EMAIL_DOMAIN}`, agencyKind: 'HEALTH' },
];

/**
 * A second co-ordinator, who completes the demo screenings: an assessment needs two sign-offs by
 * people other than its assessor (the co-chair as line manager, then the co-ordinator).
 */
export const DEMO_DEPUTY = { role: 'COORDINATOR' as const, name: 'Drew Deputy', email: `deputy-coordinator@${DEMO_EMAIL_DOMAIN}`, agencyKind: 'CHILDRENS_SOCIAL_CARE' as const };
