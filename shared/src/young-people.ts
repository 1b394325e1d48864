/** Vocabularies of a young person's record (DESIGN.md §3), shared by the form, the server and the analysis. */

export const GENDERS = ['FEMALE', 'MALE', 'NON_BINARY', 'OTHER', 'NOT_KNOWN'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = {
  FEMALE: 'Female',
  MALE: 'Male',
  NON_BINARY: 'Non-binary',
  OTHER: 'Other',
  NOT_KNOWN: 'Not known',
};

/** ONS 2021 census ethnic groups (England and Wales), 19 categories plus not known. */
export const ETHNICITIES = [
  'ASIAN_BANGLADESHI',
  'ASIAN_CHINESE',
  'ASIAN_INDIAN',
  'ASIAN_PAKISTANI',
  'ASIAN_OTHER',
  'BLACK_AFRICAN',
  'BLACK_CARIBBEAN',
  'BLACK_OTHER',
  'MIXED_WHITE_ASIAN',
  'MIXED_WHITE_BLACK_AFRICAN',
  'MIXED_WHITE_BLACK_CARIBBEAN',
  'MIXED_OTHER',
  'WHITE_BRITISH',
  'WHITE_IRISH',
  'WHITE_GYPSY_IRISH_TRAVELLER',
  'WHITE_ROMA',
  'WHITE_OTHER',
  'OTHER_ARAB',
  'OTHER_ANY',
  'NOT_KNOWN',
] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];
export const ETHNICITY_LABELS: Record<Ethnicity, string> = {
  ASIAN_BANGLADESHI: 'Asian, Asian British or Asian Welsh: Bangladeshi',
  ASIAN_CHINESE: 'Asian, Asian British or Asian Welsh: Chinese',
  ASIAN_INDIAN: 'Asian, Asian British or Asian Welsh: Indian',
  ASIAN_PAKISTANI: 'Asian, Asian British or Asian Welsh: Pakistani',
  ASIAN_OTHER: 'Asian, Asian British or Asian Welsh: Other Asian',
  BLACK_AFRICAN: 'Black, Black British, Black Welsh, Caribbean or African: African',
  BLACK_CARIBBEAN: 'Black, Black British, Black Welsh, Caribbean or African: Caribbean',
  BLACK_OTHER: 'Black, Black British, Black Welsh, Caribbean or African: Other Black',
  MIXED_WHITE_ASIAN: 'Mixed or Multiple: White and Asian',
  MIXED_WHITE_BLACK_AFRICAN: 'Mixed or Multiple: White and Black African',
  MIXED_WHITE_BLACK_CARIBBEAN: 'Mixed or Multiple: White and Black Caribbean',
  MIXED_OTHER: 'Mixed or Multiple: Other Mixed or Multiple',
  WHITE_BRITISH: 'White: English, Welsh, Scottish, Northern Irish or British',
  WHITE_IRISH: 'White: Irish',
  WHITE_GYPSY_IRISH_TRAVELLER: 'White: Gypsy or Irish Traveller',
  WHITE_ROMA: 'White: Roma',
  WHITE_OTHER: 'White: Other White',
  OTHER_ARAB: 'Other ethnic group: Arab',
  OTHER_ANY: 'Other ethnic group: Any other ethnic group',
  NOT_KNOWN: 'Not known',
};

export const LEGAL_STATUSES = ['NOT_OPEN', 'EARLY_HELP', 'CHILD_IN_NEED', 'CHILD_PROTECTION', 'LOOKED_AFTER_S20', 'LOOKED_AFTER_S31', 'LOOKED_AFTER_S38', 'CARE_LEAVER'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];
export const LEGAL_STATUS_LABELS: Record<LegalStatus, string> = {
  NOT_OPEN: 'Not open to children’s social care',
  EARLY_HELP: 'Early help',
  CHILD_IN_NEED: 'Child in need',
  CHILD_PROTECTION: 'Child protection plan',
  LOOKED_AFTER_S20: 'Looked after (section 20)',
  LOOKED_AFTER_S31: 'Looked after (section 31, care order)',
  LOOKED_AFTER_S38: 'Looked after (section 38, interim care order)',
  CARE_LEAVER: 'Care leaver',
};
export const isLookedAfter = (s: LegalStatus) => s.startsWith('LOOKED_AFTER');

export const PLACEMENT_TYPES = ['HOME_BOROUGH', 'PLACED_OUT', 'PLACED_IN'] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];
export const PLACEMENT_TYPE_LABELS: Record<PlacementType, string> = {
  HOME_BOROUGH: 'Lives in the borough',
  PLACED_OUT: 'Placed out of borough',
  PLACED_IN: 'Placed in the borough by another borough',
};

export const EDUCATION_STATUSES = ['IN_EDUCATION', 'PERSISTENT_ABSENCE', 'EXCLUDED', 'MISSING_EDUCATION', 'ALTERNATIVE_PROVISION', 'NEET', 'POST_16_EDUCATION'] as const;
export type EducationStatus = (typeof EDUCATION_STATUSES)[number];
export const EDUCATION_STATUS_LABELS: Record<EducationStatus, string> = {
  IN_EDUCATION: 'In education, attending',
  PERSISTENT_ABSENCE: 'Persistently absent',
  EXCLUDED: 'Excluded',
  MISSING_EDUCATION: 'Missing education',
  ALTERNATIVE_PROVISION: 'Alternative provision',
  NEET: 'Not in education, employment or training',
  POST_16_EDUCATION: 'Post-16 education or training',
};

export const SEND_STATUSES = ['NONE', 'SEN_SUPPORT', 'EHC_PLAN', 'NOT_KNOWN'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];
export const SEND_STATUS_LABELS: Record<SendStatus, string> = {
  NONE: 'No special educational needs or disability',
  SEN_SUPPORT: 'SEN support',
  EHC_PLAN: 'Education, health and care plan',
  NOT_KNOWN: 'Not known',
};

export const PRESENTATIONS = ['MISSING', 'CSE', 'BOTH'] as const;
export type Presentation = (typeof PRESENTATIONS)[number];
export const PRESENTATION_LABELS: Record<Presentation, string> = { MISSING: 'Missing', CSE: 'CSE', BOTH: 'Missing and CSE' };

/** Age bands of the victim profile. 18+ are care leavers (treated as vulnerable adults). */
export const AGE_BANDS = ['UNDER_13', 'AGE_13_14', 'AGE_15', 'AGE_16', 'AGE_17', 'AGE_18_PLUS'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  UNDER_13: 'Under 13',
  AGE_13_14: '13–14',
  AGE_15: '15',
  AGE_16: '16',
  AGE_17: '17',
  AGE_18_PLUS: '18 and over (care leaver)',
};
export function ageBand(age: number): AgeBand {
  if (age < 13) return 'UNDER_13';
  if (age <= 14) return 'AGE_13_14';
  if (age === 15) return 'AGE_15';
  if (age === 16) return 'AGE_16';
  if (age === 17) return 'AGE_17';
  return 'AGE_18_PLUS';
}
