/** Kinds of member agency of a MASE panel. */
export const AGENCY_KINDS = [
  'POLICE',
  'CHILDRENS_SOCIAL_CARE',
  'HEALTH',
  'EDUCATION',
  'YOUTH_OFFENDING',
  'PROBATION',
  'HOUSING',
  'CAMHS',
  'YOUTH_SERVICE',
  'EARLY_HELP',
  'VOLUNTARY',
  'AMBULANCE',
  'OTHER',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  POLICE: 'Police',
  CHILDRENS_SOCIAL_CARE: "Children's social care",
  HEALTH: 'Health',
  EDUCATION: 'Education',
  YOUTH_OFFENDING: 'Youth offending service',
  PROBATION: 'Probation',
  HOUSING: 'Housing',
  CAMHS: 'CAMHS',
  YOUTH_SERVICE: 'Youth service',
  EARLY_HELP: 'Family and early help',
  VOLUNTARY: 'Voluntary sector',
  AMBULANCE: 'Ambulance service',
  OTHER: 'Other',
};

export const USER_STATUSES = ['ACTIVE', 'DISABLED'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
