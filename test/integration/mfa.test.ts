import type { Role } from '@mase/shared';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, GqlClient, type GqlResponse } from '../support/gql-client.js';
import { DEMO_PASSWORD, emailOf, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  // As production does for chosen roles: here co-chairs must use two-step verification.
  t = await startTestApp({ mfaRequiredRoles: ['CO_CHAIR'] });
});
afterAll(async () => {
  await t.close();
});

const ME = `{ me { id mfaEnabled mfaRequired mfaRecoveryCodesLeft mfaEnabledAt } }`;
const BEGIN = `mutation { beginMfaEnrolment { secret otpauthUri qrCodeDataUrl } }`;
const CONFIRM = `mutation($i: MfaCodeInput!) { confirmMfaEnrolment(input: $i) { recoveryCodes } }`;
const VERIFY = `mutation($i: VerifyMfaInput!) { verifyMfa(input: $i) { id role } }`;
const DISABLE = `mutation($i: MfaCodeInput!) { disableMfa(input: $i) { id mfaEnabled } }`;
const RESET = `mutation($id: ID!) { resetUserMfa(id: $id) { id mfaEnabled mfaRecoveryCodesLeft } }`;

interface Me {
  me: { id: string; mfaEnabled: boolean; mfaRequired: boolean; mfaRecoveryCodesLeft: number; mfaEnabledAt: string | null };
}

/** The code an authenticator app shows, `steps` time steps (30 s) from now. */
const codeAt = (secret: string, steps = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/** A six-digit code that is not valid anywhere near now. */
function wrongCode(secret: string): string {
  const near = new Set([-2, -1, 0, 1, 2].map((s) => codeAt(secret, s)));
  return ['000000', '111111', '222222', '333333'].find((c) => !near.has(c))!;
}

let made = 0;
/** A fresh user of the role (a copy of the demo user: same agency, same password), so tests do not share state. */
async function newUser(role: Role): Promise<{ id: string; email: string }> {
  const email = `mfa-${++made}-${role.toLowerCase()}@kingsmere.example`;
  const [row]: { id: string }[] = await t.ds.query(
    `INSERT INTO app_user (name, email, password_hash, role, agency_id, status, must_change_password, version)
     SELECT $1, $2, password_hash, role, agency_id, 'ACTIVE', false, 1 FROM app_user WHERE email = $3 RETURNING id`,
    [`Test User ${made}`, email, emailOf(role)],
  );
  return { id: row.id, email };
}

async function signedIn(email: string): Promise<GqlClient> {
  const c = t.anonymous();
  const r = await c.signIn(email, DEMO_PASSWORD);
  expect(r.errors).toBeUndefined();
  return c;
}

/** Sets up two-step verification for a signed-in client with a code of the current step. */
async function enrol(c: GqlClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { beginMfaEnrolment } = await c.ok<{ beginMfaEnrolment: { secret: string } }>(BEGIN);
  const { confirmMfaEnrolment } = await c.ok<{ confirmMfaEnrolment: { recoveryCodes: string[] } }>(CONFIRM, {
    i: { code: codeAt(beginMfaEnrolment.secret) },
  });
  return { secret: beginMfaEnrolment.secret, recoveryCodes: confirmMfaEnrolment.recoveryCodes };
}

/** The first step: the right password, which for a user with MFA asks for a code and starts a pending sign-in. */
async function passwordStep(email: string): Promise<GqlClient> {
  const c = t.anonymous();
  const r = await c.signIn(email, DEMO_PASSWORD);
  expect(codeOf(r)).toBe('MFA_CODE_REQUIRED');
  expect(r.data?.signIn ?? null).toBeNull();
  return c;
}

const verify = (c: GqlClient, input: { code?: string; recoveryCode?: string }): Promise<GqlResponse<{ verifyMfa: { id: string } }>> =>
  c.gql(VERIFY, { i: input });

async function audit(userId: string, action: string): Promise<{ details: Record<string, unknown>; actor_label: string; actor_user_id: string | null }[]> {
  return t.ds.query(`SELECT details, actor_label, actor_user_id FROM audit_event WHERE entity_id = $1 AND action = $2 ORDER BY seq`, [userId, action]);
}

describe('setting up two-step verification', () => {
  it('shows a new secret once (QR code and text), turns on only with a right code, and gives ten single-use recovery codes', async () => {
    const user = await newUser('ANALYST');
    const c = await signedIn(user.email);
    expect((await c.ok<Me>(ME)).me).toMatchObject({ mfaEnabled: false, mfaRequired: false, mfaRecoveryCodesLeft: 0, mfaEnabledAt: null });

    const { beginMfaEnrolment: e } = await c.ok<{ beginMfaEnrolment: { secret: string; otpauthUri: string; qrCodeDataUrl: string } }>(BEGIN);
    expect(e.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(e.otpauthUri).toMatch(/^otpauth:\/\/totp\/MASE%20Hub:mfa-\d+-analyst%40kingsmere\.example\?/);
    expect(e.otpauthUri).toContain(`secret=${e.secret}`);
    expect(e.otpauthUri).toContain('issuer=MASE%20Hub');
    expect(e.qrCodeDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]{200,}$/);
    // Not on until confirmed; the pending secret is stored encrypted.
    expect((await c.ok<Me>(ME)).me.mfaEnabled).toBe(false);
    const [pending]: { mfa_pending_secret: Buffer; mfa_secret: Buffer | null }[] = await t.ds.query(
      `SELECT mfa_pending_secret, mfa_secret FROM app_user WHERE id = $1`,
      [user.id],
    );
    expect(pending.mfa_secret).toBeNull();
    expect(pending.mfa_pending_secret.toString('latin1')).not.toContain(e.secret);

    const malformed = await c.gql(CONFIRM, { i: { code: '12ab' } });
    expect(malformed.errors?.[0].extensions?.fields).toEqual([{ field: 'code', message: 'Enter the 6-digit security code from your authenticator app' }]);
    const wrong = await c.gql(CONFIRM, { i: { code: wrongCode(e.secret) } });
    expect(wrong.errors?.[0].extensions?.fields?.[0]).toEqual({ field: 'code', message: expect.stringMatching(/not right/) });
    expect((await c.ok<Me>(ME)).me.mfaEnabled).toBe(false);

    const code = codeAt(e.secret);
    const { confirmMfaEnrolment } = await c.ok<{ confirmMfaEnrolment: { recoveryCodes: string[] } }>(CONFIRM, { i: { code: ` ${code.slice(0, 3)} ${code.slice(3)} ` } });
    const codes = confirmMfaEnrolment.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const rc of codes) expect(rc).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const me = (await c.ok<Me>(ME)).me;
    expect(me).toMatchObject({ mfaEnabled: true, mfaRecoveryCodesLeft: 10 });
    expect(me.mfaEnabledAt).not.toBeNull();

    // At rest: the secret encrypted (version byte, IV, tag, ciphertext), recovery codes only as keyed hashes.
    const [row]: { mfa_secret: Buffer; mfa_pending_secret: Buffer | null; mfa_recovery_code_hashes: string[]; mfa_last_used_step: number }[] =
      await t.ds.query(`SELECT mfa_secret, mfa_pending_secret, mfa_recovery_code_hashes, mfa_last_used_step FROM app_user WHERE id = $1`, [user.id]);
    expect(row.mfa_pending_secret).toBeNull();
    expect(row.mfa_secret[0]).toBe(1);
    expect(row.mfa_secret.length).toBe(1 + 12 + 16 + e.secret.length);
    expect(row.mfa_secret.toString('latin1')).not.toContain(e.secret);
    expect(row.mfa_recovery_code_hashes).toHaveLength(10);
    for (const h of row.mfa_recovery_code_hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    // The confirming code's time step is spent (replay protection starts at once).
    const step = Math.floor(Date.now() / 30_000);
    expect(row.mfa_last_used_step).toBeGreaterThanOrEqual(step - 2);
    expect(row.mfa_last_used_step).toBeLessThanOrEqual(step + 1);
    const everything = JSON.stringify(await t.ds.query(`SELECT * FROM audit_event`));
    expect(everything).not.toContain(e.secret);
    for (const rc of codes) expect(everything).not.toContain(rc);
    expect(await audit(user.id, 'user.mfa_enabled')).toHaveLength(1);

    // Never shown again: starting over is refused while it is on.
    expect(codeOf(await c.gql(BEGIN))).toBe('CONFLICT');
  });
});

describe('signing in with two-step verification', () => {
  it('asks for a code after the right password, then signs in with it; a wrong code is refused and counted', async () => {
    const user = await newUser('POLICE');
    const { secret } = await enrol(await signedIn(user.email));
    const sessionsBefore: unknown[] = await t.ds.query(`SELECT 1 FROM user_session WHERE user_id = $1`, [user.id]);

    const c = await passwordStep(user.email);
    const pendingCookie = c.lastSetCookie ?? '';
    expect(pendingCookie).toMatch(/^mase_sign_in=[A-Za-z0-9_-]{43};/);
    expect(pendingCookie).toMatch(/HttpOnly/i);
    expect(pendingCookie).toMatch(/Secure/i);
    expect(pendingCookie).toMatch(/SameSite=Strict/i);
    // Half signed in is not signed in: no session, and nothing else works.
    expect(codeOf(await c.gql(ME))).toBe('UNAUTHENTICATED');
    expect(await t.ds.query(`SELECT 1 FROM user_session WHERE user_id = $1`, [user.id])).toHaveLength(sessionsBefore.length);
    expect(await audit(user.id, 'auth.mfa_code_requested')).toHaveLength(1);

    const missing = await verify(c, {});
    expect(missing.errors?.[0].extensions?.fields).toEqual([{ field: 'code', message: 'Enter the 6-digit security code from your authenticator app' }]);
    const wrong = await verify(c, { code: wrongCode(secret) });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0].extensions?.fields?.[0].field).toBe('code');
    expect((await audit(user.id, 'auth.mfa_failed')).map((e) => e.details.reason)).toEqual(['wrong code']);
    const [throttle]: { failures: number }[] = await t.ds.query(`SELECT failures FROM sign_in_throttle WHERE key = $1`, [`account:${user.email}`]);
    expect(throttle.failures).toBe(1);

    const ok = await verify(c, { code: codeAt(secret, 1) });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.verifyMfa.id).toBe(user.id);
    expect(c.cookie).toMatch(/^mase_session=/);
    expect(c.lastSetCookie).toMatch(/mase_sign_in=;/);
    expect((await c.ok<Me>(ME)).me.id).toBe(user.id);
    const signIns = await audit(user.id, 'auth.sign_in');
    expect(signIns.at(-1)?.details).toMatchObject({ method: 'authenticator app' });
    expect(await t.ds.query(`SELECT 1 FROM sign_in_throttle WHERE key = $1`, [`account:${user.email}`])).toHaveLength(0);

    // The pending sign-in was single use.
    const again = new GqlClient(t.baseUrl);
    again.cookie = pendingCookie.split(';')[0];
    expect(codeOf(await verify(again, { code: codeAt(secret, 1) }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a code that was already accepted once (replay), even in a new sign-in', async () => {
    const user = await newUser('POLICE');
    const { secret } = await enrol(await signedIn(user.email));
    const code = codeAt(secret, 1);
    const first = await passwordStep(user.email);
    expect((await verify(first, { code })).errors).toBeUndefined();

    const second = await passwordStep(user.email);
    const replay = await verify(second, { code });
    expect(codeOf(replay)).toBe('BAD_USER_INPUT');
    expect(replay.errors?.[0].extensions?.fields).toEqual([
      { field: 'code', message: 'That security code has already been used. Wait for your authenticator app to show a new code, then enter it' },
    ]);
    expect(codeOf(await second.gql(ME))).toBe('UNAUTHENTICATED');
    expect((await audit(user.id, 'auth.mfa_failed')).map((e) => e.details.reason)).toEqual(['replayed code']);
    // The code used to confirm the enrolment is spent too.
    const third = await passwordStep(user.email);
    expect((await verify(third, { code: codeAt(secret, -1) })).errors?.[0].extensions?.fields?.[0].message).toMatch(/already been used/);
  });

  it('ends a pending sign-in after five wrong codes and pauses the account, so even a right code must wait', async () => {
    const user = await newUser('ANALYST');
    const { secret } = await enrol(await signedIn(user.email));
    const c = await passwordStep(user.email);
    for (let i = 0; i < 4; i++) expect(codeOf(await verify(c, { code: wrongCode(secret) }))).toBe('BAD_USER_INPUT');
    const fifth = await verify(c, { code: wrongCode(secret) });
    expect(codeOf(fifth)).toBe('UNAUTHENTICATED');
    expect(fifth.errors?.[0].message).toMatch(/Too many wrong codes/);
    expect(codeOf(await verify(c, { code: codeAt(secret, 1) }))).toBe('UNAUTHENTICATED');
    const paused = await t.anonymous().signIn(user.email, DEMO_PASSWORD);
    expect(codeOf(paused)).toBe('TOO_MANY_REQUESTS');

    await t.ds.query(`UPDATE sign_in_throttle SET blocked_until = now() - interval '1 second' WHERE key = $1`, [`account:${user.email}`]);
    const d = await passwordStep(user.email);
    // A pending sign-in expires after a few minutes.
    await t.ds.query(`UPDATE sign_in_challenge SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND consumed_at IS NULL`, [user.id]);
    expect(codeOf(await verify(d, { code: codeAt(secret, 1) }))).toBe('UNAUTHENTICATED');
    const e = await passwordStep(user.email);
    expect((await verify(e, { code: codeAt(secret, 1) })).errors).toBeUndefined();
    expect((await e.ok<Me>(ME)).me.id).toBe(user.id);
  });

  it('ends a sign-in waiting for its code when an administrator resets the password', async () => {
    const user = await newUser('ANALYST');
    const { secret } = await enrol(await signedIn(user.email));
    const c = await passwordStep(user.email);
    const admin = await t.as('ADMIN');
    await admin.ok(`mutation($id: ID!) { resetUserPassword(id: $id) { temporaryPassword } }`, { id: user.id });
    expect(codeOf(await verify(c, { code: codeAt(secret, 1) }))).toBe('UNAUTHENTICATED');
  });

  it('signs in with a recovery code once, and never with the same one again', async () => {
    const user = await newUser('COORDINATOR');
    const { recoveryCodes } = await enrol(await signedIn(user.email));
    const c = await passwordStep(user.email);
    const malformed = await verify(c, { recoveryCode: 'abc' });
    expect(malformed.errors?.[0].extensions?.fields).toEqual([{ field: 'recoveryCode', message: 'Enter one of your recovery codes, like abcd-efgh-jkmn' }]);
    expect((await verify(c, { recoveryCode: recoveryCodes[0].toUpperCase() })).errors).toBeUndefined();
    expect((await c.ok<Me>(ME)).me.mfaRecoveryCodesLeft).toBe(9);
    expect((await audit(user.id, 'auth.sign_in')).at(-1)?.details).toMatchObject({ method: 'recovery code', recoveryCodesLeft: 9 });

    const d = await passwordStep(user.email);
    const reused = await verify(d, { recoveryCode: recoveryCodes[0] });
    expect(reused.errors?.[0].extensions?.fields).toEqual([{ field: 'recoveryCode', message: 'That recovery code is not right, or it has already been used' }]);
    expect(codeOf(await d.gql(ME))).toBe('UNAUTHENTICATED');
    expect((await verify(d, { recoveryCode: recoveryCodes[1].replace(/-/g, ' ') })).errors).toBeUndefined();
    expect((await d.ok<Me>(ME)).me.mfaRecoveryCodesLeft).toBe(8);
  });
});

describe('policy, turning off and resetting', () => {
  it('makes a user whose role requires it set it up before anything else, and never lets them turn it off', async () => {
    const chair = await t.as('CO_CHAIR');
    expect((await chair.ok<Me>(ME)).me).toMatchObject({ mfaRequired: true, mfaEnabled: false });
    for (const doc of [`{ agencies { id } }`, `{ mySessions { id } }`, `{ meetings { id } }`]) {
      const r = await chair.gql(doc);
      expect(codeOf(r)).toBe('MFA_SETUP_REQUIRED');
      expect(r.errors?.[0].message).toBe('You must set up two-step verification before you can continue');
    }
    const { secret } = await enrol(chair);
    expect((await chair.gql(`{ agencies { id } }`)).errors).toBeUndefined();

    const refused = await chair.gql(DISABLE, { i: { code: codeAt(secret, 1) } });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(/Your role must use two-step verification/);
    expect((await chair.ok<Me>(ME)).me.mfaEnabled).toBe(true);
    // Its next sign-in asks for a code.
    await passwordStep(emailOf('CO_CHAIR'));
  });

  it('lets a user whose role does not require it turn it off with a current code', async () => {
    const user = await newUser('AGENCY_LEAD');
    const c = await signedIn(user.email);
    const { secret } = await enrol(c);
    const wrong = await c.gql(DISABLE, { i: { code: wrongCode(secret) } });
    expect(wrong.errors?.[0].extensions?.fields?.[0].field).toBe('code');
    expect((await audit(user.id, 'user.mfa_disable_failed'))).toHaveLength(1);
    const off = await c.ok<{ disableMfa: { mfaEnabled: boolean } }>(DISABLE, { i: { code: codeAt(secret, 1) } });
    expect(off.disableMfa.mfaEnabled).toBe(false);
    expect(await audit(user.id, 'user.mfa_disabled')).toHaveLength(1);
    const [row]: { mfa_secret: Buffer | null; mfa_recovery_code_hashes: string[] }[] = await t.ds.query(
      `SELECT mfa_secret, mfa_recovery_code_hashes FROM app_user WHERE id = $1`,
      [user.id],
    );
    expect(row).toEqual({ mfa_secret: null, mfa_recovery_code_hashes: [] });
    expect((await t.anonymous().signIn(user.email, DEMO_PASSWORD)).errors).toBeUndefined();
  });

  it('lets an administrator reset it (audited, sessions ended); a role that requires it must set it up again', async () => {
    const admin = await t.as('ADMIN');
    const user = await newUser('CO_CHAIR');
    const c = await signedIn(user.email);
    await enrol(c);
    expect((await c.ok<Me>(ME)).me.mfaEnabled).toBe(true);

    const reset = await admin.ok<{ resetUserMfa: { id: string; mfaEnabled: boolean; mfaRecoveryCodesLeft: number } }>(RESET, { id: user.id });
    expect(reset.resetUserMfa).toEqual({ id: user.id, mfaEnabled: false, mfaRecoveryCodesLeft: 0 });
    expect(codeOf(await c.gql(ME))).toBe('UNAUTHENTICATED');
    const [event] = await audit(user.id, 'user.mfa_reset');
    expect(event.actor_label).toBe(emailOf('ADMIN'));
    expect(event.details).toMatchObject({ wasEnabled: true, stillRequired: true });
    expect(event.details.sessionsEnded).toBeGreaterThanOrEqual(1);

    // Password only now, then straight back to setting it up (the role requires it).
    const again = await signedIn(user.email);
    expect(codeOf(await again.gql(`{ agencies { id } }`))).toBe('MFA_SETUP_REQUIRED');
    expect((await again.ok<Me>(ME)).me).toMatchObject({ mfaRequired: true, mfaEnabled: false });

    const self = await admin.gql(RESET, { id: (await admin.ok<Me>(ME)).me.id });
    expect(codeOf(self)).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.gql(RESET, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    const analyst = await t.as('ANALYST');
    expect(codeOf(await analyst.gql(RESET, { id: user.id }))).toBe('FORBIDDEN');
  });
});
