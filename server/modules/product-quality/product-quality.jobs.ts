import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../shared/calendar-day.ts';
import { queryRows } from '../../db/client.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { systemActorFor } from '../../platform/scope/actor.ts';
import { regradeDistrictMakers } from './service/makers.ts';

export const makerRegradeJob = 'product-quality.maker-regrade';

/**
 * The module's scheduled work. The maker re-grade reads the inputs as they stand today (sampling results, penalty
 * decisions and complaints of the last 12 months, the licence), one district at a time, and keeps every grade that
 * differs from the last one on file: a sampling failure, a case, a complaint, a licence lapsing or a fact ageing out
 * of the 12 months all change the grade the next night, and nothing is written when nothing changed.
 */
export function productQualityJobs(_platform: Platform): JobDefinition[] {
  return [
    {
      name: makerRegradeJob,
      schedule: '30 3 * * *',
      description: {
        'zh-CN': '每天 3:30 按抽检、案件、投诉和许可证状况重新评定涉安类产品生产企业风险等级，等级变化记入分级历史',
        en: 'Daily 03:30: re-grade safety-related product makers from sampling, cases, complaints and licences; changes go into the grade history',
      },
      counts: {
        districts: { 'zh-CN': '辖区', en: 'districts' },
        makers: { 'zh-CN': '已评定企业', en: 'makers graded' },
        changed: { 'zh-CN': '等级变化', en: 'grades changed' },
      },
      async run(ctx) {
        const today = todayInChina(ctx.clock.now());
        const districts = await queryRows<{ code: string }>(ctx.db, sql`select code from district order by code`);
        let makers = 0;
        let changed = 0;
        for (const { code } of districts) {
          const result = await regradeDistrictMakers({ ...ctx, actor: systemActorFor(code) }, code, today);
          makers += result.makers;
          changed += result.changed;
        }
        return { districts: districts.length, makers, changed };
      },
    },
  ];
}
