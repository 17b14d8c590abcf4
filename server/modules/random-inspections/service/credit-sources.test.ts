import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { runJob } from '../../../platform/jobs/scheduler.ts';
import { createTestDistrict } from '../../../test/factories.ts';
import { cateringShop } from '../../../test/probe-fixtures.ts';
import { signIn } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { randomInspectionJobs } from '../random-inspections.jobs.ts';

let platform: TestPlatform;
let app: AppInstance;
beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

describe('the monthly credit re-grade', () => {
  it('reads the case and sample history of the other modules and grades every active entity', async () => {
    const home = await createTestDistrict(platform);
    const other = await createTestDistrict(platform);
    const call = async (username: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) => {
      const response = await app.inject({
        method,
        url,
        headers: { cookie: await signIn(app, username) },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return { status: response.statusCode, body: response.json() as unknown };
    };
    await cateringShop({ home, other, call });
    const regrade = randomInspectionJobs(platform).find((job) => job.name === 'random-inspections.credit-regrade');
    expect(regrade).toBeDefined();
    const outcome = await runJob(platform, regrade as NonNullable<typeof regrade>);
    expect(outcome.outcome).toBe('succeeded');
  });
});
