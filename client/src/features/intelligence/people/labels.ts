/** Labels and formatting for the people-of-concern and places pages. */

export const POC_STATUSES = ['INTELLIGENCE_ONLY', 'UNDER_INVESTIGATION', 'ARRESTED', 'CHARGED', 'CONVICTED', 'NFA'] as const;
export type PocStatus = (typeof POC_STATUSES)[number];

export const POC_STATUS_LABELS: Record<PocStatus, string> = {
  INTELLIGENCE_ONLY: 'Intelligence only',
  UNDER_INVESTIGATION: 'Under investigation',
  ARRESTED: 'Arrested',
  CHARGED: 'Charged',
  CONVICTED: 'Convicted',
  NFA: 'No further action',
};

export const POC_CATEGORIES = ['PERSON_OF_CONCERN', 'SUSPECTED_PERPETRATOR'] as const;
export type PocCategory = (typeof POC_CATEGORIES)[number];

export const POC_CATEGORY_LABELS: Record<PocCategory, string> = {
  PERSON_OF_CONCERN: 'Person of concern',
  SUSPECTED_PERPETRATOR: 'Suspected perpetrator',
};

export const DISRUPTION_TYPE_LABELS: Record<string, string> = {
  ARREST: 'Arrest',
  CAWN: 'Child abduction warning notice',
  ORDER: 'Order',
  OTHER: 'Other',
};

export const LINK_TYPE_LABELS: Record<string, string> = {
  SUSPECTED_OF_EXPLOITING: 'Suspected of exploiting',
  ASSOCIATE: 'Associate',
  SEEN_WITH: 'Seen with',
  PEER: 'Peer',
  FREQUENTS: 'Frequents',
  LIVES_AT: 'Lives at',
  OTHER: 'Other',
};

export const NODE_KIND_LABELS: Record<string, string> = {
  YOUNG_PERSON: 'Young person',
  PERSON_OF_CONCERN: 'Person of concern',
  LOCATION: 'Location',
};

export const LOCATION_TYPES = [
  'FAST_FOOD_OUTLET',
  'HOTEL_BNB',
  'ONLINE_PLATFORM',
  'PARK',
  'PARTY_HOUSE',
  'RESIDENTIAL',
  'SCHOOL_VICINITY',
  'SHOPPING_CENTRE',
  'TRANSPORT_HUB',
  'OTHER',
] as const;
export type PlaceType = (typeof LOCATION_TYPES)[number];

export const LOCATION_TYPE_LABELS: Record<PlaceType, string> = {
  FAST_FOOD_OUTLET: 'Fast food outlet',
  HOTEL_BNB: 'Hotel or B&B',
  ONLINE_PLATFORM: 'Online platform',
  PARK: 'Park',
  PARTY_HOUSE: 'Party house',
  RESIDENTIAL: 'Residential',
  SCHOOL_VICINITY: 'Near a school',
  SHOPPING_CENTRE: 'Shopping centre',
  TRANSPORT_HUB: 'Transport hub',
  OTHER: 'Other',
};

export const RISK_LEVEL_LABELS: Record<string, string> = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };

/** A label for a code, falling back to the code itself for values added later. */
export function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}

interface Grading {
  sourceGrade: number;
  intelligenceGrade: string;
  handling: string;
}

/** A 3x5x2 grading as written on intelligence reports, e.g. "2/B/P". */
export function formatGrading(g: Grading): string {
  return `${g.sourceGrade}/${g.intelligenceGrade}/${g.handling}`;
}

interface Named {
  firstName?: string | null;
  lastName?: string | null;
  aliases?: readonly string[];
}

/** A person of concern's name; the first alias, or "Name not known", when there is none. */
export function personName(p: Named): string {
  const name = [p.firstName, p.lastName]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join(' ');
  if (name) return name;
  const alias = p.aliases?.find((a) => a.trim());
  return alias ? `“${alias.trim()}”` : 'Name not known';
}

/** Age in whole years on `today` (yyyy-mm-dd) of someone born on `dateOfBirth` (yyyy-mm-dd). */
export function ageOn(dateOfBirth: string, today: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!b || !t) return null;
  const years = Number(t[1]) - Number(b[1]);
  const beforeBirthday = `${t[2]}-${t[3]}` < `${b[2]}-${b[3]}`;
  return beforeBirthday ? years - 1 : years;
}

/** Latitude and longitude to 5 places, or null for a place with no point (an online platform). */
export function formatPoint(lat: number | null | undefined, lng: number | null | undefined): string | null {
  if (lat == null || lng == null) return null;
  return `${lat.toFixed(5)}, ${lng.toFixed(5)}`;
}
