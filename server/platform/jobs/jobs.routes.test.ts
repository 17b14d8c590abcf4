import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allJobs } from '../../app.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { apiCaller } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import type { AppInstance } from '../http/routes.ts';
import { runJob } from './scheduler.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const call = apiCaller(() => app);

beforeAll(async () => {
  // Jobs walk every district: an own database keeps other files' districts out of this one's runs.
  const anchors = join(mkdtempSync(join(tmpdir(), 'zhijian-jobs-')), 'anchors.jsonl');
  platform = await testPlatform({ ZHIJIAN_AUDIT_ANCHOR_FILE: anchors }, { isOwnDatabase: true });
  app = await testApp(platform);
  home = await createTestDistrict(platform);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

describe('the jobs page', () => {
  it('names every count of every job’s run in the caller’s language, as the job declares it', async () => {
    const jobs = allJobs(platform);
    for (const job of jobs) expect(await runJob(platform, job), job.name).toMatchObject({ outcome: 'succeeded' });
    const cookie = await call.cookieOf(home.users.admin.username);
    for (const language of ['zh-CN', 'en'] as const) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/jobs/runs?pageSize=100`,
        headers: { cookie, 'accept-language': language },
      });
      expect(response.statusCode).toBe(200);
      const runs = response.json<{ items: { job: string; counts: Record<string, number>; countLabels: Record<string, string> }[] }>().items;
      expect(new Set(runs.map((run) => run.job))).toEqual(new Set(jobs.map((job) => job.name)));
      for (const run of runs)
        for (const key of Object.keys(run.counts)) {
          const declared = jobs.find((job) => job.name === run.job)?.counts[key];
          expect(declared, `${run.job} does not name its count ${key}`).toBeDefined();
          expect(run.countLabels[key]).toBe(declared?.[language]);
        }
    }
    const credit = jobs.find((job) => job.name === 'random-inspections.credit-regrade');
    expect(credit?.counts.A).toEqual({ 'zh-CN': 'A 类（信用风险低）', en: 'class A (low risk)' });
  }, 120_000);
});
