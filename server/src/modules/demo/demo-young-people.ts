import { Faker, en_GB, en } from '@faker-js/faker';
import {
  ageOn,
  computeScore,
  CSE_MODELS,
  INDICATORS,
  nextReviewDate,
  ragOf,
  type Answer,
  type CseModel,
  type Ethnicity,
  type Score,
} from '@mase/shared';
import type { EntityManager } from 'typeorm';
import { ListMembershipEntity } from '../young-people/list-membership.entity.js';
import { MissingEpisodeEntity } from '../young-people/missing-episode.entity.js';
import { RiskAssessmentEntity, type StoredAnswer } from '../young-people/risk-assessment.entity.js';
import { YoungPersonEntity } from '../young-people/young-person.entity.js';
import { nameKey } from '../young-people/young-people.service.js';

export interface DemoStaff {
  assessorId: string;
  lineManagerId: string;
  coordinatorId: string;
}

const WARDS = ['Abbey Fields', 'Brookside', 'Castle Hill', 'Dunmore', 'Eastgate', 'Fernbank', 'Greenmarsh', 'Harbour', 'Ivy Lane', 'Kingsmere Central', 'Larkrise', 'Millbrook'];
export const BOROUGHS = ['Ashford Vale', 'Bramwell', 'Carrow', 'Dunham Cross', 'Elmstead'];
export const SCHOOLS = ['Kingsmere Academy', 'St Anselm’s High School', 'Brookside Community College', 'Harbour Pupil Referral Unit', 'Castle Hill School'];
export const TEAMS = ['Assessment Team 1', 'Assessment Team 2', 'Children in Need East', 'Looked After Children', 'Leaving Care'];

/** Ethnicity of the synthetic young people (ONS 2021 categories), by weight. */
export const ETHNICITY_WEIGHTS: { value: Ethnicity; weight: number }[] = [
  { value: 'WHITE_BRITISH', weight: 40 },
  { value: 'BLACK_AFRICAN', weight: 10 },
  { value: 'BLACK_CARIBBEAN', weight: 9 },
  { value: 'MIXED_WHITE_BLACK_CARIBBEAN', weight: 8 },
  { value: 'WHITE_OTHER', weight: 8 },
  { value: 'ASIAN_BANGLADESHI', weight: 5 },
  { value: 'ASIAN_PAKISTANI', weight: 4 },
  { value: 'MIXED_OTHER', weight: 4 },
  { value: 'WHITE_ROMA', weight: 2 },
  { value: 'OTHER_ARAB', weight: 2 },
  { value: 'NOT_KNOWN', weight: 8 },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/**
 * About 130 synthetic young people over three years, with screenings, reviews every three months,
 * overrides and list membership history. Distributions follow published figures (DESIGN.md §6):
 * two thirds girls, four in five aged 10 or over, two thirds persistently absent, a median of
 * about five recorded factors, with going missing, poor mental health and self-harm co-occurring.
 */
export async function seedDemoYoungPeople(m: EntityManager, seed: number, staff: DemoStaff, today = new Date()): Promise<{ youngPeople: number; assessments: number; missingEpisodes: number }> {
  const f = new Faker({ locale: [en_GB, en], seed });
  const start = addDays(today, -3 * 365);
  const people = m.getRepository(YoungPersonEntity);
  const assessments = m.getRepository(RiskAssessmentEntity);
  const memberships = m.getRepository(ListMembershipEntity);
  const missing = m.getRepository(MissingEpisodeEntity);
  let episodeCount = 0;
  const ethnicities = ETHNICITY_WEIGHTS;
  const cluster = ['missing_from_home_or_care', 'poor_mental_health', 'self_harm'];
  let assessmentCount = 0;
  const total = 130;
  for (let n = 0; n < total; n++) {
    const female = f.number.float() < 0.67;
    const age = f.number.float() < 0.8 ? f.number.int({ min: 10, max: 17 }) : f.number.int({ min: 8, max: 9 });
    const dob = iso(addDays(today, -(age * 365 + f.number.int({ min: 0, max: 364 }))));
    const legal = f.helpers.weightedArrayElement([
      { value: 'CHILD_IN_NEED' as const, weight: 30 },
      { value: 'CHILD_PROTECTION' as const, weight: 20 },
      { value: 'LOOKED_AFTER_S20' as const, weight: 12 },
      { value: 'LOOKED_AFTER_S31' as const, weight: 14 },
      { value: 'EARLY_HELP' as const, weight: 10 },
      { value: 'NOT_OPEN' as const, weight: 6 },
      ...(age >= 17 ? [{ value: 'CARE_LEAVER' as const, weight: 8 }] : []),
    ]);
    const lookedAfter = legal.startsWith('LOOKED_AFTER');
    const placement = lookedAfter ? f.helpers.weightedArrayElement([{ value: 'HOME_BOROUGH' as const, weight: 5 }, { value: 'PLACED_OUT' as const, weight: 3 }, { value: 'PLACED_IN' as const, weight: 2 }]) : 'HOME_BOROUGH';
    const firstName = female ? f.person.firstName('female') : f.person.firstName('male');
    const lastName = f.person.lastName();
    const yp = await people.save(
      people.create({
        pseudonym: `YP-${f.string.alphanumeric({ length: 8, casing: 'upper', exclude: ['0', '1', 'O', 'I'] })}`,
        reference: `MOS-${String(400000 + n * 7 + f.number.int({ min: 0, max: 6 }))}`,
        firstName,
        lastName,
        firstNameKey: nameKey(firstName),
        lastNameKey: nameKey(lastName),
        aliases: f.number.float() < 0.15 ? [f.person.firstName()] : [],
        dateOfBirth: dob,
        gender: female ? 'FEMALE' : f.number.float() < 0.97 ? 'MALE' : 'NON_BINARY',
        ethnicity: f.helpers.weightedArrayElement(ethnicities),
        firstLanguage: f.number.float() < 0.8 ? 'English' : f.helpers.arrayElement(['Somali', 'Polish', 'Bengali', 'Romanian', 'Arabic']),
        nationality: f.number.float() < 0.85 ? 'British' : f.helpers.arrayElement(['Somali', 'Polish', 'Romanian', 'Eritrean']),
        religion: f.helpers.arrayElement([null, 'Christian', 'Muslim', 'No religion', 'Not known']),
        send: f.helpers.weightedArrayElement([{ value: 'NONE' as const, weight: 55 }, { value: 'SEN_SUPPORT' as const, weight: 25 }, { value: 'EHC_PLAN' as const, weight: 12 }, { value: 'NOT_KNOWN' as const, weight: 8 }]),
        disability: null,
        legalStatus: legal,
        placementType: placement,
        placementBorough: placement === 'HOME_BOROUGH' ? null : f.helpers.arrayElement(BOROUGHS),
        school: age >= 16 ? null : f.helpers.arrayElement(SCHOOLS),
        educationStatus:
          f.number.float() < 0.66
            ? 'PERSISTENT_ABSENCE'
            : f.helpers.arrayElement(['IN_EDUCATION', 'EXCLUDED', 'MISSING_EDUCATION', 'ALTERNATIVE_PROVISION'] as const),
        homeWard: f.helpers.arrayElement(WARDS),
        socialWorker: `${f.person.firstName()} ${f.person.lastName()}`,
        team: f.helpers.arrayElement(TEAMS),
        crisNumber: `CRIS-${f.string.numeric(7)}`,
        merlinReferences: f.number.float() < 0.5 ? [`MERLIN-${f.string.numeric(8)}`] : [],
        presentation: f.helpers.weightedArrayElement([{ value: 'CSE' as const, weight: 4 }, { value: 'MISSING' as const, weight: 2 }, { value: 'BOTH' as const, weight: 4 }]),
        createdBy: staff.assessorId,
      }),
    );

    // A first screening some time in the last three years, then reviews about every three months.
    let on = addDays(start, f.number.int({ min: 0, max: 3 * 365 - 20 }));
    if (yp.presentation !== 'CSE') {
      // Missing episodes around the screenings: overnight and weekend absences, some short ones in the school day.
      const count = f.number.int({ min: 1, max: 8 });
      for (let k = 0; k < count; k++) {
        const day = addDays(on, f.number.int({ min: -60, max: 400 }));
        if (day > today) continue;
        const kind = f.helpers.weightedArrayElement([{ value: 'overnight', weight: 5 }, { value: 'school', weight: 2 }, { value: 'weekend', weight: 3 }]);
        const startedAt = new Date(day);
        if (kind === 'school') startedAt.setUTCHours(10, f.number.int({ min: 0, max: 59 }));
        else startedAt.setUTCHours(f.number.int({ min: 18, max: 23 }), f.number.int({ min: 0, max: 59 }));
        if (kind === 'weekend') startedAt.setUTCDate(startedAt.getUTCDate() + ((5 - startedAt.getUTCDay() + 7) % 7));
        if (startedAt > today) continue;
        const hours = kind === 'school' ? f.number.int({ min: 1, max: 5 }) : f.number.int({ min: 6, max: 60 });
        const endedAt = new Date(startedAt.getTime() + hours * 3_600_000);
        const returned = endedAt < today;
        await missing.save(
          missing.create({
            youngPersonId: yp.id,
            startedAt,
            endedAt: returned ? endedAt : null,
            reportedBy: f.helpers.arrayElement(['Carer', 'Parent', 'School', 'Residential home', 'Police']),
            whereFound: returned ? f.helpers.arrayElement(['Returned home by themselves', 'Found by police at a friend’s address', 'Found at a fast-food outlet', 'Found in another borough']) : null,
            returnInterviewOffered: returned,
            returnInterviewDone: returned && f.number.float() < 0.7,
            createdBy: staff.assessorId,
          }),
        );
        episodeCount++;
      }
    }
    const models = f.helpers.arrayElements<CseModel>([...CSE_MODELS], { min: 1, max: 2 });
    let risk = f.number.float(); // the young person's underlying risk, drifting between reviews
    let onList: ListMembershipEntity | null = null;
    while (on <= today) {
      const presentCount = Math.max(0, Math.round(f.number.int({ min: 1, max: 9 }) * (0.5 + risk)));
      const chosen = new Set(f.helpers.arrayElements(INDICATORS.filter((x) => x.level < 3).map((x) => x.id), presentCount));
      if (chosen.has('missing_from_home_or_care') || f.number.float() < risk * 0.5) for (const c of cluster) if (f.number.float() < 0.7) chosen.add(c);
      if (risk > 0.9) chosen.add(f.helpers.arrayElement(INDICATORS.filter((x) => x.level === 3)).id);
      const answers: Record<string, StoredAnswer> = Object.fromEntries(
        INDICATORS.map((x) => {
          const answer: Answer = chosen.has(x.id) ? 'PRESENT' : f.number.float() < 0.1 ? 'NOT_KNOWN' : 'NOT_PRESENT';
          return [x.id, { answer, evidence: answer === 'PRESENT' ? f.helpers.arrayElement(['Reported by the school', 'Disclosed to the social worker', 'Police intelligence', 'Seen by the youth worker', 'Reported by the carer']) : null }];
        }),
      );
      const assessedOn = iso(on);
      const computed = computeScore({ answers: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v.answer])), ageAtAssessment: ageOn(dob, assessedOn) });
      // Professional judgement raises a few scores the information gathered so far cannot support.
      const overridden = computed.score <= 1 && f.number.float() < (computed.score === 0 ? 0.3 : 0.05);
      const finalScore = (overridden ? computed.score + 1 : computed.score) as Score;
      const isLast = addDays(on, 91) > today;
      const pending = isLast && f.number.float() < 0.15;
      const signedAt = addDays(on, f.number.int({ min: 1, max: 10 }));
      const a = await assessments.save(
        assessments.create({
          youngPersonId: yp.id,
          assessedOn,
          assessorId: staff.assessorId,
          answers,
          models,
          computedScore: computed.score,
          finalScore,
          overrideReason: overridden ? 'Little information gathered yet but professional concern is high: going missing with older peers' : null,
          rag: ragOf(finalScore),
          policeCategory: finalScore === 0 ? null : finalScore,
          status: pending ? 'AWAITING_SIGN_OFF' : 'FINAL',
          lineManagerId: staff.lineManagerId,
          lineManagerSignedAt: signedAt,
          coordinatorId: pending ? null : staff.coordinatorId,
          coordinatorSignedAt: pending ? null : signedAt,
          nextReviewOn: nextReviewDate(assessedOn),
          outcome: finalScore >= 2 ? 'STRATEGY_DISCUSSION' : null,
          outcomeOn: finalScore >= 2 ? iso(addDays(on, 3)) : null,
        }),
      );
      assessmentCount++;
      if (!pending) {
        if (!onList && finalScore >= 1) {
          onList = await memberships.save(
            memberships.create({ youngPersonId: yp.id, startedOn: iso(signedAt > today ? today : signedAt), startReason: overridden ? 'OVERRIDE' : 'SCORE', startAssessmentId: a.id, createdBy: staff.coordinatorId }),
          );
        } else if (onList && finalScore === 0) {
          onList.endedOn = iso(signedAt > today ? today : signedAt);
          onList.endKind = 'STEPPED_DOWN';
          onList.endReason = 'Risk reduced: screening scored 0 at review';
          await memberships.save(onList);
          onList = null;
          if (f.number.float() < 0.6) break; // most who step down are not screened again
        }
      }
      risk = Math.min(1, Math.max(0, risk + f.number.float({ min: -0.35, max: 0.2 })));
      on = addDays(on, f.number.int({ min: 80, max: 100 }));
      // Some reviews are late: the next screening never happened, leaving the review overdue.
      if (f.number.float() < 0.05) break;
    }
  }
  return { youngPeople: total, assessments: assessmentCount, missingEpisodes: episodeCount };
}
