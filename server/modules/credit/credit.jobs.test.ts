import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import { queryRows } from '../../db/client.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { runJob } from '../../platform/jobs/scheduler.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { creditJobs } from './index.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const entityIds: number[] = [];

beforeAll(async () => {
  platform = await testPlatform({}, { isOwnDatabase: true }); // the job walks every district: only ours here
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  const cookie = await signIn(app, home.users.section.username);
  for (const [index, phone] of [
    [1, '13800000001'],
    [2, null],
  ] as const) {
    const body = `91${home.code}${String(index).padStart(8, '0')}1`;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/entities',
      headers: { cookie },
      payload: {
        creditCode: body + creditCodeCheckCharacter(body),
        name: `提醒测试公司${index}`,
        kind: 'enterprise',
        legalRepName: '王五',
        legalRepIdNumber: '11010519491231002X',
        industryCode: 'F52',
        foundedOn: '2020-05-01',
        address: '提醒路1号',
        streetCode: home.stations[0].streetCode,
        businessCategory: 'other',
        phone,
      },
    });
    expect(created.statusCode).toBe(201);
    entityIds.push(created.json().id as number);
  }
}, 60_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('the daily annual-report job', () => {
  const job = creditJobs(platform).find((candidate) => candidate.name === 'credit.annual_reports_daily');

  it('opens last year’s reports on an ordinary day without texting anyone', async () => {
    platform.clock.set('2026-05-20T01:00:00Z');
    expect(await runJob(platform, job as NonNullable<typeof job>)).toMatchObject({
      outcome: 'succeeded',
      counts: { districts: 1, opened: 2, reminded: 0 },
    });
  });

  it('on 1 June texts each non-filer with a registered phone once', async () => {
    platform.clock.set('2026-06-01T01:00:00Z');
    expect(await runJob(platform, job as NonNullable<typeof job>)).toMatchObject({ counts: { opened: 0, reminded: 1 } });
    expect(await runJob(platform, job as NonNullable<typeof job>)).toMatchObject({ counts: { opened: 0, reminded: 0 } });
  });
});

describe('the daily lists job (《企业经营异常名录管理暂行办法》第六条; SAMR Order 44)', () => {
  const job = () =>
    creditJobs(platform).find((candidate) => candidate.name === 'credit.lists_daily') as NonNullable<ReturnType<typeof creditJobs>[number]>;
  const as = async (username: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await app.inject({ method, url, headers: { cookie: await signIn(app, username) }, ...(payload ? { payload } : {}) });
    return { status: response.statusCode, body: response.json() as Record<string, unknown> };
  };

  it('lists the non-filer of the 2025 report on Wednesday 1 July 2026, once; the entity that filed is not listed', async () => {
    platform.clock.set('2026-06-15T02:00:00Z');
    const filed = await as(home.users.section.username, 'POST', '/api/v1/credit/annual-reports', {
      entityId: entityIds[0],
      reportYear: 2025,
      filedOn: '2026-06-15',
      channel: 'staff',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    platform.clock.set('2026-06-30T02:00:00Z'); // the deadline itself: not yet
    expect(await runJob(platform, job())).toMatchObject({ outcome: 'succeeded', counts: { listed: 0 } });
    platform.clock.set('2026-07-01T02:00:00Z');
    expect(await runJob(platform, job())).toMatchObject({ outcome: 'succeeded', counts: { districts: 1, listed: 1, expired: 0 } });
    expect(await runJob(platform, job())).toMatchObject({ counts: { listed: 0 } });
    platform.clock.set('2026-07-02T02:00:00Z');
    expect(await runJob(platform, job())).toMatchObject({ counts: { listed: 0 } });
    const listings = await as(home.users.section.username, 'GET', '/api/v1/credit/abnormal-listings?status=listed');
    expect(listings.body.items).toEqual([
      expect.objectContaining({
        entityId: entityIds[1],
        reason: 'annual_report_not_filed',
        reportYear: 2025,
        decidedOn: '2026-07-01',
        decisionNumber: '市监经异〔2026〕1号',
        isAutomatic: true,
      }),
    ]);
    const audited = await queryRows<{ count: number }>(
      platform.database.db,
      sql`select count(*)::int as count from audit_event where district_code = ${home.code} and action = 'credit.abnormal.list'`,
    );
    expect(audited[0]?.count).toBe(1);
  });

  it('removes a serious-violation listing on its term-end day, not the day before', async () => {
    const listed = await as(home.users.section.username, 'POST', '/api/v1/credit/abnormal-listings', {
      entityId: entityIds[0],
      reason: 'unreachable_at_address',
      decidedOn: '2021-01-04',
    });
    expect(listed.status, JSON.stringify(listed.body)).toBe(201);
    const moved = await as(home.users.section.username, 'POST', '/api/v1/credit/serious-violations', {
      abnormalListingId: listed.body.id,
      listedOn: '2024-01-10',
    });
    expect(moved.body).toMatchObject({ termEndsOn: '2027-01-10' });
    platform.clock.set('2027-01-09T02:00:00Z');
    expect(await runJob(platform, job())).toMatchObject({ counts: { expired: 0 } });
    platform.clock.set('2027-01-10T02:00:00Z');
    expect(await runJob(platform, job())).toMatchObject({ counts: { expired: 1 } });
    expect(await runJob(platform, job())).toMatchObject({ counts: { expired: 0 } });
    const after = await as(home.users.section.username, 'GET', `/api/v1/credit/serious-violations/${moved.body.id}`);
    expect(after.body).toMatchObject({ status: 'removed', removedOn: '2027-01-10', removalKind: 'term_ended' });
  });
});
