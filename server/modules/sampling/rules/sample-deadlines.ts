import { addMonths } from '../../../../shared/calendar-day.ts';
import type { Verdict } from '../../../../shared/vocabularies/sampling.ts';
import { addCalendarDays, addWorkingDays, type HolidayCalendar } from '../../../platform/calendar/working-days.ts';
import type { SamplingRuleSet } from './sampling-rule-sets.ts';

/**
 * Deadlines of one sample (SAMR Order 15 Art. 20, 24, 25, 45; 食品安全法 Art. 88 — see sampling-rule-sets.ts).
 * Working-day periods start the day after the event (民法典 Art. 201), as addWorkingDays counts.
 */

/** Art. 20: the sample reaches the lab within 5 working days of sampling. */
export function toLabDue(sampledOn: string, calendar: HolidayCalendar, rules: SamplingRuleSet): string {
  return addWorkingDays(sampledOn, rules.toLabWorkingDays, calendar);
}

/** Art. 24: the lab reports within 20 working days of receiving the sample. */
export function reportDue(receivedOn: string, calendar: HolidayCalendar, rules: SamplingRuleSet): string {
  return addWorkingDays(receivedOn, rules.reportWorkingDays, calendar);
}

/** 食品安全法 Art. 88: a re-test is requested within 7 working days of receiving the result notice. */
export function retestRequestDue(notifiedOn: string, calendar: HolidayCalendar, rules: SamplingRuleSet): string {
  return addWorkingDays(notifiedOn, rules.retestRequestWorkingDays, calendar);
}

/** A re-test request is in time on any day up to and including the deadline (and not before the notice). */
export function isRetestRequestInTime(notifiedOn: string, requestedOn: string, calendar: HolidayCalendar, rules: SamplingRuleSet): boolean {
  return requestedOn >= notifiedOn && requestedOn <= retestRequestDue(notifiedOn, calendar, rules);
}

/** 食品安全法 Art. 88: an objection to a rapid test within 4 hours of its result. */
export function rapidObjectionDue(resultAt: Date, rules: SamplingRuleSet): Date {
  return new Date(resultAt.getTime() + rules.rapidObjectionHours * 3_600_000);
}

export function isRapidObjectionInTime(resultAt: Date, filedAt: Date, rules: SamplingRuleSet): boolean {
  return filedAt.getTime() >= resultAt.getTime() && filedAt.getTime() <= rapidObjectionDue(resultAt, rules).getTime();
}

/**
 * Art. 25: backup samples are kept 3 months (qualified) or 6 months (unqualified) from the conclusion,
 * or until the product's shelf life ends if that comes first.
 */
export function backupKeepUntil(
  concludedOn: string,
  verdict: Verdict,
  rules: SamplingRuleSet,
  shelfLifeUntil: string | null = null,
): string {
  const months = verdict === 'qualified' ? rules.backupMonthsQualified : rules.backupMonthsUnqualified;
  const byRule = addMonths(concludedOn, months);
  return shelfLifeUntil !== null && shelfLifeUntil < byRule ? shelfLifeUntil : byRule;
}

/** Art. 45 (value unconfirmed, see the rule set): 核查处置 is finished within N days of the notice. */
export function handlingDue(notifiedOn: string, rules: SamplingRuleSet): string {
  return addCalendarDays(notifiedOn, rules.handlingCalendarDays);
}
