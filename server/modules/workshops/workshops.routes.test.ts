import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { runJob } from '../../platform/jobs/scheduler.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { workshopJobs } from './index.ts';
import { defaultListCriteria } from './rules/red-black-list.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const cookies = new Map<string, string>();
let workshopId = 0;
type Json = Record<string, unknown>;

async function call(user: keyof TestDistrict['users'], method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) {
  const username = home.users[user].username;
  if (!cookies.has(username)) cookies.set(username, await signIn(app, username));
  const response = await app.inject({
    method,
    url,
    headers: { cookie: cookies.get(username) as string },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.json() as Json };
}

const allPassed = Object.fromEntries(defaultListCriteria.items.map((item) => [item.key, true]));
const job = workshopJobs({} as never).find((candidate) => candidate.name === 'workshops.publish_monthly_lists');

beforeAll(async () => {
  platform = await testPlatform({}, { isOwnDatabase: true }); // the monthly job publishes every district: only ours here
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  const body = `92${home.code}0000000${String(Date.now() % 10)}0`;
  const created = await call('section', 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: '老王手工年糕坊',
    kind: 'individual',
    legalRepName: '王五',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'C14',
    foundedOn: '2019-05-01',
    address: '作坊路3号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'food_workshop',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  workshopId = created.body.id as number;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

const membership = async () =>
  ((await call('section', 'GET', '/api/v1/workshops/memberships')).body.items as Json[]).find((item) => item.entityId === workshopId);

describe('workshop red/black lists', () => {
  it('inspectors see the current lists of their own station’s workshops only; section staff the whole district', async () => {
    const ids = async (user: 'section' | 'inspector1' | 'inspector2') =>
      ((await call(user, 'GET', '/api/v1/workshops/memberships')).body.items as Json[]).map((item) => item.entityId);
    expect(await ids('section')).toContain(workshopId);
    expect(await ids('inspector1')).toContain(workshopId);
    expect(await ids('inspector2')).not.toContain(workshopId);
  });

  it('an inspector evaluates; a penalty case from the enforcement module moves the workshop from red to black', async () => {
    const evaluated = await call('inspector1', 'POST', '/api/v1/workshops/evaluations', {
      entityId: workshopId,
      evaluatedOn: '2026-02-20',
      answers: allPassed,
      note: '',
    });
    expect(evaluated.status).toBe(201);
    expect(await membership()).toMatchObject({ list: 'red', passedPercent: 100 });

    const opened = await call('inspector1', 'POST', '/api/v1/cases', {
      title: '生产不符合安全标准食品案',
      source: 'inspection',
      entityId: workshopId,
      violationType: 'food_safety',
      leadOn: '2026-01-20',
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.id as number;
    for (const [to, on] of [
      ['filed', '2026-01-22'],
      ['investigating', '2026-01-23'],
      ['notified', '2026-02-03'],
    ] as const)
      expect((await call('inspector1', 'POST', `/api/v1/cases/${caseId}/advance`, { to, on })).status).toBe(200);
    await call('inspector1', 'PUT', `/api/v1/cases/${caseId}/penalties`, { items: [{ kind: 'fine', amount: '2000' }] });
    expect((await membership())?.list).toBe('red'); // not decided yet
    expect(
      (
        await call('inspector1', 'POST', `/api/v1/cases/${caseId}/advance`, {
          to: 'decided',
          on: '2026-02-12',
          decisionNumber: '明市监罚〔2026〕7号',
          legalBasis: '《中华人民共和国食品安全法》第一百二十六条第一款',
        })
      ).status,
    ).toBe(200);
    const black = await membership();
    expect(black?.list).toBe('black');
    expect(((black?.reasons ?? []) as Json[]).map((reason) => reason['zh-CN'])).toContain('近12个月受行政处罚 1 次');
  });

  it('the monthly job publishes the month just ended on the 1st, once, and the public page shows it', async () => {
    expect(job).toBeDefined();
    const monthly = job as NonNullable<typeof job>;
    // 2026-03-15: not the 1st → nothing.
    platform.clock.set('2026-03-15T02:00:00Z');
    expect(await runJob(platform, monthly)).toMatchObject({ outcome: 'succeeded', counts: { published: 0 } });
    // 2026-04-01 00:10 China time.
    platform.clock.set('2026-03-31T16:10:00Z');
    const first = await runJob(platform, monthly);
    expect(first.outcome).toBe('succeeded');
    expect((first as unknown as { counts: { published: number } }).counts.published).toBeGreaterThanOrEqual(1);
    expect(await runJob(platform, monthly)).toMatchObject({ outcome: 'succeeded', counts: { published: 0 } }); // idempotent
    cookies.clear(); // sessions expired while the clock moved
    const snapshots = (await call('section', 'GET', '/api/v1/workshops/snapshots')).body.items as Json[];
    const march = snapshots.filter((snapshot) => snapshot.period === '2026-03');
    expect(march).toHaveLength(1);
    expect(march[0]).toMatchObject({ publishedOn: '2026-04-01', publishedBy: null });
    expect(march[0]?.entries).toEqual([expect.objectContaining({ entityId: workshopId, list: 'black', name: '老王手工年糕坊' })]);
    // Staff cannot publish the same period again.
    expect((await call('section', 'POST', '/api/v1/workshops/snapshots', { period: '2026-03' })).status).toBe(409);

    const page = await app.inject({ method: 'GET', url: `/public/workshop-lists/${home.code}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('老王手工年糕坊');
    expect(page.body).toContain('黑榜');
    expect(page.body).not.toContain('<script');
    expect(page.body).not.toContain('王五'); // the legal representative
    expect(page.body).not.toContain('11010519491231002X');

    // The workshop's public code page shows its list status and links to the lists.
    const token = (await call('section', 'GET', `/api/v1/risk-code/entities/${workshopId}`)).body.token as string;
    const codePage = await app.inject({ method: 'GET', url: `/p/${token}` });
    expect(codePage.body).toContain('黑榜（2026-03）');
    expect(codePage.body).toContain(`href="/public/workshop-lists/${home.code}"`);
  });

  it('the operator appeals (a leader, read-only, may not); section staff decide; the operator sees the decision', async () => {
    const bound = await call('admin', 'PATCH', `/api/v1/users/${home.users.operator.id}`, { entityIds: [workshopId] });
    expect(bound.status).toBe(200);
    cookies.delete(home.users.operator.username);
    const snapshotId = ((await call('section', 'GET', '/api/v1/workshops/snapshots')).body.items as Json[])[0]?.id as number;
    const byLeader = await call('leader', 'POST', '/api/v1/workshops/appeals', {
      entityId: workshopId,
      snapshotId,
      reason: '领导不代为申诉',
    });
    expect(byLeader.status).toBe(403);
    const filed = await call('operator', 'POST', '/api/v1/workshops/appeals', {
      entityId: workshopId,
      snapshotId,
      reason: '处罚已履行完毕，整改已完成，请求复核',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'open', entityId: workshopId });
    const appealId = filed.body.id as number;
    expect(
      (await call('operator', 'POST', `/api/v1/workshops/appeals/${appealId}/decision`, { status: 'upheld', decisionNote: '' })).status,
    ).toBe(403);
    const decided = await call('section', 'POST', `/api/v1/workshops/appeals/${appealId}/decision`, {
      status: 'rejected',
      decisionNote: '处罚决定作出未满12个月，维持黑榜',
    });
    expect(decided.status).toBe(200);
    const seen = await call('operator', 'GET', `/api/v1/workshops/appeals/${appealId}`);
    expect(seen.body).toMatchObject({ status: 'rejected', decisionNote: '处罚决定作出未满12个月，维持黑榜' });
  });
});
