import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { runJob } from '../../platform/jobs/scheduler.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { creditJobs } from './index.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;

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
