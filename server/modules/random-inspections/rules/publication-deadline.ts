import { addWorkingDays, type HolidayCalendar } from '../../../platform/calendar/working-days.ts';

/**
 * Results of a random inspection are published on the national enterprise credit publicity system
 * (国家企业信用信息公示系统) within 20 working days of the end of the check (SAMR, 2018 press briefing;
 * Fujian implementing rules 2019 — research note ../shared/research/anchors-china-rules.md §2). Working days follow the
 * State Council holiday notices, including make-up working weekends (调休), through the holiday calendar.
 */
export interface PublicationRuleSet {
  id: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  workingDays: number;
  citation: string;
}

export const publicationRuleSets: readonly PublicationRuleSet[] = [
  {
    id: 'samr-2018',
    effectiveFrom: '2015-08-05',
    effectiveTo: null,
    workingDays: 20,
    citation: '《市场监管总局关于全面推进"双随机、一公开"监管工作的通知》及总局2018年答记者问：检查结束之日起20个工作日内公示',
  },
];

export function publicationRuleSetOn(day: string, sets: readonly PublicationRuleSet[] = publicationRuleSets): PublicationRuleSet {
  const found = sets.find((set) => set.effectiveFrom <= day && (set.effectiveTo === null || day <= set.effectiveTo));
  if (!found) throw new Error(`no publication rule in force on ${day}`);
  return found;
}

/** The last day to publish the result of a check that ended on `checkEndedOn`. */
export function publicationDueOn(checkEndedOn: string, calendar: HolidayCalendar): string {
  return addWorkingDays(checkEndedOn, publicationRuleSetOn(checkEndedOn).workingDays, calendar);
}
