import { describe, expect, it } from 'vitest';
import { connection, decodeCursor, encodeCursor } from './pagination.js';

describe('cursors', () => {
  it('round-trip a sort key', () => {
    const key = ['morgan chair', '5f0c7f2e-0000-4000-8000-000000000001'];
    expect(decodeCursor(encodeCursor(key), 2)).toEqual(key);
  });

  it.each([['garbage'], [encodeCursor(['only-one'])], [Buffer.from('{"a":1}').toString('base64url')], [encodeCursor([{ x: 1 }, 'y'])]])(
    'refuse %s naming the argument',
    (cursor) => {
      expect(() => decodeCursor(cursor, 2)).toThrow(/cursor is not valid/);
    },
  );

  it('treat no cursor as the first page', () => {
    expect(decodeCursor(null, 2)).toBeNull();
    expect(decodeCursor('', 2)).toBeNull();
  });
});

describe('connection', () => {
  it('trims the look-ahead row and says there is more', () => {
    const c = connection([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 2, (r) => [r.id]);
    expect(c.nodes).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(c.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(c.pageInfo.endCursor, 1)).toEqual(['b']);
  });

  it('says there is no more on the last page, and has no cursor when empty', () => {
    expect(connection([{ id: 'a' }], 2, (r) => [r.id]).pageInfo.hasNextPage).toBe(false);
    expect(connection([], 2, (r: { id: string }) => [r.id]).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
