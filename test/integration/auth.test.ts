import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, GqlClient } from '../support/gql-client.js';
import { DEMO_PASSWORD, emailOf, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const ME = `{ me { id email role mustChangePassword agency { name } } }`;

async function auditActions(entityId?: string): Promise<{ action: string; details: Record<string, unknown>; actor_label: string }[]> {
  return t.ds.query(
    `SELECT action, details, actor_label FROM audit_event WHERE ($1::text IS NULL OR entity_id = $1) ORDER BY seq`,
    [entityId ?? null],
  );
}

describe('sign-in', () => {
  it('signs in with the right password, sets a hardened session cookie and audits it', async () => {
    const c = t.anonymous();
    const r = await c.signIn('  CO-CHAIR@kingsmere.example ', DEMO_PASSWORD);
    expect(r.errors).toBeUndefined();
    expect(r.data?.signIn.role).toBe('CO_CHAIR');
    const cookie = c.lastSetCookie ?? '';
    expect(cookie).toMatch(/^mase_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//i);
    const me = await c.ok<{ me: { email: string; agency: { name: string } } }>(ME);
    expect(me.me.email).toBe(emailOf('CO_CHAIR'));
    const events = await auditActions(r.data!.signIn.id);
    expect(events.at(-1)?.action).toBe('auth.sign_in');
  });

  it('stores only a hash of the session token', async () => {
    const c = await t.as('ANALYST');
    const token = c.cookie!.split('=')[1];
    const rows: unknown[] = await t.ds.query(`SELECT 1 FROM user_session WHERE token_hash::text LIKE $1`, [`%${token}%`]);
    expect(rows).toHaveLength(0);
    const [{ n }]: { n: string }[] = await t.ds.query(
      `SELECT count(*) AS n FROM user_session WHERE token_hash = sha256(convert_to($1, 'UTF8'))`,
      [token],
    );
    expect(Number(n)).toBe(1);
  });

  it('issues a new token at every sign-in and ends the session the browser had before', async () => {
    const c = await t.as('POLICE');
    const first = c.cookie;
    const again = await c.signIn(emailOf('POLICE'), DEMO_PASSWORD);
    expect(again.errors).toBeUndefined();
    expect(c.cookie).not.toBe(first);
    const stale = new GqlClient(t.baseUrl);
    stale.cookie = first;
    const r = await stale.gql(ME);
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
  });

  it('gives the same message for a wrong password and an unknown account, and audits both without the password', async () => {
    const c = t.anonymous();
    const wrong = await c.signIn(emailOf('ANALYST'), 'not-the-password-at-all');
    const unknown = await c.signIn('nobody@kingsmere.example', 'not-the-password-at-all');
    for (const r of [wrong, unknown]) {
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
      expect(r.errors?.[0].message).toBe('Enter a correct email address and password');
      expect(r.errors?.[0].extensions?.fields).toEqual([{ field: 'email', message: 'Enter a correct email address and password' }]);
      expect(r.data).toBeNull();
      expect(c.cookie).toBeNull();
    }
    const rows: { details: unknown; actor_label: string }[] = await t.ds.query(
      `SELECT details, actor_label FROM audit_event WHERE action = 'auth.sign_in_failed' ORDER BY seq DESC LIMIT 2`,
    );
    expect(rows.map((r) => r.actor_label).sort()).toEqual([emailOf('ANALYST'), 'nobody@kingsmere.example'].sort());
    const all = JSON.stringify(await t.ds.query(`SELECT * FROM audit_event`));
    expect(all).not.toContain('not-the-password-at-all');
  });

  it('names the missing fields and changes nothing when the form is empty', async () => {
    const before = await t.ds.query(`SELECT count(*) FROM audit_event`);
    const r = await t.anonymous().signIn('', '');
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.fields).toEqual([
      { field: 'email', message: 'Enter your email address' },
      { field: 'password', message: 'Enter your password' },
    ]);
    expect(await t.ds.query(`SELECT count(*) FROM audit_event`)).toEqual(before);
  });

  it('rejects a request whose input is of the wrong type with a 400 and no stack trace', async () => {
    const c = t.anonymous();
    const res = await c.post({ query: `mutation($i: SignInInput!) { signIn(input: $i) { id } }`, variables: { i: { email: 7 } } });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('email');
    expect(body).not.toMatch(/stacktrace|at .*\.js:\d+/i);
  });
});

describe('sessions end', () => {
  it('on sign-out, at once, and the old cookie is refused', async () => {
    const c = await t.as('COORDINATOR');
    const cookie = c.cookie;
    expect(await c.ok(`mutation { signOut }`)).toEqual({ signOut: true });
    expect(c.lastSetCookie).toMatch(/mase_session=;/);
    const replay = new GqlClient(t.baseUrl);
    replay.cookie = cookie;
    const r = await replay.gql(ME);
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toMatch(/signed out/);
  });

  it('after the idle timeout, with a message that says why', async () => {
    const c = await t.as('ANALYST');
    await t.ds.query(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, [
      c.cookie!.split('=')[1],
    ]);
    const r = await c.gql(ME);
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toMatch(/inactivity/);
  });

  it('after the absolute timeout, however active the user is', async () => {
    const c = await t.as('ANALYST');
    await t.ds.query(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, [
      c.cookie!.split('=')[1],
    ]);
    const r = await c.gql(ME);
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toMatch(/expired/);
  });

  it('when an administrator disables the account, and the disabled user cannot sign in again', async () => {
    const admin = await t.as('ADMIN');
    const lead = await t.as('AGENCY_LEAD');
    const { me } = await lead.ok<{ me: { id: string } }>(ME);
    await admin.ok(`mutation($i: SetUserStatusInput!) { setUserStatus(input: $i) { status } }`, {
      i: { id: me.id, status: 'DISABLED', reason: 'left the agency' },
    });
    expect(codeOf(await lead.gql(ME))).toBe('UNAUTHENTICATED');
    const again = await t.anonymous().signIn(emailOf('AGENCY_LEAD'), DEMO_PASSWORD);
    expect(codeOf(again)).toBe('FORBIDDEN');
    expect(again.errors?.[0].message).toMatch(/disabled/);
    const [event]: { reason: string; details: { sessionsEnded: number } }[] = await t.ds.query(
      `SELECT reason, details FROM audit_event WHERE action = 'user.disabled' AND entity_id = $1`,
      [me.id],
    );
    expect(event.reason).toBe('left the agency');
    expect(event.details.sessionsEnded).toBeGreaterThanOrEqual(1);
    await admin.ok(`mutation($i: SetUserStatusInput!) { setUserStatus(input: $i) { status } }`, { i: { id: me.id, status: 'ACTIVE' } });
    expect((await t.anonymous().signIn(emailOf('AGENCY_LEAD'), DEMO_PASSWORD)).errors).toBeUndefined();
  });
});

describe('throttling', () => {
  it('pauses an account after 5 failures, says how long, refuses even the right password, and never for more than 15 minutes', async () => {
    const email = emailOf('POLICE');
    const c = t.anonymous();
    for (let i = 0; i < 5; i++) expect(codeOf(await c.signIn(email, `wrong-password-${i}xx`))).toBe('UNAUTHENTICATED');
    const blocked = await c.signIn(email, DEMO_PASSWORD);
    expect(codeOf(blocked)).toBe('TOO_MANY_REQUESTS');
    expect(blocked.errors?.[0].message).toMatch(/Too many failed sign-in attempts for this account\. Wait a minute/);
    // State lives in PostgreSQL, where every replica sees it.
    const [row]: { failures: number; minutes: number }[] = await t.ds.query(
      `SELECT failures, extract(epoch FROM blocked_until - now())::float8 / 60 AS minutes FROM sign_in_throttle WHERE key = $1`,
      [`account:${email}`],
    );
    expect(row.failures).toBe(5);
    expect(row.minutes).toBeLessThanOrEqual(1);
    // Keep failing: the pause doubles but is capped.
    await t.ds.query(`UPDATE sign_in_throttle SET blocked_until = NULL, failures = 40 WHERE key = $1`, [`account:${email}`]);
    await c.signIn(email, 'still-the-wrong-one');
    const [capped]: { minutes: number }[] = await t.ds.query(
      `SELECT extract(epoch FROM blocked_until - now())::float8 / 60 AS minutes FROM sign_in_throttle WHERE key = $1`,
      [`account:${email}`],
    );
    expect(capped.minutes).toBeGreaterThan(14);
    expect(capped.minutes).toBeLessThanOrEqual(15);
    // When the pause is over, the right password works and clears the counter.
    await t.ds.query(`UPDATE sign_in_throttle SET blocked_until = now() - interval '1 second' WHERE key = $1`, [`account:${email}`]);
    expect((await c.signIn(email, DEMO_PASSWORD)).errors).toBeUndefined();
    expect(await t.ds.query(`SELECT 1 FROM sign_in_throttle WHERE key = $1`, [`account:${email}`])).toHaveLength(0);
    const refused: unknown[] = await t.ds.query(`SELECT 1 FROM audit_event WHERE action = 'auth.sign_in_refused' AND actor_label = $1`, [email]);
    expect(refused.length).toBeGreaterThanOrEqual(1);
  });

  it('pauses an address that fails across many accounts', async () => {
    await t.ds.query(
      `INSERT INTO sign_in_throttle (key, failures, window_started_at) VALUES ('address:127.0.0.1', 49, now())
       ON CONFLICT (key) DO UPDATE SET failures = 49, window_started_at = now(), blocked_until = NULL`,
    );
    const c = t.anonymous();
    await c.signIn('someone-else@kingsmere.example', 'wrong-password-abc');
    const r = await c.signIn(emailOf('ANALYST'), DEMO_PASSWORD);
    expect(codeOf(r)).toBe('TOO_MANY_REQUESTS');
    expect(r.errors?.[0].message).toMatch(/from your network/);
    await t.ds.query(`DELETE FROM sign_in_throttle WHERE key = 'address:127.0.0.1'`);
  });
});

describe('password change and reset', () => {
  it('makes a reset user choose a new password before anything else, refusing common ones', async () => {
    const admin = await t.as('ADMIN');
    const analyst = await t.as('ANALYST');
    const { me } = await analyst.ok<{ me: { id: string } }>(ME);
    const reset = await admin.ok<{ resetUserPassword: { temporaryPassword: string } }>(
      `mutation($id: ID!) { resetUserPassword(id: $id) { temporaryPassword user { mustChangePassword } } }`,
      { id: me.id },
    );
    const temp = reset.resetUserPassword.temporaryPassword;
    expect(temp).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect(codeOf(await analyst.gql(ME))).toBe('UNAUTHENTICATED');

    const c = t.anonymous();
    const signIn = await c.signIn(emailOf('ANALYST'), temp);
    expect(signIn.data?.signIn).toMatchObject({ mustChangePassword: true });
    expect(codeOf(await c.gql(`{ agencies { id } }`))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.ok<{ me: { mustChangePassword: boolean } }>(ME)).me.mustChangePassword).toBe(true);

    const CHANGE = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { mustChangePassword } }`;
    const common = await c.gql(CHANGE, { i: { currentPassword: temp, newPassword: 'qwerty123456' } });
    expect(common.errors?.[0].extensions?.fields).toEqual([{ field: 'newPassword', message: expect.stringMatching(/too common/) }]);
    const short = await c.gql(CHANGE, { i: { currentPassword: temp, newPassword: 'short' } });
    expect(short.errors?.[0].extensions?.fields?.[0]).toEqual({ field: 'newPassword', message: 'Password must be at least 12 characters' });
    const wrongCurrent = await c.gql(CHANGE, { i: { currentPassword: 'not-it-at-all', newPassword: 'a brand new phrase' } });
    expect(wrongCurrent.errors?.[0].extensions?.fields?.[0].field).toBe('currentPassword');

    const ok = await c.ok<{ changePassword: { mustChangePassword: boolean } }>(CHANGE, {
      i: { currentPassword: temp, newPassword: 'a brand new phrase' },
    });
    expect(ok.changePassword.mustChangePassword).toBe(false);
    expect((await c.gql(`{ agencies { id } }`)).errors).toBeUndefined();
    expect(codeOf(await t.anonymous().signIn(emailOf('ANALYST'), temp))).toBe('UNAUTHENTICATED');
    expect((await t.anonymous().signIn(emailOf('ANALYST'), 'a brand new phrase')).errors).toBeUndefined();
  });
});
