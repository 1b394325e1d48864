import { INDICATOR_BY_ID, type Answer, type Level } from './catalogue.js';

export type Score = 0 | 1 | 2 | 3;
export const RAGS = ['GREEN', 'AMBER', 'RED'] as const;
export type Rag = (typeof RAGS)[number];

export const SCORE_DESCRIPTIONS: Record<Score, string> = {
  0: 'Potentially vulnerable, but no concern that they are being targeted or groomed',
  1: 'Vulnerable: concerns they are being targeted and groomed; warning signs present, no evidence of offences yet',
  2: 'Evidence of being targeted for opportunistic abuse (exchange of sex for drugs, affection, accommodation, money, goods, or images online); coercion and control likely',
  3: 'Exploitation is habitual, often self-denied; coercion and control implicit, often multiple perpetrators',
};

export interface ScoreInput {
  /** Indicator id → answer. Indicators not answered count as not known. */
  answers: Readonly<Record<string, Answer>>;
  /** Age in whole years on the date of the assessment. */
  ageAtAssessment: number;
}

export interface ScoreResult {
  score: Score;
  rag: Rag;
  /** Metropolitan Police CSE category 1–3, or null for a score of 0. */
  policeCategory: 1 | 2 | 3 | null;
  /** Each rule that decided the score, in words, for the person reading the assessment. */
  reasons: string[];
}

/** Present level-2 indicators that together evidence habitual exploitation (rule 3 below). */
export const HABITUAL_LEVEL2_COUNT = 4;
/** Present level-1 indicators that together evidence targeting beyond vulnerability (rule 2 below). */
export const CUMULATIVE_LEVEL1_COUNT = 5;

/**
 * Computes the screening score from the indicators. The rules, in order:
 * 1. The score is the highest level evidenced by any indicator marked present (0 if none).
 * 2. Five or more level-1 indicators present raise a score of 1 to 2: many warning signs together
 *    are evidence of targeting, not just vulnerability.
 * 3. Four or more level-2 indicators present raise a score of 2 to 3: repeated exchange and control
 *    is habitual exploitation.
 * 4. A child under 13 is never scored 0: any concern about a child that young is at least 1.
 * 5. Any level-3 indicator present means 3 (so never 0).
 * Indicators answered "not known" never raise the score: the tool is only as good as the
 * information gathered, which is what a professional-judgement override is for.
 */
export function computeScore(input: ScoreInput): ScoreResult {
  const present = Object.entries(input.answers)
    .filter(([, a]) => a === 'PRESENT')
    .map(([id]) => INDICATOR_BY_ID.get(id))
    .filter((x) => x !== undefined);
  const count = (level: Level) => present.filter((x) => x.level === level).length;
  const reasons: string[] = [];
  let score: Score = 0;
  const highest = present.reduce<number>((m, x) => Math.max(m, x.level), 0) as Score;
  if (highest > 0) {
    score = highest;
    reasons.push(`Highest level evidenced by an indicator present: ${highest}`);
  } else {
    reasons.push('No indicator marked present');
  }
  if (score === 1 && count(1) >= CUMULATIVE_LEVEL1_COUNT) {
    score = 2;
    reasons.push(`${count(1)} warning signs present together (${CUMULATIVE_LEVEL1_COUNT} or more raise 1 to 2)`);
  }
  if (score === 2 && count(2) >= HABITUAL_LEVEL2_COUNT) {
    score = 3;
    reasons.push(`${count(2)} level-2 indicators present (${HABITUAL_LEVEL2_COUNT} or more raise 2 to 3)`);
  }
  if (score === 0 && input.ageAtAssessment < 13) {
    score = 1;
    reasons.push('Under 13: never scored 0');
  }
  return { score, rag: ragOf(score), policeCategory: score === 0 ? null : score, reasons };
}

export function ragOf(score: Score): Rag {
  return score === 0 ? 'GREEN' : score === 1 ? 'AMBER' : 'RED';
}

/** A final score may differ from the computed one only with a written reason. */
export function overrideProblem(computed: Score, final: Score, reason: string | null | undefined): string | null {
  if (final === computed) return null;
  if (!reason || reason.trim().length < 10) return 'Give the reason for the professional-judgement override (at least 10 characters)';
  return null;
}

/** Three calendar months after the assessment date, clamped to the month's end (ISO yyyy-mm-dd in and out). */
export function nextReviewDate(assessedOn: string): string {
  const [y, m, d] = assessedOn.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + 3, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole years between a date of birth and a date (both ISO yyyy-mm-dd). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
