import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { inTurn } from '../../db/in-turn.ts';
import { actorContextOf } from '../http/context.ts';
import { listOf, type RoutePlugin, requireRole } from '../http/routes.ts';
import type { Language } from '../i18n/language.ts';
import { JobView, RunsQuery, RunView } from './jobs.schemas.ts';
import { jobRun } from './jobs.tables.ts';
import type { JobDefinition } from './scheduler.ts';

function toRunView(run: typeof jobRun.$inferSelect, job: JobDefinition | undefined, language: Language) {
  const countLabels = Object.fromEntries(Object.keys(run.counts).map((key) => [key, job?.counts[key]?.[language] ?? key]));
  return { ...run, countLabels, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null };
}

/** Job runs are system-wide (not district data), so only admins see them. */
export function jobRoutes(jobs: readonly JobDefinition[]): RoutePlugin {
  const byName = new Map(jobs.map((job) => [job.name, job]));
  return (app, platform) => {
    app.get(
      '/api/v1/jobs',
      { preHandler: requireRole('admin'), schema: { tags: ['jobs'], response: { 200: listOf(JobView) } } },
      async (request) => {
        const ctx = actorContextOf(platform, request);
        const items = [];
        for (const job of jobs) {
          const [last] = await ctx.db.select().from(jobRun).where(eq(jobRun.job, job.name)).orderBy(desc(jobRun.startedAt)).limit(1);
          items.push({
            name: job.name,
            schedule: job.schedule,
            description: job.description[ctx.meta.language],
            ...(last ? { lastRun: toRunView(last, job, ctx.meta.language) } : {}),
          });
        }
        return { items, total: items.length };
      },
    );
    app.get(
      '/api/v1/jobs/runs',
      { preHandler: requireRole('admin'), schema: { tags: ['jobs'], querystring: RunsQuery, response: { 200: listOf(RunView) } } },
      async (request) => {
        const ctx = actorContextOf(platform, request);
        const where: SQL | undefined = request.query.job ? and(eq(jobRun.job, request.query.job)) : undefined;
        const [rows, [total]] = await inTurn(
          () =>
            ctx.db
              .select()
              .from(jobRun)
              .where(where)
              .orderBy(desc(jobRun.startedAt), desc(jobRun.id))
              .limit(request.query.pageSize)
              .offset((request.query.page - 1) * request.query.pageSize),
          () => ctx.db.select({ total: count() }).from(jobRun).where(where),
        );
        return { items: rows.map((run) => toRunView(run, byName.get(run.job), ctx.meta.language)), total: total?.total ?? 0 };
      },
    );
  };
}
