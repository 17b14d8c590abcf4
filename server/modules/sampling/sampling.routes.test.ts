import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaInstant } from '../../../shared/calendar-day.ts';
import { registeredRoutes } from '../../app.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { apiCaller } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { failingResults, sampledEntity, secondLabUser, tinyPdf, tinyPng } from './sampling.probes.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const call = apiCaller(() => app);
type Json = Record<string, unknown> & { errors?: { field: string }[] };
const json = (response: { body: unknown }) => response.body as Json;
const cst = (day: string, time = '10:00') => chinaInstant(day, `${time}:00`);
/** Moves the test clock; sessions from before would have timed out, so everyone signs in again. */
function at(moment: Date) {
  platform.clock.set(moment);
  call.signOutAll();
}

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

const passingResults = failingResults.map((item) => ({ ...item, measured: '12.6', verdict: 'pass' }));

function sampleBody(entityId: number, over: Record<string, unknown> = {}) {
  return {
    entityId,
    link: 'catering',
    category: '餐饮食品',
    productType: '油炸面制品',
    productName: '油条',
    brand: '溯源牌',
    batchNo: 'PIHAO-7731',
    productionDate: '2020-09-20',
    quantity: '3份×500g',
    priceFen: 1250,
    samplerIds: [home.users.inspector1.id, home.users.inspector2.id],
    entityConfirmedBy: '签字人赵六',
    testMethod: 'lab',
    testItems: ['铝的残留量', '硼酸'],
    sampledOn: '2020-09-28',
    ...over,
  };
}

describe('a sample from the entity to the published result', () => {
  it('follows the deadlines, the blind lab workbench, the failure handling and the re-test at another lab', async () => {
    at(cst('2020-09-28'));
    const section = home.users.section.username;
    const lab = home.users.lab.username;
    const lab2 = await secondLabUser({ home });
    const entityId = await sampledEntity({ home, call }, '生命周期餐馆');

    const plan = await call(section, 'POST', '/api/v1/sampling/plans', {
      year: 2020,
      name: '2020年餐饮环节抽检',
      field: 'food',
      kind: 'routine',
      targets: [{ link: 'catering', targetBatches: 4 }],
    });
    expect(plan.status).toBe(201);
    const planId = json(plan).id as number;

    // Bad input names each field.
    const oneSampler = await call(
      home.users.inspector1.username,
      'POST',
      '/api/v1/sampling/samples',
      sampleBody(entityId, { samplerIds: [home.users.inspector1.id] }),
    );
    expect(oneSampler.status).toBe(400);
    expect(json(oneSampler).errors?.map((error) => error.field)).toEqual(['samplerIds']);
    const labAsSampler = await call(
      home.users.inspector1.username,
      'POST',
      '/api/v1/sampling/samples',
      sampleBody(entityId, { samplerIds: [home.users.inspector1.id, home.users.lab.id] }),
    );
    expect(json(labAsSampler).errors?.map((error) => error.field)).toEqual(['samplerIds']);
    const future = await call(
      home.users.inspector1.username,
      'POST',
      '/api/v1/sampling/samples',
      sampleBody(entityId, { sampledOn: '2020-09-29', productionDate: '2020-09-30', extra: 1 }),
    );
    expect(
      json(future)
        .errors?.map((error) => error.field)
        .sort(),
    ).toEqual(['extra']);
    const future2 = await call(
      home.users.inspector1.username,
      'POST',
      '/api/v1/sampling/samples',
      sampleBody(entityId, { sampledOn: '2020-09-29', productionDate: '2020-09-30' }),
    );
    expect(
      json(future2)
        .errors?.map((error) => error.field)
        .sort(),
    ).toEqual(['productionDate', 'sampledOn']);

    // Sampled on Monday 2020-09-28: to the lab by 2020-10-12 (National Day holiday skipped).
    const created = await call(home.users.inspector1.username, 'POST', '/api/v1/sampling/samples', sampleBody(entityId, { planId }));
    expect(created.status).toBe(201);
    const sample = json(created);
    expect(sample).toMatchObject({ status: 'sampled', toLabDue: '2020-10-12', field: 'food', planName: '2020年餐饮环节抽检' });
    expect(sample.blindCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect((sample.samplers as unknown[]).length).toBe(2);
    const id = sample.id as number;
    const blindCode = sample.blindCode as string;

    at(cst('2020-09-29'));
    expect((await call(section, 'POST', `/api/v1/sampling/samples/${id}/send`, { labId: home.labId, sentOn: '2020-09-29' })).status).toBe(
      200,
    );
    // The lab sees it by blind code only.
    at(cst('2020-09-30'));
    const listed = await call(lab, 'GET', '/api/v1/lab/samples?labStatus=to_receive');
    expect(json(listed).items).toEqual([expect.objectContaining({ blindCode, labStatus: 'to_receive', productType: '油炸面制品' })]);
    const received = await call(lab, 'POST', `/api/v1/lab/samples/${blindCode}/receive`, { receivedOn: '2020-09-30' });
    expect(json(received)).toMatchObject({ labStatus: 'testing', reportDue: '2020-11-04' });

    // Report upload: the bytes must match the type; other types are refused.
    expect((await call(lab, 'PUT', `/api/v1/lab/samples/${blindCode}/report`, tinyPng, 'application/pdf')).status).toBe(415);
    expect((await call(lab, 'PUT', `/api/v1/lab/samples/${blindCode}/report`, '<html>', 'text/html')).status).toBe(415);
    const uploaded = await call(lab, 'PUT', `/api/v1/lab/samples/${blindCode}/report`, tinyPdf, 'application/pdf');
    expect(uploaded).toMatchObject({ status: 200, body: { contentType: 'application/pdf', byteSize: tinyPdf.length } });
    const download = await app.inject({
      method: 'GET',
      url: `/api/v1/lab/samples/${blindCode}/report`,
      headers: { cookie: await call.cookieOf(lab) },
    });
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(tinyPdf)).toBe(true);
    expect(String(download.headers['content-disposition'])).toContain(`report-${blindCode}.pdf`);

    // Results: every planned item, conclusion derived.
    const missing = await call(lab, 'PUT', `/api/v1/lab/samples/${blindCode}/results`, { items: failingResults.slice(0, 1) });
    expect(json(missing).errors?.map((error) => error.field)).toEqual(['items']);
    const reported = await call(lab, 'PUT', `/api/v1/lab/samples/${blindCode}/results`, { items: failingResults });
    expect(json(reported)).toMatchObject({ labStatus: 'reported', conclusion: 'unqualified' });

    // The bureau notifies: re-test window of 7 working days, backup kept 6 months, a handling task, the timeline.
    at(cst('2020-10-20'));
    const notified = json(await call(section, 'POST', `/api/v1/sampling/samples/${id}/notify`, { notifiedOn: '2020-10-20' }));
    expect(notified).toMatchObject({
      status: 'notified',
      finalVerdict: 'unqualified',
      retestDue: '2020-10-29',
      backupKeepUntil: '2021-04-20',
      canPublish: false,
    });
    const handling = json(await call(section, 'GET', `/api/v1/sampling/handling/${notified.handlingId}`));
    expect(handling).toMatchObject({
      sampleId: id,
      entityId,
      openedOn: '2020-10-20',
      dueOn: '2021-01-18',
      status: 'open',
      isOverdue: false,
    });
    const timeline = json(await call(section, 'GET', `/api/v1/entities/${entityId}/timeline`));
    expect(timeline.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'sampling.unqualified', refType: 'sample', refId: String(id) })]),
    );
    expect((await call(section, 'POST', `/api/v1/sampling/samples/${id}/publish`, {})).status).toBe(409);

    // A re-test request after the 7th working day is refused; in time, it goes to the other lab.
    at(cst('2020-10-30'));
    const late = await call(section, 'POST', `/api/v1/sampling/samples/${id}/retest`, { requestedOn: '2020-10-30' });
    expect(late).toMatchObject({ status: 409, body: { code: 'sampling.retest_window_closed' } });
    const retest = await call(section, 'POST', `/api/v1/sampling/samples/${id}/retest`, { requestedOn: '2020-10-29' });
    expect(retest.status).toBe(201);
    const retestSample = json(retest);
    expect(retestSample).toMatchObject({ retestOfId: id, status: 'sent', testMethod: 'lab' });
    expect((retestSample.lab as { id: number }).id).not.toBe(home.labId);
    expect(retestSample.blindCode).not.toBe(blindCode);
    const retestCode = retestSample.blindCode as string;
    expect((await call(lab, 'GET', `/api/v1/lab/samples/${retestCode}`)).status).toBe(404);
    expect(json(await call(lab2, 'GET', `/api/v1/lab/samples/${retestCode}`))).toMatchObject({ isRetest: true, labStatus: 'to_receive' });
    await call(lab2, 'POST', `/api/v1/lab/samples/${retestCode}/receive`, { receivedOn: '2020-10-30' });
    expect(json(await call(lab2, 'PUT', `/api/v1/lab/samples/${retestCode}/results`, { items: passingResults }))).toMatchObject({
      conclusion: 'qualified',
    });

    // The re-test is final: the first result is replaced and the handling closes.
    at(cst('2020-11-05'));
    expect((await call(section, 'POST', `/api/v1/sampling/samples/${retestSample.id}/notify`, { notifiedOn: '2020-11-05' })).status).toBe(
      200,
    );
    const original = json(await call(section, 'GET', `/api/v1/sampling/samples/${id}`));
    expect(original).toMatchObject({
      finalVerdict: 'qualified',
      conclusion: 'unqualified',
      retestSampleIds: [retestSample.id],
      canPublish: true,
    });
    expect(json(await call(section, 'GET', `/api/v1/sampling/handling/${notified.handlingId}`))).toMatchObject({
      status: 'closed',
      outcome: 'no_violation',
    });

    const published = json(await call(section, 'POST', `/api/v1/sampling/samples/${id}/publish`, {}));
    expect(published.publishedOn).toBe('2020-11-05');
    const page = await app.inject({ method: 'GET', url: `/public/sampling?district=${home.code}&year=2020` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('生命周期餐馆');
    expect(page.body).not.toContain(blindCode);
    expect(page.body).not.toContain(retestCode);
    // A person's browser gets a page for any error, never JSON; the defaults are this deployment's district and this year.
    const browser = { accept: 'text/html,application/xhtml+xml', 'accept-language': 'zh-CN' };
    const bad = await app.inject({ method: 'GET', url: '/public/sampling?district=abc&year=twenty', headers: browser });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('text/html');
    expect(bad.body).toContain('无法显示此页面');
    expect(bad.body).not.toContain('"status"');
    const defaults = await app.inject({ method: 'GET', url: `/public/sampling?district=${home.code}`, headers: browser });
    expect(defaults.statusCode).toBe(200);
    expect(defaults.body).toMatch(/<strong aria-current="page">2020<\/strong>/); // the clock's year
    expect(defaults.body).toContain('生命周期餐馆');
    const deployment = await app.inject({ method: 'GET', url: '/public/sampling', headers: browser });
    expect(deployment.headers['content-type']).toContain('text/html');
    expect((await app.inject({ method: 'GET', url: '/public/sampling?district=abc' })).headers['content-type']).toContain(
      'application/problem+json',
    );

    // Plan completion counts first samples only.
    expect(json(await call(section, 'GET', `/api/v1/sampling/plans/${planId}`))).toMatchObject({
      doneBatches: 1,
      targetBatches: 4,
      completionPercent: '25.00',
    });
  });

  it('an objection to a rapid test is accepted for 4 hours and its re-test is a lab test', async () => {
    at(cst('2021-06-01', '09:45'));
    const entityId = await sampledEntity({ home, call }, '快检摊位');
    const inspector = home.users.inspector1.username;
    const created = json(
      await call(
        inspector,
        'POST',
        '/api/v1/sampling/samples',
        sampleBody(entityId, { testMethod: 'rapid', sampledOn: '2021-06-01', productionDate: '2021-06-01' }),
      ),
    );
    const resultAt = cst('2021-06-01', '09:30');
    expect(
      (await call(inspector, 'POST', `/api/v1/sampling/samples/${created.id}/send`, { labId: home.labId, sentOn: '2021-06-01' })).status,
    ).toBe(409);
    const rapid = json(
      await call(inspector, 'POST', `/api/v1/sampling/samples/${created.id}/rapid-result`, {
        resultAt: resultAt.toISOString(),
        items: failingResults,
      }),
    );
    expect(rapid).toMatchObject({ conclusion: 'unqualified', objectionDueAt: cst('2021-06-01', '13:30').toISOString() });
    at(cst('2021-06-01', '14:00'));
    const late = await call(inspector, 'POST', `/api/v1/sampling/samples/${created.id}/objection`, {
      filedAt: cst('2021-06-01', '13:31').toISOString(),
    });
    expect(late).toMatchObject({ status: 409, body: { code: 'sampling.objection_window_closed' } });
    const objection = await call(inspector, 'POST', `/api/v1/sampling/samples/${created.id}/objection`, {
      filedAt: cst('2021-06-01', '13:30').toISOString(),
    });
    expect(objection.status).toBe(201);
    expect(json(objection)).toMatchObject({ retestOfId: created.id, testMethod: 'lab', status: 'sent' });
  });

  it('keeps roles to their side: the lab cannot call bureau routes, staff cannot call the lab workbench', async () => {
    expect((await call(home.users.lab.username, 'GET', '/api/v1/sampling/samples')).status).toBe(403);
    expect((await call(home.users.lab.username, 'GET', '/api/v1/sampling/statistics?year=2020')).status).toBe(403);
    expect((await call(home.users.inspector1.username, 'GET', '/api/v1/lab/samples')).status).toBe(403);
    expect((await call(home.users.operator.username, 'GET', '/api/v1/sampling/plans')).status).toBe(403);
  });
});

describe('抽检分离: the lab cannot learn the source of a sample through any route', () => {
  it('walks every registered route as the lab and finds no identifying value or field in any response', async () => {
    at(cst('2022-03-01'));
    const entityId = await sampledEntity({ home, call }, '盲样溯源餐馆');
    const entity = json(await call(home.users.section.username, 'GET', `/api/v1/entities/${entityId}`));
    const created = json(
      await call(
        home.users.inspector1.username,
        'POST',
        '/api/v1/sampling/samples',
        sampleBody(entityId, {
          sampledOn: '2022-02-21',
          productionDate: '2022-01-17',
          brand: '独特品牌甲',
          batchNo: 'BATCH-ZX-9182',
          priceFen: 98765,
        }),
      ),
    );
    await call(home.users.section.username, 'POST', `/api/v1/sampling/samples/${created.id}/send`, {
      labId: home.labId,
      sentOn: '2022-02-22',
    });
    await call(home.users.inspector1.username, 'POST', `/api/v1/sampling/samples/${created.id}/photos`, tinyPng, 'image/png');
    const samplers = (created.samplers as { displayName: string }[]).map((sampler) => sampler.displayName);
    const secrets = [
      entity.name as string,
      entity.creditCode as string,
      entity.address as string,
      ...samplers,
      '独特品牌甲',
      'BATCH-ZX-9182',
      '98765',
      '2022-02-21',
      '2022-01-17',
      '签字人赵六',
      '2022-02-22',
    ];
    const forbiddenKeys =
      /^(entity|sampler|batch|brand|price|production|address|creditCode|sampledOn|sentOn|quantity|planId|planName|labId|lab)$|entity|sampler/i;
    const blindCode = created.blindCode as string;
    const lab = home.users.lab.username;
    await call(lab, 'POST', `/api/v1/lab/samples/${blindCode}/receive`, { receivedOn: '2022-02-23' });
    await call(lab, 'PUT', `/api/v1/lab/samples/${blindCode}/report`, tinyPdf, 'application/pdf');
    await call(lab, 'PUT', `/api/v1/lab/samples/${blindCode}/results`, { items: failingResults });

    const keysOf = (value: unknown): string[] =>
      Array.isArray(value)
        ? value.flatMap(keysOf)
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)])
          : [];
    const skip = /^\/api\/v1\/auth\/(logout|password|totp)|^\/\*$|^\/api\/docs/;
    const routes = registeredRoutes(app).filter((route) => route.method !== 'HEAD' && !skip.test(route.url));
    let okResponses = 0;
    for (const route of routes) {
      const url = route.url
        .replace(':id', route.url.startsWith('/api/v1/lab/') ? blindCode : String(created.id))
        .replace(/:[a-zA-Z]+/g, '1')
        .replace('/public/sampling', `/public/sampling?district=${home.code}&year=2022`);
      const response = await call(lab, route.method as 'GET', url, route.method === 'GET' ? undefined : {});
      const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      for (const secret of secrets)
        expect({ route: `${route.method} ${route.url}`, leaks: text.includes(secret) ? secret : null }).toEqual({
          route: `${route.method} ${route.url}`,
          leaks: null,
        });
      if (response.status === 200 && route.url.startsWith('/api/v1/lab/')) {
        okResponses += 1;
        const leakedKeys = keysOf(response.body).filter((key) => forbiddenKeys.test(key));
        expect({ route: route.url, leakedKeys }).toEqual({ route: route.url, leakedKeys: [] });
      }
      // Bureau routes refuse the lab (a POST with an empty body may fail schema validation first: 400).
      if (route.url.startsWith('/api/v1/sampling/')) expect([400, 403]).toContain(response.status);
    }
    // The lab's own routes did answer (list, detail, report download, results).
    expect(okResponses).toBeGreaterThanOrEqual(3);
    // And the lab's detail has what it needs to work.
    expect(json(await call(lab, 'GET', `/api/v1/lab/samples/${blindCode}`))).toMatchObject({
      blindCode,
      productType: '油炸面制品',
      testItems: ['铝的残留量', '硼酸'],
      reportDue: expect.any(String),
    });
  });
});
