import { hostname } from 'node:os';
import { Cron } from 'croner';
import { and, eq, sql } from 'drizzle-orm';
import { chinaTimeZone } from '../../../shared/calendar-day.ts';
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
  /** What each number `run` returns counts, as a person reads it on the jobs page. */
  counts: Record<string, Bilingual>;
  run(ctx: ServiceContext): Promise<Record<string, number>>;
}

export type JobOutcome =
  | { outcome: 'succeeded'; counts: Record<string, number> }
  | { outcome: 'failed'; error: string }
  /** Another instance is running this job now, or has already done this scheduled run. */
  | { outcome: 'busy' };

const instance = `${hostname()}:${process.pid}`;

/**
 * Runs a job once, inside one transaction holding an advisory lock named after it: on PostgreSQL a
 * second instance finds the lock taken and skips; PGlite serves one process, which needs no lock.
 * A scheduled run names its slot (`scheduledFor`): its record commits with the job's writes, so an
 * instance whose timer fires after the first one finished finds the slot done and skips it too.
 * Every run that starts is recorded with its times, outcome and counts.
 */
export async function runJob(platform: Platform, job: JobDefinition, options: { scheduledFor?: Date } = {}): Promise<JobOutcome> {
  const startedAt = platform.clock.now();
  const scheduledFor = options.scheduledFor ?? null;
  const ctx = systemContext(platform, `job:${job.name}`);
  const record = { job: job.name, startedAt, scheduledFor, instance };
  let outcome: JobOutcome;
  try {
    outcome = await ctx.db.transaction(async (tx) => {
      const [lock] = await queryRows<{ acquired: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(hashtextextended(${`zhijian:job:${job.name}`}, 0)) as acquired`,
      );
      if (!lock?.acquired) return { outcome: 'busy' as const };
      if (scheduledFor) {
        const done = await tx
          .select({ id: jobRun.id })
          .from(jobRun)
          .where(and(eq(jobRun.job, job.name), eq(jobRun.scheduledFor, scheduledFor), eq(jobRun.outcome, 'succeeded')));
        if (done.length) return { outcome: 'busy' as const };
      }
      const counts = await job.run({ ...ctx, db: tx });
      await tx.insert(jobRun).values({ ...record, finishedAt: platform.clock.now(), outcome: 'succeeded', counts });
      return { outcome: 'succeeded' as const, counts };
    });
  } catch (error) {
    platform.log.error({ err: error, job: job.name }, 'job failed');
    outcome = { outcome: 'failed', error: error instanceof Error ? error.message : String(error) };
    await ctx.db
      .insert(jobRun)
      .values({ ...record, finishedAt: platform.clock.now(), outcome: 'failed', error: outcome.error.slice(0, 2000) });
  }
  return outcome;
}

/** The scheduled time a cron run that fires at `firedAt` belongs to (timers fire at or just after it). */
export function scheduledSlot(job: JobDefinition, firedAt: Date): Date | undefined {
  return new Cron(job.schedule, { timezone: chinaTimeZone, paused: true }).previousRuns(1, new Date(firedAt.getTime() + 1))[0];
}

export interface Scheduler {
  stop(): void;
}

export function startScheduler(platform: Platform, jobs: readonly JobDefinition[]): Scheduler {
  const crons = jobs.map(
    (job) =>
      new Cron(job.schedule, { timezone: chinaTimeZone, protect: true, name: job.name }, () =>
        runJob(platform, job, { scheduledFor: scheduledSlot(job, new Date()) }).then(() => undefined),
      ),
  );
  return {
    stop: () => {
      for (const cron of crons) cron.stop();
    },
  };
}
