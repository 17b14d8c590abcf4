import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../shared/calendar-day.ts';
import { queryRows } from '../../db/client.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { systemActorFor } from '../../platform/scope/actor.ts';
import { runNightlyComparison } from './service/comparison.ts';
import { runExpiryWarnings } from './service/expiry-warnings.ts';
import { regradeListingsChangedSince } from './service/grades.ts';

export const creditRegradeJob = 'food-safety.credit-regrade';

export function foodSafetyJobs(_platform: Platform): JobDefinition[] {
  return [
    {
      name: 'food-safety.certificate-expiry',
      schedule: '10 6 * * *',
      description: {
        'zh-CN': '每天 6:10 检查健康证到期（30 天、7 天内到期及已过期）并通知经营者',
        en: 'Daily 06:10: health certificates expiring within 30 / 7 days or expired; notify the operators',
      },
      counts: {
        checked: { 'zh-CN': '已检查健康证', en: 'certificates checked' },
        raised: { 'zh-CN': '新增预警', en: 'warnings raised' },
        closed: { 'zh-CN': '已关闭预警', en: 'warnings closed' },
        shopsNotified: { 'zh-CN': '已通知商户', en: 'shops notified' },
      },
      run: (ctx) => runExpiryWarnings(ctx, todayInChina(ctx.clock.now())),
    },
    {
      name: 'food-safety.data-comparison',
      schedule: '40 2 * * *',
      description: {
        'zh-CN': '每天 2:40 运行监管数据比对六项规则，新增问题派发到所在街道的市场监管所，已消除的问题自动关闭',
        en: 'Daily 02:40: the six supervision data-comparison rules; new findings go to the station, vanished ones close',
      },
      counts: {
        districts: { 'zh-CN': '辖区', en: 'districts' },
        entities: { 'zh-CN': '已比对主体', en: 'entities compared' },
        opened: { 'zh-CN': '新增问题', en: 'findings opened' },
        resolved: { 'zh-CN': '已消除问题', en: 'findings resolved' },
      },
      run: (ctx) => runNightlyComparison(ctx, todayInChina(ctx.clock.now())),
    },
    {
      // A serious-violation listing raises the risk grade (rules/credit-raise.ts); its end lowers it again.
      name: creditRegradeJob,
      schedule: '*/10 * * * *',
      description: {
        'zh-CN': '每10分钟：严重违法失信名单有变化的食品经营者重新评定风险等级和下次检查日期',
        en: 'Every 10 minutes: re-grade the risk of food businesses whose serious-violation listing changed',
      },
      counts: {
        districts: { 'zh-CN': '辖区', en: 'districts' },
        changed: { 'zh-CN': '风险等级或检查日期变化', en: 'grades or due dates changed' },
      },
      async run(ctx) {
        const today = todayInChina(ctx.clock.now());
        // Since the last successful run's start: a change committed during that run is seen again, never missed.
        const [last] = await queryRows<{ started_at: Date | string | null }>(
          ctx.db,
          sql`select max(started_at) as started_at from job_run where job = ${creditRegradeJob} and outcome = 'succeeded'`,
        );
        const since = last?.started_at ? new Date(last.started_at) : new Date(ctx.clock.now().getTime() - 86_400_000);
        const districts = await queryRows<{ code: string }>(ctx.db, sql`select code from district order by code`);
        let changed = 0;
        for (const { code } of districts)
          changed += await regradeListingsChangedSince({ ...ctx, actor: systemActorFor(code) }, code, since, today);
        return { districts: districts.length, changed };
      },
    },
  ];
}
