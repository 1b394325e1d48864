/**
 * The CSE risk screening tool's catalogue: every indicator the screening asks about, the group it
 * belongs to and the score level (1–3) that its presence evidences. One list drives the form, the
 * validation and the scoring, on both sides.
 *
 * Levels follow the score descriptions of the tool (see `score.ts`):
 *  1 — a warning sign of targeting or grooming (vulnerability, no evidence of an offence);
 *  2 — evidence of opportunistic abuse or exchange (sex for drugs, affection, accommodation, money,
 *      goods; images exchanged online), coercion and control likely;
 *  3 — evidence that exploitation is habitual: injuries from sexual activity, recruiting others,
 *      multiple perpetrators.
 */
export const INDICATOR_GROUPS = ['EXPLOITED', 'SAFEGUARD', 'PUSH', 'PULL'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

export const INDICATOR_GROUP_LABELS: Record<IndicatorGroup, string> = {
  EXPLOITED: 'Signs the young person may already be exploited',
  SAFEGUARD: 'SAFEGUARD areas',
  PUSH: 'Push factors',
  PULL: 'Pull factors',
};

/** The SAFEGUARD mnemonic's areas. */
export const SAFEGUARD_AREAS = ['S', 'A', 'F', 'E', 'G', 'U', 'A2', 'R', 'D'] as const;
export type SafeguardArea = (typeof SAFEGUARD_AREAS)[number];
export const SAFEGUARD_AREA_LABELS: Record<SafeguardArea, string> = {
  S: 'Sexual health and behaviour',
  A: 'Absent from school or repeatedly running away',
  F: 'Familial abuse or problems at home',
  E: 'Emotional and physical condition',
  G: 'Gangs, older age groups and involvement in crime',
  U: 'Use of technology and sexual bullying',
  A2: 'Alcohol and drug misuse',
  R: 'Receipt of unexplained gifts or money',
  D: 'Distrust of authority figures',
};

export type Level = 1 | 2 | 3;

export interface Indicator {
  id: string;
  group: IndicatorGroup;
  /** For SAFEGUARD indicators: the area of the mnemonic. */
  area?: SafeguardArea;
  label: string;
  level: Level;
}

const i = (id: string, group: IndicatorGroup, level: Level, label: string, area?: SafeguardArea): Indicator => ({ id, group, level, label, area });

export const INDICATORS: readonly Indicator[] = [
  // Signs a young person is already being exploited.
  i('missing_from_home_or_care', 'EXPLOITED', 2, 'Missing from home or care'),
  i('absent_from_school', 'EXPLOITED', 1, 'Absent from school for whole or part days'),
  i('sexually_transmitted_infection', 'EXPLOITED', 2, 'Sexually transmitted infection(s)'),
  i('injuries_from_sexual_activity', 'EXPLOITED', 3, 'Injuries caused by sexual activity'),
  i('pregnancy_or_termination', 'EXPLOITED', 2, 'Pregnancy and termination(s)'),
  i('recruiting_others', 'EXPLOITED', 3, 'Recruiting others into exploitative situations'),
  i('sexual_bullying_online', 'EXPLOITED', 2, 'Sexual bullying or vulnerability through the internet or social networks'),
  i('involvement_in_offending', 'EXPLOITED', 1, 'Involvement in offending'),
  i('gifts_or_money_unknown_source', 'EXPLOITED', 2, 'Gifts, money or goods from unknown sources'),
  i('physical_injuries', 'EXPLOITED', 2, 'Physical injuries'),
  i('drug_or_alcohol_misuse', 'EXPLOITED', 1, 'Drug or alcohol misuse'),
  i('change_in_appearance', 'EXPLOITED', 1, 'Change in physical appearance'),
  i('estranged_from_family', 'EXPLOITED', 1, 'Estranged from family'),
  i('poor_mental_health', 'EXPLOITED', 1, 'Poor mental health'),
  i('self_harm', 'EXPLOITED', 1, 'Self-harm'),
  i('suicidal_thoughts_or_attempts', 'EXPLOITED', 2, 'Thoughts of, or attempts at, suicide'),
  // SAFEGUARD.
  i('sg_sexualised_behaviour', 'SAFEGUARD', 1, 'Sexualised behaviour or language beyond their age', 'S'),
  i('sg_older_partner', 'SAFEGUARD', 2, 'In a relationship with a significantly older person', 'S'),
  i('sg_repeat_running_away', 'SAFEGUARD', 2, 'Repeatedly running away or staying out overnight', 'A'),
  i('sg_persistent_absence', 'SAFEGUARD', 1, 'Persistently absent, excluded or missing education', 'A'),
  i('sg_familial_abuse', 'SAFEGUARD', 1, 'Familial abuse, domestic abuse or conflict at home', 'F'),
  i('sg_emotional_distress', 'SAFEGUARD', 1, 'Low self-esteem, withdrawal or emotional distress', 'E'),
  i('sg_gang_association', 'SAFEGUARD', 2, 'Associating with gangs, older groups or adults of concern', 'G'),
  i('sg_seen_in_hot_spots', 'SAFEGUARD', 2, 'Seen at known hot spots or in cars with unknown adults', 'G'),
  i('sg_images_shared', 'SAFEGUARD', 2, 'Has shared or been pressured to share sexual images', 'U'),
  i('sg_multiple_phones', 'SAFEGUARD', 1, 'Secretive use of phones, several phones or accounts', 'U'),
  i('sg_supplied_substances', 'SAFEGUARD', 2, 'Supplied with alcohol or drugs by adults', 'A2'),
  i('sg_unexplained_money', 'SAFEGUARD', 2, 'Unexplained money, phones, clothes or travel', 'R'),
  i('sg_multiple_perpetrators', 'SAFEGUARD', 3, 'Passed between several adults or taken to parties or other areas', 'R'),
  i('sg_distrust_authority', 'SAFEGUARD', 1, 'Hostile to or avoiding professionals and authority', 'D'),
  // Push factors.
  i('push_neglect', 'PUSH', 1, 'Neglect'),
  i('push_disruption', 'PUSH', 1, 'Disruption (moves, placement changes)'),
  i('push_violence', 'PUSH', 1, 'Violence at home'),
  i('push_sexual_abuse', 'PUSH', 1, 'Sexual abuse'),
  i('push_parental_substance_misuse', 'PUSH', 1, 'Parental substance misuse'),
  i('push_parental_mental_health', 'PUSH', 1, 'Parental mental health'),
  i('push_gang_association', 'PUSH', 1, 'Family gang association'),
  i('push_conflict', 'PUSH', 1, 'Conflict with parents or carers'),
  i('push_over_strict_home', 'PUSH', 1, 'Over-strict home'),
  i('push_forced_marriage', 'PUSH', 2, 'Forced marriage'),
  i('push_care_system', 'PUSH', 1, 'In the care system'),
  i('push_school_not_working', 'PUSH', 1, 'School not working'),
  i('push_loss_bereavement', 'PUSH', 1, 'Loss and bereavement'),
  // Pull factors.
  i('pull_street_life', 'PULL', 1, 'Street life'),
  i('pull_safety_of_adults', 'PULL', 1, "'Safety' of adults"),
  i('pull_gang_activity', 'PULL', 2, 'Gang activity'),
  i('pull_peers_involved', 'PULL', 2, 'Peers already involved'),
  i('pull_economic', 'PULL', 1, 'Economic'),
  i('pull_criminal_activity', 'PULL', 1, 'Criminal activity'),
  i('pull_blackmail', 'PULL', 3, 'Blackmail'),
];

export const INDICATOR_BY_ID: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((x) => [x.id, x]));

export const ANSWERS = ['PRESENT', 'NOT_PRESENT', 'NOT_KNOWN'] as const;
export type Answer = (typeof ANSWERS)[number];

export const CSE_MODELS = [
  'BOYFRIEND',
  'PEER_ON_PEER',
  'ORGANISED_NETWORKED',
  'INAPPROPRIATE_RELATIONSHIP',
  'FAMILIAL',
  'OPPORTUNISTIC',
  'ONLINE',
  'GANGS_AND_GROUPS',
  'COUNTY_LINES',
] as const;
export type CseModel = (typeof CSE_MODELS)[number];
export const CSE_MODEL_LABELS: Record<CseModel, string> = {
  BOYFRIEND: "'Boyfriend' model",
  PEER_ON_PEER: 'Peer-on-peer',
  ORGANISED_NETWORKED: 'Organised or networked exploitation, or trafficking',
  INAPPROPRIATE_RELATIONSHIP: 'Inappropriate relationship',
  FAMILIAL: 'Familial',
  OPPORTUNISTIC: 'Opportunistic',
  ONLINE: 'Online',
  GANGS_AND_GROUPS: 'Gangs and groups',
  COUNTY_LINES: 'County lines',
};
