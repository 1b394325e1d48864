import { describe, expect, it } from 'vitest';
import { INDICATORS, type Answer } from './catalogue.js';
import { ageOn, computeScore, nextReviewDate, overrideProblem, ragOf, type Score } from './score.js';

const L1 = INDICATORS.filter((x) => x.level === 1).map((x) => x.id);
const L2 = INDICATORS.filter((x) => x.level === 2).map((x) => x.id);
const L3 = INDICATORS.filter((x) => x.level === 3).map((x) => x.id);
const present = (...ids: string[]): Record<string, Answer> => Object.fromEntries(ids.map((id) => [id, 'PRESENT' as const]));

describe('computeScore', () => {
  it.each<[string, Record<string, Answer>, number, Score, string, 1 | 2 | 3 | null]>([
    ['nothing present, 15', {}, 15, 0, 'GREEN', null],
    ['nothing present, under 13: never 0', {}, 12, 1, 'AMBER', 1],
    ['nothing present, just 13', {}, 13, 0, 'GREEN', null],
    ['one warning sign', present(L1[0]), 15, 1, 'AMBER', 1],
    ['four warning signs stay 1', present(...L1.slice(0, 4)), 15, 1, 'AMBER', 1],
    ['five warning signs raise to 2', present(...L1.slice(0, 5)), 15, 2, 'RED', 2],
    ['one level-2 indicator', present(L2[0]), 16, 2, 'RED', 2],
    ['three level-2 indicators stay 2', present(...L2.slice(0, 3)), 16, 2, 'RED', 2],
    ['four level-2 indicators raise to 3', present(...L2.slice(0, 4)), 16, 3, 'RED', 3],
    ['any level-3 indicator is 3', present(L3[0]), 17, 3, 'RED', 3],
    ['level-3 for a child under 13 is 3', present(L3[0]), 11, 3, 'RED', 3],
    ['level-2 for a child under 13 stays 2', present(L2[0]), 11, 2, 'RED', 2],
    ['not known never raises', Object.fromEntries([...L3, ...L2].map((id) => [id, 'NOT_KNOWN' as const])), 15, 0, 'GREEN', null],
    ['not present never raises', Object.fromEntries(INDICATORS.map((x) => [x.id, 'NOT_PRESENT' as const])), 15, 0, 'GREEN', null],
    ['unknown indicator ids are ignored', present('made_up_indicator'), 15, 0, 'GREEN', null],
  ])('%s', (_, answers, age, score, rag, category) => {
    const r = computeScore({ answers, ageAtAssessment: age });
    expect(r.score).toBe(score);
    expect(r.rag).toBe(rag);
    expect(r.policeCategory).toBe(category);
    expect(r.reasons.length).toBeGreaterThan(0);
  });

  it('no combination of answers scores 0 with a level-3 indicator present or for a child under 13', () => {
    for (const id of L3) {
      for (const age of [8, 12, 13, 17]) {
        expect(computeScore({ answers: present(id), ageAtAssessment: age }).score).toBe(3);
      }
    }
    for (const id of [...L1, ...L2]) expect(computeScore({ answers: present(id), ageAtAssessment: 10 }).score).toBeGreaterThan(0);
  });

  it('has a level for every indicator and unique ids', () => {
    expect(new Set(INDICATORS.map((x) => x.id)).size).toBe(INDICATORS.length);
    for (const x of INDICATORS) expect([1, 2, 3]).toContain(x.level);
    for (const x of INDICATORS.filter((y) => y.group === 'SAFEGUARD')) expect(x.area).toBeDefined();
  });
});

describe('ragOf', () => {
  it('maps 0 green, 1 amber, 2 and 3 red', () => {
    expect([0, 1, 2, 3].map((s) => ragOf(s as Score))).toEqual(['GREEN', 'AMBER', 'RED', 'RED']);
  });
});

describe('overrideProblem', () => {
  it('needs a reason only when the final score differs', () => {
    expect(overrideProblem(1, 1, null)).toBeNull();
    expect(overrideProblem(0, 1, '')).toMatch(/Give the reason/);
    expect(overrideProblem(0, 1, 'too short')).toMatch(/Give the reason/);
    expect(overrideProblem(0, 1, 'Professional concern is high despite little information')).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['2026-01-15', '2026-04-15'],
    ['2026-11-30', '2027-02-28'],
    ['2027-11-30', '2028-02-29'],
    ['2026-05-31', '2026-08-31'],
  ])('review of %s is due %s', (on, due) => {
    expect(nextReviewDate(on)).toBe(due);
  });
  it.each([
    ['2010-06-15', '2026-06-14', 15],
    ['2010-06-15', '2026-06-15', 16],
    ['2012-02-29', '2025-02-28', 12],
    ['2012-02-29', '2025-03-01', 13],
  ])('born %s, on %s is %i', (dob, on, age) => {
    expect(ageOn(dob, on)).toBe(age);
  });
});
