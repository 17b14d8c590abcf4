import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { apiCaller } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import type { AppInstance } from '../http/routes.ts';
import { platformJobs } from '../jobs/platform-jobs.ts';
import { runJob } from '../jobs/scheduler.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const call = apiCaller(() => app);

beforeAll(async () => {
  platform = await testPlatform({}, { isOwnDatabase: true }); // the holiday calendar is national: other files add years
  app = await testApp(platform);
  home = await createTestDistrict(platform);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

// The shipped calendar ends with 2026: the State Council's 2027 notice was not found when this was written.
describe('a missing next-year holiday calendar', () => {
  it('is no warning on 31 October and a warning for admins from 1 November', async () => {
    platform.clock.set('2026-10-31T04:00:00Z');
    expect((await call(home.users.admin.username, 'GET', '/api/v1/calendar/status')).body).toEqual({
      today: '2026-10-31',
      missingYear: null,
      lastYear: 2026,
    });
    platform.clock.set('2026-11-01T04:00:00Z');
    call.signOutAll(); // the sessions of the day before timed out
    expect((await call(home.users.admin.username, 'GET', '/api/v1/calendar/status')).body).toMatchObject({ missingYear: 2027 });
    expect((await call(home.users.section.username, 'GET', '/api/v1/calendar/status')).status).toBe(403);
  });

  it('is logged as a warning by the daily job', async () => {
    platform.clock.set('2026-11-02T04:00:00Z');
    const job = platformJobs(platform).find((candidate) => candidate.name === 'calendar.coverage');
    if (!job) throw new Error('calendar.coverage is not a platform job');
    const warnings: unknown[] = [];
    const original = platform.log.warn.bind(platform.log);
    platform.log.warn = ((...args: unknown[]) => void warnings.push(args)) as typeof platform.log.warn;
    try {
      expect(await runJob(platform, job)).toEqual({ outcome: 'succeeded', counts: { missingYear: 2027 } });
    } finally {
      platform.log.warn = original;
    }
    expect(JSON.stringify(warnings)).toContain('holiday calendar has no 2027');
  });
});
