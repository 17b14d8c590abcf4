import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../shared/calendar-day.ts';
import { queryRows } from '../../db/client.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { isReminderDay, reportYearFiledIn } from './rules/annual-report-rules.ts';
import { openFilingYear, remindNonFilers } from './service/annual-reports.ts';

/**
 * Every day: the report year whose filing window is open (last year) gets a row for each entity that must file
 * (idempotent: an entity registered since is added), and on the reminder days of the rules (1 and 20 June by
 * default) every non-filer with a registered phone gets an SMS (the outbox; the sms.send job delivers).
 */
export async function annualReportDaily(ctx: Parameters<JobDefinition['run']>[0]): Promise<Record<string, number>> {
  const today = todayInChina(ctx.clock.now());
  const reportYear = reportYearFiledIn(today);
  const districts = await queryRows<{ code: string }>(ctx.db, sql`select code from district order by code`);
  let opened = 0;
  let reminded = 0;
  for (const { code } of districts) {
    opened += await openFilingYear(ctx, code, reportYear);
    if (isReminderDay(reportYear, today)) reminded += (await remindNonFilers(ctx, code, reportYear)).queued;
  }
  return { districts: districts.length, opened, reminded };
}

export function creditJobs(_platform: Platform): JobDefinition[] {
  return [
    {
      name: 'credit.annual_reports_daily',
      schedule: '30 1 * * *',
      description: {
        'zh-CN': '每日：建立上一年度年报应报名单；提醒日向未报主体发送短信',
        en: 'Daily: the entities that must file last year’s annual report; SMS reminders on the reminder days',
      },
      counts: {
        districts: { 'zh-CN': '辖区', en: 'districts' },
        opened: { 'zh-CN': '新增应报', en: 'reports due added' },
        reminded: { 'zh-CN': '提醒短信', en: 'reminders queued' },
      },
      run: annualReportDaily,
    },
  ];
}
