import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../shared/calendar-day.ts';
import { queryRows } from '../../db/client.ts';
import { loadHolidayCalendar } from '../../platform/calendar/calendar.service.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { systemActorFor } from '../../platform/scope/actor.ts';
import { isAutomaticListingDay } from './rules/abnormal-listing.ts';
import { filingDeadline, isReminderDay, reportYearFiledIn } from './rules/annual-report-rules.ts';
import { openFilingYear, remindNonFilers } from './service/annual-reports.ts';
import { listNonFilers } from './service/automatic-listing.ts';
import { expireSeriousListings } from './service/serious-violations.ts';

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

/**
 * Every day, per district: inside the legal window after 30 June (the 1st to the 10th working day after the deadline,
 * holiday calendar) the non-filers of last year's report are listed (individual businesses marked) — once: a listed
 * entity is not listed again; and every serious-violation listing whose term has ended leaves the list.
 */
export async function listsDaily(ctx: Parameters<JobDefinition['run']>[0]): Promise<Record<string, number>> {
  const today = todayInChina(ctx.clock.now());
  const reportYear = reportYearFiledIn(today);
  const deadline = filingDeadline(reportYear);
  const districts = await queryRows<{ code: string }>(ctx.db, sql`select code from district order by code`);
  let listed = 0;
  let expired = 0;
  for (const { code } of districts) {
    const inDistrict = { ...ctx, actor: systemActorFor(code) };
    if (isAutomaticListingDay(deadline, today, await loadHolidayCalendar(ctx.db, code)))
      listed += await listNonFilers(inDistrict, code, reportYear, today);
    expired += await expireSeriousListings(inDistrict, code, today);
  }
  return { districts: districts.length, listed, expired };
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
    {
      name: 'credit.lists_daily',
      schedule: '0 2 * * *',
      description: {
        'zh-CN': '每日：年报公示结束后10个工作日内将未报主体列入经营异常名录（个体户标记）；严重违法失信名单期满移出',
        en: 'Daily: non-filers listed (individuals marked) within 10 working days after 30 June; serious-violation listings removed at term end',
      },
      counts: {
        districts: { 'zh-CN': '辖区', en: 'districts' },
        listed: { 'zh-CN': '列入（标记）', en: 'listed (marked)' },
        expired: { 'zh-CN': '期满移出', en: 'terms ended' },
      },
      run: listsDaily,
    },
  ];
}
