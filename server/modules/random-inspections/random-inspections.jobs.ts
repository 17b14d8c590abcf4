import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../shared/calendar-day.ts';
import { queryRows } from '../../db/client.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { systemActorFor } from '../../platform/scope/actor.ts';
import { creditListChangedEntityIds } from '../credit/index.ts';
import { entitiesWithLicences } from '../registry/index.ts';
import { type CreditHistorySource, gradeEntities } from './service/credit-classes.ts';
import { otherModulesHistory } from './service/credit-sources.ts';
import { activeEntities } from './service/directory-source.ts';
import { raiseOverdueAlerts } from './service/tasks.ts';

const creditRegradeChangedJob = 'random-inspections.credit-regrade-changed';

/**
 * The module's recurring jobs. `sources` are the other modules' contributions to credit grading
 * (cases, complaints, failed samples, abnormal listing), wired in server/app.ts as they land.
 */
export function randomInspectionJobs(_platform: Platform, sources: readonly CreditHistorySource[] = otherModulesHistory): JobDefinition[] {
  return [
    {
      name: 'random-inspections.credit-regrade',
      schedule: '30 2 1 * *',
      description: {
        'zh-CN': '每月1日重新评定全部在业市场主体的信用风险分类（A–D）',
        en: 'Monthly: re-grade the credit-risk class (A–D) of every active entity',
      },
      counts: {
        districts: { 'zh-CN': '辖区', en: 'districts' },
        A: { 'zh-CN': 'A 类（信用风险低）', en: 'class A (low risk)' },
        B: { 'zh-CN': 'B 类（信用风险一般）', en: 'class B (fair)' },
        C: { 'zh-CN': 'C 类（信用风险较高）', en: 'class C (higher)' },
        D: { 'zh-CN': 'D 类（信用风险高）', en: 'class D (high)' },
      },
      async run(ctx) {
        const today = todayInChina(ctx.clock.now());
        const districts = await queryRows<{ code: string }>(ctx.db, sql`select code from district order by code`);
        const counts: Record<string, number> = { districts: 0, A: 0, B: 0, C: 0, D: 0 };
        for (const { code } of districts) {
          const districtCtx = { ...ctx, actor: systemActorFor(code) };
          const entities = await activeEntities(districtCtx, {});
          const tally = await gradeEntities(districtCtx, entities, today, sources);
          counts.districts = (counts.districts ?? 0) + 1;
          for (const [key, value] of Object.entries(tally)) counts[key] = (counts[key] ?? 0) + value;
        }
        return counts;
      },
    },
    {
      // A listing changes a class at once (国市监信发〔2022〕6号: the class follows the entity's credit facts): every
      // 10 minutes the entities whose abnormal or serious-violation listing changed since the last run are re-graded.
      name: creditRegradeChangedJob,
      schedule: '*/10 * * * *',
      description: {
        'zh-CN': '每10分钟：经营异常名录或严重违法失信名单有变化的市场主体重新评定信用风险分类',
        en: 'Every 10 minutes: re-grade the credit-risk class of entities whose listing changed',
      },
      counts: {
        districts: { 'zh-CN': '辖区', en: 'districts' },
        regraded: { 'zh-CN': '重新评定', en: 're-graded' },
      },
      async run(ctx) {
        const today = todayInChina(ctx.clock.now());
        // Since the last successful run (its start: a change committed during it is seen again, never missed).
        const [last] = await queryRows<{ started_at: Date | string | null }>(
          ctx.db,
          sql`select max(started_at) as started_at from job_run where job = ${creditRegradeChangedJob} and outcome = 'succeeded'`,
        );
        const since = last?.started_at ? new Date(last.started_at) : new Date(ctx.clock.now().getTime() - 86_400_000);
        const districts = await queryRows<{ code: string }>(ctx.db, sql`select code from district order by code`);
        let regraded = 0;
        for (const { code } of districts) {
          const districtCtx = { ...ctx, actor: systemActorFor(code) };
          const changed = await creditListChangedEntityIds(districtCtx, code, since);
          if (changed.length === 0) continue;
          const entities = (await entitiesWithLicences(districtCtx, code, { entityIds: changed })).filter(
            (item) => item.status === 'active',
          );
          const tally = await gradeEntities(districtCtx, entities, today, sources);
          regraded += Object.values(tally).reduce((sum, count) => sum + count, 0);
        }
        return { districts: districts.length, regraded };
      },
    },
    {
      name: 'random-inspections.publication-overdue',
      schedule: '15 7 * * *',
      description: {
        'zh-CN': '每日检查抽查结果是否在检查结束后20个工作日内公示，逾期生成预警',
        en: 'Daily: alert on results not published within 20 working days of the check',
      },
      counts: { alerts: { 'zh-CN': '新增逾期预警', en: 'overdue alerts raised' } },
      async run(ctx) {
        return { alerts: await raiseOverdueAlerts(ctx.db, ctx.clock.now()) };
      },
    },
  ];
}
