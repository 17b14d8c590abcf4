import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import { queryRows } from '../../db/client.ts';
import { createFieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { resealAll } from '../../platform/crypto/reseal.ts';
import { systemContext } from '../../platform/http/context.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { raiseAlarmsAllDistricts } from './service/alarms.ts';
import { purgeAllDistricts } from './service/retention.ts';

// Retention, alarms, POS keys, the check-in's place and the key rotation, on a database of its own (the re-seal walks
// every table of it).
let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const cookies = new Map<string, string>();
let pharmacyId = 0;
type Json = Record<string, unknown>;
type User = keyof TestDistrict['users'];

async function call(user: User, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, language = 'zh-CN') {
  const username = home.users[user].username;
  if (!cookies.has(username)) cookies.set(username, await signIn(app, username));
  const response = await app.inject({
    method,
    url,
    headers: { cookie: cookies.get(username) as string, 'accept-language': language },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.json() as Json, text: response.body };
}
const count = async (query: ReturnType<typeof sql>) =>
  Number((await queryRows<{ count: number }>(platform.database.db, query))[0]?.count ?? 0);

const feverish = (idNumber: string, extra: Json = {}) => ({
  pharmacyId,
  buyerName: '林发热',
  idKind: 'passport',
  idNumber,
  phone: '13566667777',
  temperature: 38.4,
  symptoms: ['fever'],
  medicineClass: 'antipyretic',
  quantity: 1,
  ...extra,
});
const settings = {
  reportCutOff: '18:00',
  opensAt: '08:00',
  closesAt: '20:00',
  toleranceMinutes: 30,
  checkInRadiusMetres: 300,
  retentionDays: 90,
  shortageThresholds: { masks: 200, alcohol: 10, thermometers: 5 },
};

beforeAll(async () => {
  platform = await testPlatform({}, { isOwnDatabase: true });
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  platform.clock.set('2026-03-02T02:00:00Z'); // 10:00 China time
  const body = `91${home.code}${String(Date.now() % 1e6).padStart(6, '0')}110`;
  const created = await call('section', 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: '海曙大药房',
    kind: 'enterprise',
    legalRepName: '赵六',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'F52',
    foundedOn: '2015-05-01',
    address: '药店路1号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'pharmacy',
    lng: '121.550000',
    lat: '29.870000',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  pharmacyId = created.body.id as number;
  expect((await call('admin', 'PATCH', `/api/v1/users/${home.users.operator.id}`, { entityIds: [pharmacyId] })).status).toBe(200);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('the bureau’s settings', () => {
  it('section staff change the cut-off and the retention from a date; bad values are named; the station’s status uses the new cut-off', async () => {
    const bad = await call('section', 'POST', '/api/v1/pharmacies/settings', {
      ...settings,
      effectiveFrom: '2026-03-01',
      retentionDays: 30,
      closesAt: '07:00',
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as Json[]).map((error) => error.field)).toEqual(['closesAt', 'retentionDays', 'effectiveFrom']);
    const en = await call(
      'section',
      'POST',
      '/api/v1/pharmacies/settings',
      { ...settings, effectiveFrom: '2026-03-02', retentionDays: 30 },
      'en',
    );
    expect((en.body.errors as Json[])[0]?.message).toBe('must be at least 60 days (the alarm baseline needs them)');
    expect((await call('inspector1', 'POST', '/api/v1/pharmacies/settings', { ...settings, effectiveFrom: '2026-03-02' })).status).toBe(
      403,
    );

    const before = await call('operator', 'GET', '/api/v1/pharmacies/settings');
    expect(before.body).toMatchObject({ isDefault: true, settings: { reportCutOff: '20:00', retentionDays: 1095 } });
    const saved = await call('section', 'POST', '/api/v1/pharmacies/settings', {
      ...settings,
      effectiveFrom: '2026-03-02',
      note: '局务会决定',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body).toMatchObject({
      isDefault: false,
      effectiveFrom: '2026-03-02',
      settings: { reportCutOff: '18:00', retentionDays: 90 },
    });
    expect((await call('inspector1', 'GET', '/api/v1/pharmacies/status?day=2026-03-02')).body).toMatchObject({ cutOff: '18:00' });
    // A past day keeps the rule of its day.
    expect((await call('inspector1', 'GET', '/api/v1/pharmacies/status?day=2026-03-01')).body).toMatchObject({ cutOff: '20:00' });
    expect(
      await count(
        sql`select count(*)::int as count from audit_event where district_code = ${home.code} and action = 'pharmacies.settings_change'`,
      ),
    ).toBe(1);
  });
});

describe('retention', () => {
  it('purges registrations past the retention period and keeps their counts: the figures do not change, no person is left', async () => {
    platform.clock.set('2025-10-01T02:00:00Z');
    for (const buyer of [
      feverish('E1000001'),
      feverish('E1000001'),
      feverish('E1000002', { temperature: 36.5, symptoms: [], hasContactHistory: true }),
    ])
      expect((await call('operator', 'POST', '/api/v1/pharmacies/registrations', buyer)).status).toBe(201);
    platform.clock.set('2026-03-02T02:00:00Z');
    const figures = async () => {
      const answer = await call(
        'section',
        'GET',
        '/api/v1/figures?period=2025-10&keys=pharmacies.registrations,pharmacies.symptomatic-people,pharmacies.contact-people,pharmacies.reporting-pharmacies',
      );
      return Object.fromEntries((answer.body.items as Json[]).map((item) => [item.key, item.value]));
    };
    const expected = {
      'pharmacies.registrations': 3,
      'pharmacies.symptomatic-people': 1,
      'pharmacies.contact-people': 1,
      'pharmacies.reporting-pharmacies': 1,
    };
    expect(await figures()).toEqual(expected);

    const ran = await purgeAllDistricts(systemContext(platform));
    expect(ran.purged).toBeGreaterThanOrEqual(3);
    expect(
      await count(
        sql`select count(*)::int as count from ph_registration where district_code = ${home.code} and registered_on = '2025-10-01'`,
      ),
    ).toBe(0);
    const [tally] = await queryRows<Json>(
      platform.database.db,
      sql`select registrations, people, symptomatic_people, follow_up_people, contact_people from ph_registration_tally
          where district_code = ${home.code} and registered_on = '2025-10-01'`,
    );
    expect(tally).toEqual({ registrations: 3, people: 2, symptomatic_people: 1, follow_up_people: 2, contact_people: 1 });
    expect(await figures()).toEqual(expected);
    const records = await call('section', 'GET', '/api/v1/figures/pharmacies.registrations/records?period=2025-10');
    expect(records.body.total).toBe(3);
    expect(records.text).not.toContain('林发热');
    const day = await call('section', 'GET', '/api/v1/pharmacies/surveillance?day=2025-10-01');
    expect(day.body).toMatchObject({ isPurged: true, registrations: 3, symptomaticPeople: 1, contactPeople: 1 });
    expect(
      await count(
        sql`select count(*)::int as count from audit_event where district_code = ${home.code} and action = 'pharmacies.registrations_purge'`,
      ),
    ).toBe(1);
    // A second run finds nothing; a POS row dated before the retention period is refused.
    expect((await purgeAllDistricts(systemContext(platform))).purged).toBe(0);
    const late = await call('operator', 'POST', '/api/v1/pharmacies/registrations/bulk', {
      pharmacyId,
      rows: [{ key: 'late-1', registeredAt: '2025-10-01T03:00:00Z', ...feverish('E1000003') }],
    });
    expect((late.body.rows as Json[])[0]).toMatchObject({
      status: 'rejected',
      errors: [{ field: 'registeredAt', code: 'past_retention' }],
    });
  });
});

describe('EARS alarms', () => {
  it('three feverish buyers on a quiet street raise an alarm at once; the epidemic team sees, investigates and closes it, each step audited', async () => {
    for (const passport of ['E2000001', 'E2000002', 'E2000003'])
      expect((await call('operator', 'POST', '/api/v1/pharmacies/registrations', feverish(passport))).status).toBe(201);
    const open = await call('section', 'GET', '/api/v1/pharmacies/alarms?status=open');
    const today = (open.body.items as Json[]).filter((item) => item.signalOn === '2026-03-02');
    const street = today.find((item) => item.streetCode === home.stations[0].streetCode) as Json;
    expect(street).toMatchObject({ areaName: '街道1', observed: 3, status: 'raised', detectors: expect.arrayContaining(['C1']), c1: 6 });
    expect(today.find((item) => item.streetCode === null)).toMatchObject({ areaName: '全区', areaCode: home.code });
    // A station sees its streets' alarms, not the district's; another station none; a pharmacy not at all.
    expect(((await call('inspector1', 'GET', '/api/v1/pharmacies/alarms')).body.items as Json[]).map((item) => item.streetCode)).toEqual(
      expect.arrayContaining([home.stations[0].streetCode]),
    );
    expect(
      ((await call('inspector1', 'GET', '/api/v1/pharmacies/alarms')).body.items as Json[]).some((item) => item.streetCode === null),
    ).toBe(false);
    expect((await call('inspector2', 'GET', '/api/v1/pharmacies/alarms')).body.total).toBe(0);
    expect((await call('operator', 'GET', '/api/v1/pharmacies/alarms')).status).toBe(403);
    expect((await call('inspector1', 'POST', `/api/v1/pharmacies/alarms/${street.id}/see`, {})).status).toBe(403);

    const id = street.id as number;
    const noNote = await call('section', 'POST', `/api/v1/pharmacies/alarms/${id}/investigate`, {});
    expect((noNote.body.errors as Json[])[0]).toMatchObject({ field: 'note', code: 'required' });
    expect((await call('section', 'POST', `/api/v1/pharmacies/alarms/${id}/see`, {})).body).toMatchObject({ status: 'seen' });
    const again = await call('section', 'POST', `/api/v1/pharmacies/alarms/${id}/see`, {});
    expect(again.status).toBe(409);
    expect(
      (await call('section', 'POST', `/api/v1/pharmacies/alarms/${id}/investigate`, { note: '电话回访3人，均为同一家庭' })).body,
    ).toMatchObject({ status: 'investigating', investigationNote: '电话回访3人，均为同一家庭' });
    const closed = await call('section', 'POST', `/api/v1/pharmacies/alarms/${id}/close`, { note: '家庭聚集性感冒，已排除' });
    expect(closed.body).toMatchObject({ status: 'closed', closingNote: '家庭聚集性感冒，已排除' });
    // A later buyer the same day updates nothing of a closed alarm; the hourly sweep raises nothing twice.
    expect((await call('operator', 'POST', '/api/v1/pharmacies/registrations', feverish('E2000004'))).status).toBe(201);
    expect((await call('section', 'GET', `/api/v1/pharmacies/alarms/${id}`)).body).toMatchObject({ status: 'closed', observed: 3 });
    expect((await raiseAlarmsAllDistricts(systemContext(platform))).raised).toBe(0);
    const steps = await queryRows<{ action: string }>(
      platform.database.db,
      sql`select action from audit_event where district_code = ${home.code} and object_type = 'ph_alarm' and object_id = ${String(id)} order by seq`,
    );
    expect(steps.map((step) => step.action)).toEqual([
      'pharmacies.alarm_raise',
      'pharmacies.alarm_see',
      'pharmacies.alarm_investigate',
      'pharmacies.alarm_close',
    ]);
    // The surveillance page's chart of the street marks the day.
    const view = await call('section', 'GET', '/api/v1/pharmacies/surveillance?day=2026-03-02');
    const trend = (view.body.streetTrends as { key: string; points: { day: string; alarm: string[]; symptomaticPeople: number }[] }[]).find(
      (entry) => entry.key === home.stations[0].streetCode,
    );
    expect(trend?.points.at(-1)).toMatchObject({ day: '2026-03-02', symptomaticPeople: 4, alarm: expect.arrayContaining(['C1']) });
    // Per pharmacy: the 4 feverish buyers of the day, most symptomatic first.
    expect((view.body.byPharmacy as Json[])[0]).toMatchObject({ key: String(pharmacyId), label: '海曙大药房', symptomaticPeople: 4 });
  });
});

describe('POS keys', () => {
  it('the pharmacy makes a key; its POS posts batches with it for that pharmacy only; a revoked key is refused; stored hashed', async () => {
    const made = await call('operator', 'POST', '/api/v1/pharmacies/pos-keys', { pharmacyId, label: '前台收银机' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const key = made.body.key as string;
    expect(key).toMatch(new RegExp(`^pos\\.${home.code}\\.`));
    const listed = await call('operator', 'GET', '/api/v1/pharmacies/pos-keys');
    expect(listed.text).not.toContain(key);
    expect(listed.body.items).toEqual([expect.objectContaining({ label: '前台收银机', keyHint: `…${key.slice(-4)}`, revokedAt: null })]);
    expect(await count(sql`select count(*)::int as count from ph_pos_key where key_hash = ${key}`)).toBe(0);
    expect((await call('inspector1', 'POST', '/api/v1/pharmacies/pos-keys', { pharmacyId, label: 'x' })).status).toBe(403);

    const post = (authorization: string | undefined, payload: unknown) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/pharmacies/pos/registrations',
        headers: authorization ? { authorization } : {},
        payload: payload as object,
      });
    const rows = [{ key: 'till-1', ...feverish('E3000001', { temperature: 36.6, symptoms: [] }) }].map(({ pharmacyId: _p, ...row }) => row);
    const first = await post(`Bearer ${key}`, { rows });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 1, rows: [{ key: 'till-1', status: 'created' }] });
    expect((await post(`Bearer ${key}`, { rows })).json()).toMatchObject({ created: 0, duplicates: 1 });
    // The key names the pharmacy: a body that names one is refused, and so is a wrong or missing key.
    expect((await post(`Bearer ${key}`, { pharmacyId: pharmacyId + 1, rows })).statusCode).toBe(400);
    expect((await post(`Bearer ${key.slice(0, -1)}${key.endsWith('x') ? 'y' : 'x'}`, { rows })).statusCode).toBe(401);
    expect((await post(undefined, { rows })).statusCode).toBe(401);
    const [stored] = await queryRows<{ source: string; created_by: number }>(
      platform.database.db,
      sql`select source, created_by from ph_registration where district_code = ${home.code} and idempotency_key = 'till-1'`,
    );
    expect(stored).toEqual({ source: 'pos', created_by: home.users.operator.id });

    const revoked = await call('operator', 'POST', `/api/v1/pharmacies/pos-keys/${made.body.id}/revoke`, {});
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await post(`Bearer ${key}`, { rows })).statusCode).toBe(401);
    expect(
      await count(
        sql`select count(*)::int as count from audit_event where district_code = ${home.code} and action like 'pharmacies.pos_key_%'`,
      ),
    ).toBe(2);
  });

  it('is rate-limited per key', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 121; attempt++)
      statuses.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/v1/pharmacies/pos/registrations',
            headers: { authorization: `Bearer pos.${home.code}.${'a'.repeat(43)}` },
            payload: { rows: [{ key: 'x' }] },
          })
        ).statusCode,
      );
    expect(statuses.slice(0, 120).every((status) => status === 401)).toBe(true);
    expect(statuses[120]).toBe(429);
  });
});

describe('the check-in’s place', () => {
  it('a check-in a kilometre from the pharmacy is flagged on the attendance page; one at the door is not', async () => {
    const pharmacist = await call('operator', 'POST', '/api/v1/pharmacies/pharmacists', {
      pharmacyId,
      name: '周药师',
      licenceNumber: 'ZY33021220150002',
      registeredOn: '2026-02-01',
    });
    const pharmacistId = pharmacist.body.id as number;
    platform.clock.set('2026-03-01T23:50:00Z');
    const away = await call('operator', 'POST', '/api/v1/pharmacies/attendance/check-in', { pharmacistId, lng: 121.56, lat: 29.87 });
    expect(away.body).toMatchObject({ distanceMetres: 964, isAway: true });
    platform.clock.set('2026-03-02T23:50:00Z');
    cookies.clear(); // a day later: the sessions have timed out
    const near = await call('operator', 'POST', '/api/v1/pharmacies/attendance/check-in', { pharmacistId, lng: 121.5505, lat: 29.8701 });
    expect(near.body, JSON.stringify(near.body)).toMatchObject({ isAway: false });
    const month = await call('section', 'GET', '/api/v1/pharmacies/attendance?month=2026-03');
    expect(month.body.awayCheckIns).toEqual([
      expect.objectContaining({ pharmacyId, pharmacistName: '周药师', day: '2026-03-02', distanceMetres: 964 }),
    ]);
    platform.clock.set('2026-03-02T02:00:00Z');
    cookies.clear();
  });
});

describe('a key rotation', () => {
  it('re-seals the registrations’ ID numbers and phones with their blind indexes: a person is still one person', async () => {
    const newKey = Buffer.alloc(32, 91);
    const rotating = createFieldCrypto(newKey, platform.dataKey);
    await resealAll({ ...systemContext(platform), crypto: rotating }, { pauseMs: 0 });
    const [row] = await queryRows<{ id_number_blind: string; phone_blind: string; id_number_enc: string }>(
      platform.database.db,
      sql`select id_number_blind, phone_blind, id_number_enc from ph_registration where district_code = ${home.code} and idempotency_key = 'till-1'`,
    );
    expect(row?.id_number_blind).toBe(rotating.blindIndex('E3000001'));
    expect(row?.phone_blind).toBe(rotating.blindIndex('13566667777'));
    expect(row?.id_number_enc).toMatch(new RegExp(`^v1\\.${rotating.keyId}\\.`));
    const after = await testApp({ ...platform, crypto: createFieldCrypto(newKey) });
    try {
      const before = (await call('section', 'GET', '/api/v1/pharmacies/surveillance?day=2026-03-02')).body.buyers as number;
      const response = await after.inject({
        method: 'POST',
        url: '/api/v1/pharmacies/registrations',
        headers: { cookie: await signIn(after, home.users.section.username) },
        payload: feverish('E3000001', { temperature: 36.6, symptoms: [] }),
      });
      expect(response.statusCode, response.body).toBe(201);
      expect((await call('section', 'GET', '/api/v1/pharmacies/surveillance?day=2026-03-02')).body.buyers).toBe(before);
    } finally {
      await after.close();
    }
  });
});
