import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../shared/calendar-day.ts';
import { queryRows } from '../../db/client.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { reviewDueUnits } from './service/reviews.ts';

export const yearlyReviewJob = 'consumer-confidence.yearly-review';

export const consumerConfidenceJobs: JobDefinition[] = [
  {
    name: yearlyReviewJob,
    schedule: '20 5 * * *',
    description: {
      'zh-CN': '每天 5:20 对满一年的放心消费单位进行年度复核：统计近12个月的投诉举报和处罚案件，超过阈值的移出名单',
      en: 'Daily 05:20: the yearly review of consumer-confidence units listed or reviewed a year ago: complaints and penalised cases of the last 12 months; past the thresholds, removed',
    },
    counts: {
      districts: { 'zh-CN': '辖区', en: 'districts' },
      reviewed: { 'zh-CN': '已复核', en: 'reviewed' },
      removed: { 'zh-CN': '移出名单', en: 'removed' },
    },
    async run(ctx) {
      const today = todayInChina(ctx.clock.now());
      const districts = await queryRows<{ code: string }>(ctx.db, sql`select code from district order by code`);
      let reviewed = 0;
      let removed = 0;
      for (const { code } of districts) {
        const result = await reviewDueUnits(ctx, code, today);
        reviewed += result.reviewed;
        removed += result.removed;
      }
      return { districts: districts.length, reviewed, removed };
    },
  },
];
