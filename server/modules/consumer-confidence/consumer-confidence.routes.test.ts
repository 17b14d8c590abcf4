import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
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
  platform = await testPlatform();
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
    const kept = await call(home.users.inspector1.username, 'POST', `/api/v1/consumer-confidence/units/${id}/yearly-review`, {
      complaints: 3,
      cases: 1,
    });
    expect(kept.body).toMatchObject({ status: 'listed', lastReviewOn: '2020-06-15', reviewDueOn: '2021-06-15' });
    const saved = await call(home.users.section.username, 'PUT', '/api/v1/consumer-confidence/settings', {
      effectiveFrom: '2020-06-01',
      maxComplaints: 2,
      maxCases: 1,
    });
    expect(saved.status, saved.text).toBe(200);
    const removed = await call(home.users.inspector1.username, 'POST', `/api/v1/consumer-confidence/units/${id}/yearly-review`, {
      complaints: 3,
      cases: 0,
    });
    expect(removed.body).toMatchObject({ status: 'removed', removedOn: '2020-06-15' });
    const after = await app.inject({ method: 'GET', url: `/public/consumer-confidence/${home.code}` });
    expect(after.body).not.toContain('放心超市');
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
