import { describe, expect, it } from 'vitest';
import type { AgendaEntry } from './meeting.entities.js';
import { capped, MAX_ITEM_LINES } from './agenda.generator.js';

const lines = (n: number): AgendaEntry[] => Array.from({ length: n }, (_, i) => ({ key: `yp:${i}`, text: `Line ${i}`, detail: null, youngPerson: null, link: null }));

describe('an agenda item past its most lines', () => {
  it('is listed in full up to the limit', () => {
    expect(capped('red', lines(MAX_ITEM_LINES))).toHaveLength(MAX_ITEM_LINES);
  });

  it('keeps the first lines in order and ends with how many more there are and where to see them', () => {
    const out = capped('complex_groups', lines(MAX_ITEM_LINES + 1234));
    expect(out).toHaveLength(MAX_ITEM_LINES + 1);
    expect(out.slice(0, MAX_ITEM_LINES).map((l) => l.key)).toEqual(lines(MAX_ITEM_LINES).map((l) => l.key));
    expect(out[MAX_ITEM_LINES]).toMatchObject({ key: 'more:complex_groups', text: '… and 1,234 more not listed here: the network view lists every group' });
    expect(capped('reviews_overdue', lines(MAX_ITEM_LINES + 7)).at(-1)!.text).toMatch(/and 7 more not listed here: the MASE list shows them all$/);
  });

  it('shows a small remainder as c to roles under disclosure control', () => {
    const last = capped('red', lines(MAX_ITEM_LINES + 3)).at(-1)!;
    expect(last.text).toMatch(/and 3 more/);
    expect(last.controlled?.text).toMatch(/and c more/);
    expect(capped('red', lines(MAX_ITEM_LINES + 30)).at(-1)!.controlled?.text).toMatch(/and 30 more/);
  });
});
