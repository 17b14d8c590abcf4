import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { Role } from '../../../shared/roles.ts';
import { createUser } from '../../platform/accounts/accounts.service.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict, testPassword } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const cookies = new Map<string, string>();
let userId = 0;
type Json = Record<string, unknown>;

async function call(user: keyof TestDistrict['users'], method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  const username = home.users[user].username;
  if (!cookies.has(username)) cookies.set(username, await signIn(app, username));
  const response = await app.inject({
    method,
    url: `/api/v1/special-equipment${url}`,
    headers: { cookie: cookies.get(username) as string, 'accept-language': 'zh-CN' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.json() as Json };
}

let code = 0;
const registrationCode = () => {
  code += 1;
  return `3110${home.code}2019${String(code).padStart(4, '0')}`;
};

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  platform.clock.set('2021-01-15T02:00:00Z');
  const body = `91${home.code}0000000${String(Date.now() % 10)}0`;
  const section = home.users.section.username;
  cookies.set(section, await signIn(app, section));
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/entities',
    headers: { cookie: cookies.get(section) as string },
    payload: {
      creditCode: body + creditCodeCheckCharacter(body),
      name: '明州花园物业管理有限公司',
      kind: 'enterprise',
      legalRepName: '赵六',
      legalRepIdNumber: '11010519491231002X',
      industryCode: 'K70',
      foundedOn: '2015-05-01',
      address: '明州路1号',
      streetCode: home.stations[0].streetCode,
      businessCategory: 'special_equipment_user',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  userId = (created.json() as { id: number }).id;
  const bound = await app.inject({
    method: 'PATCH',
    url: `/api/v1/users/${home.users.operator.id}`,
    headers: { cookie: await signIn(app, home.users.admin.username) },
    payload: { entityIds: [userId] },
  });
  expect(bound.statusCode).toBe(200);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('the special-equipment register', () => {
  it('refuses a bad entry naming every bad field, in Chinese', async () => {
    const bad = await call('section', 'POST', '/equipment', {
      entityId: userId,
      kind: 'rocket',
      registrationCode: 'abc',
      firstUsedOn: '2020-02-30',
      address: '',
    });
    expect(bad.status).toBe(400);
    const fields = ((bad.body.errors ?? bad.body.fields ?? []) as Json[]).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'registrationCode', 'firstUsedOn', 'address']));
  });

  it('registers an elevator; the 30-day rule and the first periodic inspection follow from first use', async () => {
    const created = await call('section', 'POST', '/equipment', {
      entityId: userId,
      kind: 'elevator',
      registrationCode: registrationCode(),
      firstUsedOn: '2019-03-01',
      useCertificateNumber: '梯11浙B00001(19)',
      registeredOn: '2019-03-20',
      address: '明州路1号1幢',
      maintenanceUnit: '宁波恒达电梯工程有限公司',
      latitude: 29.861234,
      longitude: 121.623456,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      entityName: '明州花园物业管理有限公司',
      registrationDeadline: '2019-03-31',
      registrationState: 'registered',
      nextDueOn: '2020-03-01',
      dueFlag: 'overdue',
      status: 'in_use',
      isMaintenanceMissed: true,
    });
    const again = await call('section', 'POST', '/equipment', {
      entityId: userId,
      kind: 'elevator',
      registrationCode: created.body.registrationCode,
      firstUsedOn: '2019-03-01',
      address: 'x',
    });
    expect(again.status).toBe(409);
  });

  it('the station of the street sees it; another station and an unbound operator do not (404)', async () => {
    const list = async (user: 'inspector1' | 'inspector2' | 'operator') =>
      ((await call(user, 'GET', '/equipment')).body.items as Json[]).map((item) => item.entityId);
    expect(await list('inspector1')).toContain(userId);
    expect(await list('inspector2')).not.toContain(userId);
    expect(await list('operator')).toContain(userId); // bound to the user
    const map = async (user: 'inspector1' | 'inspector2') => (await call(user, 'GET', '/equipment-map')).body.items as Json[];
    expect(await map('inspector1')).toEqual([expect.objectContaining({ latitude: 29.861234, longitude: 121.623456, isOverdue: true })]);
    expect(await map('inspector2')).toEqual([]);
    const id = ((await call('section', 'GET', '/equipment')).body.items as Json[])[0]?.id;
    expect((await call('inspector2', 'GET', `/equipment/${id}`)).status).toBe(404);
  });

  it('an inspection result sets the next due day by the cycle; the due list and the overdue list follow', async () => {
    const [elevator] = (await call('section', 'GET', '/equipment?due=overdue')).body.items as Json[];
    expect(elevator).toBeDefined();
    const inspected = await call('section', 'POST', `/equipment/${elevator?.id}/inspections`, {
      inspectedOn: '2020-02-10',
      result: 'pass',
      inspectionBody: '宁波市特种设备检验研究院',
      reportNumber: 'JY2020-000001',
    });
    expect(inspected.status).toBe(201);
    expect(inspected.body).toMatchObject({ nextDueOn: '2021-02-10' });
    const due = (await call('section', 'GET', '/equipment?due=due_soon')).body.items as Json[];
    expect(due.map((item) => item.id)).toContain(elevator?.id);
    expect(due.find((item) => item.id === elevator?.id)).toMatchObject({ dueFlag: 'due_soon', nextDueOn: '2021-02-10' });
    const duplicate = await call('section', 'POST', `/equipment/${elevator?.id}/inspections`, {
      inspectedOn: '2020-02-21',
      result: 'pass',
      inspectionBody: 'x',
      reportNumber: 'JY2020-000001',
    });
    expect(duplicate.status).toBe(409);
    const missed = (await call('section', 'GET', '/equipment?maintenance=missed')).body.items as Json[];
    expect(missed.map((item) => item.id)).toContain(elevator?.id);
    // The maintenance unit (the user's account here) records a maintenance; the flag clears.
    const maintained = await call('operator', 'POST', `/equipment/${elevator?.id}/maintenance`, {
      maintainedOn: '2021-01-10',
      maintainer: '恒达维保 李工',
    });
    expect(maintained.status).toBe(201);
    const detail = await call('operator', 'GET', `/equipment/${elevator?.id}`);
    expect(detail.body.equipment).toMatchObject({ isMaintenanceMissed: false, lastMaintainedOn: '2021-01-10' });
    expect(detail.body.inspections as Json[]).toHaveLength(1);
    const stillMissed = (await call('section', 'GET', '/equipment?maintenance=missed')).body.items as Json[];
    expect(stillMissed.map((item) => item.id)).not.toContain(elevator?.id);
  });

  it('the rates as of a day are the bureau’s formulas over the register, by street', async () => {
    // A second elevator never inspected (due 2020-06-01) and unregistered past its 30 days.
    const second = await call('inspector1', 'POST', '/equipment', {
      entityId: userId,
      kind: 'elevator',
      registrationCode: registrationCode(),
      firstUsedOn: '2019-06-01',
      address: '明州路1号2幢',
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ registrationState: 'overdue' });
    expect(
      (
        await call('operator', 'POST', '/operators', {
          entityId: userId,
          holderName: '王强',
          workItem: '电梯安全管理 A',
          certificateNumber: 'T330000001',
          validUntil: '2022-05-01',
          onDutyFrom: '2019-01-01',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call('section', 'POST', '/operators', {
          entityId: userId,
          holderName: '李娜',
          workItem: '电梯安全管理 A',
          onDutyFrom: '2020-01-01',
        })
      ).status,
    ).toBe(201);
    const rates = await call('section', 'GET', '/rates?on=2020-12-31&by=street');
    expect(rates.status).toBe(200);
    expect(rates.body.overall).toEqual({
      registration: { counted: 1, total: 2, percent: 50 },
      periodicInspection: { counted: 1, total: 2, percent: 50 },
      certifiedOperator: { counted: 1, total: 2, percent: 50 },
    });
    const figures = await app.inject({
      method: 'GET',
      url: '/api/v1/figures?period=2020&module=special-equipment',
      headers: { cookie: cookies.get(home.users.section.username) as string },
    });
    const values = Object.fromEntries((figures.json() as { items: Json[] }).items.map((item) => [item.key, item.value]));
    expect(values['special-equipment.periodic-inspection-rate']).toBe(50);
    expect(values['special-equipment.registration-rate']).toBe(50);
    expect(values['special-equipment.certified-operator-rate']).toBe(50);
    expect(values['special-equipment.in-use']).toBe(2);
  });
});

async function workbook(rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('检验结果');
  sheet.addRow(['注册代码', '检验日期', '检验结论', '检验机构', '报告编号', '备注']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('inspection results from the inspection body’s spreadsheet', () => {
  it('a file with bad rows imports nothing and names each bad row and column; a good file imports every row', async () => {
    const items = (await call('section', 'GET', '/equipment?pageSize=10')).body.items as Json[];
    const code = items.find((item) => item.nextDueOn === '2020-06-01')?.registrationCode as string;
    expect(code, JSON.stringify(items.map((item) => [item.registrationCode, item.nextDueOn]))).toBeDefined();
    const bad = await call('section', 'POST', '/inspections/import', {
      fileBase64: await workbook([
        [code, '2020-05-20', '合格', '宁波市特种设备检验研究院', 'JY2020-000100', ''],
        ['3110999999', '2020-13-01', '良好', '', 'JY2020-000001', ''],
      ]),
    });
    expect(bad.status).toBe(400);
    const errors = (bad.body.errors ?? []) as Json[];
    expect(errors.map((error) => `${error.in} ${error.field}`)).toEqual(
      expect.arrayContaining(['row 3 registrationCode', 'row 3 inspectedOn', 'row 3 result', 'row 3 inspectionBody', 'row 3 reportNumber']),
    );
    expect(errors.some((error) => String(error.in) === 'row 2')).toBe(false);
    const good = await call('inspector1', 'POST', '/inspections/import', {
      fileBase64: await workbook([[code, '2020-05-20', '合格', '宁波市特种设备检验研究院', 'JY2020-000100', '']]),
    });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body).toEqual({ imported: 1 });
    const after = ((await call('section', 'GET', `/equipment?q=${code}`)).body.items as Json[])[0];
    expect(after).toMatchObject({ nextDueOn: '2021-05-20', dueFlag: 'in_date' });
    // Another station cannot import results for equipment outside its streets.
    const outside = await call('inspector2', 'POST', '/inspections/import', {
      fileBase64: await workbook([[code, '2020-06-20', '合格', '宁波市特种设备检验研究院', 'JY2020-000200', '']]),
    });
    expect(outside.status).toBe(400);
  });
});

describe('the hazard loop', () => {
  it('expert finds → station orders → user reports → re-check due in 10 working days → closed', async () => {
    const [equipment] = (await call('section', 'GET', '/equipment')).body.items as Json[];
    const found = await call('inspector1', 'POST', '/hazards', {
      equipmentId: equipment?.id,
      foundOn: '2021-01-04',
      severity: 'serious',
      description: '层门门锁啮合长度不足',
      legalBasis: 'TSG T7001 附件A 6.9',
      expert: '第三方专家 林高工',
    });
    expect(found.status).toBe(201);
    const id = found.body.id as number;
    expect((await call('operator', 'POST', `/hazards/${id}/report`, { reportedOn: '2021-01-05', rectification: 'x修复' })).status).toBe(
      409,
    );
    const ordered = await call('inspector1', 'POST', `/hazards/${id}/order`, { orderedOn: '2021-01-05', deadline: '2021-01-12' });
    expect(ordered.body).toMatchObject({ status: 'ordered', deadline: '2021-01-12', flag: 'rectification_overdue' }); // today is 2021-01-15
    const overdue = (await call('inspector1', 'GET', '/hazards?isOverdue=true')).body.items as Json[];
    expect(overdue.map((item) => item.id)).toContain(id);
    expect((await call('operator', 'POST', `/hazards/${id}/order`, { orderedOn: '2021-01-05', deadline: '2021-01-12' })).status).toBe(403);
    const reported = await call('operator', 'POST', `/hazards/${id}/report`, {
      reportedOn: '2021-01-08',
      rectification: '已更换门锁并调整啮合长度',
    });
    expect(reported.status).toBe(200);
    // Friday 2021-01-08 + 10 working days (no holiday in between in the test calendar) = Friday 2021-01-22.
    expect(reported.body).toMatchObject({ status: 'reported', recheckDue: '2021-01-22', flag: null });
    const closed = await call('inspector1', 'POST', `/hazards/${id}/recheck`, { on: '2021-01-14', outcome: 'closed', note: '复查合格' });
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2021-01-14' });
    const late = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]).toString('base64')}`;
    expect((await call('operator', 'POST', `/hazards/${id}/photos`, { stage: 'rectified', dataUrl: late })).status).toBe(409);
    expect((await call('inspector2', 'GET', `/hazards/${id}`)).status).toBe(404);
  });

  it('a hazard not rectified is escalated to an enforcement case through the cases module', async () => {
    const [equipment] = (await call('section', 'GET', '/equipment')).body.items as Json[];
    const found = await call('section', 'POST', '/hazards', {
      equipmentId: equipment?.id,
      foundOn: '2021-01-04',
      severity: 'general',
      description: '应急照明失效',
      legalBasis: 'TSG T7001 附件A 8.2',
      expert: '特检院 陈工',
    });
    const id = found.body.id as number;
    await call('section', 'POST', `/hazards/${id}/order`, { orderedOn: '2021-01-05', deadline: '2021-01-10' });
    const escalated = await call('section', 'POST', `/hazards/${id}/escalate`, { on: '2021-01-14', note: '逾期未整改' });
    expect(escalated.status, JSON.stringify(escalated.body)).toBe(200);
    expect(escalated.body.status).toBe('escalated');
    const caseId = escalated.body.caseId as number;
    const opened = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${caseId}`,
      headers: { cookie: cookies.get(home.users.section.username) as string },
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ violationType: 'special_equipment', stage: 'lead' });
  });

  it('drills: district drills by section staff, a user’s drill by its account', async () => {
    expect(
      (await call('section', 'POST', '/drills', { scenario: '压力管道泄漏事故应急演练', heldOn: '2020-06-18', participants: 86 })).status,
    ).toBe(201);
    expect(
      (await call('operator', 'POST', '/drills', { scenario: '电梯困人应急救援演练', heldOn: '2020-09-01', participants: 12 })).status,
    ).toBe(400);
    expect(
      (
        await call('operator', 'POST', '/drills', {
          entityId: userId,
          scenario: '电梯困人应急救援演练',
          heldOn: '2020-09-01',
          participants: 12,
        })
      ).status,
    ).toBe(201);
    expect((await call('section', 'GET', '/drills')).body.total as number).toBe(2);
    expect((await call('operator', 'GET', '/drills')).body.total as number).toBe(1);
  });
});

describe('the equipment’s status history', () => {
  it('a status change needs its day and reason, stays in order, and scrapped is final; the history lists every status', async () => {
    const created = await call('section', 'POST', '/equipment', {
      entityId: userId,
      kind: 'boiler',
      registrationCode: registrationCode(),
      firstUsedOn: '2019-04-01',
      address: '明州路1号锅炉房',
    });
    const id = created.body.id as number;
    const noReason = await call('section', 'PATCH', `/equipment/${id}`, { status: 'stopped', statusSince: '2020-10-01' });
    expect(noReason.status).toBe(400);
    expect(((noReason.body.errors ?? []) as Json[]).map((error) => error.field)).toContain('statusReason');
    expect(
      (await call('section', 'PATCH', `/equipment/${id}`, { status: 'stopped', statusSince: '2019-03-01', statusReason: '停用' })).status,
    ).toBe(400);
    const stopped = await call('section', 'PATCH', `/equipment/${id}`, {
      status: 'stopped',
      statusSince: '2020-10-01',
      statusReason: '采暖季外停用',
    });
    expect(stopped.body).toMatchObject({ status: 'stopped', statusSince: '2020-10-01', dueFlag: null });
    await call('section', 'PATCH', `/equipment/${id}`, { status: 'scrapped', statusSince: '2021-01-05', statusReason: '锅炉老化报废' });
    const back = await call('section', 'PATCH', `/equipment/${id}`, { status: 'in_use', statusSince: '2021-01-10', statusReason: '恢复' });
    expect(back.status).toBe(400);
    expect(((back.body.errors ?? []) as Json[]).map((error) => error.field)).toEqual(['status']);
    const detail = await call('inspector1', 'GET', `/equipment/${id}`);
    expect((detail.body.statusHistory as Json[]).map(({ status, since, reason }) => ({ status, since, reason }))).toEqual([
      { status: 'in_use', since: '2019-04-01', reason: '' },
      { status: 'stopped', since: '2020-10-01', reason: '采暖季外停用' },
      { status: 'scrapped', since: '2021-01-05', reason: '锅炉老化报废' },
    ]);
  });
});

describe('the inspection-cycle table: the bureau’s data by effective date', () => {
  const months = {
    elevator: 6,
    boiler: 12,
    pressure_vessel: 36,
    gas_cylinder: 36,
    pressure_pipeline: 36,
    lifting_machinery: 24,
    in_plant_vehicle: 12,
    passenger_ropeway: 12,
    amusement_ride: 12,
  };

  it('section staff save a version; inspections on or after its day follow it, earlier ones the old cycle', async () => {
    const bad = await call('section', 'POST', '/cycle-tables', {
      effectiveFrom: '2021-01-01',
      months: { ...months, elevator: 0, boiler: undefined },
    });
    expect(bad.status).toBe(400);
    expect(((bad.body.errors ?? []) as Json[]).map((error) => error.field)).toEqual(
      expect.arrayContaining(['months.elevator', 'months.boiler']),
    );
    expect((await call('inspector1', 'POST', '/cycle-tables', { effectiveFrom: '2021-01-01', months })).status).toBe(403);
    const saved = await call('section', 'POST', '/cycle-tables', { effectiveFrom: '2021-01-01', months, note: '试行半年检' });
    expect(saved.status).toBe(201);
    const list = await call('inspector1', 'GET', '/cycle-tables');
    expect(list.body.inForceId).toBe(saved.body.id);
    expect((list.body.items as Json[]).map((item) => [item.effectiveFrom, item.isBuiltIn])).toEqual([
      ['2021-01-01', false],
      ['2000-01-01', true],
    ]);
    const [elevator] = (await call('section', 'GET', '/equipment?kind=elevator')).body.items as Json[];
    const newer = await call('section', 'POST', `/equipment/${elevator?.id}/inspections`, {
      inspectedOn: '2021-01-12',
      result: 'pass',
      inspectionBody: '宁波市特种设备检验研究院',
      reportNumber: 'JY2021-000001',
    });
    expect(newer.body).toMatchObject({ nextDueOn: '2021-07-12' });
    const older = await call('section', 'POST', `/equipment/${elevator?.id}/inspections`, {
      inspectedOn: '2020-12-20',
      result: 'pass',
      inspectionBody: '宁波市特种设备检验研究院',
      reportNumber: 'JY2020-000999',
    });
    expect(older.body).toMatchObject({ nextDueOn: '2021-12-20' });
  });
});

const jpegDataUrl = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]).toString('base64')}`;

describe('hazard photos and emergency plans', () => {
  it('a hazard photo is JPEG or PNG by its bytes; the expert’s as found, the user’s as rectified', async () => {
    const [equipment] = (await call('section', 'GET', '/equipment?kind=elevator')).body.items as Json[];
    const found = await call('inspector1', 'POST', '/hazards', {
      equipmentId: equipment?.id,
      foundOn: '2021-01-13',
      severity: 'general',
      description: '轿厢照明不足',
      legalBasis: 'TSG T7001 附件A 8.1',
      expert: '第三方专家 林高工',
    });
    const id = found.body.id as number;
    const pdf = `data:image/png;base64,${Buffer.from('%PDF-1.7 not an image').toString('base64')}`;
    const refused = await call('inspector1', 'POST', `/hazards/${id}/photos`, { stage: 'found', dataUrl: pdf });
    expect(refused.status).toBe(400);
    expect(((refused.body.errors ?? []) as Json[]).map((error) => [error.field, error.code])).toEqual([['dataUrl', 'not_image']]);
    const added = await call('inspector1', 'POST', `/hazards/${id}/photos`, { stage: 'found', dataUrl: jpegDataUrl });
    expect(added.status).toBe(201);
    expect(added.body.photos).toEqual([expect.objectContaining({ stage: 'found', contentType: 'image/jpeg', sizeBytes: 8 })]);
    expect((await call('operator', 'POST', `/hazards/${id}/photos`, { stage: 'found', dataUrl: jpegDataUrl })).status).toBe(400);
    expect((await call('operator', 'POST', `/hazards/${id}/photos`, { stage: 'rectified', dataUrl: jpegDataUrl })).status).toBe(201);
    const photoId = ((added.body.photos as Json[])[0] as Json).id;
    const bytes = await app.inject({
      method: 'GET',
      url: `/api/v1/special-equipment/hazards/${id}/photos/${photoId}`,
      headers: { cookie: cookies.get(home.users.operator.username) as string },
    });
    expect(bytes.statusCode).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/jpeg');
    expect(bytes.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('a user keeps its plans (review due three years on); drills name the plan they exercised', async () => {
    const [equipment] = (await call('section', 'GET', '/equipment?kind=elevator')).body.items as Json[];
    expect((await call('operator', 'POST', '/emergency-plans', { title: '全区预案', approvedOn: '2020-01-01' })).status).toBe(400);
    const created = await call('operator', 'POST', '/emergency-plans', {
      entityId: userId,
      equipmentId: equipment?.id,
      title: '电梯困人应急救援预案',
      scenarios: '困人、蹲底、冲顶',
      approvedOn: '2020-02-29',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      reviewDue: '2023-02-28',
      isReviewDue: false,
      drillCount: 0,
      entityName: '明州花园物业管理有限公司',
    });
    const district = await call('section', 'POST', '/emergency-plans', { title: '区特种设备事故应急预案', approvedOn: '2019-06-01' });
    const drill = await call('operator', 'POST', '/drills', {
      entityId: userId,
      scenario: '电梯困人应急救援演练',
      heldOn: '2020-10-01',
      participants: 9,
      planId: created.body.id,
    });
    expect(drill.status).toBe(201);
    expect(drill.body).toMatchObject({ planId: created.body.id, planTitle: '电梯困人应急救援预案' });
    const plan = await call('operator', 'GET', `/emergency-plans/${created.body.id}`);
    expect(plan.body).toMatchObject({ drillCount: 1, lastDrillOn: '2020-10-01' });
    expect((await call('operator', 'GET', `/emergency-plans/${district.body.id}`)).status).toBe(404);
    expect((await call('inspector2', 'GET', `/emergency-plans/${created.body.id}`)).status).toBe(404);
  });
});

describe('the third parties: expert, inspection body, maintenance unit (decision 0028)', () => {
  const accounts = new Map<string, string>();
  async function as(username: string, method: 'GET' | 'POST', url: string, payload?: object) {
    if (!accounts.has(username)) accounts.set(username, await signIn(app, username));
    const response = await app.inject({
      method,
      url: `/api/v1/special-equipment${url}`,
      headers: { cookie: accounts.get(username) as string },
      ...(payload ? { payload } : {}),
    });
    return { status: response.statusCode, body: response.json() as Json };
  }
  async function account(district: TestDistrict, name: string, roles: Role[], entityIds: number[] = []) {
    const { user } = await createUser(district.ctx, {
      districtCode: district.code,
      username: `${name}-${district.code}`,
      displayName: name,
      roles,
      orgUnitId: null,
      entityIds,
      passwordOverride: testPassword,
    });
    return user.username;
  }

  it('each does its own step on the district’s register and nothing else; another district’s get 404', async () => {
    const away = await createTestDistrict(platform);
    const expert = await account(home, 'expert', ['expert']);
    const body = await account(home, 'inspection-body', ['inspection_body']);
    const maintainer = await account(home, 'maintainer', ['maintenance_unit'], [userId]);
    const idle = await account(home, 'maintainer-idle', ['maintenance_unit']);
    const awayExpert = await account(away, 'expert', ['expert']);
    const awayBody = await account(away, 'inspection-body', ['inspection_body']);
    const [elevator] = (await call('section', 'GET', '/equipment?kind=elevator')).body.items as Json[];
    const id = elevator?.id as number;

    expect((await as(expert, 'GET', `/equipment/${id}`)).status).toBe(200);
    const hazard = await as(expert, 'POST', '/hazards', {
      equipmentId: id,
      foundOn: '2021-01-14',
      severity: 'serious',
      description: '制动器闸瓦磨损超标',
      legalBasis: 'TSG T7001 附件A 2.8',
      expert: '第三方专家 林高工',
    });
    expect(hazard.status).toBe(201);
    expect((await as(expert, 'POST', `/hazards/${hazard.body.id}/photos`, { stage: 'found', dataUrl: jpegDataUrl })).status).toBe(201);
    expect((await as(expert, 'POST', `/hazards/${hazard.body.id}/order`, { orderedOn: '2021-01-14', deadline: '2021-01-30' })).status).toBe(
      403,
    );

    const inspected = await as(body, 'POST', `/equipment/${id}/inspections`, {
      inspectedOn: '2021-01-14',
      result: 'pass_after_rectification',
      inspectionBody: '宁波市特种设备检验研究院',
      reportNumber: 'JY2021-000002',
    });
    expect(inspected.status).toBe(201);
    expect((await as(body, 'GET', '/hazards')).status).toBe(403);
    expect((await as(body, 'POST', `/equipment/${id}/maintenance`, { maintainedOn: '2021-01-14', maintainer: 'x' })).status).toBe(403);

    expect(
      (await as(maintainer, 'POST', `/equipment/${id}/maintenance`, { maintainedOn: '2021-01-14', maintainer: '恒达维保 李工' })).status,
    ).toBe(201);
    expect((await as(idle, 'POST', `/equipment/${id}/maintenance`, { maintainedOn: '2021-01-14', maintainer: 'x' })).status).toBe(404);
    expect(
      (
        await as(maintainer, 'POST', `/equipment/${id}/inspections`, {
          inspectedOn: '2021-01-14',
          result: 'pass',
          inspectionBody: 'x',
          reportNumber: 'JY2021-000003',
        })
      ).status,
    ).toBe(403);
    expect((await as(maintainer, 'GET', '/rates')).status).toBe(403);

    expect((await as(awayExpert, 'GET', `/equipment/${id}`)).status).toBe(404);
    expect((await as(awayExpert, 'GET', `/hazards/${hazard.body.id}`)).status).toBe(404);
    expect(
      (
        await as(awayBody, 'POST', `/equipment/${id}/inspections`, {
          inspectedOn: '2021-01-14',
          result: 'pass',
          inspectionBody: 'x',
          reportNumber: 'JY2021-000004',
        })
      ).status,
    ).toBe(404);
  }, 60_000);
});
