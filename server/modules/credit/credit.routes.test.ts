import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import { queryRows } from '../../db/client.ts';
import { userEntity } from '../../platform/auth/auth.tables.ts';
import { systemContext } from '../../platform/http/context.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { creditListedEntityIds } from './index.ts';
import { openFilingYear } from './service/annual-reports.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const cookies = new Map<string, string>();
type Json = Record<string, unknown>;
let serial = 0;

async function call(user: keyof TestDistrict['users'], method: 'GET' | 'POST', url: string, payload?: unknown, contentType?: string) {
  const username = home.users[user].username;
  if (!cookies.has(username)) cookies.set(username, await signIn(app, username));
  const response = await app.inject({
    method,
    url,
    headers: { cookie: cookies.get(username) as string, ...(contentType ? { 'content-type': contentType } : {}) },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.json() as Json, text: response.body };
}

async function makeEntity(kind: 'enterprise' | 'individual', name: string, streetIndex: 0 | 1 = 0, foundedOn = '2019-05-01') {
  serial += 1;
  const body = `${kind === 'enterprise' ? '91' : '92'}${home.code}${String((Date.now() + serial * 7919) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}1`;
  const created = await call('section', 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name,
    kind,
    legalRepName: '王五',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'F52',
    foundedOn,
    address: '信用路1号',
    streetCode: home.stations[streetIndex].streetCode,
    businessCategory: 'other',
    phone: '13800000000',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id as number, creditCode: body + creditCodeCheckCharacter(body) };
}

let firm: { id: number; creditCode: string };
let shop: { id: number; creditCode: string };
let otherStreet: { id: number; creditCode: string };
let young: { id: number; creditCode: string };

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  firm = await makeEntity('enterprise', '甬信贸易有限公司');
  shop = await makeEntity('individual', '老李杂货店');
  otherStreet = await makeEntity('enterprise', '二所辖区公司', 1);
  young = await makeEntity('enterprise', '新设公司', 0, '2025-03-01');
  await home.ctx.db.insert(userEntity).values({ districtCode: home.code, userId: home.users.operator.id, entityId: firm.id });
  // The filing window of the 2024 reports opened on 1 January 2025 (the daily job does this).
  await openFilingYear(systemContext(platform), home.code, 2024);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('annual reports', () => {
  it('every entity registered by the end of 2024 must file its 2024 report by 30 June 2025; one registered in 2025 files from next year', async () => {
    const listed = await call('section', 'GET', '/api/v1/credit/annual-reports?reportYear=2024&pageSize=100');
    expect(listed.status).toBe(200);
    const ids = (listed.body.items as Json[]).map((item) => item.entityId);
    expect(ids).toEqual(expect.arrayContaining([firm.id, shop.id, otherStreet.id]));
    expect(ids).not.toContain(young.id);
    expect((listed.body.items as Json[]).find((item) => item.entityId === firm.id)).toMatchObject({
      deadline: '2025-06-30',
      filedOn: null,
      state: 'overdue',
    });
  });

  it('an inspector sees only the reports of the station’s streets; an operator only their own business', async () => {
    const inspector = await call('inspector1', 'GET', '/api/v1/credit/annual-reports?reportYear=2024&pageSize=100');
    expect((inspector.body.items as Json[]).map((item) => item.entityId)).not.toContain(otherStreet.id);
    const operator = await call('operator', 'GET', '/api/v1/credit/annual-reports?reportYear=2024');
    expect((operator.body.items as Json[]).map((item) => item.entityId)).toEqual([firm.id]);
  });

  it('enterprises cannot file on paper; bad dates are named field by field', async () => {
    const paper = await call('inspector1', 'POST', '/api/v1/credit/annual-reports', {
      entityId: firm.id,
      reportYear: 2024,
      filedOn: '2025-05-01',
      channel: 'paper',
    });
    expect(paper.status).toBe(400);
    expect(paper.body.code).toBe('credit.paper_not_allowed');
    const early = await call('inspector1', 'POST', '/api/v1/credit/annual-reports', {
      entityId: shop.id,
      reportYear: 2024,
      filedOn: '2024-12-01',
      channel: 'paper',
    });
    expect(early.status).toBe(400);
    expect(JSON.stringify(early.body)).toContain('filedOn');
  });

  it('a station enters a paper report of an individual business; the filing rate counts it by street and kind', async () => {
    const filed = await call('inspector1', 'POST', '/api/v1/credit/annual-reports', {
      entityId: shop.id,
      reportYear: 2024,
      filedOn: '2025-06-10',
      channel: 'paper',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body).toMatchObject({ filedOn: '2025-06-10', channel: 'paper', state: 'filed_on_time' });
    const rates = await call('section', 'GET', '/api/v1/credit/annual-reports/rates?reportYear=2024');
    expect(rates.status).toBe(200);
    expect(rates.body.total).toMatchObject({ obliged: 3, filed: 1, filedOnTime: 1, rate: 33.3 });
    expect(rates.body.byKind).toEqual([
      expect.objectContaining({ key: 'enterprise', label: '企业', obliged: 2, filed: 0, rate: 0 }),
      expect.objectContaining({ key: 'individual', label: '个体工商户', obliged: 1, filed: 1, rate: 100 }),
    ]);
    expect((rates.body.byStreet as Json[]).find((row) => row.key === home.stations[0].streetCode)).toMatchObject({
      obliged: 2,
      filed: 1,
      rate: 50,
    });
  });

  it('the registration system’s extract is dry-run row by row (each bad row’s number and reason), then commit files exactly the plan', async () => {
    const csv = `统一社会信用代码,企业名称,报送日期\n${otherStreet.creditCode},二所辖区公司,2025/04/02\n${young.creditCode},新设公司,2025-04-02\n,无代码,2025-04-02\n${firm.creditCode},甬信,明天\n`;
    const dryRun = await call(
      'section',
      'POST',
      '/api/v1/credit/annual-reports/imports?reportYear=2024&filename=2024.csv',
      csv,
      'text/csv',
    );
    expect(dryRun.status, dryRun.text).toBe(201);
    expect(dryRun.body).toMatchObject({ status: 'dry_run', rows: 4, filed: 1, unchanged: 0, rejected: 3 });
    expect(dryRun.body.plan).toEqual([{ rowNumber: 2, creditCode: otherStreet.creditCode, filedOn: '2025-04-02' }]);
    expect((dryRun.body.errors as Json[]).map((error) => [error.rowNumber, error.field])).toEqual([
      [3, '统一社会信用代码'],
      [4, '统一社会信用代码'],
      [5, '报送日期'],
    ]);
    // Nothing is filed before the commit.
    const before = await call('section', 'GET', `/api/v1/credit/annual-reports?reportYear=2024&entityId=${otherStreet.id}`);
    expect((before.body.items as Json[])[0]).toMatchObject({ filedOn: null });
    expect((await call('inspector1', 'POST', `/api/v1/credit/annual-reports/imports/${dryRun.body.id}/commit`)).status).toBe(403);
    const committed = await call('section', 'POST', `/api/v1/credit/annual-reports/imports/${dryRun.body.id}/commit`);
    expect(committed.status, committed.text).toBe(200);
    expect(committed.body).toMatchObject({ status: 'committed', filed: 1, skipped: 0 });
    const report = await call('section', 'GET', `/api/v1/credit/annual-reports?reportYear=2024&entityId=${otherStreet.id}`);
    expect((report.body.items as Json[])[0]).toMatchObject({ filedOn: '2025-04-02', channel: 'import' });
    const twice = await call('section', 'POST', `/api/v1/credit/annual-reports/imports/${dryRun.body.id}/commit`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('credit.import_already_committed');
    // The same file again: the report is on file as early, so the row is unchanged.
    const again = await call(
      'section',
      'POST',
      '/api/v1/credit/annual-reports/imports?reportYear=2024&filename=again.csv',
      csv,
      'text/csv',
    );
    expect(again.body).toMatchObject({ filed: 0, unchanged: 1, rejected: 3 });
  });

  it('reminders go to the non-filers in scope with a phone, once a day, through the SMS outbox', async () => {
    const sent = await call('inspector1', 'POST', '/api/v1/credit/annual-reports/reminders', { reportYear: 2024 });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ queued: 1, withoutPhone: 0, alreadyToday: 0 });
    const again = await call('inspector1', 'POST', '/api/v1/credit/annual-reports/reminders', { reportYear: 2024 });
    expect(again.body).toEqual({ queued: 0, withoutPhone: 0, alreadyToday: 1 });
    const outbox = await queryRows<{ body: string; purpose: string }>(
      home.ctx.db,
      sql`select body, purpose from sms_outbox where district_code = ${home.code} and purpose = 'credit.annual_report.reminder'`,
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.body).toContain('甬信贸易有限公司：请于2025-06-30前');
  });
});

describe('abnormal-operation list, repair and the public record', () => {
  let listingId = 0;

  it('the station lists the enterprise that did not file; the reason and the legal basis are on the record', async () => {
    const tooEarly = await call('inspector1', 'POST', '/api/v1/credit/abnormal-listings', {
      entityId: firm.id,
      reason: 'annual_report_not_filed',
      reportYear: 2024,
      decidedOn: '2025-06-15',
    });
    expect(tooEarly.status).toBe(400);
    const listed = await call('inspector1', 'POST', '/api/v1/credit/abnormal-listings', {
      entityId: firm.id,
      reason: 'annual_report_not_filed',
      reportYear: 2024,
      decidedOn: '2025-07-14',
    });
    expect(listed.status, JSON.stringify(listed.body)).toBe(201);
    expect(listed.body).toMatchObject({
      measure: 'listing',
      status: 'listed',
      decisionNumber: '市监经异〔2025〕1号',
      seriousCandidateFrom: '2028-07-14',
      isSeriousCandidate: false,
    });
    expect(listed.body.legalBasis).toContain('《企业经营异常名录管理暂行办法》第四条第（一）项');
    listingId = listed.body.id as number;
    const decision = await app.inject({
      method: 'GET',
      url: `/api/v1/credit/abnormal-listings/${listingId}/decision.docx`,
      headers: { cookie: cookies.get(home.users.inspector1.username) as string },
    });
    expect(decision.statusCode).toBe(200);
    expect(decision.headers['content-type']).toContain('wordprocessingml');
    expect(decision.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const again = await call('section', 'POST', '/api/v1/credit/abnormal-listings', {
      entityId: firm.id,
      reason: 'annual_report_not_filed',
      reportYear: 2024,
      decidedOn: '2025-07-15',
    });
    expect(again.status).toBe(409);
    expect(await creditListedEntityIds(systemContext(platform), home.code, [firm.id, shop.id], '2026-03-02')).toEqual(new Set([firm.id]));
    const page = await app.inject({ method: 'GET', url: `/public/credit/${home.code}/${firm.creditCode}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('列入经营异常名录');
    expect(page.body).toContain('未按照规定期限公示年度报告');
    expect(page.body).not.toContain('王五');
    expect(page.body).not.toContain('<script');
  });

  it('removal is refused while the report is still missing; the enterprise files and applies, the station approves and the public page follows', async () => {
    const refused = await call('inspector1', 'POST', `/api/v1/credit/abnormal-listings/${listingId}/removal`, {
      removedOn: '2026-03-01',
      removalReason: '已补报',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('credit.listing_not_removable');

    const filed = await call('operator', 'POST', '/api/v1/credit/annual-reports', {
      entityId: firm.id,
      reportYear: 2024,
      filedOn: '2026-03-02',
      channel: 'online',
    });
    expect(filed.body).toMatchObject({ state: 'filed_late' });
    const applied = await call('operator', 'POST', '/api/v1/credit/repairs', {
      target: 'abnormal_listing',
      targetId: listingId,
      statement: '已补报2024年度报告并公示',
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    // Applied on Monday 2 March 2026: the bureau decides within 5 working days.
    expect(applied.body).toMatchObject({ status: 'submitted', decisionDue: '2026-03-09', entityName: '甬信贸易有限公司' });
    const decided = await call('inspector1', 'POST', `/api/v1/credit/repairs/${applied.body.id}/decision`, {
      status: 'approved',
      decisionNote: '经核查已补报',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ status: 'approved', decidedOn: '2026-03-02' });
    const listing = await call('section', 'GET', `/api/v1/credit/abnormal-listings/${listingId}`);
    expect(listing.body).toMatchObject({ status: 'removed', removedOn: '2026-03-02' });
    const page = await app.inject({ method: 'GET', url: `/public/credit/${home.code}/${firm.creditCode}?lang=zh-CN` });
    expect(page.body).toContain('未列入');
    expect(page.body).toContain('逾期补报');
    expect(await creditListedEntityIds(systemContext(platform), home.code, [firm.id], '2026-03-02')).toEqual(new Set());
  });

  it('a listing 3 years old moves to the serious-violation list with a 3-year term; an early repair waits one year', async () => {
    const listed = await call('section', 'POST', '/api/v1/credit/abnormal-listings', {
      entityId: otherStreet.id,
      reason: 'unreachable_at_address',
      decidedOn: '2022-08-01',
    });
    expect(listed.status).toBe(201);
    expect(listed.body.isSeriousCandidate).toBe(true);
    const candidates = await call('section', 'GET', '/api/v1/credit/abnormal-listings?isSeriousCandidate=true');
    expect((candidates.body.items as Json[]).map((item) => item.id)).toEqual([listed.body.id]);
    const moved = await call('section', 'POST', '/api/v1/credit/serious-violations', {
      abnormalListingId: listed.body.id,
      listedOn: '2025-08-05',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    expect(moved.body).toMatchObject({ termEndsOn: '2028-08-05', repairFrom: '2026-08-05', status: 'listed' });
    const early = await call('section', 'POST', '/api/v1/credit/repairs', {
      target: 'serious_violation',
      targetId: moved.body.id,
      statement: '已整改',
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('credit.repair_too_early');
    const page = await app.inject({ method: 'GET', url: `/public/credit/${home.code}/${otherStreet.creditCode}?lang=en` });
    expect(page.body).toContain('until 2028-08-05');
  });

  it('another district’s staff and the other station cannot reach a listing (404)', async () => {
    const other = await call('inspector2', 'GET', `/api/v1/credit/abnormal-listings/${listingId}`);
    expect(other.status).toBe(404);
  });
});
