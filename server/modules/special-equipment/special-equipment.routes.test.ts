import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
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
