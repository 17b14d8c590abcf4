import { addWorkingDays, type HolidayCalendar } from '../../../platform/calendar/working-days.ts';

/**
 * 经营异常名录 (enterprises) and 经营异常状态 (individual businesses): reasons, deadlines, removal and the move to the
 * serious-violation list.
 *
 * - 《企业经营异常名录管理暂行办法》(原国家工商总局令第68号) 第四条: the four reasons — the annual report not filed
 *   in time (《企业信息公示暂行条例》第八条), information not disclosed within the period ordered (条例第十条),
 *   information concealing the truth or false (弄虚作假), not reachable at the registered address or premises;
 *   第六条: for a missing report the listing is decided within 10 working days after the filing window closes;
 *   第十一条至第十三条: after the cause is cured (the missing report filed and published, the information disclosed
 *   or corrected, the address changed or reachable again) the enterprise applies and the bureau decides the removal
 *   within 5 working days.
 * - 《个体工商户年度报告办法》第十三条: an individual business that does not file is marked 经营异常状态 instead.
 * - 《企业信息公示暂行条例》第十八条 and 《市场监督管理严重违法失信名单管理办法》(市场监管总局令第44号): an
 *   enterprise still listed after 3 years without curing the cause goes on the serious-violation list.
 */
export const abnormalReasonTexts = {
  annual_report_not_filed: { 'zh-CN': '未按照规定期限公示年度报告', en: 'Annual report not filed in time' },
  information_not_disclosed: { 'zh-CN': '未在责令的期限内公示有关企业信息', en: 'Information not disclosed within the period ordered' },
  false_information: { 'zh-CN': '公示企业信息隐瞒真实情况、弄虚作假', en: 'Published information concealed the truth or was false' },
  unreachable_at_address: { 'zh-CN': '通过登记的住所或者经营场所无法联系', en: 'Not reachable at the registered address or premises' },
} as const;
export type AbnormalReason = keyof typeof abnormalReasonTexts;

export const abnormalReasonCitations: Record<AbnormalReason, string> = {
  annual_report_not_filed: '《企业经营异常名录管理暂行办法》第四条第（一）项、第六条；《企业信息公示暂行条例》第八条、第十七条',
  information_not_disclosed: '《企业经营异常名录管理暂行办法》第四条第（二）项、第七条；《企业信息公示暂行条例》第十条',
  false_information: '《企业经营异常名录管理暂行办法》第四条第（三）项、第八条',
  unreachable_at_address: '《企业经营异常名录管理暂行办法》第四条第（四）项、第九条；《市场主体登记管理条例》第三十五条',
};
export const individualMarkingCitation = '《个体工商户年度报告办法》第十三条（标记为经营异常状态）';

/** Working days the bureau has to decide a removal after the application (第十一条至第十三条). */
export const removalDecisionWorkingDays = 5;
/** Working days after the filing window closes within which non-filers are listed (第六条). */
export const listingAfterWindowWorkingDays = 10;
/** Years on the list, cause not cured, after which an enterprise moves to the serious-violation list. */
export const yearsBeforeSerious = 3;

/**
 * The days on which the daily job lists (marks) the non-filers of `reportYear`: from the first working day after the
 * filing deadline to the 10th (第六条; 《个体工商户年度报告办法》第十三条 for the marking: "当年年度报告公示结束之日起
 * 10个工作日内"). The job lists on the first of these days it runs; a process that was down catches up on a later one.
 */
export function automaticListingWindow(deadline: string, calendar: HolidayCalendar): { from: string; until: string } {
  return {
    from: addWorkingDays(deadline, 1, calendar),
    until: addWorkingDays(deadline, listingAfterWindowWorkingDays, calendar),
  };
}

/** Is `today` inside the listing window of the reports due on `deadline`? */
export function isAutomaticListingDay(deadline: string, today: string, calendar: HolidayCalendar): boolean {
  const window = automaticListingWindow(deadline, calendar);
  return window.from <= today && today <= window.until;
}

/** An enterprise is listed; an individual business is marked. */
export function measureFor(kind: 'enterprise' | 'individual'): 'listing' | 'marking' {
  return kind === 'enterprise' ? 'listing' : 'marking';
}

/** The legal basis printed on a decision: the reason's articles, and the marking article for an individual business. */
export function legalBasisOf(reason: AbnormalReason, kind: 'enterprise' | 'individual'): string {
  return kind === 'individual' && reason === 'annual_report_not_filed' ? individualMarkingCitation : abnormalReasonCitations[reason];
}

/**
 * May the listing be removed now? The cause must be cured: for a missing report, that year's report is on file. The
 * other reasons are cured by facts the officer checks (the application states them), so only the report is checked.
 */
export function removalBlocker(
  listing: { reason: AbnormalReason; reportYear: number | null; status: string },
  facts: { filedReportYears: readonly number[] },
): 'not_listed' | 'report_still_missing' | null {
  if (listing.status !== 'listed') return 'not_listed';
  if (listing.reason === 'annual_report_not_filed' && listing.reportYear !== null && !facts.filedReportYears.includes(listing.reportYear))
    return 'report_still_missing';
  return null;
}

/** The day a listing has been on the list for 3 years (it may move to the serious-violation list from that day). */
export function seriousCandidateFrom(decidedOn: string): string {
  const [year, rest] = [Number(decidedOn.slice(0, 4)), decidedOn.slice(4)];
  const day = `${year + yearsBeforeSerious}${rest}`;
  // 29 February + 3 years is 28 February (never a 1 March that would be one day late).
  return day.endsWith('-02-29') ? `${year + yearsBeforeSerious}-02-28` : day;
}

/** Is an enterprise's listing a candidate for the serious-violation list on `today`? Individual markings are not. */
export function isSeriousCandidate(listing: { status: string; measure: 'listing' | 'marking'; decidedOn: string }, today: string): boolean {
  return listing.status === 'listed' && listing.measure === 'listing' && seriousCandidateFrom(listing.decidedOn) <= today;
}
