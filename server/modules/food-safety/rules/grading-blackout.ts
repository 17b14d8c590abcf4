import { addMonths } from '../../../../shared/calendar-day.ts';
import type { GradingRuleSet } from './grading-rule-sets.ts';

/**
 * 不评定动态等级的期间 — blackouts (量化分级指导意见 2012, ../shared/research/anchors-china-rules.md §1.1): no dynamic grade for 3 months after a new
 * food business licence, nor for 6 months after a food-safety incident. A blackout covers the start day up to
 * the day before the same date N months later; `day` is inside it when start ≤ day < start + N months.
 */
export interface Blackout {
  reason: 'new-licence' | 'incident';
  from: string;
  until: string;
}

export function gradingBlackout(
  day: string,
  input: { licenceIssuedOn: string | null; incidentDates: readonly string[] },
  rules: GradingRuleSet,
): Blackout | null {
  const blackouts: Blackout[] = [];
  if (input.licenceIssuedOn) {
    blackouts.push({
      reason: 'new-licence',
      from: input.licenceIssuedOn,
      until: addMonths(input.licenceIssuedOn, rules.newLicenceBlackoutMonths),
    });
  }
  for (const incident of input.incidentDates) {
    blackouts.push({ reason: 'incident', from: incident, until: addMonths(incident, rules.incidentBlackoutMonths) });
  }
  const active = blackouts.filter((blackout) => blackout.from <= day && day < blackout.until);
  // The one that lasts longest decides when grading resumes.
  active.sort((a, b) => (a.until < b.until ? 1 : a.until > b.until ? -1 : 0));
  return active[0] ?? null;
}
