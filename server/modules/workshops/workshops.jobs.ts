import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../shared/calendar-day.ts';
import { queryRows } from '../../db/client.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { periodToPublishOn } from './rules/publish-period.ts';
import { publishIfMissing } from './service/workshops.ts';

/** Publishes every district's lists of the month just ended, unless already published (idempotent). */
export async function publishMonthlyLists(ctx: Parameters<JobDefinition['run']>[0]): Promise<Record<string, number>> {
  const period = periodToPublishOn(todayInChina(ctx.clock.now()));
  if (!period) return { districts: 0, published: 0 };
  const districts = await queryRows<{ code: string }>(ctx.db, sql`select code from district order by code`);
  let published = 0;
  for (const { code } of districts) if (await publishIfMissing(ctx, code, period)) published += 1;
  return { districts: districts.length, published };
}

/**
 * The monthly publication of the red/black lists 红黑榜 (monthly by default, as the issue asks): at 00:10 China
 * time on the 1st, the month just ended; a period section staff already published is left as it is. Each run
 * is recorded by the scheduler (job_run) and each snapshot in the audit chain.
 */
export function workshopJobs(_platform: Platform): JobDefinition[] {
  return [
    {
      name: 'workshops.publish_monthly_lists',
      schedule: '10 0 1 * *',
      description: { 'zh-CN': '每月1日发布上月小作坊红黑榜', en: 'On the 1st: publish last month’s workshop red/black lists' },
      counts: { districts: { 'zh-CN': '辖区', en: 'districts' }, published: { 'zh-CN': '已发布名单', en: 'lists published' } },
      run: publishMonthlyLists,
    },
  ];
}
