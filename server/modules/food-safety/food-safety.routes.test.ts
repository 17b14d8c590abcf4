import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaInstant } from '../../../shared/calendar-day.ts';
import { userEntity } from '../../platform/auth/auth.tables.ts';
import { systemContext } from '../../platform/http/context.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { smsOutbox } from '../../platform/sms/sms.tables.ts';
import { xlsxOfArrays } from '../../platform/spreadsheets/xlsx.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { cateringShop } from '../../test/probe-fixtures.ts';
import { apiCaller } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { seedFoodSafetyDemo } from './demo/demo-seed.ts';
import { residentId } from './food-safety.probes.ts';
import { runExpiryWarnings } from './service/expiry-warnings.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;
const call = apiCaller(() => app);
type Json = Record<string, unknown> & { errors?: { field: string }[]; items?: Record<string, unknown>[] };
const json = (response: { body: unknown }) => response.body as Json;
function at(day: string) {
  platform.clock.set(chinaInstant(day, '09:00:00'));
  call.signOutAll();
}
const runJob = (day: string) => runExpiryWarnings(systemContext(platform), day);
let idSerial = 500;
const nextId = () => {
  idSerial += 1;
  return residentId(idSerial);
};

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  other = await createTestDistrict(platform);
  at('2020-01-10');
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

async function shopOfOperator(): Promise<number> {
  const entityId = await cateringShop({ home, other, call });
  await home.ctx.db.insert(userEntity).values({ districtCode: home.code, userId: home.users.operator.id, entityId });
  call.signOut(home.users.operator.username);
  return entityId;
}

async function hire(entityId: number, over: Record<string, unknown> = {}) {
  const created = await call(home.users.operator.username, 'POST', '/api/v1/food-handlers', {
    entityId,
    name: '李厨',
    idNumber: nextId(),
    hiredOn: '2019-06-01',
    ...over,
  });
  expect(created.status).toBe(201);
  return json(created).id as number;
}

async function openWarning(handlerId: number) {
  const list = await call(home.users.section.username, 'GET', '/api/v1/health-certificate-warnings?pageSize=100');
  return json(list).items?.find((row) => row.handlerId === handlerId);
}

describe('food handlers, operator side', () => {
  it('an operator adds staff to their own shop; the ID number is masked and revealed only to staff, audited', async () => {
    const entityId = await shopOfOperator();
    const idNumber = nextId();
    const created = await call(home.users.operator.username, 'POST', '/api/v1/food-handlers', {
      entityId,
      name: '王小明',
      idNumber,
      post: '厨师',
      hiredOn: '2019-03-01',
    });
    expect(created.status).toBe(201);
    expect(json(created)).toMatchObject({
      idNumberMasked: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`,
      certificateState: 'missing',
    });
    expect(JSON.stringify(created.body)).not.toContain(idNumber);
    const id = json(created).id as number;
    expect(
      (await call(home.users.operator.username, 'POST', `/api/v1/food-handlers/${id}/reveal-id-number`, { reason: '核查身份' })).status,
    ).toBe(403);
    const revealed = await call(home.users.section.username, 'POST', `/api/v1/food-handlers/${id}/reveal-id-number`, {
      reason: '核查身份',
    });
    expect(json(revealed).idNumber).toBe(idNumber);
    const again = await call(home.users.operator.username, 'POST', '/api/v1/food-handlers', {
      entityId,
      name: '王小明',
      idNumber,
      hiredOn: '2019-03-01',
    });
    expect(again.status).toBe(409);
  });

  it('bad input names every bad field; another shop is 404', async () => {
    const bad = await call(home.users.operator.username, 'POST', '/api/v1/food-handlers', {
      entityId: 1,
      name: '',
      idNumber: '123',
      hiredOn: '2020-13-45',
    });
    expect(bad.status).toBe(400);
    expect(
      json(bad)
        .errors?.map((error) => error.field)
        .sort(),
    ).toEqual(expect.arrayContaining(['hiredOn', 'idNumber', 'name']));
    const foreign = await cateringShop({ home, other, call });
    const denied = await call(home.users.operator.username, 'POST', '/api/v1/food-handlers', {
      entityId: foreign,
      name: '张三',
      idNumber: nextId(),
      hiredOn: '2020-01-01',
    });
    expect(denied.status).toBe(404);
  });

  it('the same person at another shop is linked by the ID blind index', async () => {
    const idNumber = nextId();
    const first = await shopOfOperator();
    const second = await cateringShop({ home, other, call });
    await call(home.users.section.username, 'POST', '/api/v1/food-handlers', {
      entityId: second,
      name: '赵六',
      idNumber,
      hiredOn: '2019-01-01',
    });
    const created = await call(home.users.operator.username, 'POST', '/api/v1/food-handlers', {
      entityId: first,
      name: '赵六',
      idNumber,
      hiredOn: '2019-01-01',
    });
    const detail = await call(home.users.section.username, 'GET', `/api/v1/food-handlers/${json(created).id}`);
    expect(json(detail).otherShops).toBe(1);
  });
});

describe('expiry warnings 健康证到期预警 (daily job, TestClock)', () => {
  it('across a leap-day month end: 30 days, 7 days, expired, then closed when a new certificate is entered', async () => {
    at('2020-01-10');
    const entityId = await shopOfOperator();
    await call(home.users.operator.username, 'PUT', '/api/v1/food-safety-contacts', { entityId, phone: '13800138000' });
    const id = await hire(entityId);
    // examined 2019-03-01 → valid through 2020-02-29 (leap day)
    const added = await call(home.users.operator.username, 'POST', `/api/v1/food-handlers/${id}/certificates`, {
      number: 'JK-2019-1',
      institution: '区疾控',
      examinedOn: '2019-03-01',
    });
    expect(json(added)).toMatchObject({ certificateValidUntil: '2020-02-29', certificateState: 'valid' });
    await runJob('2020-01-30');
    expect(await openWarning(id)).toBeUndefined();
    await runJob('2020-01-31');
    expect(await openWarning(id)).toMatchObject({ level: 'expiring-30', validUntil: '2020-02-29' });
    await runJob('2020-02-22');
    expect((await openWarning(id))?.level).toBe('expiring-30');
    await runJob('2020-02-23');
    expect((await openWarning(id))?.level).toBe('expiring-7');
    await runJob('2020-02-29');
    expect((await openWarning(id))?.level).toBe('expiring-7');
    await runJob('2020-03-01');
    expect((await openWarning(id))?.level).toBe('expired');
    const sms = await home.ctx.db
      .select()
      .from(smsOutbox)
      .where(and(eq(smsOutbox.districtCode, home.code), eq(smsOutbox.refId, String(entityId))));
    expect(sms.length).toBe(3);
    at('2020-03-02');
    await call(home.users.operator.username, 'POST', `/api/v1/food-handlers/${id}/certificates`, {
      number: 'JK-2020-1',
      institution: '区疾控',
      examinedOn: '2020-03-02',
    });
    expect(await openWarning(id)).toBeUndefined();
    const notices = await call(home.users.operator.username, 'GET', '/api/v1/food-safety-notices');
    expect(json(notices).total).toBeGreaterThanOrEqual(3);
  });

  it('across a year end: 30 days on 2020-12-02, 7 days on 2020-12-25, expired on 2021-01-01; closes when the person leaves', async () => {
    at('2020-06-01');
    const entityId = await shopOfOperator();
    const id = await hire(entityId);
    await call(home.users.operator.username, 'POST', `/api/v1/food-handlers/${id}/certificates`, {
      number: 'JK-Y',
      institution: '区疾控',
      examinedOn: '2020-01-01',
    });
    await runJob('2020-12-01');
    expect(await openWarning(id)).toBeUndefined();
    await runJob('2020-12-02');
    expect((await openWarning(id))?.level).toBe('expiring-30');
    await runJob('2020-12-25');
    expect((await openWarning(id))?.level).toBe('expiring-7');
    await runJob('2021-01-01');
    expect((await openWarning(id))?.level).toBe('expired');
    at('2021-01-02');
    const left = await call(home.users.operator.username, 'PATCH', `/api/v1/food-handlers/${id}`, { leftOn: '2021-01-02' });
    expect(left.status).toBe(200);
    expect(await openWarning(id)).toBeUndefined();
    await runJob('2021-01-03');
    expect(await openWarning(id)).toBeUndefined();
  });

  it('a non-leap February: examined 2018-03-01 → valid through 2019-02-28, expired on 2019-03-01', async () => {
    at('2019-01-01');
    const entityId = await shopOfOperator();
    const id = await hire(entityId, { hiredOn: '2018-06-01' });
    const added = await call(home.users.operator.username, 'POST', `/api/v1/food-handlers/${id}/certificates`, {
      number: 'JK-N',
      institution: '区疾控',
      examinedOn: '2018-03-01',
    });
    expect(json(added).certificateValidUntil).toBe('2019-02-28');
    await runJob('2019-02-28');
    expect((await openWarning(id))?.level).toBe('expiring-7');
    await runJob('2019-03-01');
    expect((await openWarning(id))?.level).toBe('expired');
  });
});

describe('bulk import from xlsx', () => {
  async function workbook(rows: string[][]): Promise<string> {
    const header = ['姓名', '身份证号', '岗位', '入职日期', '健康证编号', '发证机构', '体检日期', '有效期至'];
    return (await xlsxOfArrays('从业人员', [header, ...rows])).toString('base64');
  }
  it('imports all rows with their certificates, or nothing with every bad row named', async () => {
    at('2020-06-01');
    const entityId = await shopOfOperator();
    const bad = await call(home.users.operator.username, 'POST', '/api/v1/food-handlers/import', {
      entityId,
      fileBase64: await workbook([
        ['甲', nextId(), '厨师', '2020-01-01', 'A1', '疾控', '2020-01-01', ''],
        ['乙', '330212199001011234', '帮厨', '2020/01/01', '', '', '', ''],
      ]),
    });
    expect(bad.status).toBe(400);
    expect(json(bad).errors?.map((error) => error.field)).toEqual(['idNumber', 'hiredOn']);
    const good = await call(home.users.operator.username, 'POST', '/api/v1/food-handlers/import', {
      entityId,
      fileBase64: await workbook([
        ['甲', nextId(), '厨师', '2020-01-01', 'A1', '疾控', '2020-01-01', ''],
        ['乙', nextId(), '帮厨', '2020-02-01', '', '', '', ''],
      ]),
    });
    expect(json(good)).toEqual({ imported: 2, certificates: 1 });
    const list = await call(home.users.operator.username, 'GET', `/api/v1/food-handlers?entityId=${entityId}`);
    expect(
      json(list)
        .items?.map((row) => row.certificateState)
        .sort(),
    ).toEqual(['missing', 'valid']);
  });
});

describe('staff statistics 从业人员统计 and the demo seed', () => {
  it('seeds exactly the employed count asked for and the statistics count it back, on any date', async () => {
    const district = await createTestDistrict(platform);
    const world = { home: district, other, call };
    at('2020-12-31');
    for (let n = 0; n < 4; n += 1) await cateringShop(world, '种子饭店');
    const seeded = await seedFoodSafetyDemo(district.ctx, {
      districtCode: district.code,
      random: mulberry(7),
      today: '2020-12-31',
      employed: 57,
    });
    expect(seeded).toMatchObject({ shops: 4, employed: 57 });
    const stats = await call(district.users.section.username, 'GET', '/api/v1/food-handler-statistics?date=2020-12-31&groupBy=street');
    const total = json(stats).total as Record<'employed' | 'valid' | 'expiring' | 'expired' | 'missing' | 'complianceBasisPoints', number>;
    expect(total.employed).toBe(57);
    expect(total.valid + total.expiring + total.expired + total.missing).toBe(57);
    expect(total.complianceBasisPoints).toBe(Math.floor(((total.valid + total.expiring) * 20_000 + 57) / 114));
    const byStation = await call(district.users.section.username, 'GET', '/api/v1/food-handler-statistics?date=2020-12-31&groupBy=station');
    expect((json(byStation).rows as { label: string; employed: number }[])[0]).toMatchObject({ label: '一所', employed: 57 });
    // inspectors of the other station see none of it
    const inspector = await call(district.users.inspector2.username, 'GET', '/api/v1/food-handler-statistics?date=2020-12-31');
    expect((json(inspector).total as Record<string, number>).employed).toBe(0);
    // a year earlier, only people hired by then count, with the certificates they held then
    const earlier = await call(district.users.section.username, 'GET', '/api/v1/food-handler-statistics?date=2019-06-30');
    expect((json(earlier).total as Record<string, number>).employed).toBeLessThan(57);
    const again = await seedFoodSafetyDemo(district.ctx, {
      districtCode: district.code,
      random: mulberry(7),
      today: '2020-12-31',
      employed: 0,
    });
    expect(again.employed).toBe(0);
  });
});

function mulberry(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
