import { hostname } from 'node:os';
import { Cron } from 'croner';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { type Platform, type ServiceContext, systemContext } from '../http/context.ts';
import type { Bilingual } from '../i18n/language.ts';
import { jobRun } from './jobs.tables.ts';

/** A recurring piece of work. `run` does its writes on ctx.db, which is the job's transaction. */
export interface JobDefinition {
  name: string;
  /** Cron pattern, in the bureau's time zone (Asia/Shanghai). */
  schedule: string;
  description: Bilingual;
  run(ctx: ServiceContext): Promise<Record<string, number>>;
}

export type JobOutcome =
  | { outcome: 'succeeded'; counts: Record<string, number> }
  | { outcome: 'failed'; error: string }
  | { outcome: 'busy' };

const instance = `${hostname()}:${process.pid}`;

/**
 * Runs a job once, inside one transaction holding an advisory lock named after it: on PostgreSQL a
 * second instance finds the lock taken and skips; PGlite serves one process, which needs no lock.
 * Every run that starts is recorded with its times, outcome and counts.
 */
export async function runJob(platform: Platform, job: JobDefinition): Promise<JobOutcome> {
  const startedAt = platform.clock.now();
  const ctx = systemContext(platform, `job:${job.name}`);
  let outcome: JobOutcome;
  try {
    outcome = await ctx.db.transaction(async (tx) => {
      const [lock] = await queryRows<{ acquired: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(hashtextextended(${`zhijian:job:${job.name}`}, 0)) as acquired`,
      );
      if (!lock?.acquired) return { outcome: 'busy' as const };
      return { outcome: 'succeeded' as const, counts: await job.run({ ...ctx, db: tx }) };
    });
  } catch (error) {
    platform.log.error({ err: error, job: job.name }, 'job failed');
    outcome = { outcome: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  if (outcome.outcome === 'busy') return outcome;
  await ctx.db.insert(jobRun).values({
    job: job.name,
    startedAt,
    finishedAt: platform.clock.now(),
    outcome: outcome.outcome,
    counts: outcome.outcome === 'succeeded' ? outcome.counts : {},
    error: outcome.outcome === 'failed' ? outcome.error.slice(0, 2000) : null,
    instance,
  });
  return outcome;
}

export interface Scheduler {
  stop(): void;
}

export function startScheduler(platform: Platform, jobs: readonly JobDefinition[]): Scheduler {
  const crons = jobs.map(
    (job) =>
      new Cron(job.schedule, { timezone: 'Asia/Shanghai', protect: true, name: job.name }, () =>
        runJob(platform, job).then(() => undefined),
      ),
  );
  return {
    stop: () => {
      for (const cron of crons) cron.stop();
    },
  };
}

export function nextRunOf(job: JobDefinition, after: Date): Date | null {
  return new Cron(job.schedule, { timezone: 'Asia/Shanghai', paused: true }).nextRun(after);
}
