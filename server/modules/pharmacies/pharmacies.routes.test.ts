import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import { queryRows } from '../../db/client.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const cookies = new Map<string, string>();
let pharmacyId = 0;
let otherPharmacyId = 0;
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

const buyer = {
  buyerName: '陈小明',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  address: '中山路1号',
  temperature: 38.2,
  symptoms: ['fever', 'cough'],
  medicineClass: 'antipyretic',
  quantity: 2,
  travelHistory: '',
  hasContactHistory: false,
};

async function makePharmacy(name: string, streetIndex: 0 | 1, serial: number): Promise<number> {
  const body = `91${home.code}${String(Date.now() % 1e6).padStart(6, '0')}${serial}00`;
  const created = await call('section', 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name,
    kind: 'enterprise',
    legalRepName: '赵六',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'F52',
    foundedOn: '2015-05-01',
    address: '药店路1号',
    streetCode: home.stations[streetIndex].streetCode,
    businessCategory: 'pharmacy',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as number;
}

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  platform.clock.set('2026-03-02T02:00:00Z'); // 10:00 China time
  pharmacyId = await makePharmacy('康宁大药房', 0, 1);
  otherPharmacyId = await makePharmacy('仁心药店', 1, 2);
  expect((await call('admin', 'PATCH', `/api/v1/users/${home.users.operator.id}`, { entityIds: [pharmacyId] })).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('registration at the counter', () => {
  it('the pharmacy registers a feverish buyer; the ID and phone are stored encrypted and shown masked; health data only to the epidemic team', async () => {
    const registered = await call('operator', 'POST', '/api/v1/pharmacies/registrations', { pharmacyId, ...buyer });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    expect(registered.body).toMatchObject({
      pharmacyName: '康宁大药房',
      idNumberMasked: '110105********002X',
      phoneMasked: '139****5678',
      registeredOn: '2026-03-02',
      health: null,
    });
    expect(registered.text).not.toContain('11010519491231002X');
    const [stored] = await queryRows<{ id_number_enc: string; phone_enc: string }>(
      platform.database.db,
      sql`select id_number_enc, phone_enc from ph_registration where district_code = ${home.code} and id = ${registered.body.id as number}`,
    );
    expect(stored?.id_number_enc).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain('13912345678');

    const asSection = await call('section', 'GET', `/api/v1/pharmacies/registrations/${registered.body.id}`);
    expect(asSection.body.health).toEqual({
      temperature: 38.2,
      symptoms: ['fever', 'cough'],
      hasContactHistory: false,
      travelHistory: '',
      address: '中山路1号',
      needsFollowUp: true,
    });
    expect((await call('inspector1', 'GET', `/api/v1/pharmacies/registrations/${registered.body.id}`)).body.health).toBeNull();
    expect((await call('inspector2', 'GET', `/api/v1/pharmacies/registrations/${registered.body.id}`)).status).toBe(404);
  });

  it('names every bad field, in Chinese and in English', async () => {
    const bad = {
      pharmacyId,
      ...buyer,
      idNumber: '110105194912310021',
      phone: '2345',
      temperature: 47,
      quantity: 0,
      symptoms: ['sneezing'],
    };
    const zh = await call('operator', 'POST', '/api/v1/pharmacies/registrations', bad);
    expect(zh.status).toBe(400);
    expect((zh.body.errors as Json[]).map((error) => error.field)).toEqual(['idNumber', 'phone', 'temperature', 'symptoms', 'quantity']);
    expect((zh.body.errors as Json[])[0]?.message).toContain('身份证号码不正确');
    const en = await call('operator', 'POST', '/api/v1/pharmacies/registrations', bad, 'en');
    expect((en.body.errors as Json[])[2]?.message).toBe('must be between 34.0 and 43.0 °C with one decimal');
    // Another pharmacy is not the operator's: 404, as if it did not exist.
    expect((await call('operator', 'POST', '/api/v1/pharmacies/registrations', { ...buyer, pharmacyId: otherPharmacyId })).status).toBe(
      404,
    );
  });

  it('a POS batch is answered row by row, and a retry applies nothing twice', async () => {
    const rows = [
      { key: 'pos-1', ...buyer, temperature: 36.5, symptoms: [], idNumber: '110101199003077774' },
      { key: 'pos-2', ...buyer, idKind: 'passport', idNumber: 'E1234567', temperature: 36.6, symptoms: [], hasContactHistory: true },
      { key: 'pos-3', ...buyer, phone: '123', quantity: 99 },
      { key: 'pos-4', ...buyer, buyerName: '王五', idNumber: '110105194912310021' },
    ];
    const first = await call('operator', 'POST', '/api/v1/pharmacies/registrations/bulk', { pharmacyId, rows });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const results = first.body.rows as Json[];
    expect(results.map((row) => row.status)).toEqual(['created', 'created', 'rejected', 'rejected']);
    expect(((results[2]?.errors ?? []) as Json[]).map((error) => `${error.in}:${error.field}`)).toEqual([
      'rows.2:phone',
      'rows.2:quantity',
    ]);
    const again = await call('operator', 'POST', '/api/v1/pharmacies/registrations/bulk', { pharmacyId, rows });
    expect((again.body.rows as Json[]).filter((row) => row.status === 'duplicate').map((row) => row.id)).toEqual(
      results.filter((row) => row.status === 'created').map((row) => row.id),
    );
    expect(again.body.created).toBe(0);
    // A batch that mixes a row sent before with a new one stores the new one only, and names the first row's id.
    const mixed = await call('operator', 'POST', '/api/v1/pharmacies/registrations/bulk', {
      pharmacyId,
      rows: [rows[0], { key: 'pos-5', ...buyer, temperature: 36.4, symptoms: [], idNumber: '110101199003077774' }],
    });
    expect(mixed.body).toMatchObject({ created: 1, duplicates: 1, rejected: 0 });
    expect((mixed.body.rows as Json[]).map((row) => [row.key, row.status])).toEqual([
      ['pos-1', 'duplicate'],
      ['pos-5', 'created'],
    ]);
    expect((mixed.body.rows as Json[])[0]?.id).toBe(results[0]?.id);
    // The same new batch sent twice at once (a POS retrying before its first answer): stored once, both answers agree.
    const twice = { pharmacyId, rows: [{ key: 'pos-6', ...buyer, temperature: 36.5, symptoms: [], idNumber: '110101199003077774' }] };
    const [one, two] = await Promise.all([
      call('operator', 'POST', '/api/v1/pharmacies/registrations/bulk', twice),
      call('operator', 'POST', '/api/v1/pharmacies/registrations/bulk', twice),
    ]);
    expect([one.body.created, two.body.created].sort()).toEqual([0, 1]);
    expect((one.body.rows as Json[])[0]?.id).toBe((two.body.rows as Json[])[0]?.id);
    const [{ count } = { count: 0 }] = await queryRows<{ count: number }>(
      platform.database.db,
      sql`select count(*)::int as count from ph_registration where district_code = ${home.code} and source = 'pos'`,
    );
    expect(count).toBe(Number(first.body.created) + 2);
    // The epidemic view and figures below count the first batch's buyers only.
    await platform.database.db.execute(
      sql`delete from ph_registration where district_code = ${home.code} and idempotency_key in ('pos-5', 'pos-6')`,
    );
  });
});

describe('the epidemic view', () => {
  it('counts people by symptom, medicine class and street, lists the people to follow up with the records behind each count', async () => {
    const view = await call('section', 'GET', '/api/v1/pharmacies/surveillance?day=2026-03-02');
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    // 陈小明 (fever, registered once at the counter) and the POS buyer with contact history; distinct people by ID.
    expect(view.body).toMatchObject({
      symptomaticPeople: 1,
      followUpPeople: 2,
      contactPeople: 1,
      buyers: 3,
      registrations: 3,
      pharmacies: 2,
      pharmaciesReported: 1,
    });
    expect((view.body.bySymptom as Json[]).find((row) => row.key === 'fever')).toMatchObject({
      label: '发热',
      people: 1,
      registrations: 1,
    });
    expect((view.body.byStreet as Json[])[0]).toMatchObject({ key: home.stations[0].streetCode, symptomaticPeople: 1 });
    expect((view.body.trend as Json[]).length).toBe(28);

    const followUps = await call('section', 'GET', '/api/v1/pharmacies/registrations?day=2026-03-02&group=follow_up');
    expect(followUps.body.total).toBe(2);
    expect((followUps.body.items as Json[]).every((item) => (item.health as Json).needsFollowUp)).toBe(true);
    const fever = await call('section', 'GET', '/api/v1/pharmacies/registrations?day=2026-03-02&symptom=fever');
    expect(fever.body.total).toBe(1);
    // Health filters are the epidemic team's: an inspector gets counts, not the list of who had a fever.
    expect((await call('inspector1', 'GET', '/api/v1/pharmacies/registrations?group=follow_up')).status).toBe(400);
    expect((await call('inspector2', 'GET', '/api/v1/pharmacies/surveillance?day=2026-03-02')).body).toMatchObject({
      registrations: 0,
      pharmacies: 1,
    });
    expect((await call('operator', 'GET', '/api/v1/pharmacies/surveillance')).status).toBe(403);
  });

  it('the epidemic team reveals a phone for the follow-up call; the reveal and the list views are audited; others may not', async () => {
    const list = await call('section', 'GET', '/api/v1/pharmacies/registrations?day=2026-03-02&group=contact');
    const id = (list.body.items as Json[])[0]?.id as number;
    const revealed = await call('section', 'POST', `/api/v1/pharmacies/registrations/${id}/reveal`, {
      field: 'idNumber',
      reason: '流调回访',
    });
    expect(revealed.body).toEqual({ field: 'idNumber', value: 'E1234567' });
    expect(
      (await call('inspector1', 'POST', `/api/v1/pharmacies/registrations/${id}/reveal`, { field: 'phone', reason: '看看' })).status,
    ).toBe(403);
    expect(
      (await call('operator', 'POST', `/api/v1/pharmacies/registrations/${id}/reveal`, { field: 'phone', reason: '看看' })).status,
    ).toBe(403);
    const audited = await queryRows<{ action: string; reason: string | null }>(
      platform.database.db,
      sql`select action, reason from audit_event where district_code = ${home.code} and action like 'pharmacies.%' order by seq`,
    );
    const exported = await app.inject({
      method: 'GET',
      url: '/api/v1/pharmacies/follow-ups.xlsx?day=2026-03-02',
      headers: { cookie: cookies.get(home.users.section.username) as string },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect((await call('inspector1', 'GET', '/api/v1/pharmacies/follow-ups.xlsx')).status).toBe(403);
    const [exportAudit] = await queryRows<{ detail: { count: number } }>(
      platform.database.db,
      sql`select detail from audit_event where district_code = ${home.code} and action = 'pharmacies.follow_up_export'`,
    );
    expect(exportAudit?.detail.count).toBe(2);
    expect(audited).toEqual(
      expect.arrayContaining([
        { action: 'pharmacies.health_list_view', reason: null },
        { action: 'pharmacies.reveal_id_number', reason: '流调回访' },
      ]),
    );
  });

  it('the station sees which of its pharmacies have not reported; a pharmacy reports "nothing today"', async () => {
    const before = await call('section', 'GET', '/api/v1/pharmacies/status?day=2026-03-02');
    expect(before.body).toMatchObject({ total: 2, reported: 1, cutOff: '20:00', isPastCutOff: false });
    expect((before.body.items as Json[])[0]).toMatchObject({ pharmacyId: otherPharmacyId, hasReported: false });
    expect((await call('section', 'POST', '/api/v1/pharmacies/reports', { pharmacyId: otherPharmacyId })).status).toBe(201);
    const after = await call('inspector2', 'GET', '/api/v1/pharmacies/status?day=2026-03-02');
    expect(after.body).toMatchObject({ total: 1, reported: 1, items: [{ pharmacyId: otherPharmacyId, hasReported: true, isNil: true }] });
    expect((await call('operator', 'GET', '/api/v1/pharmacies/status?day=2026-03-02')).body).toMatchObject({ total: 1, reported: 1 });
  });
});

describe('service points', () => {
  it('section staff add a remote dispensing point; the public page lists it until it closes', async () => {
    const created = await call('section', 'POST', '/api/v1/pharmacies/service-points', {
      kind: 'remote_point',
      name: '海岛送药点',
      streetCode: home.stations[1].streetCode,
      address: '某岛村委会',
      serviceArea: '某岛全岛居民',
      hours: '每周二 9:00–16:00',
      openedOn: '2020-02-10',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const page = await app.inject({ method: 'GET', url: `/public/pharmacy-service-points/${home.code}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('海岛送药点');
    expect(page.body).not.toContain('<script');
    await call('section', 'POST', `/api/v1/pharmacies/service-points/${created.body.id}/close`, { closedOn: '2026-03-01' });
    expect((await app.inject({ method: 'GET', url: `/public/pharmacy-service-points/${home.code}` })).body).not.toContain('海岛送药点');
  });
});

describe('figures', () => {
  it('count registrations and distinct people, and the records add up', async () => {
    const figures = (
      await call(
        'section',
        'GET',
        '/api/v1/figures?period=2026-03&keys=pharmacies.registrations,pharmacies.symptomatic-people,pharmacies.contact-people,pharmacies.reporting-pharmacies',
      )
    ).body;
    const value = (key: string) => ((figures.items as Json[]).find((item) => item.key === key) as Json | undefined)?.value;
    expect(value('pharmacies.registrations')).toBe(3);
    expect(value('pharmacies.symptomatic-people')).toBe(1);
    expect(value('pharmacies.contact-people')).toBe(1);
    expect(value('pharmacies.reporting-pharmacies')).toBe(1);
    const records = await call('section', 'GET', '/api/v1/figures/pharmacies.registrations/records?period=2026-03');
    expect(records.body.total).toBe(3);
    expect(records.text).not.toContain('陈小明');
  });
});

describe('阳光药师 attendance', () => {
  it('the pharmacy’s phone checks its pharmacist in and out; the month’s rate counts covered days; today’s absence is flagged', async () => {
    const registered = await call('operator', 'POST', '/api/v1/pharmacies/pharmacists', {
      pharmacyId,
      name: '周药师',
      licenceNumber: 'ZY33021220150001',
      registeredOn: '2026-02-27',
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const pharmacistId = registered.body.id as number;
    const shift = async (inAt: string, outAt: string) => {
      platform.clock.set(inAt);
      expect(
        (await call('operator', 'POST', '/api/v1/pharmacies/attendance/check-in', { pharmacistId, lng: 121.55, lat: 29.87 })).status,
      ).toBe(201);
      platform.clock.set(outAt);
      expect((await call('operator', 'POST', '/api/v1/pharmacies/attendance/check-out', { pharmacistId })).status).toBe(200);
    };
    await shift('2026-02-26T23:55:00Z', '2026-02-27T11:45:00Z'); // 27 Feb: 07:55–19:45 China time, covered
    await shift('2026-02-28T01:00:00Z', '2026-02-28T12:00:00Z'); // 28 Feb: in at 09:00, late
    platform.clock.set('2026-02-28T12:30:00Z');
    const twice = await call('operator', 'POST', '/api/v1/pharmacies/attendance/check-in', { pharmacistId });
    expect(twice.status).toBe(400);
    expect((twice.body.errors as Json[])[0]).toMatchObject({ field: 'pharmacistId', code: 'already_checked_in' });
    platform.clock.set('2026-03-02T02:00:00Z');

    const february = await call('section', 'GET', '/api/v1/pharmacies/attendance?month=2026-02');
    expect(february.status, JSON.stringify(february.body)).toBe(200);
    expect(february.body.district).toMatchObject({ due: 2, covered: 1, rate: 50 });
    expect(february.body.pharmacies).toEqual([{ key: String(pharmacyId), label: '康宁大药房', due: 2, covered: 1, rate: 50 }]);
    const march = await call('section', 'GET', '/api/v1/pharmacies/attendance?month=2026-03');
    expect(march.body.district).toMatchObject({ due: 1, covered: 0, rate: 0 }); // 1 March; today is not due yet
    expect(march.body.openWithoutPharmacist).toEqual([{ pharmacyId, name: '康宁大药房', streetName: '街道1' }]);
    expect((await call('inspector2', 'GET', '/api/v1/pharmacies/attendance?month=2026-02')).body.district).toMatchObject({
      due: 0,
      rate: null,
    });

    const figures = (await call('section', 'GET', '/api/v1/figures?period=2026-02&keys=pharmacies.attendance-rate')).body;
    expect((figures.items as Json[])[0]).toMatchObject({ key: 'pharmacies.attendance-rate', value: 50 });
    // Another station's inspector cannot check a pharmacist in (nor can staff: it is the pharmacy's phone).
    expect((await call('inspector1', 'POST', '/api/v1/pharmacies/attendance/check-in', { pharmacistId })).status).toBe(403);
  });
});

describe('epidemic supplies', () => {
  it('the pharmacy reports its stock; a shortage is flagged to the station; a pharmacy without a report is unknown, not stocked', async () => {
    const reported = await call('operator', 'POST', '/api/v1/pharmacies/supplies', {
      pharmacyId,
      masks: 150,
      alcohol: 12,
      thermometers: 3,
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    expect(reported.body).toEqual({ reportOn: '2026-03-02', shortages: ['masks', 'thermometers'] });
    const bad = await call('operator', 'POST', '/api/v1/pharmacies/supplies', { pharmacyId, masks: -1, alcohol: 1.5, thermometers: 3 });
    expect((bad.body.errors as Json[]).map((error) => error.field).sort()).toEqual(['alcohol', 'masks']);
    const station1 = await call('inspector1', 'GET', '/api/v1/pharmacies/supplies');
    expect(station1.body).toMatchObject({
      total: 1,
      short: 1,
      items: [{ pharmacyId, shortages: ['masks', 'thermometers'], isStale: false, masks: 150 }],
    });
    const station2 = await call('inspector2', 'GET', '/api/v1/pharmacies/supplies');
    expect(station2.body).toMatchObject({ total: 1, short: 0, items: [{ pharmacyId: otherPharmacyId, isStale: true, masks: null }] });
    expect(
      (
        await call('operator', 'POST', '/api/v1/pharmacies/supplies', {
          pharmacyId: otherPharmacyId,
          masks: 1,
          alcohol: 1,
          thermometers: 1,
        })
      ).status,
    ).toBe(404);
  });
});
