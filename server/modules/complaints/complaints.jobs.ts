import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../shared/calendar-day.ts';
import { queryRows } from '../../db/client.ts';
import { loadHolidayCalendar } from '../../platform/calendar/calendar.service.ts';
import { soonLimit } from '../../platform/calendar/deadline-flag.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';

/**
 * Every working morning: counts the open items past or near their legal deadline, per district, and logs
 * them for the handlers' and leaders' attention (the queues show the same flags live).
 */
export const complaintJobs: JobDefinition[] = [
  {
    name: 'complaints.deadline_flags',
    schedule: '0 8 * * *',
    description: { 'zh-CN': '每日统计临近或超过法定期限的投诉举报件', en: 'Daily: count complaints near or past their legal deadline' },
    counts: {
      districts: { 'zh-CN': '辖区', en: 'districts' },
      overdue: { 'zh-CN': '已超期', en: 'past the deadline' },
      dueSoon: { 'zh-CN': '临近期限', en: 'near the deadline' },
    },
    run: async (ctx) => {
      const today = todayInChina(ctx.clock.now());
      const districts = await queryRows<{ district_code: string }>(
        ctx.db,
        sql`select distinct district_code from complaint where status not in ('closed', 'rejected')`,
      );
      let overdue = 0;
      let dueSoon = 0;
      for (const { district_code: districtCode } of districts) {
        const limit = soonLimit(today, await loadHolidayCalendar(ctx.db, districtCode));
        const [row] = await queryRows<{ overdue: number; due_soon: number }>(
          ctx.db,
          sql`select count(*) filter (where current_due < ${today}::date)::int as overdue,
                     count(*) filter (where current_due between ${today}::date and ${limit}::date)::int as due_soon
              from complaint where district_code = ${districtCode} and status not in ('closed', 'rejected')`,
        );
        overdue += row?.overdue ?? 0;
        dueSoon += row?.due_soon ?? 0;
        if (row && (row.overdue || row.due_soon)) ctx.log.warn({ districtCode, ...row }, 'complaints near or past their legal deadline');
      }
      return { districts: districts.length, overdue, dueSoon };
    },
  },
];
