import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../../shared/credit-code.ts';
import { userEntity } from '../../../platform/auth/auth.tables.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { apiCaller } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';

// Objections (异议), the serious-violation list from a penalised case, and the public page of a code without a record.
// The test clock stands on Monday 2 March 2026.
let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const call = apiCaller(() => app);
type Json = Record<string, unknown>;
let serial = 0;

async function enterprise(name: string, foundedOn = '2019-05-01') {
  serial += 1;
  const body = `91${home.code}${String((Date.now() + serial * 6151) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}1`;
  const creditCode = body + creditCodeCheckCharacter(body);
  const created = await call(home.users.section.username, 'POST', '/api/v1/entities', {
    creditCode,
    name,
    kind: 'enterprise',
    legalRepName: '王五',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'F52',
    foundedOn,
    address: '异议路1号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'other',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: (created.body as Json).id as number, creditCode };
}

const list = async (entityId: number, decidedOn: string) => {
  const listed = await call(home.users.section.username, 'POST', '/api/v1/credit/abnormal-listings', {
    entityId,
    reason: 'unreachable_at_address',
    decidedOn,
  });
  expect(listed.status, JSON.stringify(listed.body)).toBe(201);
  return listed.body as Json;
};

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('objections to a listing (《企业经营异常名录管理暂行办法》第十六条、第十七条)', () => {
  it('the operator objects within 30 days; the station accepts within 5 working days, verifies, upholds: the listing is revoked', async () => {
    const firm = await enterprise('异议成立有限公司');
    await home.ctx.db.insert(userEntity).values({ districtCode: home.code, userId: home.users.operator.id, entityId: firm.id });
    const listing = await list(firm.id, '2026-02-20');
    expect(listing.objectionUntil).toBe('2026-03-22');
    const filed = await call(home.users.operator.username, 'POST', '/api/v1/credit/objections', {
      target: 'abnormal_listing',
      targetId: listing.id,
      grounds: '登记住所一直有人值守，核查当日系节后未开门',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    // Filed Monday 2 March 2026: acceptance due Monday 9 March.
    expect(filed.body).toMatchObject({ status: 'submitted', acceptanceDue: '2026-03-09', dueOn: '2026-03-09', isOverdue: false });
    const id = (filed.body as Json).id as number;
    const twice = await call(home.users.operator.username, 'POST', '/api/v1/credit/objections', {
      target: 'abnormal_listing',
      targetId: listing.id,
      grounds: '再次提出',
    });
    expect(twice.status).toBe(409);
    expect((twice.body as Json).code).toBe('credit.objection_already_open');
    // The operator cannot decide; deciding before acceptance is the wrong step.
    expect(
      (await call(home.users.operator.username, 'POST', `/api/v1/credit/objections/${id}/acceptance`, { isAccepted: true })).status,
    ).toBe(403);
    const early = await call(home.users.inspector1.username, 'POST', `/api/v1/credit/objections/${id}/decision`, {
      outcome: 'upheld',
      note: '核实',
    });
    expect(early.status).toBe(409);
    const accepted = await call(home.users.inspector1.username, 'POST', `/api/v1/credit/objections/${id}/acceptance`, {
      isAccepted: true,
      note: '',
    });
    // Accepted on 2 March: verification due in 20 working days, 30 March.
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      acceptedOn: '2026-03-02',
      verificationDue: '2026-03-30',
      dueOn: '2026-03-30',
    });
    const upheld = await call(home.users.inspector1.username, 'POST', `/api/v1/credit/objections/${id}/decision`, {
      outcome: 'upheld',
      note: '经复核住所可以联系，列入有误',
    });
    expect(upheld.status, JSON.stringify(upheld.body)).toBe(200);
    expect(upheld.body).toMatchObject({ status: 'upheld', decidedOn: '2026-03-02', dueOn: null });
    const after = await call(home.users.section.username, 'GET', `/api/v1/credit/abnormal-listings/${listing.id}`);
    expect(after.body).toMatchObject({ status: 'removed', removedOn: '2026-03-02', removalKind: 'objection' });
    const page = await app.inject({ method: 'GET', url: `/public/credit/${home.code}/${firm.creditCode}` });
    expect(page.body).toContain('未列入');
  });

  it('an objection after 30 days is refused; a refusal to accept states its reason; another station’s inspector gets 404', async () => {
    const firm = await enterprise('异议逾期有限公司');
    const old = await list(firm.id, '2026-01-05');
    const late = await call(home.users.section.username, 'POST', '/api/v1/credit/objections', {
      target: 'abnormal_listing',
      targetId: old.id,
      grounds: '不服',
    });
    expect(late.status).toBe(409);
    expect((late.body as Json).code).toBe('credit.objection_too_late');
    const recent = await list((await enterprise('异议不予受理有限公司')).id, '2026-02-25');
    const filed = await call(home.users.section.username, 'POST', '/api/v1/credit/objections', {
      target: 'abnormal_listing',
      targetId: recent.id,
      grounds: '不服',
    });
    const id = (filed.body as Json).id as number;
    expect((await call(home.users.inspector2.username, 'GET', `/api/v1/credit/objections/${id}`)).status).toBe(404);
    const noReason = await call(home.users.section.username, 'POST', `/api/v1/credit/objections/${id}/acceptance`, {
      isAccepted: false,
      note: '',
    });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('note');
    const refused = await call(home.users.section.username, 'POST', `/api/v1/credit/objections/${id}/acceptance`, {
      isAccepted: false,
      note: '未提交证明材料',
    });
    expect(refused.body).toMatchObject({ status: 'not_accepted', decidedOn: '2026-03-02' });
    const listing = await call(home.users.section.username, 'GET', `/api/v1/credit/abnormal-listings/${recent.id}`);
    expect((listing.body as Json).status).toBe('listed');
  });
});

describe('the serious-violation list from a penalised case (SAMR Order 44)', () => {
  it('a decided case lists its party with the superior bureau’s consent, once; an undecided one is refused naming the field', async () => {
    const firm = await enterprise('严重违法有限公司');
    const opened = await call(home.users.inspector1.username, 'POST', '/api/v1/cases', {
      title: '生产销售不符合食品安全标准的食品案',
      source: 'inspection',
      entityId: firm.id,
      violationType: 'food_safety',
      leadOn: '2026-01-20',
    });
    expect(opened.status).toBe(201);
    const caseId = (opened.body as Json).id as number;
    const undecided = await call(home.users.section.username, 'POST', '/api/v1/credit/serious-violations/from-case', {
      caseId,
      listedOn: '2026-03-02',
      superiorConsent: '市局同意（甬市监信函〔2026〕2号）',
    });
    expect(undecided.status).toBe(400);
    expect((undecided.body as { errors: Json[] }).errors[0]).toMatchObject({ field: 'caseId', code: 'not_decided' });
    for (const [to, on] of [
      ['filed', '2026-01-22'],
      ['investigating', '2026-01-23'],
      ['notified', '2026-02-03'],
    ] as const) {
      expect((await call(home.users.inspector1.username, 'POST', `/api/v1/cases/${caseId}/advance`, { to, on })).status).toBe(200);
    }
    await call(home.users.inspector1.username, 'PUT', `/api/v1/cases/${caseId}/penalties`, { items: [{ kind: 'fine', amount: '150000' }] });
    const decided = await call(home.users.inspector1.username, 'POST', `/api/v1/cases/${caseId}/advance`, {
      to: 'decided',
      on: '2026-02-12',
      decisionNumber: '甬市监罚处〔2026〕8号',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const before = await call(home.users.section.username, 'POST', '/api/v1/credit/serious-violations/from-case', {
      caseId,
      listedOn: '2026-02-11',
      superiorConsent: '市局同意',
    });
    expect((before.body as { errors: Json[] }).errors[0]).toMatchObject({ field: 'listedOn', code: 'before_decision' });
    expect(
      (
        await call(home.users.inspector1.username, 'POST', '/api/v1/credit/serious-violations/from-case', {
          caseId,
          listedOn: '2026-03-02',
          superiorConsent: '市局同意',
        })
      ).status,
    ).toBe(403);
    const listed = await call(home.users.section.username, 'POST', '/api/v1/credit/serious-violations/from-case', {
      caseId,
      listedOn: '2026-03-02',
      superiorConsent: '市局同意（甬市监信函〔2026〕2号）',
    });
    expect(listed.status, JSON.stringify(listed.body)).toBe(201);
    expect(listed.body).toMatchObject({
      reason: 'serious_violation',
      caseId,
      penaltyDecisionNumber: '甬市监罚处〔2026〕8号',
      listedOn: '2026-03-02',
      termEndsOn: '2029-03-02',
      repairFrom: '2027-03-02',
      status: 'listed',
    });
    expect((listed.body as Json).legalBasis).toContain('甬市监罚处〔2026〕8号');
    const again = await call(home.users.section.username, 'POST', '/api/v1/credit/serious-violations/from-case', {
      caseId,
      listedOn: '2026-03-02',
      superiorConsent: '市局同意',
    });
    expect(again.status).toBe(409);
    const page = await app.inject({ method: 'GET', url: `/public/credit/${home.code}/${firm.creditCode}` });
    expect(page.body).toContain('届满 2029-03-02');
  });
});

describe('the public credit page of a code without a record', () => {
  it('an entity on the register the credit module holds nothing about has a clean record (200)', async () => {
    const young = await enterprise('新设无记录有限公司', '2026-01-10');
    const page = await app.inject({ method: 'GET', url: `/public/credit/${home.code}/${young.creditCode.toLowerCase()}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('新设无记录有限公司');
    expect(page.body).toContain('暂无应报送的年度报告');
    expect(page.body).not.toContain('<script');
  });

  it('an unknown, a mistyped and a malformed code each get a page that says why, in the asked language', async () => {
    const body = `91${home.code}999999999`;
    const unknown = body + creditCodeCheckCharacter(body);
    const wrongCheck = body + (creditCodeCheckCharacter(body) === '0' ? '1' : '0');
    const pages = await Promise.all(
      [unknown, wrongCheck, 'not-a-code'].map((code) => app.inject({ method: 'GET', url: `/public/credit/${home.code}/${code}?lang=en` })),
    );
    for (const page of pages) {
      expect(page.statusCode).toBe(404);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('www.gsxt.gov.cn');
    }
    expect(pages[0]?.body).toContain('No market entity with this code is registered with this bureau');
    expect(pages[1]?.body).toContain('check character');
    expect(pages[2]?.body).toContain('This is not a unified social credit code');
  });
});
