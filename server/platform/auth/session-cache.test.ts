import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../db/client.ts';
import { createTestDistrict, type TestDistrict, testPassword } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { systemContext } from '../http/context.ts';
import type { AppInstance } from '../http/routes.ts';
import { stationStreet } from '../org/org.tables.ts';
import { authenticate, hashToken } from './auth.service.ts';
import { userSession } from './auth.tables.ts';
import { announceSessionChanges, decodeSessionChanges, listenForSessionChanges, SessionCache, sessionCacheOf } from './session-cache.ts';
import { totpCode } from './totp.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
const asAdmin = async (method: 'PATCH' | 'POST', url: string, payload: unknown) =>
  app.inject({ method, url, payload: payload as object, headers: { cookie: await signIn(app, home.users.admin.username) } });
const tokenOf = (cookie: string) => decodeURIComponent(cookie.slice('zj_sid='.length));

/** Signs in and asks once, so that the session, its actor and its /me answer are in this process's cache. */
async function cachedSession(username: string): Promise<string> {
  const cookie = await signIn(app, username);
  expect((await me(cookie)).statusCode).toBe(200);
  expect(sessionCacheOf(platform.database).entryOf(hashToken(tokenOf(cookie)))?.me).toBeDefined();
  return cookie;
}

describe('the session cache', () => {
  it('answers a signed-in request from memory, and reads the session again after half a minute', async () => {
    const district = await createTestDistrict(platform);
    const cookie = await cachedSession(district.users.section.username);
    // Removed behind the application's back (no announcement): the cached entry still answers…
    await platform.database.db.delete(userSession).where(eq(userSession.tokenHash, hashToken(tokenOf(cookie))));
    expect((await me(cookie)).statusCode).toBe(200);
    // …for at most half a minute: then the session is read again, and it is gone.
    platform.clock.advance(30_000);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('still ends a session at its idle timeout without reading the database in between', async () => {
    const district = await createTestDistrict(platform);
    const cookie = await cachedSession(district.users.leader.username);
    for (let minute = 0; minute < 3; minute++) {
      platform.clock.advance(25_000);
      expect((await me(cookie)).statusCode).toBe(200);
    }
    platform.clock.advance(platform.config.ZHIJIAN_SESSION_IDLE_MINUTES * 60_000);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('forgets a session at sign-out', async () => {
    const cookie = await cachedSession(home.users.leader.username);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', payload: {}, headers: { cookie } })).statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('forgets every session of a user who is disabled', async () => {
    const district = await createTestDistrict(platform);
    const cookie = await cachedSession(district.users.inspector2.username);
    const admin = await signIn(app, district.users.admin.username);
    const disabled = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${district.users.inspector2.id}/disable`,
      payload: {},
      headers: { cookie: admin },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('forgets the sessions of a user whose roles or bound businesses change (they end), and of one whose station or name changes (they go on, with the new station)', async () => {
    const district = await createTestDistrict(platform);
    const admin = await signIn(app, district.users.admin.username);
    const patch = (id: number, payload: object) =>
      app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, payload, headers: { cookie: admin } });

    const leader = await cachedSession(district.users.leader.username);
    expect((await patch(district.users.leader.id, { roles: ['section'] })).statusCode).toBe(200);
    expect((await me(leader)).statusCode).toBe(401);

    const operator = await cachedSession(district.users.operator.username);
    expect((await patch(district.users.operator.id, { entityIds: [] })).statusCode).toBe(200);
    expect((await me(operator)).statusCode).toBe(401);

    const inspector = await cachedSession(district.users.inspector1.username);
    const before = await authenticate(systemContext(platform), tokenOf(inspector), { idleMinutes: 30, absoluteHours: 12 });
    expect(before?.actor?.streetCodes).toEqual([district.stations[0].streetCode]);
    const moved = await patch(district.users.inspector1.id, { orgUnitId: district.stations[1].id, displayName: '调岗的检查员' });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await me(inspector);
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ orgUnitId: district.stations[1].id, orgUnitName: '二所', displayName: '调岗的检查员' });
    const cache = sessionCacheOf(platform.database);
    const session = await authenticate(systemContext(platform), tokenOf(inspector), { idleMinutes: 30, absoluteHours: 12 }, cache);
    expect(session?.actor?.streetCodes).toEqual([district.stations[1].streetCode]);
  });

  it('forgets the sessions of a district whose station streets change, once the change is announced', async () => {
    const district = await createTestDistrict(platform);
    const cookie = await cachedSession(district.users.inspector1.username);
    const cache = sessionCacheOf(platform.database);
    const settings = { idleMinutes: 30, absoluteHours: 12 };
    const actorNow = async () => (await authenticate(systemContext(platform), tokenOf(cookie), settings, cache))?.actor;
    expect((await actorNow())?.streetCodes).toEqual([district.stations[0].streetCode]);
    await platform.database.db.transaction(async (tx) => {
      await tx
        .update(stationStreet)
        .set({ stationId: district.stations[0].id })
        .where(and(eq(stationStreet.districtCode, district.code), eq(stationStreet.streetCode, district.stations[1].streetCode)));
      await announceSessionChanges(tx, [{ district: district.code }]);
    });
    expect((await actorNow())?.streetCodes).toEqual([district.stations[0].streetCode, district.stations[1].streetCode]);
  });

  it('forgets the other sessions at a password change, and this one no longer must change its password', async () => {
    const district = await createTestDistrict(platform);
    const { username } = district.users.section;
    const other = await cachedSession(username);
    const current = await cachedSession(username);
    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: testPassword, newPassword: 'Another-Password-2026!' },
      headers: { cookie: current },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(current)).statusCode).toBe(200);
  });

  it('forgets a pending sign-in once its second factor completes, and shows the authenticator on the other sessions', async () => {
    const district = await createTestDistrict(platform);
    const { username } = district.users.lab;
    const signedIn = await cachedSession(username);
    expect((await me(signedIn)).json().totpEnabled).toBe(false);
    const enrolment = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrolment', payload: {}, headers: { cookie: signedIn } });
    expect(enrolment.statusCode, enrolment.body).toBe(200);
    const code = totpCode(enrolment.json().secret, platform.clock.now());
    const confirmed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enrolment/confirm',
      payload: { code },
      headers: { cookie: signedIn },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    // The confirming session was replaced by a new one (no fixation): the old cookie is gone, here too.
    expect((await me(signedIn)).statusCode).toBe(401);
    const fresh = confirmed.cookies.find((cookie) => cookie.name === 'zj_sid');
    expect((await me(`zj_sid=${fresh?.value}`)).json().totpEnabled).toBe(true);
  });

  it('forgets every session of a user whose authenticator is reset', async () => {
    const district = await createTestDistrict(platform);
    const cookie = await cachedSession(district.users.section.username);
    const reset = await asAdmin('POST', `/api/v1/users/${district.users.section.id}/reset-totp`, {});
    // The admin of `home` does not see another district's user: done by that district's admin.
    expect(reset.statusCode).toBe(404);
    const admin = await signIn(app, district.users.admin.username);
    const own = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${district.users.section.id}/reset-totp`,
      payload: {},
      headers: { cookie: admin },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('announcements', () => {
  it('reads what it writes: sessions, users, districts, and anything else as everything', () => {
    expect(decodeSessionChanges('s:abc u:330212:17 d:330212')).toEqual([
      { session: 'abc' },
      { user: { districtCode: '330212', id: 17 } },
      { district: '330212' },
    ]);
    expect(decodeSessionChanges('*')).toEqual(['all']);
    expect(decodeSessionChanges('u:33:x')).toEqual(['all']);
  });

  it('does not keep a read that began before a change arrived', () => {
    const cache = new SessionCache();
    const entry = {
      session: { stage: 'active' as const, tokenHash: 't', districtCode: '330212', userId: 1 },
      createdAt: new Date(0),
      lastSeenAt: new Date(0),
      expiresAt: new Date(0),
      readAt: 0,
    };
    const read = cache.beginRead();
    cache.apply([{ user: { districtCode: '330212', id: 2 } }]);
    cache.store('t', entry, read);
    expect(cache.entryOf('t')).toBeUndefined();
    cache.store('t', entry, cache.beginRead());
    expect(cache.fresh('t', 1_000)).toBe(entry);
    cache.apply([{ user: { districtCode: '330212', id: 1 } }]);
    expect(cache.entryOf('t')).toBeUndefined();
  });

  const postgresUrl = process.env.TEST_DATABASE_URL;
  it.runIf(postgresUrl)('on PostgreSQL, empties a second application instance when another connection announces a change', async () => {
    // A second instance with its own database handle, listening connection and cache: another process in all but name.
    const second = await openPostgres(postgresUrl ?? '', 2);
    const stop = await listenForSessionChanges(second);
    try {
      const district = await createTestDistrict(platform);
      const cookie = await signIn(app, district.users.leader.username);
      const settings = { idleMinutes: 30, absoluteHours: 12 };
      const cache = sessionCacheOf(second);
      const ctx = { ...systemContext(platform), db: second.db };
      expect((await authenticate(ctx, tokenOf(cookie), settings, cache))?.actor?.username).toBe(district.users.leader.username);
      expect(cache.entryOf(hashToken(tokenOf(cookie)))).toBeDefined();
      // The change comes from a plain connection of its own, as from another process (which announces the same way).
      const other = new pg.Client({ connectionString: postgresUrl });
      await other.connect();
      try {
        await other.query('begin');
        await other.query('update app_user set is_disabled = true where district_code = $1 and id = $2', [
          district.code,
          district.users.leader.id,
        ]);
        await other.query(`select pg_notify('zhijian_sessions', $1)`, [`u:${district.code}:${district.users.leader.id}`]);
        expect(cache.entryOf(hashToken(tokenOf(cookie)))).toBeDefined(); // not before the commit
        await other.query('commit');
      } finally {
        await other.end();
      }
      const deadline = Date.now() + 2_000;
      while (cache.entryOf(hashToken(tokenOf(cookie))) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(cache.entryOf(hashToken(tokenOf(cookie)))).toBeUndefined();
      expect(await authenticate(ctx, tokenOf(cookie), settings, cache)).toBeUndefined();
    } finally {
      await stop();
      await second.close();
    }
  });
});
