import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { runJob } from '../../platform/jobs/scheduler.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { creditJobs } from '../credit/index.ts';
import { foodSafetyGrade, foodSafetyGradeHistory } from './food-safety.tables.ts';
import { foodSafetyJobs } from './index.ts';
import { recomputeGrade } from './service/grades.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let entityId = 0;

const as = async (method: 'GET' | 'POST', url: string, payload?: object) => {
  const response = await app.inject({
    method,
    url,
    headers: { cookie: await signIn(app, home.users.section.username) },
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
};
const gradeRow = async () => {
  const [row] = await platform.database.db
    .select()
    .from(foodSafetyGrade)
    .where(and(eq(foodSafetyGrade.districtCode, home.code), eq(foodSafetyGrade.entityId, entityId)));
  return row;
};
const regrade = () => runJob(platform, foodSafetyJobs(platform).find((job) => job.name === 'food-safety.credit-regrade') as never);

beforeAll(async () => {
  platform = await testPlatform({}, { isOwnDatabase: true }); // the jobs walk every district: only ours here
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  platform.clock.set('2026-03-02T02:00:00Z');
  const body = `91${home.code}${String(7).padStart(8, '0')}1`;
  const created = await as('POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: '信用测试餐馆',
    kind: 'enterprise',
    legalRepName: '王五',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'H62',
    foundedOn: '2020-05-01',
    address: '信用路1号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'catering',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  entityId = created.body.id as number;
  // Never inspected: static 15 (other catering) + dynamic 30 (half the maximum) = 45 points → B.
  await recomputeGrade(
    { ...home.ctx, clock: platform.clock },
    { districtCode: home.code, entityId, today: '2026-03-02', cause: { 'zh-CN': '测试', en: 'test' } },
  );
}, 60_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('the risk grade follows the serious-violation list (SAMR Order 44 Art. 14(2))', () => {
  it('raises B to C once the business is listed, with the reason in its grade history, and changes nothing on the next run', async () => {
    expect((await gradeRow())?.riskGrade).toBe('B');
    const abnormal = await as('POST', '/api/v1/credit/abnormal-listings', {
      entityId,
      reason: 'unreachable_at_address',
      decidedOn: '2022-01-04',
    });
    expect(abnormal.status, JSON.stringify(abnormal.body)).toBe(201);
    const serious = await as('POST', '/api/v1/credit/serious-violations', { abnormalListingId: abnormal.body.id, listedOn: '2026-02-20' });
    expect(serious.status, JSON.stringify(serious.body)).toBe(201);
    expect(await regrade()).toMatchObject({ outcome: 'succeeded', counts: { districts: 1, changed: 1 } });
    expect((await gradeRow())?.riskGrade).toBe('C');
    const history = await platform.database.db
      .select({ riskGrade: foodSafetyGradeHistory.riskGrade, reason: foodSafetyGradeHistory.reason })
      .from(foodSafetyGradeHistory)
      .where(and(eq(foodSafetyGradeHistory.districtCode, home.code), eq(foodSafetyGradeHistory.entityId, entityId)))
      .orderBy(desc(foodSafetyGradeHistory.id));
    expect(history[0]).toEqual({ riskGrade: 'C', reason: '列入严重违法失信名单（列为重点监管对象，提高检查频次）；风险等级 B→C' });
    platform.clock.set('2026-03-02T02:10:00Z');
    expect(await regrade()).toMatchObject({ counts: { changed: 0 } });
  });

  it('gives the grade back when the listing ends at its term', async () => {
    platform.clock.set('2029-02-20T02:00:00Z');
    const lists = creditJobs(platform).find((job) => job.name === 'credit.lists_daily');
    expect(await runJob(platform, lists as never)).toMatchObject({ counts: { expired: 1 } });
    expect(await regrade()).toMatchObject({ counts: { changed: 1 } });
    expect((await gradeRow())?.riskGrade).toBe('B');
  });
});
