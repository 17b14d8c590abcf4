import type { filingStates } from '../../../../shared/vocabularies/credit.ts';

/**
 * 企业年报 / 个体工商户年报: who files a report for which year, by when, and when to remind — rules as data by
 * effective date (the window a report year falls in picks the rule set).
 *
 * - 《企业信息公示暂行条例》(国务院令第654号) 第八条: an enterprise files its previous year's report between
 *   1 January and 30 June through the publicity system; an enterprise registered in a year files from the next year.
 * - 《个体工商户年度报告办法》(原国家工商总局令第69号) 第三条: the same window for individual businesses (开业登记
 *   当年 exempt); 第五条: an individual business may file on paper with the registration authority.
 * - 《市场主体登记管理条例》(国务院令第746号) 第三十五条: market entities publish their annual reports as the state
 *   requires.
 * Reminders before the deadline are the bureau's practice (local default: 1 June and 20 June).
 */
export interface AnnualReportRuleSet {
  id: string;
  /** First filing window (its 1 January) this set governs. */
  effectiveFrom: string;
  /** Month and day of the last filing day in the year after the report year. */
  deadlineMonthDay: string;
  /** Month-days of the filing year on which non-filers are reminded. */
  reminderMonthDays: readonly string[];
  /** Kinds that may file on paper (the others file online). */
  paperAllowedFor: readonly ('enterprise' | 'individual')[];
  citation: string;
}

export const annualReportRuleSets: readonly AnnualReportRuleSet[] = [
  {
    id: 'state-council-654-2014',
    effectiveFrom: '2014-01-01',
    deadlineMonthDay: '06-30',
    reminderMonthDays: ['06-01', '06-20'],
    paperAllowedFor: ['individual'],
    citation:
      '《企业信息公示暂行条例》第八条；《个体工商户年度报告办法》第三条、第五条；《市场主体登记管理条例》第三十五条；提醒日期为本局默认',
  },
];

/** The rule set governing the window in which `reportYear`'s report is filed (1 January of the next year). */
export function annualReportRulesFor(reportYear: number, sets: readonly AnnualReportRuleSet[] = annualReportRuleSets): AnnualReportRuleSet {
  const windowOpens = `${reportYear + 1}-01-01`;
  const sorted = [...sets].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  // Report years before the first set (2013, filed in 2014 under the transition) take the first set.
  return sorted.find((set) => set.effectiveFrom <= windowOpens) ?? (sorted[sorted.length - 1] as AnnualReportRuleSet);
}

/** The last day to file `reportYear`'s report: 30 June of the next year under the rules in force. */
export function filingDeadline(reportYear: number, sets?: readonly AnnualReportRuleSet[]): string {
  return `${reportYear + 1}-${annualReportRulesFor(reportYear, sets).deadlineMonthDay}`;
}

/**
 * Must this entity file a report for `reportYear`? It must when it was registered in or before that year (one
 * registered during the year files from the next year's report, i.e. its first report covers its first year) and
 * it was still in business when the filing window opened.
 */
export function mustFile(entity: { foundedOn: string; status: string; endedOn: string | null }, reportYear: number): boolean {
  if (entity.foundedOn > `${reportYear}-12-31`) return false;
  const windowOpens = `${reportYear + 1}-01-01`;
  if (entity.status !== 'active' && (entity.endedOn === null || entity.endedOn < windowOpens)) return false;
  return true;
}

export type FilingState = (typeof filingStates)[number];

/** Where one report stands on `today`. */
export function filingState(report: { filedOn: string | null; deadline: string }, today: string): FilingState {
  if (report.filedOn !== null) return report.filedOn <= report.deadline ? 'filed_on_time' : 'filed_late';
  return today <= report.deadline ? 'not_yet_due' : 'overdue';
}

/** Is `today` a reminder day of `reportYear`'s filing window? */
export function isReminderDay(reportYear: number, today: string, sets?: readonly AnnualReportRuleSet[]): boolean {
  const rules = annualReportRulesFor(reportYear, sets);
  return rules.reminderMonthDays.some((monthDay) => `${reportYear + 1}-${monthDay}` === today);
}

/** The report year whose filing window contains `today` (the previous calendar year). */
export function reportYearFiledIn(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}

/** Filing rate in percent with one decimal, null when no one had to file. */
export function filingRate(filed: number, obliged: number): number | null {
  if (obliged === 0) return null;
  return Math.round((filed / obliged) * 1000) / 10;
}
