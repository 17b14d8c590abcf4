import { hazardSeverities, hazardStatuses } from '../../../../shared/vocabularies/special-equipment.ts';
import { addWorkingDays, type HolidayCalendar } from '../../../platform/calendar/working-days.ts';

/**
 * The hazard loop's deadlines. 特种设备安全监督检查办法 (SAMR Order 57, 2022): after a rectification order (监察指令)
 * the user reports the rectification and the department **re-checks within 10 working days** of the report
 * (../shared/research/anchors-china-rules.md §5; LawRefBook/Laws 部门规章/市场监督管理总局/特种设备安全监督检查办法
 * (2022-05-26)). Working days follow the holiday calendar; the day of the report is not counted (民法典 Art. 201).
 */
export const recheckWorkingDays = 10;

export function recheckDue(reportedOn: string, calendar: HolidayCalendar): string {
  return addWorkingDays(reportedOn, recheckWorkingDays, calendar);
}

export { hazardSeverities, hazardStatuses };
export type HazardStatus = (typeof hazardStatuses)[number];
export type HazardSeverity = (typeof hazardSeverities)[number];

export const hazardFlags = ['rectification_overdue', 'recheck_overdue'] as const;
export type HazardFlag = (typeof hazardFlags)[number];

/**
 * What is late on `today`: an ordered hazard past its rectification deadline without a report, or a reported one past
 * its re-check day. Closed and escalated hazards are never late.
 */
export function hazardFlag(
  hazard: { status: HazardStatus; deadline: string | null; recheckDue: string | null },
  today: string,
): HazardFlag | null {
  if (hazard.status === 'ordered' && hazard.deadline !== null && today > hazard.deadline) return 'rectification_overdue';
  if (hazard.status === 'reported' && hazard.recheckDue !== null && today > hazard.recheckDue) return 'recheck_overdue';
  return null;
}

/** The steps the loop allows: from → to. */
export const hazardTransitions: Readonly<Record<HazardStatus, readonly HazardStatus[]>> = {
  found: ['ordered'],
  ordered: ['reported', 'escalated'],
  reported: ['closed', 'ordered', 'escalated'],
  closed: [],
  escalated: [],
};
