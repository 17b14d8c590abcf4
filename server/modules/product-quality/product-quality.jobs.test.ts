import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { runJob } from '../../platform/jobs/scheduler.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { makerRegradeJob, productQualityJobs } from './index.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let makerId = 0;

const as = async (method: 'GET' | 'POST', url: string, payload?: object) => {
  const response = await app.inject({
    method,
    url,
    headers: { cookie: await signIn(app, home.users.section.username) },
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
};
const regrade = () => runJob(platform, productQualityJobs(platform).find((job) => job.name === makerRegradeJob) as never);
const history = async () =>
  (await as('GET', `/api/v1/product-quality/makers/${makerId}/grade-history`)).body.items as Record<string, unknown>[];

beforeAll(async () => {
  platform = await testPlatform({}, { isOwnDatabase: true }); // the job walks every district: only ours here
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  platform.clock.set('2026-03-02T02:00:00Z');
  const body = `91${home.code}${String(31).padStart(8, '0')}1`;
  const entity = await as('POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: '甬安化工涂料有限公司',
    kind: 'enterprise',
    legalRepName: '王五',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'C26',
    foundedOn: '2015-05-01',
    address: '化工路1号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'other',
  });
  expect(entity.status, JSON.stringify(entity.body)).toBe(201);
  // Licence valid until 31 May 2026: on 2 March it is more than 90 days off, so valid → A, 0 points.
  const maker = await as('POST', '/api/v1/product-quality/makers', {
    entityId: entity.body.id,
    productGroup: 'hazardous_chemicals',
    products: '工业涂料',
    licenceRequired: true,
    licenceNumber: 'XK13-014-00321',
    licenceValidUntil: '2026-06-10',
  });
  expect(maker.status, JSON.stringify(maker.body)).toBe(201);
  expect(maker.body).toMatchObject({ grade: 'A', points: 0, licenceState: 'valid' });
  makerId = maker.body.id as number;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('the nightly maker re-grade (product-quality.maker-regrade)', () => {
  it('writes nothing while the inputs are unchanged', async () => {
    expect(await regrade()).toMatchObject({ outcome: 'succeeded', counts: { districts: 1, makers: 1, changed: 0 } });
    expect((await history()).map((row) => [row.cause, row.oldGrade, row.newGrade])).toEqual([['registered', null, 'A']]);
  });

  it('keeps the new grade with its date, old grade and reason when an input changes, and nothing more on the next run', async () => {
    // 20 March: the licence runs out within 90 days (expiring, 10 points) → B.
    platform.clock.set('2026-03-20T02:00:00Z');
    expect(await regrade()).toMatchObject({ outcome: 'succeeded', counts: { makers: 1, changed: 1 } });
    expect((await history())[0]).toEqual({
      changedOn: '2026-03-20',
      oldGrade: 'A',
      newGrade: 'B',
      points: 10,
      cause: 'inputs_changed',
      reasons: [{ reason: 'licence', points: 10 }],
      facts: { failedSamples12m: 0, penalties12m: 0, complaints12m: 0, licence: 'expiring' },
      changedFacts: ['licence'],
    });
    expect(await regrade()).toMatchObject({ outcome: 'succeeded', counts: { changed: 0 } });
    // 11 June: the licence has lapsed (expired, 40 points) → C.
    platform.clock.set('2026-06-11T02:00:00Z');
    expect(await regrade()).toMatchObject({ outcome: 'succeeded', counts: { changed: 1 } });
    const rows = await history();
    expect(rows.map((row) => [row.changedOn, row.cause, row.oldGrade, row.newGrade, row.points])).toEqual([
      ['2026-06-11', 'inputs_changed', 'B', 'C', 40],
      ['2026-03-20', 'inputs_changed', 'A', 'B', 10],
      ['2026-03-02', 'registered', null, 'A', 0],
    ]);
    const maker = await as('GET', `/api/v1/product-quality/makers/${makerId}`);
    expect(maker.body).toMatchObject({ grade: 'C', licenceState: 'expired', reasons: [{ reason: 'licence', points: 40 }] });
  });
});
