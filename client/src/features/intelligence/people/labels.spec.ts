import { describe, expect, it } from 'vitest';
import { ageOn, formatGrading, formatPoint, labelOf, LINK_TYPE_LABELS, personName } from './labels';

describe('formatGrading', () => {
  it('writes source, intelligence and handling codes with slashes', () => {
    expect(formatGrading({ sourceGrade: 2, intelligenceGrade: 'B', handling: 'P' })).toBe('2/B/P');
    expect(formatGrading({ sourceGrade: 1, intelligenceGrade: 'E', handling: 'C' })).toBe('1/E/C');
  });
});

describe('personName', () => {
  it('joins first and last names', () => {
    expect(personName({ firstName: 'Test', lastName: 'Person', aliases: [] })).toBe('Test Person');
  });
  it('falls back to the first alias in quotes, then to "Name not known"', () => {
    expect(personName({ firstName: null, lastName: ' ', aliases: ['', 'Nick'] })).toBe('“Nick”');
    expect(personName({ aliases: [] })).toBe('Name not known');
  });
});

describe('ageOn', () => {
  it('counts whole years, before and after the birthday', () => {
    expect(ageOn('2000-06-15', '2026-06-14')).toBe(25);
    expect(ageOn('2000-06-15', '2026-06-15')).toBe(26);
    expect(ageOn('not a day', '2026-06-15')).toBeNull();
  });
});

describe('formatPoint and labelOf', () => {
  it('formats a point, or null without one', () => {
    expect(formatPoint(51.5, -0.12345678)).toBe('51.50000, -0.12346');
    expect(formatPoint(null, 1)).toBeNull();
  });
  it('falls back to the code', () => {
    expect(labelOf(LINK_TYPE_LABELS, 'PEER')).toBe('Peer');
    expect(labelOf(LINK_TYPE_LABELS, 'NEW_KIND')).toBe('NEW_KIND');
  });
});
