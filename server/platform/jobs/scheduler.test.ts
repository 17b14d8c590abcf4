import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { type TestPlatform, testPlatform } from '../../test/test-platform.ts';
import { jobRun } from './jobs.tables.ts';
import { platformJobs } from './platform-jobs.ts';
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

describe('database.analyze', () => {
  it('gathers planner statistics on the embedded engine, which has no autovacuum, and leaves PostgreSQL to its own', async () => {
    const job = platformJobs(platform).find((candidate) => candidate.name === 'database.analyze');
    if (!job) throw new Error('database.analyze is not a platform job');
    const result = await runJob(platform, job);
    const [stats] = await queryRows<{ analyzed: boolean }>(
      platform.database.db,
      sql`select last_analyze is not null as analyzed from pg_stat_user_tables where relname = 'job_run'`,
    );
    if (platform.database.engine === 'pglite') {
      expect(result).toEqual({ outcome: 'succeeded', counts: { analyzed: 1 } });
      expect(stats?.analyzed).toBe(true);
    } else {
      expect(result).toEqual({ outcome: 'succeeded', counts: { analyzed: 0 } });
    }
  });
});
