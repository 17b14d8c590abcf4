import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { runJob } from '../../platform/jobs/scheduler.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { consumerConfidenceJobs, yearlyReviewJob } from './consumer-confidence.jobs.ts';
import { seedConsumerConfidenceDemo } from './demo/demo-seed.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const cookies = new Map<string, string>();
type Json = Record<string, unknown>;
let serial = 0;

async function call(username: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  if (!cookies.has(username)) cookies.set(username, await signIn(app, username));
  const response = await app.inject({
    method,
    url,
    headers: { cookie: cookies.get(username) as string, 'accept-language': 'zh-CN' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  const isJson = String(response.headers['content-type'] ?? '').includes('json');
  return { status: response.statusCode, body: (isJson ? response.json() : {}) as Json, text: response.body };
}

/** Moves the clock; sessions do not survive a jump of months, so every user signs in again. */
function clockAt(instant: string) {
  platform.clock.set(instant);
  cookies.clear();
}

/** `count` complaints against the business, accepted on `on` by its station (they count against it from that day). */
async function complaintsAgainst(entityId: number, count: number, on: string) {
  for (let index = 0; index < count; index++) {
    const filed = await call(home.users.section.username, 'POST', '/api/v1/complaints', {
      kind: 'complaint',
      channel: 'hotline_12315',
      category: 'food',
      entityId,
      complainantName: '李小明',
      complainantPhone: '13912345678',
      complainantAddress: '中河街道88号',
      facts: '商品过期仍在销售',
      request: '退货并赔偿',
    });
    expect(filed.status, filed.text).toBe(201);
    const accepted = await call(home.users.inspector1.username, 'POST', `/api/v1/complaints/${filed.body.id}/accept`, { on });
    expect(accepted.status, accepted.text).toBe(200);
  }
}

async function business(category: string, name: string) {
  serial += 1;
  const body = `91${home.code}${String((Date.now() + serial * 7_919) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}4`;
  const created = await call(home.users.section.username, 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name,
    kind: 'enterprise',
    legalRepName: '赵六',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'F52',
    foundedOn: '2015-05-01',
    address: '测试路2号',
    streetCode: home.stations[0].streetCode,
    businessCategory: category,
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id as number;
}

beforeAll(async () => {
  platform = await testPlatform({}, { isOwnDatabase: true }); // the yearly-review job walks every district: only ours here
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  platform.clock.set('2020-06-15T02:00:00Z');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('放心消费 units', () => {
  it('application → station review → listed → yearly review removes past the thresholds; the public page lists it meanwhile', async () => {
    const shop = await business('food_retail', '放心超市');
    const applied = await call(home.users.section.username, 'POST', '/api/v1/consumer-confidence/units', {
      kind: 'model_shop',
      entityId: shop,
      commitments: ['no_reason_return', 'first_responsibility'],
    });
    expect(applied.status, applied.text).toBe(201);
    expect(applied.body).toMatchObject({ status: 'applied', name: '放心超市', appliedOn: '2020-06-15', reviewDueOn: null });
    const id = applied.body.id as number;
    expect(
      (
        await call(home.users.section.username, 'POST', '/api/v1/consumer-confidence/units', {
          kind: 'model_shop',
          entityId: shop,
          commitments: ['no_reason_return'],
        })
      ).status,
    ).toBe(409);
    expect(
      (await call(home.users.inspector2.username, 'POST', `/api/v1/consumer-confidence/units/${id}/decision`, { decision: 'approve' }))
        .status,
    ).toBe(404);
    const listed = await call(home.users.inspector1.username, 'POST', `/api/v1/consumer-confidence/units/${id}/decision`, {
      decision: 'approve',
    });
    expect(listed.body).toMatchObject({ status: 'listed', listedOn: '2020-06-15', reviewDueOn: '2021-06-15' });
    expect(
      (await call(home.users.inspector1.username, 'POST', `/api/v1/consumer-confidence/units/${id}/decision`, { decision: 'approve' }))
        .status,
    ).toBe(409);
    const page = await app.inject({ method: 'GET', url: `/public/consumer-confidence/${home.code}?q=${encodeURIComponent('放心')}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('放心超市');
    expect(page.body).toContain('无理由退货');
    expect(page.body).not.toContain('<script');
    // The review counts the complaints itself: three accepted complaints against the shop, the default threshold is 3.
    await complaintsAgainst(shop, 3, '2020-06-15');
    const kept = await call(home.users.inspector1.username, 'POST', `/api/v1/consumer-confidence/units/${id}/yearly-review`, {});
    expect(kept.body).toMatchObject({
      status: 'listed',
      lastReviewOn: '2020-06-15',
      lastReviewComplaints: 3,
      lastReviewCases: 0,
      reviewDueOn: '2021-06-15',
    });
    const saved = await call(home.users.section.username, 'PUT', '/api/v1/consumer-confidence/settings', {
      effectiveFrom: '2020-06-01',
      maxComplaints: 2,
      maxCases: 1,
    });
    expect(saved.status, saved.text).toBe(200);
    const removed = await call(home.users.inspector1.username, 'POST', `/api/v1/consumer-confidence/units/${id}/yearly-review`, {
      note: '投诉超过阈值',
    });
    expect(removed.body).toMatchObject({
      status: 'removed',
      removedOn: '2020-06-15',
      lastReviewComplaints: 3,
      decisionNote: '投诉超过阈值',
    });
    const audit = await call(home.users.admin.username, 'GET', `/api/v1/audit?action=consumer_confidence.yearly_review&objectId=${id}`);
    expect(audit.text).toContain('"removed":true');
    const after = await app.inject({ method: 'GET', url: `/public/consumer-confidence/${home.code}` });
    expect(after.body).not.toContain('放心超市');
  });

  it('the daily job reviews a unit a year after listing with the complaints of those 12 months, and removes it past the thresholds', async () => {
    clockAt('2020-07-01T02:00:00Z');
    const shop = await business('catering', '年审饭店');
    const applied = await call(home.users.section.username, 'POST', '/api/v1/consumer-confidence/units', {
      kind: 'model_shop',
      entityId: shop,
      commitments: ['first_responsibility'],
    });
    const id = applied.body.id as number;
    await call(home.users.inspector1.username, 'POST', `/api/v1/consumer-confidence/units/${id}/decision`, { decision: 'approve' });
    await complaintsAgainst(shop, 3, '2020-07-01');
    const review = () => runJob(platform, consumerConfidenceJobs.find((job) => job.name === yearlyReviewJob) as never);
    clockAt('2021-06-30T02:00:00Z'); // a day before the anniversary: not due
    await review();
    expect((await call(home.users.section.username, 'GET', `/api/v1/consumer-confidence/units/${id}`)).body).toMatchObject({
      status: 'listed',
      lastReviewOn: null,
    });
    clockAt('2021-07-01T02:00:00Z'); // the three complaints of 2020-07-01 are still in the 12 months; the threshold is 2
    const outcome = await review();
    expect(outcome).toMatchObject({ outcome: 'succeeded' });
    expect((await call(home.users.section.username, 'GET', `/api/v1/consumer-confidence/units/${id}`)).body).toMatchObject({
      status: 'removed',
      removedOn: '2021-07-01',
      lastReviewOn: '2021-07-01',
      lastReviewComplaints: 3,
      lastReviewCases: 0,
    });
  });

  it('holiday warnings: drafted for a holiday to come, flagged when due, published on the public page, then frozen', async () => {
    clockAt('2020-06-19T02:00:00Z'); // 端午节 2020 is 25–27 June: 6 days ahead, nothing written → due
    const before = await call(home.users.inspector1.username, 'GET', '/api/v1/consumer-confidence/holidays');
    expect(before.status, before.text).toBe(200);
    const dragonBoat = (before.body.items as { name: string; start: string; state: string }[]).find((item) => item.name === '端午节');
    expect(dragonBoat).toMatchObject({ start: '2020-06-25', state: 'due' });
    const bad = await call(home.users.section.username, 'POST', '/api/v1/consumer-confidence/warnings', {
      holidayName: '',
      holidayStart: '2020-06-18',
      title: '端',
      body: '短',
    });
    expect(bad.status).toBe(400);
    for (const field of ['holidayName', 'title', 'body']) expect(bad.text).toContain(field);
    const past = await call(home.users.section.username, 'POST', '/api/v1/consumer-confidence/warnings', {
      holidayName: '端午节',
      holidayStart: '2020-06-18',
      title: '端午节消费提示',
      body: '端午将至，请理性消费，注意食品安全。',
    });
    expect(past.status).toBe(400);
    expect(past.text).toContain('holidayStart');
    const draft = {
      holidayName: '端午节',
      holidayStart: '2020-06-25',
      title: '端午节消费提示',
      body: '端午将至，请理性消费。\n购买粽子请认准生产日期。',
    };
    expect((await call(home.users.inspector1.username, 'POST', '/api/v1/consumer-confidence/warnings', draft)).status).toBe(403);
    const created = await call(home.users.section.username, 'POST', '/api/v1/consumer-confidence/warnings', draft);
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', publishedOn: null });
    const id = created.body.id as number;
    const drafted = await call(home.users.section.username, 'GET', '/api/v1/consumer-confidence/holidays');
    expect((drafted.body.items as { name: string; state: string }[]).find((item) => item.name === '端午节')?.state).toBe('drafted');
    const hidden = await app.inject({ method: 'GET', url: `/public/consumer-confidence/${home.code}` });
    expect(hidden.body).not.toContain('购买粽子');
    const published = await call(home.users.section.username, 'POST', `/api/v1/consumer-confidence/warnings/${id}/publish`);
    expect(published.body).toMatchObject({ status: 'published', publishedOn: '2020-06-19' });
    const page = await app.inject({ method: 'GET', url: `/public/consumer-confidence/${home.code}` });
    expect(page.body).toContain('端午节消费提示');
    expect(page.body).toContain('<p>购买粽子请认准生产日期。</p>');
    expect((await call(home.users.section.username, 'PUT', `/api/v1/consumer-confidence/warnings/${id}`, draft)).status).toBe(409);
    expect((await call(home.users.section.username, 'POST', `/api/v1/consumer-confidence/warnings/${id}/publish`)).status).toBe(409);
    clockAt('2020-07-03T02:00:00Z'); // a week after the holiday began the public page drops it
    const later = await app.inject({ method: 'GET', url: `/public/consumer-confidence/${home.code}` });
    expect(later.body).not.toContain('端午节消费提示');
  });

  it('names every bad field, and an operator may not apply for a business that is not theirs', async () => {
    const bad = await call(home.users.section.username, 'POST', '/api/v1/consumer-confidence/units', {
      kind: 'mall',
      entityId: 0,
      commitments: [],
    });
    expect(bad.status).toBe(400);
    const text = JSON.stringify(bad.body);
    for (const field of ['kind', 'entityId', 'commitments']) expect(text).toContain(field);
    const shop = await business('food_retail', '别人的店');
    const refused = await call(home.users.operator.username, 'POST', '/api/v1/consumer-confidence/units', {
      kind: 'model_shop',
      entityId: shop,
      commitments: ['no_reason_return'],
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('entityId');
  });

  it('the demo lists 1,570 shops and online shops and 48 factories at the end of 2020, 1,200 more shops in 2021', async () => {
    // A small district: the demo takes what the registry has, so the counts here follow the entities made above.
    const factories = [];
    for (let index = 0; index < 3; index++) factories.push(await business('food_production', `演示食品厂${index}`));
    await seedConsumerConfidenceDemo(home.ctx, { districtCode: home.code, today: '2026-12-06' });
    const figures = await call(home.users.section.username, 'GET', '/api/v1/figures?period=2020&module=consumer-confidence');
    const values = Object.fromEntries((figures.body.items as { key: string; value: number }[]).map((item) => [item.key, item.value]));
    expect(values['consumer-confidence.factories']).toBe(3);
  });
});
