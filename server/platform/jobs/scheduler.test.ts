import { desc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, queryRows } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { scratchDatabase, type TestPlatform, testPlatform, testPostgresUrl } from '../../test/test-platform.ts';
import { jobRun } from './jobs.tables.ts';
import { platformJobs } from './platform-jobs.ts';
import { runJob, scheduledSlot } from './scheduler.ts';

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
      counts: { things: { 'zh-CN': '测试', en: 'test' } },
      run: async () => ({ things: 3 }),
    });
    expect(ok).toEqual({ outcome: 'succeeded', counts: { things: 3 } });
    const failing = await runJob(platform, {
      name,
      schedule: '0 * * * *',
      description: { 'zh-CN': '测试', en: 'test' },
      counts: {},
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

const serverUrl = await testPostgresUrl();
describe.runIf(serverUrl)('several instances on PostgreSQL', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let instance: TestPlatform;
  beforeAll(async () => {
    scratch = await scratchDatabase(serverUrl ?? '');
    instance = { ...platform, database: await openPostgres(scratch.url, 2) };
    await migrate(instance.database);
  });
  afterAll(async () => {
    await instance?.database.close();
    await scratch?.drop();
  });

  it('skips a run while another instance holds the job’s lock, and a scheduled run another instance already did', async () => {
    const name = `test.busy.${Date.now()}`;
    let runs = 0;
    const job = {
      name,
      schedule: '0 3 * * *',
      description: { 'zh-CN': '测试', en: 'test' },
      counts: { runs: { 'zh-CN': '测试', en: 'test' } },
      run: async () => {
        runs += 1;
        return { runs };
      },
    };
    const slot = new Date('2026-03-02T19:00:00Z');
    const other = new pg.Client({ connectionString: scratch.url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`zhijian:job:${name}`]);
      expect(await runJob(instance, job, { scheduledFor: slot })).toEqual({ outcome: 'busy' });
      await other.query('commit');
    } finally {
      await other.end();
    }
    expect(runs).toBe(0);
    expect(await instance.database.db.select().from(jobRun).where(eq(jobRun.job, name))).toEqual([]);

    expect(await runJob(instance, job, { scheduledFor: slot })).toEqual({ outcome: 'succeeded', counts: { runs: 1 } });
    expect(await runJob(instance, job, { scheduledFor: slot })).toEqual({ outcome: 'busy' });
    expect(await runJob(instance, job, { scheduledFor: new Date(slot.getTime() + 86_400_000) })).toEqual({
      outcome: 'succeeded',
      counts: { runs: 2 },
    });
    const recorded = await instance.database.db.select().from(jobRun).where(eq(jobRun.job, name)).orderBy(jobRun.id);
    expect(recorded.map((run) => [run.outcome, run.scheduledFor?.toISOString()])).toEqual([
      ['succeeded', '2026-03-02T19:00:00.000Z'],
      ['succeeded', '2026-03-03T19:00:00.000Z'],
    ]);
  });

  it('names a scheduled run by its slot in the bureau’s time zone, also when the timer fires late', () => {
    const job = { name: 'x', schedule: '30 2 * * *', description: { 'zh-CN': '', en: '' }, counts: {}, run: async () => ({}) };
    expect(scheduledSlot(job, new Date('2026-03-02T18:30:00.004Z'))?.toISOString()).toBe('2026-03-02T18:30:00.000Z');
    expect(scheduledSlot(job, new Date('2026-03-02T18:30:02.500Z'))?.toISOString()).toBe('2026-03-02T18:30:00.000Z');
  });
});
