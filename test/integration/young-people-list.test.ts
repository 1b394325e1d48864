import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GqlClient } from '../support/gql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let coordinator: GqlClient;
let analyst: GqlClient;
beforeAll(async () => {
  t = await startTestApp({}, { cases: true });
  coordinator = await t.as('COORDINATOR');
  analyst = await t.as('ANALYST');
});
afterAll(async () => {
  await t.close();
});

type Page = { youngPeople: { nodes: { id: string; pseudonym: string; identity?: { lastName: string; firstName: string }; latestAssessment: { finalScore: number; nextReviewOn: string } | null }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
const LIST = `query($sort: YoungPeopleSort, $page: PageInput, $id: Boolean!) { youngPeople(sort: $sort, page: $page, filter: { onList: null }) {
  nodes { id pseudonym identity @include(if: $id) { lastName firstName } latestAssessment { finalScore nextReviewOn } } pageInfo { endCursor hasNextPage } } }`;

async function all(client: GqlClient, sort: string, size: number, id: boolean): Promise<Page['youngPeople']['nodes']> {
  const out: Page['youngPeople']['nodes'] = [];
  let after: string | null = null;
  for (;;) {
    const r: Page = await client.ok<Page>(LIST, { sort, page: { first: size, after }, id });
    out.push(...r.youngPeople.nodes);
    if (!r.youngPeople.pageInfo.hasNextPage) return out;
    after = r.youngPeople.pageInfo.endCursor;
  }
}

describe('the list', () => {
  it('pages through every young person exactly once in each order, the same whatever the page size', async () => {
    const [{ n }]: { n: string }[] = await t.ds.query(`SELECT count(*) AS n FROM young_person`);
    for (const sort of ['SCORE', 'NEXT_REVIEW', 'LAST_ASSESSED', 'NAME']) {
      const small = await all(coordinator, sort, 17, true);
      const big = await all(coordinator, sort, 200, true);
      expect(small.map((x) => x.id)).toEqual(big.map((x) => x.id));
      expect(new Set(small.map((x) => x.id)).size).toBe(Number(n));
    }
  });

  it('orders by score, by next review and by name as asked', async () => {
    const byScore = await all(coordinator, 'SCORE', 200, true);
    const scores = byScore.map((x) => x.latestAssessment?.finalScore ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const byReview = await all(coordinator, 'NEXT_REVIEW', 200, true);
    const reviews = byReview.map((x) => x.latestAssessment?.nextReviewOn ?? '9999-12-31');
    expect(reviews).toEqual([...reviews].sort());
    const byName = await all(coordinator, 'NAME', 200, true);
    const names = byName.map((x) => x.identity!.lastName.toLowerCase().replace(/[^a-z0-9]/g, ''));
    expect(names).toEqual([...names].sort());
  });

  it('orders the analyst’s NAME sort by pseudonym, revealing nothing about names', async () => {
    const list = await all(analyst, 'NAME', 200, false);
    const pseudonyms = list.map((x) => x.pseudonym);
    expect(pseudonyms).toEqual([...pseudonyms].sort());
  });

  it('audits each list read with the ids shown', async () => {
    await coordinator.ok(LIST, { sort: 'SCORE', page: { first: 5 }, id: true });
    const [event]: { details: { ids: string[]; identifiable: boolean } }[] = await t.ds.query(
      `SELECT details FROM audit_event WHERE action = 'young_person.list_viewed' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event.details.ids).toHaveLength(5);
    expect(event.details.identifiable).toBe(true);
  });

  it('runs a fixed number of SQL statements whatever the page size (relations are batched)', async () => {
    const ds = t.app.get(DataSource);
    let statements = 0;
    const original = ds.logger;
    const counting = new Proxy(original, {
      get: (target, prop, receiver) => (prop === 'logQuery' ? () => void statements++ : (Reflect.get(target, prop, receiver) as unknown)),
    });
    Object.defineProperty(ds, 'logger', { value: counting, configurable: true });
    try {
      const QUERY = `query($n: Int!) { youngPeople(page: { first: $n }, filter: { onList: null }) { nodes { id pseudonym ageBand
        identity { lastName } latestAssessment { finalScore rag } currentMembership { startedOn } memberships { startedOn }
        assessments { assessedOn } missingEpisodes { startedAt } missingFlags { repeated } } } }`;
      const count = async (n: number) => {
        statements = 0;
        const r = await coordinator.ok<{ youngPeople: { nodes: unknown[] } }>(QUERY, { n });
        return { statements, rows: r.youngPeople.nodes.length };
      };
      const ten = await count(10);
      const hundred = await count(100);
      expect(ten.rows).toBe(10);
      expect(hundred.rows).toBe(100);
      expect(hundred.statements).toBe(ten.statements);
      expect(ten.statements).toBeGreaterThanOrEqual(8); // list keys, rows, six relation loaders…
      expect(ten.statements).toBeLessThanOrEqual(14);
    } finally {
      Object.defineProperty(ds, 'logger', { value: original, configurable: true });
    }
  });
});
