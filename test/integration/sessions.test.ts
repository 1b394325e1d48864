import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, GqlClient } from '../support/gql-client.js';
import { DEMO_PASSWORD, emailOf, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  // Timeouts other than the defaults, to prove the configured values are the ones enforced.
  t = await startTestApp({ sessionIdleMinutes: 5, sessionAbsoluteHours: 2 });
});
afterAll(async () => {
  await t.close();
});

const SESSIONS = `{ mySessions { id createdAt lastSeenAt expiresAt ipAddress userAgent current } }`;
const ME = `{ me { id } }`;

interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  current: boolean;
}

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0';
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';

let made = 0;
async function newUser(): Promise<{ id: string; email: string }> {
  const email = `sessions-${++made}@kingsmere.example`;
  const [row]: { id: string }[] = await t.ds.query(
    `INSERT INTO app_user (name, email, password_hash, role, agency_id, status, must_change_password, version)
     SELECT $1, $2, password_hash, role, agency_id, 'ACTIVE', false, 1 FROM app_user WHERE email = $3 RETURNING id`,
    [`Session Tester ${made}`, email, emailOf('ANALYST')],
  );
  return { id: row.id, email };
}

/** Signs in as a browser with this user agent would. */
async function signInAs(email: string, userAgent?: string): Promise<GqlClient> {
  const c = new GqlClient(t.baseUrl);
  const res = await c.post(
    { query: `mutation($i: SignInInput!) { signIn(input: $i) { id } }`, variables: { i: { email, password: DEMO_PASSWORD } } },
    userAgent ? { 'user-agent': userAgent } : {},
  );
  const body = (await res.json()) as { errors?: unknown };
  expect(body.errors).toBeUndefined();
  return c;
}

const tokenOf = (c: GqlClient) => c.cookie!.split('=')[1];

async function auditOf(userId: string, action: string): Promise<{ details: Record<string, unknown> }[]> {
  return t.ds.query(`SELECT details FROM audit_event WHERE entity_id = $1 AND action = $2 ORDER BY seq`, [userId, action]);
}

describe('my sessions', () => {
  it('lists where I am signed in (when, from where, which browser), this session first, and only live ones', async () => {
    const user = await newUser();
    const here = await signInAs(user.email, FIREFOX);
    await signInAs(user.email, SAFARI);
    const ended = await signInAs(user.email);
    await ended.ok(`mutation { signOut }`);
    const idle = await signInAs(user.email);
    await t.ds.query(`UPDATE user_session SET last_seen_at = now() - interval '6 minutes' WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, [tokenOf(idle)]);

    const { mySessions } = await here.ok<{ mySessions: Session[] }>(SESSIONS);
    expect(mySessions).toHaveLength(2);
    expect(mySessions.map((s) => [s.current, s.userAgent])).toEqual([
      [true, FIREFOX],
      [false, SAFARI],
    ]);
    for (const s of mySessions) {
      expect(s.ipAddress).toMatch(/127\.0\.0\.1$/);
      const created = Date.parse(s.createdAt);
      expect(Math.abs(Date.now() - created)).toBeLessThan(60_000);
      expect(Date.parse(s.lastSeenAt)).toBeGreaterThanOrEqual(created - 1000);
      // The configured absolute timeout: two hours after sign-in.
      expect(Date.parse(s.expiresAt) - created).toBeGreaterThan(2 * 3_600_000 - 60_000);
      expect(Date.parse(s.expiresAt) - created).toBeLessThanOrEqual(2 * 3_600_000 + 1000);
    }
    // Another user's sessions are never listed.
    const other = await t.as('POLICE');
    const theirs = await other.ok<{ mySessions: Session[] }>(SESSIONS);
    expect(theirs.mySessions.map((s) => s.id)).not.toContain(mySessions[1].id);
  });

  it('ends one of my own sessions at once, audited, and treats anyone else’s as not found', async () => {
    const user = await newUser();
    const here = await signInAs(user.email);
    const there = await signInAs(user.email, SAFARI);
    const { mySessions } = await here.ok<{ mySessions: Session[] }>(SESSIONS);
    const target = mySessions.find((s) => !s.current)!;
    expect(await here.ok(`mutation($id: ID!) { revokeSession(id: $id) }`, { id: target.id })).toEqual({ revokeSession: true });
    const r = await there.gql(ME);
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toMatch(/signed out or your session was ended/);
    expect((await here.gql(ME)).errors).toBeUndefined();
    const [event] = await auditOf(user.id, 'auth.session_revoked');
    expect(event.details).toEqual({ sessionId: target.id, current: false });

    // Already ended: not found. Someone else's: not found, and it keeps working.
    expect(codeOf(await here.gql(`mutation($id: ID!) { revokeSession(id: $id) }`, { id: target.id }))).toBe('NOT_FOUND');
    const police = await t.as('POLICE');
    const [policeSession]: { id: string }[] = await t.ds.query(`SELECT id FROM user_session WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, [
      tokenOf(police),
    ]);
    expect(codeOf(await here.gql(`mutation($id: ID!) { revokeSession(id: $id) }`, { id: policeSession.id }))).toBe('NOT_FOUND');
    expect((await police.gql(ME)).errors).toBeUndefined();
    expect(codeOf(await here.gql(`mutation { revokeSession(id: "not-a-uuid") }`))).toBe('BAD_USER_INPUT');
  });

  it('ends all my other sessions at once and keeps this one', async () => {
    const user = await newUser();
    const here = await signInAs(user.email);
    const others = [await signInAs(user.email), await signInAs(user.email, SAFARI)];
    expect(await here.ok(`mutation { revokeOtherSessions }`)).toEqual({ revokeOtherSessions: 2 });
    for (const c of others) expect(codeOf(await c.gql(ME))).toBe('UNAUTHENTICATED');
    expect((await here.gql(ME)).errors).toBeUndefined();
    expect((await here.ok<{ mySessions: Session[] }>(SESSIONS)).mySessions.map((s) => s.current)).toEqual([true]);
    expect((await auditOf(user.id, 'auth.other_sessions_revoked')).map((e) => e.details)).toEqual([{ sessionsEnded: 2 }]);
    expect(await here.ok(`mutation { revokeOtherSessions }`)).toEqual({ revokeOtherSessions: 0 });
  });

  it('ending this session from the list signs this browser out', async () => {
    const user = await newUser();
    const here = await signInAs(user.email);
    const { mySessions } = await here.ok<{ mySessions: Session[] }>(SESSIONS);
    await here.ok(`mutation($id: ID!) { revokeSession(id: $id) }`, { id: mySessions[0].id });
    expect(here.lastSetCookie).toMatch(/mase_session=;/);
    expect(codeOf(await here.gql(ME))).toBe('UNAUTHENTICATED');
  });
});

describe('configured timeouts', () => {
  it('end a session after the configured idle time, not before', async () => {
    const c = await signInAs((await newUser()).email);
    const age = (minutes: number) =>
      t.ds.query(`UPDATE user_session SET last_seen_at = now() - make_interval(mins => $2) WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, [
        tokenOf(c),
        minutes,
      ]);
    await age(4);
    expect((await c.gql(ME)).errors).toBeUndefined();
    await age(5);
    const r = await c.gql(ME);
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toMatch(/inactivity/);
  });

  it('end a session at the configured absolute time, however active', async () => {
    const c = await signInAs((await newUser()).email);
    const [row]: { hours: number }[] = await t.ds.query(
      `SELECT extract(epoch FROM expires_at - created_at)::float8 / 3600 AS hours FROM user_session WHERE token_hash = sha256(convert_to($1, 'UTF8'))`,
      [tokenOf(c)],
    );
    expect(row.hours).toBeCloseTo(2, 1);
    expect(c.lastSetCookie).toMatch(/Expires=/);
    await t.ds.query(`UPDATE user_session SET expires_at = now() - interval '1 second', last_seen_at = now() WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, [
      tokenOf(c),
    ]);
    const r = await c.gql(ME);
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toMatch(/expired/);
  });
});
