import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import { registerProblemHandlers } from '../../platform/errors/problem.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import type { Actor } from '../../platform/scope/actor.ts';
import { readFirstSheet, xlsxOfArrays } from '../../platform/spreadsheets/xlsx.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { type TestPlatform, testPlatform } from '../../test/test-platform.ts';
import { registryRoutes } from './index.ts';
import { createEntity } from './service/entity-writes.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;
const actors = new Map<string, Actor>();
const ids: Record<'first' | 'second', number> = { first: 0, second: 0 };
let serial = 0;

/** A valid individual-business credit code of a district, unique in this file. */
function code(districtCode: string): string {
  serial += 1;
  const body = `92${districtCode}${String(serial).padStart(8, '0')}0`;
  return body + creditCodeCheckCharacter(body);
}

function actorOf(district: TestDistrict, key: keyof TestDistrict['users'], over: Partial<Actor> = {}): Actor {
  const user = district.users[key];
  return {
    userId: user.id,
    username: user.username,
    displayName: user.username,
    districtCode: district.code,
    districtCodes: [district.code],
    roles: user.roles,
    orgUnitId: null,
    isDistrictWide: user.roles.some((role) => ['admin', 'leader', 'section'].includes(role)),
    streetCodes: [],
    entityIds: [],
    labId: null,
    ...over,
  };
}

function contextOf(actor: Actor): ActorContext {
  return { ...home.ctx, db: platform.database.db, crypto: platform.crypto, clock: platform.clock, actor };
}

const call = (actor: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method,
    url,
    headers: { 'x-test-actor': actor, ...headers },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });

beforeAll(async () => {
  platform = await testPlatform();
  home = await createTestDistrict(platform);
  other = await createTestDistrict(platform);
  const section = actorOf(home, 'section');
  const entityInput = (name: string, streetCode: string) => ({
    creditCode: code(home.code),
    name,
    kind: 'individual' as const,
    legalRepName: '张三',
    legalRepIdNumber: '11010519491231002X',
    phone: '13812345678',
    industryCode: 'H62',
    foundedOn: '2019-05-01',
    address: `${name}路1号`,
    streetCode,
    businessCategory: 'catering' as const,
  });
  ids.first = (await createEntity(contextOf(section), entityInput('顺发餐饮店', home.stations[0].streetCode))).id;
  ids.second = (await createEntity(contextOf(section), entityInput('恒达小吃店', home.stations[1].streetCode))).id;
  actors.set('section', section);
  actors.set('inspector1', actorOf(home, 'inspector1', { streetCodes: [home.stations[0].streetCode] }));
  actors.set('inspector2', actorOf(home, 'inspector2', { streetCodes: [home.stations[1].streetCode] }));
  actors.set('operator', actorOf(home, 'operator', { entityIds: [ids.second] }));
  actors.set('otherAdmin', actorOf(other, 'admin'));
  actors.set('otherSection', actorOf(other, 'section'));

  const fastify = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  registerProblemHandlers(fastify);
  fastify.addHook('onRequest', async (request) => {
    request.actor = actors.get(String(request.headers['x-test-actor']));
  });
  await registryRoutes(fastify as unknown as AppInstance, platform);
  app = fastify as unknown as AppInstance;
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await platform.database.close();
});

describe('entity routes keep to the scope', () => {
  it('an inspector sees the entities of their station streets and gets 404 for the others', async () => {
    expect((await call('inspector1', 'GET', `/api/v1/entities/${ids.first}`)).statusCode).toBe(200);
    for (const path of ['', '/timeline']) {
      expect((await call('inspector2', 'GET', `/api/v1/entities/${ids.first}${path}`)).statusCode).toBe(404);
      expect((await call('operator', 'GET', `/api/v1/entities/${ids.first}${path}`)).statusCode).toBe(404);
      expect((await call('otherAdmin', 'GET', `/api/v1/entities/${ids.first}${path}`)).statusCode).toBe(404);
    }
    const reveal = { field: 'legalRepIdNumber', reason: '案件调查需要' };
    expect((await call('inspector2', 'POST', `/api/v1/entities/${ids.first}/reveal`, reveal)).statusCode).toBe(404);
    expect((await call('otherAdmin', 'POST', `/api/v1/entities/${ids.first}/reveal`, reveal)).statusCode).toBe(404);
    const change = { status: 'cancelled', since: '2020-01-01', reason: 'x' };
    expect((await call('otherSection', 'POST', `/api/v1/entities/${ids.first}/status`, change)).statusCode).toBe(404);
    expect((await call('otherSection', 'PATCH', `/api/v1/entities/${ids.first}`, { name: '改名', revision: 1 })).statusCode).toBe(404);
  });

  it('an operator sees only their own business', async () => {
    expect((await call('operator', 'GET', `/api/v1/entities/${ids.second}`)).statusCode).toBe(200);
    const list = (await call('operator', 'GET', '/api/v1/entities')).json();
    expect(list.items.map((item: { id: number }) => item.id)).toEqual([ids.second]);
  });

  it('lists mask personal data and the reveal is audited and returns the plain value', async () => {
    const page = (await call('section', 'GET', `/api/v1/entities/${ids.first}`)).json();
    expect(page.legalRepIdMasked).toBe('110105********002X');
    expect(page.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(page)).not.toContain('11010519491231002X');
    const revealed = await call('section', 'POST', `/api/v1/entities/${ids.first}/reveal`, { field: 'phone', reason: '核实投诉' });
    expect(revealed.json()).toEqual({ field: 'phone', value: '13812345678' });
    expect((await call('operator', 'POST', `/api/v1/entities/${ids.second}/reveal`, { field: 'phone', reason: '看看' })).statusCode).toBe(
      403,
    );
  });
});

describe('search', () => {
  it('finds one- and two-character Chinese queries, codes and filters by street', async () => {
    const names = async (actor: string, query: string) =>
      (await call(actor, 'GET', `/api/v1/entities?${query}`)).json().items.map((item: { name: string }) => item.name);
    expect(await names('section', `q=${encodeURIComponent('店')}`)).toEqual(['恒达小吃店', '顺发餐饮店']);
    expect(await names('section', `q=${encodeURIComponent('餐饮')}`)).toEqual(['顺发餐饮店']);
    expect(await names('section', `q=${encodeURIComponent('小吃店')}`)).toEqual(['恒达小吃店']);
    expect(await names('section', `q=${encodeURIComponent('饮小')}`)).toEqual([]);
    expect(await names('inspector1', `q=${encodeURIComponent('店')}`)).toEqual(['顺发餐饮店']);
    expect(await names('section', `street=${home.stations[1].streetCode}`)).toEqual(['恒达小吃店']);
    expect(await names('section', `station=${home.stations[0].id}`)).toEqual(['顺发餐饮店']);
    const page = (await call('section', 'GET', `/api/v1/entities/${ids.first}`)).json();
    expect(await names('section', `q=${page.creditCode.slice(0, 12)}`)).toContain('顺发餐饮店');
    expect((await call('otherAdmin', 'GET', `/api/v1/entities?q=${encodeURIComponent('店')}`)).json()).toMatchObject({ total: 0 });
  });

  it('rejects a wrong check character naming the field and the expected character', async () => {
    const good = code(home.code);
    const wrong = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const response = await call('section', 'POST', '/api/v1/entities', {
      creditCode: wrong,
      name: '测试',
      kind: 'enterprise',
      legalRepName: '李四',
      industryCode: 'F52',
      foundedOn: '2020-01-01',
      address: '某路',
      streetCode: home.stations[0].streetCode,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: 'creditCode', code: 'check_character' });
    expect(response.json().errors[0].message).toContain(good.charAt(17));
  });
});

describe('import', () => {
  const folder = mkdtempSync(join(tmpdir(), 'zhijian-import-'));
  const headers = ['统一社会信用代码', '企业名称', '类型', '法定代表人', '成立日期', '注册资本(万元)', '住所', '所属街道', '行业'];
  const rows = () => {
    const codes: [string, string, string] = [code(home.code), code(home.code), code(home.code)];
    const badCode = `${codes[2].slice(0, 17)}${codes[2].endsWith('0') ? '1' : '0'}`;
    return [
      [codes[0], '宁波甲乙贸易有限公司', '有限责任公司', '王五', '2018-03-01', '100', '中河路8号', '街道1', 'F51'],
      [codes[1], '明州丙丁面馆', '个体工商户', '赵六', '2020/7/15', '', '钟公庙路9号', '街道2', 'H62'],
      [badCode, '校验位错的公司', '有限责任公司', '钱七', '2019-01-01', '50', '某路1号', '街道1', 'F52'],
      [codes[1], '', '个体工商户', '孙八', '2020-01-01', '', '某路2号', '无此街道', 'H62'],
    ];
  };

  async function upload(kind: 'csv' | 'xlsx', file: string, query = '') {
    const contentType = kind === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return call('section', 'POST', `/api/v1/registry/imports?filename=${kind === 'csv' ? 'a.csv' : 'a.xlsx'}${query}`, readFileSync(file), {
      'content-type': contentType,
    });
  }

  function writeCsv(lines: string[][]): string {
    const file = join(folder, `extract-${serial}.csv`);
    writeFileSync(file, `\uFEFF${[headers, ...lines].map((line) => line.join(',')).join('\r\n')}\r\n`);
    return file;
  }

  it('dry-runs a csv, reports rejected rows with numbers and reasons, commits exactly the plan, and a re-import changes nothing', async () => {
    const file = writeCsv(rows());
    const dryRun = await upload('csv', file);
    expect(dryRun.statusCode).toBe(201);
    const batch = dryRun.json();
    expect(batch).toMatchObject({ rowCount: 4, newCount: 2, updatedCount: 0, unchangedCount: 0, rejectedCount: 2, status: 'dry_run' });
    const rejected = (await call('section', 'GET', `/api/v1/registry/imports/${batch.id}/rows?action=rejected`)).json();
    expect(rejected.items.map((row: { rowNumber: number }) => row.rowNumber)).toEqual([4, 5]);
    expect(rejected.items[0].reasons[0]).toMatchObject({ field: 'creditCode', code: 'check_character' });
    expect(rejected.items[1].reasons.map((reason: { code: string }) => reason.code)).toEqual(['required', 'unknown', 'duplicate']);
    const before = (await call('section', 'GET', '/api/v1/entities?pageSize=100')).json().total;

    const report = await call('section', 'GET', `/api/v1/registry/imports/${batch.id}/errors.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('4,');
    expect(report.body).toContain('校验位');
    expect(report.body).toContain('无此街道');

    const committed = await call('section', 'POST', `/api/v1/registry/imports/${batch.id}/commit`, {});
    expect(committed.json()).toMatchObject({ status: 'committed' });
    const after = (await call('section', 'GET', '/api/v1/entities?pageSize=100')).json();
    expect(after.total).toBe(before + 2);
    const imported = after.items.find((item: { name: string }) => item.name === '明州丙丁面馆');
    expect(imported).toMatchObject({
      kind: 'individual',
      foundedOn: '2020-07-15',
      industryCode: 'H62',
      streetCode: home.stations[1].streetCode,
    });
    expect((await call('section', 'POST', `/api/v1/registry/imports/${batch.id}/commit`, {})).statusCode).toBe(409);

    const again = (await upload('csv', file)).json();
    expect(again).toMatchObject({ newCount: 0, updatedCount: 0, unchangedCount: 2, rejectedCount: 2 });
  });

  it('reads xlsx, plans updates of changed fields only, and refuses a commit when the registry changed since the dry run', async () => {
    const lines = rows();
    const first = lines[0] as string[];
    const csvBatch = (await upload('csv', writeCsv([first]))).json();
    await call('section', 'POST', `/api/v1/registry/imports/${csvBatch.id}/commit`, {});

    const file = join(folder, 'extract.xlsx');
    writeFileSync(
      file,
      await xlsxOfArrays('登记', [
        headers,
        [first[0], '宁波甲乙国际贸易有限公司', ...first.slice(2, 4), new Date(Date.UTC(2018, 2, 1)), 100, ...first.slice(6)],
        lines[2] ?? [],
      ]),
    );
    const batch = (await upload('xlsx', file)).json();
    expect(batch).toMatchObject({ rowCount: 2, updatedCount: 1, unchangedCount: 0, rejectedCount: 1 });
    const updated = (await call('section', 'GET', `/api/v1/registry/imports/${batch.id}/rows?action=updated`)).json();
    expect(updated.items[0]).toMatchObject({ rowNumber: 2, changed: ['name'] });
    const rejected = (await call('section', 'GET', `/api/v1/registry/imports/${batch.id}/rows?action=rejected`)).json();
    expect(rejected.items[0]).toMatchObject({ rowNumber: 3 });

    const found = (await call('section', 'GET', `/api/v1/entities?q=${first[0]}`)).json().items[0];
    await call('section', 'POST', `/api/v1/entities/${found.id}/status`, { status: 'cancelled', since: '2025-01-01', reason: '申请注销' });
    const refused = await call('section', 'POST', `/api/v1/registry/imports/${batch.id}/commit`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('registry.import_stale');
    const page = (await call('section', 'GET', `/api/v1/entities/${found.id}`)).json();
    expect(page.name).toBe('宁波甲乙贸易有限公司');
    expect(page.statusHistory.map((change: { status: string }) => change.status)).toEqual(['active', 'cancelled']);
  });
});

describe('export', () => {
  async function workbookOf(body: Buffer) {
    return ((await readFirstSheet(body)) ?? []).map((row) => row.values);
  }

  it('streams the filtered list as a valid xlsx with personal data masked', async () => {
    const response = await call('section', 'GET', `/api/v1/entities/export.xlsx?q=${encodeURIComponent('餐饮')}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toContain('attachment');
    const rows = await workbookOf(response.rawPayload);
    const [header, ...data] = rows;
    expect(header).toContain('统一社会信用代码');
    expect(header).toContain('联系电话');
    expect(header?.some((title) => title.includes('身份证'))).toBe(false);
    expect(data.map((row) => row[header?.indexOf('名称') ?? -1])).toEqual(['顺发餐饮店']);
    const row = data[0] ?? [];
    expect(row[header?.indexOf('联系电话') ?? -1]).toBe('138****5678');
    expect(row[header?.indexOf('类型') ?? -1]).toBe('个体工商户');
    const text = JSON.stringify(rows);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('11010519491231002X');
  });

  it('imports its own export back: a masked phone means unchanged, and nothing is rejected', async () => {
    const exported = await call('section', 'GET', `/api/v1/entities/export.xlsx?q=${encodeURIComponent('餐饮')}`);
    const imported = await call('section', 'POST', '/api/v1/registry/imports?filename=export.xlsx', exported.rawPayload, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(imported.statusCode).toBe(201);
    const batch = imported.json();
    const rejected = (await call('section', 'GET', `/api/v1/registry/imports/${batch.id}/rows?action=rejected`)).json();
    expect(rejected.items).toEqual([]);
    const updated = (await call('section', 'GET', `/api/v1/registry/imports/${batch.id}/rows?action=updated`)).json();
    expect(JSON.stringify(updated.items)).not.toContain('phone');
    expect((await call('section', 'POST', `/api/v1/registry/imports/${batch.id}/commit`, {})).statusCode).toBe(200);
    const after = (await call('section', 'GET', `/api/v1/entities?q=${encodeURIComponent('顺发餐饮店')}`)).json();
    expect(after.items[0]).toBeDefined();
    const again = await call('section', 'GET', `/api/v1/entities/export.xlsx?q=${encodeURIComponent('餐饮')}`);
    const rows = await workbookOf(again.rawPayload);
    expect(rows[1]?.[rows[0]?.indexOf('联系电话') ?? -1]).toBe('138****5678');
  });

  it('exports only what the actor may see, with the same filters as the list', async () => {
    const byStreet = await workbookOf(
      (await call('section', 'GET', `/api/v1/entities/export.xlsx?street=${home.stations[1].streetCode}`)).rawPayload,
    );
    expect(byStreet.slice(1).map((row) => row[1])).toContain('恒达小吃店');
    expect(byStreet.slice(1).map((row) => row[1])).not.toContain('顺发餐饮店');
    const inspectorRows = await workbookOf(
      (await call('inspector1', 'GET', `/api/v1/entities/export.xlsx?q=${encodeURIComponent('店')}`)).rawPayload,
    );
    expect(inspectorRows.slice(1).map((row) => row[1])).toEqual(['顺发餐饮店']);
    const otherRows = await workbookOf((await call('otherAdmin', 'GET', '/api/v1/entities/export.xlsx')).rawPayload);
    expect(otherRows).toHaveLength(1);
    expect((await call('operator', 'GET', '/api/v1/entities/export.xlsx')).statusCode).toBe(403);
    expect((await call('section', 'GET', '/api/v1/entities/export.xlsx?kind=shop')).statusCode).toBe(400);
  });
});

describe('saved column mappings', () => {
  const folder = mkdtempSync(join(tmpdir(), 'zhijian-mapping-'));
  // Headers the guess does not know: only a saved mapping (or an explicit one) reads this file.
  const headers = ['代码18位', '主体全称', '负责人', '开业日期', '街道名', '门类'];
  const columns = {
    代码18位: 'creditCode',
    主体全称: 'name',
    负责人: 'legalRepName',
    开业日期: 'foundedOn',
    街道名: 'street',
    门类: 'industryCode',
  };

  function csvFile(): Buffer {
    const file = join(folder, `odd-${serial}.csv`);
    const lines = [headers, [code(home.code), '映射测试面馆', '周九', '2021-05-06', '街道1', 'H62']];
    writeFileSync(file, `\uFEFF${lines.map((line) => line.join(',')).join('\r\n')}\r\n`);
    return readFileSync(file);
  }
  const uploadCsv = (query: string) =>
    call('section', 'POST', `/api/v1/registry/imports?filename=odd.csv${query}`, csvFile(), { 'content-type': 'text/csv' });

  it('saves a mapping, lists it for the district only, and reuses it on a new dry run', async () => {
    const unguessed = await uploadCsv('');
    expect(unguessed.statusCode).toBe(400);
    expect(unguessed.json().code).toBe('registry.import_mapping_incomplete');

    const saved = await call('section', 'POST', '/api/v1/registry/import-mappings', { name: '街道办报表', columns });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ name: '街道办报表', columns });
    const mappingId = saved.json().id as number;

    const listed = (await call('section', 'GET', '/api/v1/registry/import-mappings')).json();
    expect(listed.items).toContainEqual({ id: mappingId, name: '街道办报表', columns });
    const elsewhere = (await call('otherSection', 'GET', '/api/v1/registry/import-mappings')).json();
    expect(elsewhere.items.map((item: { id: number }) => item.id)).not.toContain(mappingId);
    expect(
      (
        await call('otherSection', 'POST', `/api/v1/registry/imports?filename=odd.csv&mappingId=${mappingId}`, csvFile(), {
          'content-type': 'text/csv',
        })
      ).statusCode,
    ).toBe(404);

    const reused = await uploadCsv(`&mappingId=${mappingId}`);
    expect(reused.statusCode).toBe(201);
    expect(reused.json()).toMatchObject({ rowCount: 1, newCount: 1, rejectedCount: 0, columns, unmappedHeaders: [] });
    const planned = (await call('section', 'GET', `/api/v1/registry/imports/${reused.json().id}/rows`)).json();
    expect(planned.items[0]).toMatchObject({ rowNumber: 2, action: 'new', name: '映射测试面馆' });

    // An explicit mapping in the request works the same without saving one.
    const explicit = await uploadCsv(`&columns=${encodeURIComponent(JSON.stringify(columns))}`);
    expect(explicit.json()).toMatchObject({ newCount: 1, rejectedCount: 0 });
  });

  it('rejects a mapping to an unknown field, naming the field', async () => {
    const response = await call('section', 'POST', '/api/v1/registry/import-mappings', { name: '坏映射', columns: { 名称: 'nickname' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toContain('columns');
    expect((await call('inspector1', 'POST', '/api/v1/registry/import-mappings', { name: 'x', columns })).statusCode).toBe(403);
  });
});
