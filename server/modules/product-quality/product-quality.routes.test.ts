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
type Json = Record<string, unknown> & { errors?: { field: string; detail?: string }[] };
let serial = 0;

async function call(
  user: keyof TestDistrict['users'],
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
  contentType?: string,
) {
  const username = home.users[user].username;
  if (!cookies.has(username)) cookies.set(username, await signIn(app, username));
  const response = await app.inject({
    method,
    url,
    headers: {
      cookie: cookies.get(username) as string,
      'accept-language': 'zh-CN',
      ...(contentType ? { 'content-type': contentType } : {}),
    },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.json() as Json };
}

function creditCode() {
  serial += 1;
  const body = `91${home.code}${String((Date.now() + serial * 7919) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}1`;
  return body + creditCodeCheckCharacter(body);
}

async function manufacturer(name: string) {
  const created = await call('section', 'POST', '/api/v1/entities', {
    creditCode: creditCode(),
    name,
    kind: 'enterprise',
    legalRepName: '王五',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'C38',
    foundedOn: '2018-05-01',
    address: '质量路1号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'other',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as number;
}

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('safety-related product makers, graded', () => {
  it('grades a maker by the bureau setting: an expired licence makes C, inspected every 6 months; never inspected is due today', async () => {
    const entityId = await manufacturer('甬安电线电缆有限公司');
    const made = await call('section', 'POST', '/api/v1/product-quality/makers', {
      entityId,
      productGroup: 'electrical',
      products: '电线电缆',
      licenceRequired: true,
      licenceNumber: 'XK06-001-12345',
      licenceValidUntil: '2025-12-31',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    // The test clock's today is 2 March 2026.
    expect(made.body).toMatchObject({
      licenceState: 'expired',
      grade: 'C',
      points: 40,
      reasons: [{ reason: 'licence', points: 40 }],
      inspectionIntervalMonths: 6,
      nextInspectionDue: '2026-03-02',
      isDue: true,
    });
    const inspected = await call('inspector1', 'POST', `/api/v1/product-quality/makers/${made.body.id}/inspections`, {
      inspectedOn: '2026-02-27',
    });
    expect(inspected.body).toMatchObject({ nextInspectionDue: '2026-08-27', isDue: false });
    const list = await call('leader', 'GET', '/api/v1/product-quality/makers?grade=C');
    expect(list.status).toBe(200);
    expect((list.body.items as Json[]).map((item) => item.id)).toContain(made.body.id);
    expect(list.body.byGrade).toMatchObject({ C: 1 });
    const setting = await call('section', 'GET', '/api/v1/product-quality/grade-setting');
    expect(setting.body).toMatchObject({ source: 'bureau_setting', inspectionIntervalMonths: { A: 24, B: 12, C: 6, D: 3 } });
  });

  it('names every bad field in the user’s language, and refuses a licence number where none is required', async () => {
    const bad = await call('section', 'POST', '/api/v1/product-quality/makers', { entityId: 0, productGroup: 'toys', products: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field).sort()).toEqual(['entityId', 'licenceRequired', 'productGroup', 'products']);
    const entityId = await manufacturer('甬童玩具有限公司');
    const noLicence = await call('section', 'POST', '/api/v1/product-quality/makers', {
      entityId,
      productGroup: 'children_student',
      products: '塑胶玩具',
      licenceRequired: false,
      licenceNumber: 'XK-1',
    });
    expect(noLicence.status).toBe(400);
    expect(noLicence.body.errors?.map((error) => error.field)).toEqual(['licenceNumber']);
  });
});

describe('editing a maker', () => {
  it('a renewed licence lowers the grade at once, kept in the history with its cause, the facts graded and what changed', async () => {
    const entityId = await manufacturer('甬光灯具有限公司');
    const made = await call('section', 'POST', '/api/v1/product-quality/makers', {
      entityId,
      productGroup: 'electrical',
      products: '灯具',
      licenceRequired: true,
      licenceNumber: 'XK06-002-00077',
      licenceValidUntil: '2026-01-31',
    });
    expect(made.body).toMatchObject({ grade: 'C', points: 40 });
    const renewed = await call('section', 'PATCH', `/api/v1/product-quality/makers/${made.body.id}`, { licenceValidUntil: '2031-01-30' });
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    expect(renewed.body).toMatchObject({ grade: 'A', points: 0, licenceState: 'valid', licenceNumber: 'XK06-002-00077' });
    // Only the products: the grade stays A, no history row.
    await call('section', 'PATCH', `/api/v1/product-quality/makers/${made.body.id}`, { products: '灯具、灯串' });
    const history = await call('leader', 'GET', `/api/v1/product-quality/makers/${made.body.id}/grade-history`);
    expect(history.status).toBe(200);
    expect(history.body.items).toEqual([
      {
        changedOn: '2026-03-02',
        oldGrade: 'C',
        newGrade: 'A',
        points: 0,
        cause: 'edited',
        reasons: [],
        facts: { failedSamples12m: 0, penalties12m: 0, complaints12m: 0, licence: 'valid' },
        changedFacts: ['licence'],
      },
      {
        changedOn: '2026-03-02',
        oldGrade: null,
        newGrade: 'C',
        points: 40,
        cause: 'registered',
        reasons: [{ reason: 'licence', points: 40 }],
        facts: { failedSamples12m: 0, penalties12m: 0, complaints12m: 0, licence: 'expired' },
        changedFacts: [],
      },
    ]);
  });

  it('names every bad field of an edit: no licence required with a number, a validity without a number', async () => {
    const entityId = await manufacturer('甬家建材有限公司');
    const made = await call('section', 'POST', '/api/v1/product-quality/makers', {
      entityId,
      productGroup: 'building_materials',
      products: '防水卷材',
      licenceRequired: false,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const empty = await call('section', 'PATCH', `/api/v1/product-quality/makers/${made.body.id}`, {});
    expect(empty.status).toBe(400);
    const bad = await call('section', 'PATCH', `/api/v1/product-quality/makers/${made.body.id}`, {
      licenceNumber: 'XK-9',
      products: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field)).toEqual(['products']);
    const both = await call('section', 'PATCH', `/api/v1/product-quality/makers/${made.body.id}`, {
      licenceNumber: 'XK-9',
      licenceValidUntil: '2027-01-01',
    });
    expect(both.status).toBe(400);
    expect(both.body.errors?.map((error) => error.field)).toEqual(['licenceNumber']);
    const dateOnly = await call('section', 'PATCH', `/api/v1/product-quality/makers/${made.body.id}`, {
      licenceRequired: true,
      licenceValidUntil: '2027-01-01',
    });
    expect(dateOnly.status).toBe(400);
    expect(dateOnly.body.errors?.map((error) => error.field)).toEqual(['licenceValidUntil']);
    expect((await call('inspector1', 'PATCH', `/api/v1/product-quality/makers/${made.body.id}`, { products: '人造板' })).status).toBe(200);
  });
});

describe('CCC exemptions and their follow-up', () => {
  it('an exemption is corrected or revoked; a revoked one needs no more checks; bad fields are named', async () => {
    const entityId = await manufacturer('甬展设备有限公司');
    const made = await call('section', 'POST', '/api/v1/product-quality/ccc-exemptions', {
      entityId,
      certificateNumber: 'MB2026000202',
      reason: 'exhibition',
      scope: '展览会展品',
      quantity: 4,
      grantedOn: '2026-02-01',
      expiresOn: '2026-08-31',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const corrected = await call('section', 'PATCH', `/api/v1/product-quality/ccc-exemptions/${made.body.id}`, {
      quantity: 6,
      scope: '展览会展品 6 台',
    });
    expect(corrected.body).toMatchObject({ quantity: 6, scope: '展览会展品 6 台', status: 'active' });
    const bad = await call('section', 'PATCH', `/api/v1/product-quality/ccc-exemptions/${made.body.id}`, {
      quantity: 0,
      reason: 'holiday',
      certificateNumber: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field).sort()).toEqual(['certificateNumber', 'quantity', 'reason']);
    const early = await call('section', 'PATCH', `/api/v1/product-quality/ccc-exemptions/${made.body.id}`, { expiresOn: '2026-01-01' });
    expect(early.status).toBe(400);
    expect(early.body.errors?.map((error) => error.field)).toEqual(['expiresOn']);
    const other = await call('section', 'POST', '/api/v1/product-quality/ccc-exemptions', {
      entityId,
      certificateNumber: 'MB2026000303',
      reason: 'exhibition',
      scope: '展览会展品',
      quantity: 2,
      grantedOn: '2026-02-01',
      expiresOn: '2026-08-31',
    });
    expect(other.status).toBe(201);
    const taken = await call('section', 'PATCH', `/api/v1/product-quality/ccc-exemptions/${made.body.id}`, {
      certificateNumber: 'MB2026000303',
    });
    expect(taken.status).toBe(409);
    const revoked = await call('section', 'PATCH', `/api/v1/product-quality/ccc-exemptions/${made.body.id}`, { status: 'revoked' });
    expect(revoked.body).toMatchObject({ status: 'revoked', followUpDue: null, isDue: false });
  });

  it('a new exemption is due its first check within 30 days; a check moves the next one 6 months on', async () => {
    const entityId = await manufacturer('甬测仪器有限公司');
    const made = await call('section', 'POST', '/api/v1/product-quality/ccc-exemptions', {
      entityId,
      certificateNumber: 'MB2026000101',
      reason: 'research_testing',
      scope: '研发测试用样机 20 台',
      quantity: 20,
      grantedOn: '2026-01-20',
      expiresOn: '2027-01-19',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ followUpDue: '2026-02-19', isDue: true, status: 'active' });
    const due = await call('section', 'GET', '/api/v1/product-quality/ccc-exemptions?isDue=true');
    expect((due.body.items as Json[]).map((item) => item.id)).toContain(made.body.id);
    const checked = await call('inspector1', 'POST', `/api/v1/product-quality/ccc-exemptions/${made.body.id}/follow-ups`, {
      checkedOn: '2026-02-10',
      result: 'compliant',
    });
    expect(checked.body).toMatchObject({ followUpDue: '2026-08-10', isDue: false });
    const early = await call('inspector1', 'POST', `/api/v1/product-quality/ccc-exemptions/${made.body.id}/follow-ups`, {
      checkedOn: '2026-01-01',
      result: 'compliant',
    });
    expect(early.status).toBe(400);
    expect(early.body.errors?.map((error) => error.field)).toEqual(['checkedOn']);
  });
});

describe('IP and brand statistics', () => {
  it('imports an extract, rejects the bad rows with their reasons and counts the year with its change', async () => {
    const [a, b] = [creditCode(), creditCode()];
    const csv = [
      '统一社会信用代码,企业名称,年度,类别,数量,金额（元）',
      `${a},甬创科技有限公司,2019,发明专利申请,10,`,
      `${a},甬创科技有限公司,2020,发明专利申请,12,`,
      `${b},甬新材料有限公司,2020,发明专利申请,3,`,
      `${b.slice(0, 17)}0,坏代码有限公司,2020,发明专利申请,3,`,
      `${b},甬新材料有限公司,2020,奖励补助,,"12,500.00"`,
      `${b},甬新材料有限公司,2020,外观专利,2,`,
    ].join('\n');
    const imported = await call('section', 'POST', '/api/v1/product-quality/ip-imports?filename=patents.csv', csv, 'text/csv');
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ rows: 6, imported: 4, rejected: 2, unlinked: 4 });
    expect((imported.body.errors as Json[]).map((error) => [error.rowNumber, error.field])).toEqual([
      [5, 'creditCode'],
      [7, 'kind'],
    ]);
    const stats = await call('leader', 'GET', '/api/v1/product-quality/ip-statistics?year=2020');
    const kinds = stats.body.kinds as Json[];
    expect(kinds.find((row) => row.kind === 'invention_application')).toEqual({
      kind: 'invention_application',
      value: '15',
      previous: '10',
      changePercent: 50,
      firms: 2,
    });
    expect(kinds.find((row) => row.kind === 'award_subsidy')).toMatchObject({ value: '12500.00', previous: null, changePercent: null });
    // Imports are the section's work.
    expect((await call('inspector1', 'POST', '/api/v1/product-quality/ip-imports?filename=x.csv', csv, 'text/csv')).status).toBe(403);
  });

  it('links each row to the district entity by credit code, else exact name; a firm not found is imported unlinked with a warning', async () => {
    const byCodeId = await manufacturer('甬链专利科技有限公司');
    const byNameId = await manufacturer('甬名商标有限公司');
    const entities = await call('section', 'GET', `/api/v1/entities/${byCodeId}`);
    const code = entities.body.creditCode as string;
    const stranger = creditCode();
    const csv = [
      '统一社会信用代码,企业名称,年度,类别,数量,金额（元）',
      `${code},甬链专利科技有限公司（曾用名）,2021,发明专利申请,30,`,
      `${stranger},甬名商标有限公司,2021,商标申请,25,`,
      `${creditCode()},外区企业有限公司,2021,发明专利申请,1,`,
    ].join('\n');
    const imported = await call('section', 'POST', '/api/v1/product-quality/ip-imports?filename=linked.csv', csv, 'text/csv');
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ rows: 3, imported: 3, rejected: 0, unlinked: 1, errors: [] });
    expect((imported.body.warnings as Json[]).map((warning) => [warning.rowNumber, warning.field])).toEqual([[4, 'creditCode']]);
    const stats = await call('leader', 'GET', '/api/v1/product-quality/ip-statistics?year=2021');
    const top = stats.body.topFirms as Json[];
    expect(top.find((firm) => firm.creditCode === code)).toMatchObject({ entityId: byCodeId, inventionApplications: 30 });
    expect(top.find((firm) => firm.creditCode === stranger)).toMatchObject({ entityId: byNameId, trademarkApplications: 25 });
    expect(top.find((firm) => firm.firmName === '外区企业有限公司')).toMatchObject({ entityId: null, inventionApplications: 1 });
    expect((await call('inspector1', 'POST', '/api/v1/product-quality/ip-imports?filename=x.csv', csv, 'text/csv')).status).toBe(403);
  });
});

describe('the catalogue of product-quality supervision sampling', () => {
  it('lists the national editions with their sources and declared categories', async () => {
    const editions = await call('inspector1', 'GET', '/api/v1/product-quality/catalogue/editions');
    expect(editions.status).toBe(200);
    const national = editions.body.national as Json[];
    expect(national.map((edition) => [edition.name, edition.source, edition.declaredCategories, edition.declaredProducts])).toEqual([
      ['2021年产品质量国家监督抽查计划', '市场监管总局公告2021年第11号', 8, 137],
      ['全国重点工业产品质量安全监管目录（2021年版）', '全国重点工业产品质量安全监管目录（2021年版）', 12, 249],
    ]);
    const categories = national[0]?.categories as Json[];
    expect(categories.map((category) => `${category.name}${category.declaredProducts}`).join(' ')).toBe(
      '电子电器产品36 农业生产资料6 建筑和装饰装修材料19 电工及材料产品7 机械及安防产品23 日用及纺织品20 耐用消费品14 食品相关产品12',
    );
    expect(categories.reduce((sum, category) => sum + (category.declaredProducts as number), 0)).toBe(137);
    // The 目录's twelve categories as reported at publication add up to 245 of its 249 products (migration 0084).
    const keyProducts = national[1]?.categories as Json[];
    expect(keyProducts.map((category) => category.name)).toHaveLength(12);
    expect(keyProducts[10]).toMatchObject({ name: '工业生产资料', declaredProducts: 60 });
    expect(keyProducts.reduce((sum, category) => sum + (category.declaredProducts as number), 0)).toBe(245);
  });

  it('section staff add, edit and retire products; bad fields are named; others only read', async () => {
    const bad = await call('section', 'POST', '/api/v1/product-quality/catalogue/products', {
      category: ' ',
      name: '木家具',
      standards: [],
      testItems: ['甲醛释放量'],
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors ?? []).map((error) => error.field).sort()).toEqual(['category', 'extra', 'standards']);
    const notStandard = await call('section', 'POST', '/api/v1/product-quality/catalogue/products', {
      category: '家具',
      name: '木家具',
      standards: ['GB 18584-2001', '国标家具'],
      testItems: ['甲醛释放量'],
    });
    expect(notStandard.status).toBe(400);
    expect((notStandard.body.errors as unknown as Json[]).map((error) => [error.field, error.message])).toEqual([
      ['standards', '标准编号格式有误：国标家具'],
    ]);
    const emptyAfterSplit = await call('section', 'POST', '/api/v1/product-quality/catalogue/products', {
      category: '家具',
      name: '木家具',
      standards: ['GB 18584-2001'],
      testItems: ['、；'],
    });
    expect(emptyAfterSplit.status).toBe(400);
    expect((emptyAfterSplit.body.errors as unknown as Json[]).map((error) => [error.field, error.message])).toEqual([
      ['testItems', '应为 1 至 60 项'],
    ]);
    const made = await call('section', 'POST', '/api/v1/product-quality/catalogue/products', {
      category: '家具',
      name: ' 木家具 ',
      standards: ['GB 18584-2001', 'GB/T 10357.7-2013', 'GB 18584-2001'],
      testItems: ['甲醛释放量', '稳定性'],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id = made.body.id as number;
    expect(made.body).toEqual({
      id,
      category: '家具',
      name: '木家具',
      standards: ['GB 18584-2001', 'GB/T 10357.7-2013'],
      testItems: ['甲醛释放量', '稳定性'],
      status: 'active',
    });
    const twice = await call('section', 'POST', '/api/v1/product-quality/catalogue/products', {
      category: '家具',
      name: '木家具',
      standards: ['GB 18584-2001'],
      testItems: ['甲醛释放量'],
    });
    expect(twice.status).toBe(409);
    const inspectorBody = { category: '家具', name: '办公椅', standards: ['GB/T 10357.3-2013'], testItems: ['座面静载荷'] };
    expect((await call('inspector1', 'POST', '/api/v1/product-quality/catalogue/products', inspectorBody)).status).toBe(403);
    expect((await call('inspector1', 'PATCH', `/api/v1/product-quality/catalogue/products/${id}`, { status: 'retired' })).status).toBe(403);
    const edited = await call('section', 'PATCH', `/api/v1/product-quality/catalogue/products/${id}`, {
      testItems: ['甲醛释放量', '稳定性', '耐冷热循环'],
    });
    expect(edited.body.testItems).toEqual(['甲醛释放量', '稳定性', '耐冷热循环']);
    expect((await call('section', 'PATCH', `/api/v1/product-quality/catalogue/products/${id}`, {})).status).toBe(400);
    const retired = await call('section', 'PATCH', `/api/v1/product-quality/catalogue/products/${id}`, { status: 'retired' });
    expect(retired.body.status).toBe('retired');
    const read = await call('inspector1', 'GET', `/api/v1/product-quality/catalogue/products/${id}`);
    expect(read.body).toMatchObject({ name: '木家具', status: 'retired' });
    expect((await call('section', 'GET', '/api/v1/product-quality/catalogue/products/999999999')).status).toBe(404);
    expect((await call('section', 'PATCH', `/api/v1/product-quality/catalogue/products/${id}`, { status: 'active' })).body.status).toBe(
      'active',
    );
  });

  it('imports a catalogue file only when every row is clean, naming each bad row; then searches it and shows plans over it', async () => {
    const header = '产品类别,产品名称,依据标准,检验项目';
    const badCsv = [
      header,
      '灯具,LED筒灯,GB/T 17743-2017,骚扰电压',
      ',可移式通用灯具,GB 7000.1-2015,"防触电保护、标记"',
      '灯具,LED筒灯,GB/T 17743-2017,骚扰电压',
      '电线电缆,聚氯乙烯绝缘电线,国标3048,',
    ].join('\n');
    const rejected = await call('section', 'POST', '/api/v1/product-quality/catalogue/imports?filename=bad.csv', badCsv, 'text/csv');
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body).toMatchObject({ rows: 4, added: 0, updated: 0 });
    expect((rejected.body.errors as Json[]).map((error) => [error.rowNumber, error.field])).toEqual([
      [3, 'category'],
      [4, 'name'],
      [5, 'standards'],
      [5, 'testItems'],
    ]);
    let listed = await call('section', 'GET', '/api/v1/product-quality/catalogue/products?category=灯具');
    expect(listed.body.total).toBe(0);

    const goodCsv = [
      header,
      '灯具,LED筒灯,GB/T 17743-2017,骚扰电压',
      '灯具,可移式通用灯具,GB 7000.1-2015,"防触电保护、标记"',
      '家具,木家具,GB 18584-2001,"甲醛释放量、稳定性"',
    ].join('\n');
    const imported = await call('section', 'POST', '/api/v1/product-quality/catalogue/imports?filename=good.csv', goodCsv, 'text/csv');
    expect(imported.body).toEqual({ rows: 3, added: 2, updated: 1, errors: [] });
    expect((await call('inspector1', 'POST', '/api/v1/product-quality/catalogue/imports?filename=x.csv', goodCsv, 'text/csv')).status).toBe(
      403,
    );
    const wrongType = await call('section', 'POST', '/api/v1/product-quality/catalogue/imports?filename=x.txt', goodCsv, 'text/plain');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({ code: 'invalid_request', errors: [{ in: 'body', code: 'content_type' }] });

    listed = await call('inspector1', 'GET', '/api/v1/product-quality/catalogue/products?category=灯具');
    expect((listed.body.items as Json[]).map((item) => item.name)).toEqual(['LED筒灯', '可移式通用灯具']);
    expect(listed.body.categories).toEqual([
      { category: '家具', products: 1 },
      { category: '灯具', products: 2 },
    ]);
    const searched = await call('inspector1', 'GET', `/api/v1/product-quality/catalogue/products?q=${encodeURIComponent('7000.1')}`);
    expect((searched.body.items as Json[]).map((item) => item.name)).toEqual(['可移式通用灯具']);
    const woodStandards = await call('inspector1', 'GET', `/api/v1/product-quality/catalogue/products?q=${encodeURIComponent('木家具')}`);
    expect((woodStandards.body.items as Json[])[0]).toMatchObject({ standards: ['GB 18584-2001'], testItems: ['甲醛释放量', '稳定性'] });
    const editions = await call('leader', 'GET', '/api/v1/product-quality/catalogue/editions');
    expect(editions.body.district).toEqual({
      categories: 2,
      products: 3,
      retired: 0,
      byCategory: [
        { category: '家具', products: 1 },
        { category: '灯具', products: 2 },
      ],
    });

    // A 2026 industrial plan: 3 production + 2 circulation batches, 2 of them furniture made in production.
    const plan = await call('section', 'POST', '/api/v1/sampling/plans', {
      year: 2026,
      name: '2026年产品质量监督抽查计划',
      field: 'industrial',
      kind: 'routine',
      targets: [
        { link: 'production', targetBatches: 3 },
        { link: 'circulation', targetBatches: 2 },
        { link: 'production', category: '家具', targetBatches: 2 },
      ],
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const planId = plan.body.id as number;
    const entityId = await manufacturer('甬目录家具制造有限公司');
    const sampled = async (link: string, category: string, productType: string) => {
      const made = await call('inspector1', 'POST', '/api/v1/sampling/samples', {
        planId,
        entityId,
        link,
        category,
        productType,
        productName: productType,
        samplerIds: [home.users.inspector1.id, home.users.inspector2.id],
        entityConfirmedBy: '签字人赵六',
        testMethod: 'lab',
        testItems: ['甲醛释放量'],
        sampledOn: '2026-02-26',
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    };
    await sampled('production', '家具', '木家具');
    await sampled('production', '家具', '木家具');
    await sampled('circulation', '灯具', 'LED筒灯');
    await sampled('production', '鞋类', '运动鞋');
    const view = await call('leader', 'GET', '/api/v1/product-quality/catalogue/plan?year=2026');
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.fields).toEqual(['production', 'circulation', 'e_commerce']);
    expect(view.body.plans).toEqual([
      {
        id: planId,
        name: '2026年产品质量监督抽查计划',
        kind: 'routine',
        byField: {
          production: { planned: 5, done: 3 },
          circulation: { planned: 2, done: 1 },
          e_commerce: { planned: null, done: 0 },
        },
        targetBatches: 7,
        doneBatches: 4,
        completionPercent: '57.14',
      },
    ]);
    const categories = view.body.categories as Json[];
    expect(categories.map((category) => [category.category, category.byField])).toEqual([
      ['家具', { production: { planned: 2, done: 2 }, circulation: { planned: null, done: 0 }, e_commerce: { planned: null, done: 0 } }],
      ['灯具', { production: { planned: null, done: 0 }, circulation: { planned: null, done: 1 }, e_commerce: { planned: null, done: 0 } }],
    ]);
    expect(((categories[1] as Json).products as Json[]).map((product) => [product.name, product.batches])).toEqual([
      ['LED筒灯', 1],
      ['可移式通用灯具', 0],
    ]);
    expect(view.body.outsideCatalogue).toBe(1);
    expect((await call('leader', 'GET', '/api/v1/product-quality/catalogue/plan?year=2019')).body).toMatchObject({
      plans: [],
      outsideCatalogue: 0,
    });
  });
});
