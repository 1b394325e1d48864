// The verdict on each target of DESIGN.md §7 and the markdown table of a run.

const fmt = (x) => (x === null || x === undefined ? '–' : x >= 100 ? String(Math.round(x)) : String(x));

/** Each target met or missed, with by how much. */
export function verdicts(results) {
  const byName = new Map(results.map((r) => [r.name, r]));
  const out = [];
  for (const r of results) {
    const t = r.target;
    if (!t || r.error) {
      if (t && r.error) out.push({ scenario: r.name, target: JSON.stringify(t), met: false, detail: `failed: ${r.error}` });
      continue;
    }
    if (t.p95 !== undefined) {
      const met = r.server.p95 <= t.p95;
      out.push({ scenario: r.name, target: `p95 ≤ ${t.p95} ms`, met, detail: `p95 ${fmt(r.server.p95)} ms${met ? '' : ` (${(r.server.p95 / t.p95).toFixed(2)}× the target)`}` });
    }
    if (t.floorRatio !== undefined) {
      const ratio = r.server.p95 / r.floor.p95;
      out.push({ scenario: r.name, target: `p95 ≤ ${t.floorRatio}× raw SQL`, met: ratio <= t.floorRatio, detail: `${ratio.toFixed(2)}× (raw SQL p95 ${fmt(r.floor.p95)} ms)` });
    }
    if (t.fixedStatementsWith && byName.get(t.fixedStatementsWith)?.statementsPerRequest) {
      const other = byName.get(t.fixedStatementsWith);
      const same = r.statementsPerRequest.min === r.statementsPerRequest.max && r.statementsPerRequest.max === other.statementsPerRequest.max && other.statementsPerRequest.min === other.statementsPerRequest.max;
      if (r.name < t.fixedStatementsWith || !byName.get(t.fixedStatementsWith).target?.fixedStatementsWith) {
        out.push({ scenario: `${r.name} / ${t.fixedStatementsWith}`, target: 'same SQL statements whatever the page size', met: same, detail: `${r.statementsPerRequest.max} and ${other.statementsPerRequest.max} statements` });
      }
    }
    if (t.notSlowerThanPeer) {
      if (r.peer?.p95 === undefined) out.push({ scenario: r.name, target: 'no slower than PostGraphile (p95)', met: false, detail: `PostGraphile not measured: ${r.peer?.error ?? 'no result'}` });
      else {
        const met = r.server.p95 <= r.peer.p95;
        out.push({ scenario: r.name, target: 'no slower than PostGraphile (p95)', met, detail: `${fmt(r.server.p95)} ms against ${fmt(r.peer.p95)} ms (${(r.server.p95 / r.peer.p95).toFixed(2)}×)` });
      }
    }
  }
  return out;
}

export function markdown(report) {
  const m = report.machine;
  const d = report.data;
  const lines = [
    `# Benchmark results: \`${report.profile}\` profile`,
    '',
    `Run ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cores} × ${m.cpu}, ${m.memoryGb} GB, ${m.os}; Node ${m.node}; PostgreSQL ${m.postgres} (${m.database}).`,
    `Data: ${d.youngPeople.toLocaleString('en-GB')} young people (${d.onList.toLocaleString('en-GB')} on the list), ${d.assessments.toLocaleString('en-GB')} screenings, ` +
      `${d.missingEpisodes.toLocaleString('en-GB')} missing episodes, ${d.peopleOfConcern.toLocaleString('en-GB')} people of concern, ${d.links.toLocaleString('en-GB')} links, ` +
      `${d.locations.toLocaleString('en-GB')} places, ${d.hotSpotReports.toLocaleString('en-GB')} hot-spot reports, ${d.returns.toLocaleString('en-GB')} returns` +
      (report.database.seedSeconds !== null ? ` (seeded in ${report.database.seedSeconds} s).` : ' (database reused from an earlier run).'),
    `Each scenario: warm-up requests, then the measured runs, one after another, over HTTP as the signed-in role. Times in ms.`,
    `"Raw SQL" replays the statements the server sent for that request straight through \`pg\` on one connection (writes inside a transaction rolled back).`,
    `"PostGraphile" is PostGraphile 5 serving the same fields over the same database.`,
    '',
    '| Scenario | Role | Runs | p50 | p95 | p99 | SQL statements | Raw SQL p50 | Raw SQL p95 | ÷ raw SQL (p95) | PostGraphile p50 | PostGraphile p95 |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of report.scenarios) {
    if (r.error) {
      lines.push(`| ${r.title} | ${r.role} | – | failed: ${r.error.replace(/\|/g, '/').slice(0, 200)} | | | | | | | | |`);
      continue;
    }
    const st = r.statementsPerRequest.min === r.statementsPerRequest.max ? String(r.statementsPerRequest.max) : `${r.statementsPerRequest.min}–${r.statementsPerRequest.max}`;
    const stmts = r.statementsCaptured > r.statementsPerRequest.max ? `${st} (+${r.statementsCaptured - r.statementsPerRequest.max} in the background job)` : st;
    lines.push(
      `| ${r.title} | ${r.role} | ${r.runs} | ${fmt(r.server.p50)} | ${fmt(r.server.p95)} | ${fmt(r.server.p99)} | ${stmts} | ${fmt(r.floor.p50)} | ${fmt(r.floor.p95)} | ${(r.server.p95 / r.floor.p95).toFixed(2)} | ${r.peer?.p50 !== undefined ? fmt(r.peer.p50) : r.peer ? 'n/a' : ''} | ${r.peer?.p95 !== undefined ? fmt(r.peer.p95) : r.peer ? 'n/a' : ''} |`,
    );
  }
  const b = report.browser;
  if (b) {
    lines.push('', '## The client in headless Chromium', '');
    if (b.error) lines.push(`Failed: ${b.error}`);
    lines.push('| Scenario | Role | What was drawn | First render p50 | First render max | Frame time while panning p50 | p95 | max |', '|---|---|---|---:|---:|---:|---:|---:|');
    for (const s of b.scenarios ?? []) {
      const drawn = s.points !== undefined ? `${s.points} places with reports` : (s.described ?? '');
      lines.push(`| ${s.title} | ${s.role} | ${drawn} | ${fmt(s.firstRender.p50)} | ${fmt(s.firstRender.max)} | ${fmt(s.panFrames?.p50)} | ${fmt(s.panFrames?.p95)} | ${fmt(s.panFrames?.max)} |`);
    }
  }
  lines.push('', '## Targets (DESIGN.md §7)', '', '| Scenario | Target | Met | Measured |', '|---|---|---|---|');
  for (const v of report.verdicts) lines.push(`| ${v.scenario} | ${v.target} | ${v.met ? 'yes' : '**no**'} | ${v.detail} |`);
  lines.push('');
  return lines.join('\n');
}
