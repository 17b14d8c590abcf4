import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPlatform, testPlatform } from '../../test/test-platform.ts';
import { jobRun } from './jobs.tables.ts';
import { runJob } from './scheduler.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await testPlatform();
});
afterAll(() => platform.database.close());

describe('recurring jobs', () => {
  it('records a successful run with its counts and a failed run with its error, rolling back its writes', async () => {
    const name = `test.job.${Date.now()}`;
    const ok = await runJob(platform, {
      name,
      schedule: '0 * * * *',
      description: { 'zh-CN': '测试', en: 'test' },
      run: async () => ({ things: 3 }),
    });
    expect(ok).toEqual({ outcome: 'succeeded', counts: { things: 3 } });
    const failing = await runJob(platform, {
      name,
      schedule: '0 * * * *',
      description: { 'zh-CN': '测试', en: 'test' },
      run: async (ctx) => {
        await ctx.db.insert(jobRun).values({ job: `${name}.inner`, startedAt: new Date(), outcome: 'succeeded', instance: 'x' });
        throw new Error('boom');
      },
    });
    expect(failing).toEqual({ outcome: 'failed', error: 'boom' });
    const runs = await platform.database.db.select().from(jobRun).where(eq(jobRun.job, name)).orderBy(desc(jobRun.id));
    expect(runs.map((run) => run.outcome)).toEqual(['failed', 'succeeded']);
    expect(runs[1]?.counts).toEqual({ things: 3 });
    expect(
      await platform.database.db
        .select()
        .from(jobRun)
        .where(eq(jobRun.job, `${name}.inner`)),
    ).toEqual([]);
  });
});
