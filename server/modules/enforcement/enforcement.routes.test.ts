import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { caseStatistics, seedEnforcementDemo } from './index.ts';

/** The text of a .docx: word/document.xml read from the zip's local headers, its tags dropped. */
function docxText(docx: Buffer): string {
  for (let at = 0; docx.readUInt32LE(at) === 0x04034b50; ) {
    const method = docx.readUInt16LE(at + 8);
    const size = docx.readUInt32LE(at + 18);
    const nameLength = docx.readUInt16LE(at + 26);
    const extraLength = docx.readUInt16LE(at + 28);
    const name = docx.subarray(at + 30, at + 30 + nameLength).toString();
    const start = at + 30 + nameLength + extraLength;
    const data = docx.subarray(start, start + size);
    if (name === 'word/document.xml') return (method === 8 ? inflateRawSync(data) : data).toString('utf8').replace(/<[^>]+>/g, '');
    at = start + size;
  }
  throw new Error('no word/document.xml');
}

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const cookies = new Map<string, string>();
let entityId = 0;

/** Section staff of a district, as a service context. */
function sectionContext(district: TestDistrict): ActorContext {
  const user = district.users.section;
  return {
    ...district.ctx,
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.username,
      districtCode: district.code,
      districtCodes: [district.code],
      roles: user.roles,
      orgUnitId: null,
      isDistrictWide: true,
      streetCodes: [],
      entityIds: [],
      labId: null,
    },
  };
}

async function call(user: keyof TestDistrict['users'], method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const username = home.users[user].username;
  if (!cookies.has(username)) cookies.set(username, await signIn(app, username));
  return app.inject({
    method,
    url,
    headers: { cookie: cookies.get(username) as string },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  const body = `92${home.code}0000000${String(Date.now() % 10)}0`;
  const created = await call('section', 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: '顺发餐饮店',
    kind: 'individual',
    legalRepName: '张三',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'H62',
    foundedOn: '2019-05-01',
    address: '中河路1号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'catering',
  });
  expect(created.statusCode).toBe(201);
  entityId = created.json().id;
}, 60_000);

afterAll(async () => {
  await app.close();
  await platform.database.close();
});

async function openCase(extra: Record<string, unknown> = {}) {
  const response = await call('inspector1', 'POST', '/api/v1/cases', {
    title: '经营超过保质期食品案',
    source: 'inspection',
    entityId,
    violationType: 'food_safety',
    leadOn: '2026-01-20',
    ...extra,
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe('a case from lead to closure', () => {
  it('opens at the lead stage with the 15-working-day filing deadline, over the 2026 Spring Festival', async () => {
    const opened = await openCase();
    // 1-21..1-23 (3), 1-26..1-30 (8), 2-2..2-6 (13), 2-9, 2-10 (15).
    expect(opened).toMatchObject({
      stage: 'lead',
      partyName: '顺发餐饮店',
      filingDue: '2026-02-10',
      currentStep: 'file',
      nextStages: ['filed', 'not_filed'],
    });
    expect(opened.number).toMatch(/^AJ2026-\d{4}$/);
  });

  it('enforces the step order: no jump from lead to decision, no step twice', async () => {
    const { id } = await openCase();
    const jump = await call('inspector1', 'POST', `/api/v1/cases/${id}/advance`, { to: 'decided', on: '2026-02-01', decisionNumber: 'X' });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().code).toBe('enforcement.stage_not_allowed');
    expect((await call('inspector1', 'POST', `/api/v1/cases/${id}/advance`, { to: 'filed', on: '2026-01-22' })).statusCode).toBe(200);
    expect((await call('inspector1', 'POST', `/api/v1/cases/${id}/advance`, { to: 'filed', on: '2026-01-23' })).statusCode).toBe(409);
    const early = await call('inspector1', 'POST', `/api/v1/cases/${id}/advance`, { to: 'investigating', on: '2026-01-21' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('on');
  });

  it('records penalties exactly, flags a major case, sets the publication deadline and makes the decision document', async () => {
    const { id } = await openCase();
    for (const [to, on] of [
      ['filed', '2026-01-22'],
      ['investigating', '2026-01-23'],
      ['notified', '2026-02-03'],
    ] as const) {
      expect((await call('inspector1', 'POST', `/api/v1/cases/${id}/advance`, { to, on })).statusCode).toBe(200);
    }
    const bad = await call('inspector1', 'PUT', `/api/v1/cases/${id}/penalties`, {
      items: [
        { kind: 'fine', amount: '1.234' },
        { kind: 'fine', amount: '-5' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['items.0.amount', 'items.1.amount']);
    const small = await call('inspector1', 'PUT', `/api/v1/cases/${id}/penalties`, {
      items: [
        { kind: 'fine', amount: '0.1' },
        { kind: 'confiscation_income', amount: '0.2' },
      ],
    });
    expect(small.json()).toMatchObject({ totalAmount: '0.30', fineAmount: '0.10', confiscationAmount: '0.20', isMajor: false });
    const big = await call('inspector1', 'PUT', `/api/v1/cases/${id}/penalties`, {
      items: [
        { kind: 'fine', amount: '30000' },
        { kind: 'confiscation_income', amount: '20000.00' },
      ],
    });
    expect(big.json()).toMatchObject({ totalAmount: '50000.00', isMajor: true, majorReasons: ['amount'] });
    const noNumber = await call('inspector1', 'POST', `/api/v1/cases/${id}/advance`, { to: 'decided', on: '2026-02-12' });
    expect(noNumber.statusCode).toBe(400);
    expect(noNumber.json().errors[0].field).toBe('decisionNumber');
    const noBasis = await call('inspector1', 'POST', `/api/v1/cases/${id}/advance`, {
      to: 'decided',
      on: '2026-02-12',
      decisionNumber: '明市监罚处〔2026〕1号',
    });
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json().errors[0].field).toBe('legalBasis');
    const decided = await call('inspector1', 'POST', `/api/v1/cases/${id}/advance`, {
      to: 'decided',
      on: '2026-02-12',
      decisionNumber: '明市监罚处〔2026〕1号',
      legalBasis: '《中华人民共和国价格法》第四十条第一款',
    });
    // 20 working days from 2-12: 2-13 (1), 2-14 Sat make-up (2), holidays 2-15..2-23, 2-24..2-27 (6), 2-28 Sat make-up (7), 3-2..3-6 (12), 3-9..3-13 (17), 3-16..3-18 (20).
    expect(decided.json()).toMatchObject({
      stage: 'decided',
      publicationDue: '2026-03-18',
      currentStep: 'publish',
      documents: ['filing', 'notice', 'decision'],
    });
    const document = await call('section', 'GET', `/api/v1/cases/${id}/document?kind=decision`);
    expect(document.statusCode).toBe(200);
    expect(document.headers['content-type']).toContain('wordprocessingml');
    expect(document.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await call('section', 'GET', `/api/v1/cases/${id}/document?kind=closing`)).statusCode).toBe(409);
    // Kept at its step, dated that day (not today's 2026-…-… of the download), with its number and legal basis.
    const decisionText = docxText(document.rawPayload);
    expect(decisionText).toContain('明市监罚处〔2026〕1号');
    expect(decisionText).toContain('依据《中华人民共和国价格法》第四十条第一款的规定，本机关决定');
    expect(decisionText).toContain('2026年2月12日');
    expect(decisionText).not.toContain('。。');
    const notice = await call('section', 'GET', `/api/v1/cases/${id}/document?kind=notice`);
    expect(docxText(notice.rawPayload)).toContain('2026年2月3日');
    expect(docxText(notice.rawPayload)).toContain(`${decided.json().number}-告`);
    const again = await call('inspector1', 'GET', `/api/v1/cases/${id}/document?kind=decision`);
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(document.rawPayload)).toBe(true);
    // A correction is a new, numbered version; the first stays as it was.
    const badReason = await call('section', 'POST', `/api/v1/cases/${id}/document/corrections`, { kind: 'decision', reason: '' });
    expect(badReason.statusCode).toBe(400);
    const corrected = await call('section', 'POST', `/api/v1/cases/${id}/document/corrections`, {
      kind: 'decision',
      reason: '更正当事人名称笔误',
    });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json()).toEqual({
      kind: 'decision',
      version: 2,
      documentNumber: '明市监罚处〔2026〕1号',
      issuedOn: '2026-02-12',
      correctionReason: '更正当事人名称笔误',
    });
    const latest = await call('section', 'GET', `/api/v1/cases/${id}/document?kind=decision`);
    expect(docxText(latest.rawPayload)).toContain('更正第 2 版：更正当事人名称笔误。');
    const first = await call('section', 'GET', `/api/v1/cases/${id}/document?kind=decision&version=1`);
    expect(first.rawPayload.equals(document.rawPayload)).toBe(true);
    expect((await call('inspector1', 'POST', `/api/v1/cases/${id}/publish`, { on: '2026-02-20' })).json()).toMatchObject({
      publishedOn: '2026-02-20',
      currentStep: null,
    });
  });

  it('does not publish a warning alone (Order 45 Art. 2)', async () => {
    const { id } = await openCase();
    for (const [to, on] of [
      ['filed', '2026-01-22'],
      ['investigating', '2026-01-23'],
      ['notified', '2026-02-03'],
    ] as const) {
      await call('inspector1', 'POST', `/api/v1/cases/${id}/advance`, { to, on });
    }
    await call('inspector1', 'PUT', `/api/v1/cases/${id}/penalties`, { items: [{ kind: 'warning', amount: '0' }] });
    const decided = await call('inspector1', 'POST', `/api/v1/cases/${id}/advance`, {
      to: 'decided',
      on: '2026-02-12',
      decisionNumber: 'W-1',
      legalBasis: '《中华人民共和国价格法》第四十二条',
    });
    expect(decided.json()).toMatchObject({ publicationDue: null, currentStep: null });
    expect((await call('inspector1', 'POST', `/api/v1/cases/${id}/publish`, { on: '2026-02-20' })).statusCode).toBe(409);
  });

  it('lets the handling station and district staff see a case, not the other station, and never an operator', async () => {
    const { id } = await openCase();
    expect((await call('inspector1', 'GET', `/api/v1/cases/${id}`)).statusCode).toBe(200);
    expect((await call('leader', 'GET', `/api/v1/cases/${id}`)).statusCode).toBe(200);
    expect((await call('inspector2', 'GET', `/api/v1/cases/${id}`)).statusCode).toBe(404);
    expect((await call('operator', 'GET', `/api/v1/cases/${id}`)).statusCode).toBe(403);
    const entityCases = (await call('section', 'GET', `/api/v1/cases?entityId=${entityId}&pageSize=100`)).json();
    expect(entityCases.items.length).toBeGreaterThan(0);
    expect((await call('inspector2', 'GET', `/api/v1/cases?entityId=${entityId}`)).json().total).toBe(0);
  });
});

describe('the demo district figures', () => {
  it('gives the 2020 work summary: 365 closed, 77 major, 827.73万元 of which 664.93万元 in major cases', async () => {
    const demo = await createTestDistrict(platform);
    let state = 42;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    await seedEnforcementDemo(demo.ctx, { districtCode: demo.code, random, today: '2026-03-02' });
    const figures = await caseStatistics(sectionContext(demo), { from: '2020-01-01', to: '2020-12-31' });
    expect(figures.total).toMatchObject({
      closed: 365,
      major: 77,
      amount: '8277300.00',
      amountWan: '827.73',
      majorAmount: '6649300.00',
      majorAmountWan: '664.93',
    });
    expect(figures.byStation.reduce((sum, row) => sum + row.closed, 0)).toBe(365);
    expect(figures.byViolationType.reduce((sum, row) => sum + row.major, 0)).toBe(77);
  });
});
