import { addDays, addMonths, daysBetween } from '../../../../shared/calendar-day.ts';
import { listCalendarDays } from '../../../platform/calendar/calendar.service.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { systemActorFor } from '../../../platform/scope/actor.ts';
import { ccWarning } from '../consumer-confidence.tables.ts';
import { holidayRuns, lookAheadDays } from '../rules/holiday-warnings.ts';
import { reviewDueUnits } from '../service/reviews.ts';

/** The demo's warnings go out five days before each holiday, as the section's practice is. */
const publishDaysAhead = 5;

function warningText(name: string): { title: string; body: string } {
  return {
    title: `${name}消费提示`,
    body: [
      `${name}将至，区市场监管局提醒广大消费者理性消费、按需购买，警惕“先涨后降”“虚假折扣”等价格陷阱。`,
      '购买食品请选择证照齐全的商家，查看生产日期和保质期，聚餐注意食品安全，不食用来源不明的野生菌和冷链食品。',
      '办理预付卡要选择信誉良好的经营者，签订书面合同，不一次性大额充值；网购商品享有七日无理由退货权利，请保留订单和聊天记录。',
      '消费权益受到侵害时，请拨打12315热线或登录全国12315平台投诉举报。',
    ].join('\n'),
  };
}

/**
 * The demo's holiday warnings: one published five days before each public holiday of the calendar from 2020 to
 * `today`, and a draft for a holiday within the next 45 days that has none yet (元旦 even before the State Council's
 * notice for the new year is entered).
 */
async function seedWarnings(ctx: ServiceContext, districtCode: string, today: string) {
  const actorCtx = { ...ctx, actor: systemActorFor(districtCode) };
  const horizon = addDays(today, lookAheadDays);
  const days: { day: string; name: string }[] = [];
  for (let year = 2020; year <= Number(horizon.slice(0, 4)); year++)
    for (const day of await listCalendarDays(actorCtx, year)) if (day.kind === 'holiday' && day.day <= horizon) days.push(day);
  const runs = holidayRuns(days);
  const newYear = `${Number(today.slice(0, 4)) + 1}-01-01`;
  if (daysBetween(today, newYear) <= lookAheadDays && !runs.some((run) => run.start === newYear))
    runs.push({ name: '元旦', start: newYear, end: newYear });
  const rows = runs.map((run) => {
    const publishedOn = addDays(run.start, -publishDaysAhead);
    const isPublished = publishedOn <= today;
    return {
      districtCode,
      holidayName: run.name,
      holidayStart: run.start,
      ...warningText(run.name),
      status: isPublished ? 'published' : 'draft',
      publishedOn: isPublished ? publishedOn : null,
    };
  });
  if (rows.length > 0) await ctx.db.insert(ccWarning).values(rows);
}

/** The yearly reviews since 2021, run at each month's end with the data of the time (the job's function), up to today. */
async function seedReviews(ctx: ServiceContext, districtCode: string, today: string) {
  for (let monthEnd = '2021-01-31'; ; monthEnd = addDays(addMonths(addDays(monthEnd, 1), 1), -1)) {
    await reviewDueUnits(ctx, districtCode, monthEnd < today ? monthEnd : today);
    if (monthEnd >= today) break;
  }
}

export async function seedConfidenceLaterYears(ctx: ServiceContext, input: { districtCode: string; today: string }) {
  await seedReviews(ctx, input.districtCode, input.today);
  await seedWarnings(ctx, input.districtCode, input.today);
}
