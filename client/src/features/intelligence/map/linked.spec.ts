import { describe, expect, it } from 'vitest';
import { linkedTo, type LinkLike } from './linked';

const place = { id: 'l1', kind: 'LOCATION' as const, label: 'Station Road car park' };
const poc = { id: 'p1', kind: 'PERSON_OF_CONCERN' as const, label: 'Sam Example' };
const yp = { id: 'y1', kind: 'YOUNG_PERSON' as const, label: 'YP-ABCDEFGH' };
const other = { id: 'l2', kind: 'LOCATION' as const, label: 'Market Square' };

const link = (id: string, from: LinkLike['from'], to: LinkLike['to'], extra: Partial<LinkLike> = {}): LinkLike => ({
  id,
  type: 'FREQUENTS',
  lastSeen: '2026-01-01',
  handling: 'P',
  handlingNote: null,
  from,
  to,
  ...extra,
});

describe('linkedTo', () => {
  it('groups the other ends by kind, whichever end the place is', () => {
    const r = linkedTo([link('a', poc, place), link('b', place, yp), link('c', place, other, { type: 'OTHER' })], 'LOCATION', 'l1');
    expect(r.peopleOfConcern.map((e) => e.end.id)).toEqual(['p1']);
    expect(r.youngPeople.map((e) => e.end.label)).toEqual(['YP-ABCDEFGH']);
    expect(r.places.map((e) => e.end.id)).toEqual(['l2']);
  });

  it('makes one entry per person with every link type, the latest sighting and any handling condition', () => {
    const r = linkedTo(
      [
        link('a', poc, place, { type: 'FREQUENTS', lastSeen: '2025-06-01' }),
        link('b', poc, place, { type: 'LIVES_AT', lastSeen: '2026-02-01', handling: 'C', handlingNote: 'Do not disseminate' }),
      ],
      'LOCATION',
      'l1',
    );
    expect(r.peopleOfConcern).toEqual([{ end: poc, types: ['FREQUENTS', 'LIVES_AT'], lastSeen: '2026-02-01', condition: 'Do not disseminate' }]);
  });

  it('puts the most recently seen first', () => {
    const yp2 = { ...yp, id: 'y2', label: 'YP-ZZZZZZZZ' };
    const r = linkedTo([link('a', yp, place, { lastSeen: '2025-01-01' }), link('b', yp2, place, { lastSeen: '2026-01-01' })], 'LOCATION', 'l1');
    expect(r.youngPeople.map((e) => e.end.id)).toEqual(['y2', 'y1']);
  });
});
