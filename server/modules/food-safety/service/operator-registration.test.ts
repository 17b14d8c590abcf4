import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../../platform/audit/audit.tables.ts';
import { appUser, userEntity } from '../../../platform/auth/auth.tables.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict, testPassword } from '../../../test/factories.ts';
import { cateringShop } from '../../../test/probe-fixtures.ts';
import { apiCaller, signIn } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { operatorApplication } from '../food-safety.tables.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;
const call = apiCaller(() => app);
// biome-ignore lint/suspicious/noExplicitAny: loose JSON in tests
type Json = Record<string, any>;

let ip = 0;
/** A signed-out registration from its own address (the route allows five per address per ten minutes). */
async function register(body: Json, options: { language?: string; remoteAddress?: string; origin?: string } = {}) {
  ip += 1;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/operator-registrations',
    remoteAddress: options.remoteAddress ?? `10.9.${Math.floor(ip / 250)}.${ip % 250}`,
    headers: {
      ...(options.language ? { 'accept-language': options.language } : {}),
      ...(options.origin ? { origin: options.origin } : {}),
    },
    payload: body,
  });
  return { status: response.statusCode, body: response.json() as Json };
}

let licenceSerial = 0;
/** A station-1 catering shop with a valid food business licence; returns its credit code and licence number. */
async function licensedShop(validUntil = '2099-12-31') {
  const entityId = await cateringShop({ home, other, call });
  const shop = await call(home.users.section.username, 'GET', `/api/v1/entities/${entityId}`);
  licenceSerial += 1;
  const licenceNumber = `JY1${home.code}${String(licenceSerial).padStart(5, '0')}`;
  await platform.database.db.execute(
    sql`insert into licence (district_code, entity_id, kind, number, issued_on, valid_until)
        values (${home.code}, ${entityId}, 'food_business', ${licenceNumber}, '2019-01-01', ${validUntil})`,
  );
  return { entityId, creditCode: (shop.body as Json).creditCode as string, licenceNumber };
}

const strongPassword = 'Gr33n-Tea-House!';
let userSerial = 0;
const application = (shop: { creditCode: string; licenceNumber: string }, over: Json = {}) => {
  userSerial += 1;
  return {
    creditCode: shop.creditCode,
    licenceNumber: shop.licenceNumber,
    applicantName: '赵店主',
    phone: '13912345678',
    username: `shop.owner${userSerial}-${home.code}`,
    password: strongPassword,
    ...over,
  };
};
const boundShops = async (userId: number) =>
  (
    await platform.database.db
      .select({ entityId: userEntity.entityId })
      .from(userEntity)
      .where(and(eq(userEntity.districtCode, home.code), eq(userEntity.userId, userId)))
  ).map((row) => row.entityId);
const fields = (body: Json) => (body.errors as { field: string; code: string }[]).map((error) => `${error.field}:${error.code}`);

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  other = await createTestDistrict(platform);
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

describe('operator self-registration', () => {
  it('names the field that does not match, in Chinese or English; weak passwords follow the platform policy', async () => {
    const shop = await licensedShop();
    const otherShop = await licensedShop();
    const wrongCode = await register(application({ ...shop, creditCode: '91330212MA2XXXXX0X' }));
    expect(wrongCode.status).toBe(400);
    expect(fields(wrongCode.body)).toEqual(['creditCode:mismatch']);
    expect(JSON.stringify(wrongCode.body)).toContain('统一社会信用代码');
    const wrongLicence = await register(application({ ...shop, licenceNumber: otherShop.licenceNumber }), { language: 'en' });
    expect(wrongLicence.status).toBe(400);
    expect(fields(wrongLicence.body)).toEqual(['licenceNumber:mismatch']);
    expect(JSON.stringify(wrongLicence.body)).toContain('food business licence number does not match');
    const expired = await licensedShop('2020-01-01');
    expect(fields((await register(application(expired))).body)).toEqual(['licenceNumber:mismatch']);
    const weak = await register(application(shop, { password: 'short' }));
    expect(weak.status).toBe(400);
    expect(fields(weak.body)).toContain('password:password.too_short');
    const badPhone = await register(application(shop, { phone: '123' }));
    expect(badPhone.status).toBe(400);
    expect(JSON.stringify(badPhone.body)).toContain('phone');
    const crossSite = await register(application(shop), { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
  });

  it('is rate-limited per address', async () => {
    const shop = await licensedShop();
    const statuses: number[] = [];
    for (let n = 0; n < 6; n += 1)
      statuses.push((await register(application(shop, { password: 'x' }), { remoteAddress: '10.77.0.1' })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('a pending application is seen and decided only by the station of the street (and section); approval creates the account', async () => {
    const shop = await licensedShop();
    const body = application(shop);
    const submitted = await register(body);
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'pending' });
    const id = submitted.body.id as number;
    expect(fields((await register({ ...body })).body)).toEqual(['username:pending']);

    const [stored] = await platform.database.db.select().from(operatorApplication).where(eq(operatorApplication.id, id));
    expect(stored?.phoneEnc).not.toContain('13912345678');
    expect(stored?.passwordHash).not.toContain(strongPassword);

    const station = await call(home.users.inspector1.username, 'GET', '/api/v1/operator-registrations?status=pending');
    expect(station.status).toBe(200);
    const listed = (station.body as Json).items.find((row: Json) => row.id === id);
    expect(listed).toMatchObject({
      entityId: shop.entityId,
      creditCode: shop.creditCode,
      phoneMasked: '139****5678',
      bindsExistingAccount: false,
    });
    expect(JSON.stringify(station.body)).not.toContain('13912345678');
    for (const outsider of [home.users.inspector2.username, other.users.section.username]) {
      const list = await call(outsider, 'GET', '/api/v1/operator-registrations');
      expect((list.body as Json).items.some((row: Json) => row.id === id)).toBe(false);
      expect((await call(outsider, 'POST', `/api/v1/operator-registrations/${id}/approve`, {})).status).toBe(404);
    }
    expect((await call(home.users.operator.username, 'GET', '/api/v1/operator-registrations')).status).toBe(403);

    const revealed = await call(home.users.inspector1.username, 'POST', `/api/v1/operator-registrations/${id}/reveal-phone`, {
      reason: '回电核实',
    });
    expect(revealed.body).toEqual({ phone: '13912345678' });

    const approved = await call(home.users.inspector1.username, 'POST', `/api/v1/operator-registrations/${id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved' });
    expect((await call(home.users.section.username, 'POST', `/api/v1/operator-registrations/${id}/approve`, {})).status).toBe(409);
    await signIn(app, body.username, strongPassword);
    const [account] = await platform.database.db.select().from(appUser).where(eq(appUser.username, body.username));
    expect(account).toMatchObject({ districtCode: home.code, roles: ['operator'], displayName: '赵店主' });
    expect(await boundShops(account?.id ?? 0)).toEqual([shop.entityId]);
    const audits = await platform.database.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.objectType, 'operator_application'), eq(auditEvent.objectId, String(id))));
    expect(audits.map((row) => row.action).sort()).toEqual([
      'operator_application.approve',
      'operator_application.reveal_phone',
      'operator_application.submit',
    ]);
  });

  it('rejection keeps the reason; an existing operator account with its password is bound to the new shop', async () => {
    const shop = await licensedShop();
    const rejectedId = (await register(application(shop))).body.id as number;
    const noReason = await call(home.users.section.username, 'POST', `/api/v1/operator-registrations/${rejectedId}/reject`, {});
    expect(noReason.status).toBe(400);
    const rejected = await call(home.users.section.username, 'POST', `/api/v1/operator-registrations/${rejectedId}/reject`, {
      reason: '许可证信息与现场不符',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '许可证信息与现场不符' });

    const operator = home.users.operator.username;
    const taken = await register(application(shop, { username: operator, password: 'Wrong-Password-9' }));
    expect(fields(taken.body)).toEqual(['username:taken']);
    const otherDistrict = await register(application(shop, { username: other.users.operator.username, password: testPassword }));
    expect(fields(otherDistrict.body)).toEqual(['username:taken']);
    const bind = await register(application(shop, { username: operator, password: testPassword }));
    expect(bind.status).toBe(201);
    const view = await call(home.users.inspector1.username, 'GET', `/api/v1/operator-registrations/${bind.body.id}`);
    expect(view.body).toMatchObject({ bindsExistingAccount: true, username: operator });
    // The operator is signed in already: their session acts for the new shop from the approval on, without signing in again.
    expect((await call(operator, 'GET', `/api/v1/entities/${shop.entityId}`)).status).toBe(404);
    const approved = await call(home.users.inspector1.username, 'POST', `/api/v1/operator-registrations/${bind.body.id}/approve`, {});
    expect(approved.body).toMatchObject({ status: 'approved', userId: home.users.operator.id });
    expect(await boundShops(home.users.operator.id)).toContain(shop.entityId);
    expect((await call(operator, 'GET', `/api/v1/entities/${shop.entityId}`)).status).toBe(200);
  });

  it('guessing the password of an account here counts towards its lockout, as at sign-in', async () => {
    const shop = await licensedShop();
    const target = other.users.operator.username;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(fields((await register(application(shop, { username: target, password: `Wrong-Guess-${attempt}9` }))).body)).toEqual([
        'username:taken',
      ]);
    }
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: target, password: testPassword } });
    expect(signIn.statusCode).toBe(401);
  });
});
