import { addMonths } from '../../../../shared/calendar-day.ts';
import type { confidenceUnitStatuses } from '../../../../shared/vocabularies/markets.ts';

export type UnitStatus = (typeof confidenceUnitStatuses)[number];
export type UnitStep = 'approve' | 'reject' | 'remove';

/**
 * 放心消费单位: an application waits for the station's review; approved it is listed, refused it is closed; a listed
 * unit may be removed (after a yearly review, or when complaints or cases cross the thresholds). A removed or refused
 * unit applies again as a new application.
 */
export function stepAllowed(status: UnitStatus, step: UnitStep): boolean {
  if (step === 'approve' || step === 'reject') return status === 'applied';
  return status === 'listed';
}

export function statusAfter(step: UnitStep): UnitStatus {
  return step === 'approve' ? 'listed' : step === 'reject' ? 'rejected' : 'removed';
}

/** The yearly review is due a year after listing or after the last review. */
export function reviewDueOn(listedOn: string, lastReviewOn: string | null): string {
  return addMonths(lastReviewOn ?? listedOn, 12);
}

export interface RemovalThresholds {
  maxComplaints: number;
  maxCases: number;
}

export const defaultRemovalThresholds: RemovalThresholds = { maxComplaints: 3, maxCases: 1 };

/** A unit whose complaints or cases of the last 12 months are more than the thresholds allow is removed. */
export function crossesThreshold(counts: { complaints: number; cases: number }, thresholds: RemovalThresholds): boolean {
  return counts.complaints > thresholds.maxComplaints || counts.cases > thresholds.maxCases;
}
