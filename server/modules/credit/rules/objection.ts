import { addCalendarDays, addWorkingDays, type HolidayCalendar } from '../../../platform/calendar/working-days.ts';

/**
 * 异议: an entity contests its listing.
 *
 * - Abnormal-operation list, 《企业经营异常名录管理暂行办法》第十六条: within 30 days of the listing's publication the
 *   enterprise applies in writing with its evidence; the bureau decides within 5 working days whether to accept it,
 *   and verifies an accepted objection within 20 working days, telling the applicant the result in writing; 第十七条:
 *   a listing found wrong is corrected (revoked) within 5 working days of the finding — here, on the day of the
 *   decision.
 * - Serious-violation list: 国务院办公厅《关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》(国办发〔2020〕49号)
 *   第（八）项 — an objection is verified and answered "within the set period"; no period is named, so the same 5 + 20
 *   working days apply as the bureau's local default, and no filing window is set.
 */
export interface ObjectionRules {
  /** Calendar days after the listing's publication within which an objection may be filed; null = no limit. */
  filingWindowDays: number | null;
  acceptWorkingDays: number;
  verifyWorkingDays: number;
  citation: string;
}

export const objectionRules: Record<'abnormal_listing' | 'serious_violation', ObjectionRules> = {
  abnormal_listing: {
    filingWindowDays: 30,
    acceptWorkingDays: 5,
    verifyWorkingDays: 20,
    citation: '《企业经营异常名录管理暂行办法》第十六条、第十七条',
  },
  serious_violation: {
    filingWindowDays: null,
    acceptWorkingDays: 5,
    verifyWorkingDays: 20,
    citation: '国办发〔2020〕49号第（八）项；受理5个工作日、核实20个工作日为本局默认',
  },
};

/** The last day an objection may be filed against a listing published on `publishedOn` (the day of its decision). */
export function objectionUntil(target: keyof typeof objectionRules, publishedOn: string): string | null {
  const days = objectionRules[target].filingWindowDays;
  return days === null ? null : addCalendarDays(publishedOn, days);
}

/** The day acceptance is due (5 working days after filing, the filing day not counted). */
export function acceptanceDue(target: keyof typeof objectionRules, filedOn: string, calendar: HolidayCalendar): string {
  return addWorkingDays(filedOn, objectionRules[target].acceptWorkingDays, calendar);
}

/** The day verification is due (20 working days after acceptance). */
export function verificationDue(target: keyof typeof objectionRules, acceptedOn: string, calendar: HolidayCalendar): string {
  return addWorkingDays(acceptedOn, objectionRules[target].verifyWorkingDays, calendar);
}

/** The step due now and whether it is late: acceptance while submitted, verification while accepted, none after. */
export function objectionDue(
  objection: { status: string; acceptanceDue: string; verificationDue: string | null },
  today: string,
): { dueOn: string | null; isOverdue: boolean } {
  const dueOn =
    objection.status === 'submitted' ? objection.acceptanceDue : objection.status === 'accepted' ? objection.verificationDue : null;
  return { dueOn, isOverdue: dueOn !== null && today > dueOn };
}
