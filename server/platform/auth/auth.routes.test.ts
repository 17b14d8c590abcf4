import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDistrict, type TestDistrict, testPassword } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import type { AppInstance } from '../http/routes.ts';
import { appUser } from './auth.tables.ts';
import { totpCode } from './totp.ts';

let platform: TestPlatform;
let app: AppInstance;
let world: TestDistrict;

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  world = await createTestDistrict(platform);
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

const login = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('sign-in', () => {
  it('answers 200 with the user and an HttpOnly SameSite=Strict cookie for the right password', async () => {
    const response = await login(world.users.section.username, testPassword);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'signed_in', user: { username: world.users.section.username, roles: ['section'] } });
    const cookie = response.headers['set-cookie'] as string;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('gives the same 401 for an unknown user and a wrong password', async () => {
    const unknown = await login('nobody-here', testPassword);
    const wrong = await login(world.users.leader.username, 'Wrong-Password-1!');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().title).toBe(wrong.json().title);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password, then lets it in', async () => {
    const local = await createTestDistrict(platform);
    const { username } = local.users.inspector1;
    for (let attempt = 0; attempt < 5; attempt++) expect((await login(username, 'Wrong-Password-1!')).statusCode).toBe(401);
    expect((await login(username, testPassword)).statusCode).toBe(401);
    platform.clock.advance(14 * 60_000);
    expect((await login(username, testPassword)).statusCode).toBe(401);
    platform.clock.advance(61_000);
    expect((await login(username, testPassword)).statusCode).toBe(200);
    const audit = await app.inject({
      method: 'GET',
      url: `/api/v1/audit?action=auth.lockout`,
      headers: { cookie: await signIn(app, local.users.admin.username) },
    });
    expect(audit.json().items).toHaveLength(1);
  });

  it('counts 20 parallel wrong passwords, each one: the account locks and the right password is then refused', async () => {
    const local = await createTestDistrict(platform);
    const { username, id } = local.users.section;
    const answers = await Promise.all(Array.from({ length: 20 }, () => login(username, 'Wrong-Password-1!')));
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(20).fill(401));
    const [row] = await platform.database.db.select().from(appUser).where(eq(appUser.id, id));
    // Five failures lock; the 15 after them meet a locked account and are refused before any password check.
    expect(row?.failedLogins).toBeGreaterThanOrEqual(5);
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(platform.clock.now().getTime());
    expect((await login(username, testPassword)).statusCode).toBe(401);
  });

  it('a burst of wrong passwords around the right one still ends locked: a success never clears a lock it did not see', async () => {
    const local = await createTestDistrict(platform);
    const { username } = local.users.leader;
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, () => login(username, 'Wrong-Password-1!')),
      login(username, testPassword),
      ...Array.from({ length: 8 }, () => login(username, 'Wrong-Password-1!')),
    ]);
    const [row] = await platform.database.db.select().from(appUser).where(eq(appUser.id, local.users.leader.id));
    expect(row?.lockedUntil).not.toBeNull();
    // Whichever came first, the success cannot unlock what the failures locked while its password was being checked.
    expect(answers.filter((answer) => answer.statusCode === 200).length).toBeLessThanOrEqual(1);
    expect((await login(username, testPassword)).statusCode).toBe(401);
  });

  it('ends a session after 30 idle minutes, and keeps it alive while it is used', async () => {
    const cookie = await signIn(app, world.users.leader.username);
    const me = () => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    platform.clock.advance(29 * 60_000);
    expect((await me()).statusCode).toBe(200);
    platform.clock.advance(29 * 60_000);
    expect((await me()).statusCode).toBe(200);
    platform.clock.advance(30 * 60_000 + 1000);
    expect((await me()).statusCode).toBe(401);
  });

  it('ends a session 12 hours after sign-in however busy it is', async () => {
    const cookie = await signIn(app, world.users.leader.username);
    for (let hour = 0; hour < 12; hour++) {
      platform.clock.advance(20 * 60_000);
      expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
      platform.clock.advance(20 * 60_000);
      await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
      platform.clock.advance(20 * 60_000);
      await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('logout ends the session at once', async () => {
    const cookie = await signIn(app, world.users.leader.username);
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie }, payload: {} });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('disabling a user ends their sessions at once', async () => {
    const local = await createTestDistrict(platform);
    const cookie = await signIn(app, local.users.leader.username);
    const admin = await signIn(app, local.users.admin.username);
    const disabled = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${local.users.leader.id}/disable`,
      headers: { cookie: admin },
      payload: {},
    });
    expect(disabled.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await login(local.users.leader.username, testPassword)).statusCode).toBe(401);
  });
});

describe('two-step verification (TOTP)', () => {
  it('enrols with a QR code, then requires the code at sign-in and refuses a replayed code', async () => {
    const local = await createTestDistrict(platform);
    const { username } = local.users.inspector2;
    const cookie = await signIn(app, username);
    const enrolment = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrolment', headers: { cookie }, payload: {} });
    expect(enrolment.statusCode).toBe(200);
    const { secret, qrSvg, otpauthUri } = enrolment.json();
    expect(qrSvg).toMatch(/^<svg/);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Zhijian/);
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enrolment/confirm',
      headers: { cookie },
      payload: { code: totpCode(secret, platform.clock.now()) },
    });
    expect(confirm.statusCode).toBe(200);

    platform.clock.advance(60_000);
    const first = await login(username, testPassword);
    expect(first.json()).toEqual({ status: 'totp_required' });
    const pending = `zj_sid=${first.cookies.find((c) => c.name === 'zj_sid')?.value}`;
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: pending } })).statusCode).toBe(401);
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers: { cookie: pending }, payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(401);
    const code = totpCode(secret, platform.clock.now());
    const second = await app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers: { cookie: pending }, payload: { code } });
    expect(second.statusCode).toBe(200);
    const signedIn = `zj_sid=${second.cookies.find((c) => c.name === 'zj_sid')?.value}`;
    expect(signedIn).not.toBe(pending);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: signedIn } })).json().totpEnabled).toBe(true);

    const again = await login(username, testPassword);
    const pendingAgain = `zj_sid=${again.cookies.find((c) => c.name === 'zj_sid')?.value}`;
    const replay = await app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers: { cookie: pendingAgain }, payload: { code } });
    expect(replay.statusCode).toBe(401);
  });

  it('counts wrong codes towards the lockout: five lock the account, and the right password in between does not reset the count', async () => {
    const local = await createTestDistrict(platform);
    const { username, id } = local.users.inspector1;
    const cookie = await signIn(app, username);
    const { secret } = (await app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrolment', headers: { cookie }, payload: {} })).json();
    const code = () => totpCode(secret, platform.clock.now());
    await app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrolment/confirm', headers: { cookie }, payload: { code: code() } });
    platform.clock.advance(60_000);
    const pendingSignIn = async () => `zj_sid=${(await login(username, testPassword)).cookies.find((c) => c.name === 'zj_sid')?.value}`;
    const wrongCode = (pending: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers: { cookie: pending }, payload: { code: '000000' } });
    let pending = await pendingSignIn();
    for (let attempt = 0; attempt < 3; attempt++) expect((await wrongCode(pending)).statusCode).toBe(401);
    pending = await pendingSignIn();
    expect((await wrongCode(pending)).statusCode).toBe(401);
    expect((await wrongCode(pending)).statusCode).toBe(401);
    const [row] = await platform.database.db.select().from(appUser).where(eq(appUser.id, id));
    expect(row?.failedLogins).toBe(5);
    const right = await app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers: { cookie: pending }, payload: { code: code() } });
    expect(right.statusCode).toBe(401);
    expect((await login(username, testPassword)).statusCode).toBe(401);
  });

  it('in production, staff without an authenticator must enrol before they get a session', async () => {
    const production = await testPlatform({ NODE_ENV: 'production', ZHIJIAN_DATA_KEY: Buffer.alloc(32, 7).toString('base64') });
    const prodApp = await testApp(production);
    try {
      const local = await createTestDistrict(production);
      const response = await prodApp.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: local.users.section.username, password: testPassword },
      });
      expect(response.json()).toEqual({ status: 'totp_enrolment_required' });
      const operator = await prodApp.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: local.users.operator.username, password: testPassword },
      });
      expect(operator.json().status).toBe('signed_in');
    } finally {
      await prodApp.close();
      await production.database.close();
    }
  });
});

describe('password change', () => {
  it('refuses a weak password naming each rule broken, in the user language', async () => {
    const cookie = await signIn(app, world.users.section.username);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie, 'accept-language': 'en' },
      payload: { currentPassword: testPassword, newPassword: 'password' },
    });
    expect(response.statusCode).toBe(400);
    const codes = response.json().errors.map((error: { code: string }) => error.code);
    expect(codes).toEqual(['password.too_short', 'password.too_few_classes', 'password.common']);
    expect(response.json().errors[0]).toMatchObject({ field: 'newPassword', message: 'must have at least 12 characters' });
  });

  it('counts wrong current passwords: the fifth locks the account and ends every session, this one too', async () => {
    const local = await createTestDistrict(platform);
    const cookie = await signIn(app, local.users.operator.username);
    const other = await signIn(app, local.users.operator.username);
    const change = (currentPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie },
        payload: { currentPassword, newPassword: 'Brand-New-Secret-42' },
      });
    for (let attempt = 0; attempt < 4; attempt++)
      expect((await change(`Guess-${attempt}-Password!`)).json().errors[0].field).toBe('currentPassword');
    expect((await change('Guess-5-Password!')).statusCode).toBe(400);
    for (const session of [cookie, other]) {
      expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session } })).statusCode).toBe(401);
    }
    expect((await login(local.users.operator.username, testPassword)).statusCode).toBe(401);
    const audit = await app.inject({
      method: 'GET',
      url: '/api/v1/audit?action=auth.password_change',
      headers: { cookie: await signIn(app, local.users.admin.username) },
    });
    expect(audit.json().items.filter((event: { outcome: string }) => event.outcome === 'failure')).toHaveLength(5);
  });

  it('refuses the current password and the last ones again, and takes the fifth-last', async () => {
    const local = await createTestDistrict(platform);
    const { username } = local.users.inspector2;
    const passwords = ['Tea-Field-Morning-1', 'Tea-Field-Morning-2', 'Tea-Field-Morning-3', 'Tea-Field-Morning-4', 'Tea-Field-Morning-5'];
    let current = testPassword;
    const change = async (newPassword: string) => {
      const cookie = await signIn(app, username, current);
      return app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie },
        payload: { currentPassword: current, newPassword },
      });
    };
    expect((await change(testPassword)).json().errors.map((error: { code: string }) => error.code)).toEqual(['password.reused']);
    for (const next of passwords) {
      expect((await change(next)).statusCode).toBe(204);
      current = next;
    }
    // Now the current one and the four before it are remembered; the first of all has dropped out.
    for (const old of passwords) expect((await change(old)).statusCode).toBe(400);
    expect((await change(testPassword)).statusCode).toBe(204);
    // About sixty argon2id hashings and checks: slow on a busy machine, not a sign of a fault.
  }, 180_000);

  it('accepts a good password and the old one stops working', async () => {
    const local = await createTestDistrict(platform);
    const cookie = await signIn(app, local.users.lab.username);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { currentPassword: testPassword, newPassword: 'Brand-New-Secret-42' },
    });
    expect(response.statusCode).toBe(204);
    expect((await login(local.users.lab.username, testPassword)).statusCode).toBe(401);
    expect((await login(local.users.lab.username, 'Brand-New-Secret-42')).statusCode).toBe(200);
    const [row] = await platform.database.db.select().from(appUser).where(eq(appUser.id, local.users.lab.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
