import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, GqlClient } from '../support/gql-client.js';
import { DEMO_PASSWORD, emailOf, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Sessions attacked: a session cookie planted in the browser before sign-in (fixation), and the
 * sessions a password change must end.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const ME = `{ me { id email } }`;
const tokenOf = (c: GqlClient) => c.cookie!.split('=')[1];
const sessionRows = (token: string): Promise<{ user_id: string; revoked_at: Date | null }[]> =>
  t.ds.query(`SELECT user_id, revoked_at FROM user_session WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, [token]);

let made = 0;
/** A user of their own, so ending their sessions touches no other test. */
async function newUser(): Promise<{ id: string; email: string }> {
  const email = `session-attack-${++made}@kingsmere.example`;
  const [row]: { id: string }[] = await t.ds.query(
    `INSERT INTO app_user (name, email, password_hash, role, agency_id, status, must_change_password, version)
     SELECT $1, $2, password_hash, role, agency_id, 'ACTIVE', false, 1 FROM app_user WHERE email = $3 RETURNING id`,
    [`Session Target ${made}`, email, emailOf('COORDINATOR')],
  );
  return { id: row.id, email };
}

async function signedIn(email: string, password = DEMO_PASSWORD): Promise<GqlClient> {
  const c = new GqlClient(t.baseUrl);
  expect((await c.signIn(email, password)).errors).toBeUndefined();
  return c;
}

describe('session fixation', () => {
  it('does not adopt a token planted in the browser before sign-in: a new one is issued and the planted one never signs anyone in', async () => {
    const victim = await newUser();
    const planted = randomBytes(32).toString('base64url');
    const browser = new GqlClient(t.baseUrl);
    browser.cookie = `mase_session=${planted}`;
    // Before sign-in the planted cookie is no session.
    expect(codeOf(await browser.gql(ME))).toBe('UNAUTHENTICATED');

    expect((await browser.signIn(victim.email, DEMO_PASSWORD)).errors).toBeUndefined();
    expect(browser.lastSetCookie).toMatch(/^mase_session=[^;]+;/);
    expect(tokenOf(browser)).not.toBe(planted);
    expect((await browser.ok<{ me: { id: string } }>(ME)).me.id).toBe(victim.id);

    // The attacker, holding the planted value, is not signed in as the victim; the server never stored it.
    const attacker = new GqlClient(t.baseUrl);
    attacker.cookie = `mase_session=${planted}`;
    expect(codeOf(await attacker.gql(ME))).toBe('UNAUTHENTICATED');
    expect(await sessionRows(planted)).toEqual([]);
  });

  it('does not carry a planted live session of the attacker’s own over to the victim: the victim gets a new token and the attacker’s session ends', async () => {
    const attackerUser = await newUser();
    const victim = await newUser();
    const attacker = await signedIn(attackerUser.email);
    const planted = tokenOf(attacker);

    const browser = new GqlClient(t.baseUrl);
    browser.cookie = `mase_session=${planted}`;
    expect((await browser.signIn(victim.email, DEMO_PASSWORD)).errors).toBeUndefined();
    expect(tokenOf(browser)).not.toBe(planted);
    expect((await browser.ok<{ me: { id: string } }>(ME)).me.id).toBe(victim.id);

    // The planted token never belonged to the victim, and the browser's old session is over.
    const [row] = await sessionRows(planted);
    expect(row.user_id).toBe(attackerUser.id);
    expect(row.revoked_at).not.toBeNull();
    expect(codeOf(await attacker.gql(ME))).toBe('UNAUTHENTICATED');
  });
});

describe('changing my own password', () => {
  it('ends every other session of mine at once, keeps this one, and leaves other users signed in', async () => {
    const user = await newUser();
    const here = await signedIn(user.email);
    const laptop = await signedIn(user.email);
    const phone = await signedIn(user.email);
    const bystander = await signedIn(emailOf('CO_CHAIR'));
    for (const c of [here, laptop, phone]) expect((await c.ok<{ me: { id: string } }>(ME)).me.id).toBe(user.id);

    const newPassword = `${DEMO_PASSWORD} changed ${randomBytes(4).toString('hex')}`;
    const changed = await here.gql(`mutation($i: ChangePasswordInput!) { changePassword(input: $i) { id } }`, { i: { currentPassword: DEMO_PASSWORD, newPassword } });
    expect(changed.errors).toBeUndefined();

    for (const c of [laptop, phone]) {
      const r = await c.gql(ME);
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
      expect(r.data?.me ?? null).toBeNull();
    }
    expect((await here.ok<{ me: { id: string } }>(ME)).me.id).toBe(user.id);
    expect((await bystander.ok<{ me: { email: string } }>(ME)).me.email).toBe(emailOf('CO_CHAIR'));
    const ended: { revoked_reason: string }[] = await t.ds.query(`SELECT revoked_reason FROM user_session WHERE user_id = $1 AND revoked_at IS NOT NULL`, [user.id]);
    expect(ended).toEqual([{ revoked_reason: 'password changed' }, { revoked_reason: 'password changed' }]);
    const [audit]: { details: { otherSessionsEnded: number } }[] = await t.ds.query(`SELECT details FROM audit_event WHERE action = 'user.password_changed' AND entity_id = $1`, [user.id]);
    expect(audit.details.otherSessionsEnded).toBe(2);

    // The old password no longer signs in; the new one does.
    expect((await new GqlClient(t.baseUrl).signIn(user.email, DEMO_PASSWORD)).errors).toBeDefined();
    await signedIn(user.email, newPassword);
  });
});
