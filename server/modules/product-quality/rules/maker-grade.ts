import { addDays, addMonths } from '../../../../shared/calendar-day.ts';
import type { LicenceState, MakerGrade } from '../../../../shared/vocabularies/product-quality.ts';

/**
 * 涉安类产品分类分级监管: risk grade of a safety-related product maker and the inspection interval of its grade.
 *
 * Sources: the district's 2021 plan asks for "按风险等级、质量水平等指标实施分级、分类监管" of hazardous chemicals, food-related
 * products and children's and student goods (seed, line 26); SAMR's 国市监信发〔2022〕6号 sorts enterprises into credit-risk
 * classes A–D and sets inspection proportion and frequency by class. No national table of points for safety-product makers
 * was found (docs/decisions/0034): the points, thresholds and intervals below are a BUREAU SETTING, data a section may
 * change, not law.
 */
export interface MakerFacts {
  /** Unqualified final sampling results of the last 12 months (sampling module). */
  failedSamples12m: number;
  /** Penalty decisions of the last 12 months (enforcement module). */
  penalties12m: number;
  /** Accepted complaints and substantiated reports of the last 12 months (complaints module). */
  complaints12m: number;
  licence: LicenceState;
}

export interface MakerGradeSetting {
  /** Marks the setting as the bureau's own (no national rule), shown beside every grade. */
  source: 'bureau_setting';
  points: {
    perFailedSample: number;
    failedSamplesCap: number;
    perPenalty: number;
    penaltiesCap: number;
    perComplaint: number;
    complaintsCap: number;
    licence: Record<LicenceState, number>;
  };
  /** Lowest points of grades B, C and D (below B's is A). */
  thresholds: { B: number; C: number; D: number };
  /** Months between routine inspections for each grade. */
  inspectionIntervalMonths: Record<MakerGrade, number>;
}

export const bureauMakerGradeSetting: MakerGradeSetting = {
  source: 'bureau_setting',
  points: {
    perFailedSample: 30,
    failedSamplesCap: 60,
    perPenalty: 25,
    penaltiesCap: 50,
    perComplaint: 5,
    complaintsCap: 20,
    licence: { not_required: 0, valid: 0, expiring: 10, expired: 40, missing: 60 },
  },
  thresholds: { B: 10, C: 30, D: 60 },
  inspectionIntervalMonths: { A: 24, B: 12, C: 6, D: 3 },
};

export type GradeReason = 'failed_samples' | 'penalties' | 'complaints' | 'licence';

export interface MakerGradeResult {
  grade: MakerGrade;
  points: number;
  /** Points by cause, only the causes that gave some. */
  reasons: { reason: GradeReason; points: number }[];
  inspectionIntervalMonths: number;
}

export function gradeMaker(facts: MakerFacts, setting: MakerGradeSetting = bureauMakerGradeSetting): MakerGradeResult {
  const { points: p } = setting;
  const reasons: MakerGradeResult['reasons'] = [];
  const add = (reason: GradeReason, value: number) => {
    if (value > 0) reasons.push({ reason, points: value });
  };
  add('failed_samples', Math.min(Math.max(0, facts.failedSamples12m) * p.perFailedSample, p.failedSamplesCap));
  add('penalties', Math.min(Math.max(0, facts.penalties12m) * p.perPenalty, p.penaltiesCap));
  add('complaints', Math.min(Math.max(0, facts.complaints12m) * p.perComplaint, p.complaintsCap));
  add('licence', p.licence[facts.licence]);
  const points = reasons.reduce((sum, reason) => sum + reason.points, 0);
  const grade: MakerGrade =
    points >= setting.thresholds.D ? 'D' : points >= setting.thresholds.C ? 'C' : points >= setting.thresholds.B ? 'B' : 'A';
  return { grade, points, reasons, inspectionIntervalMonths: setting.inspectionIntervalMonths[grade] };
}

/** The licence as grading sees it on `today`: expiring within 90 days counts as expiring. */
export function licenceState(
  licence: { isRequired: boolean; number: string | null; validUntil: string | null },
  today: string,
  expiringDays = 90,
): LicenceState {
  if (!licence.isRequired) return 'not_required';
  if (!licence.number || !licence.validUntil) return 'missing';
  if (licence.validUntil < today) return 'expired';
  return licence.validUntil <= addDays(today, expiringDays) ? 'expiring' : 'valid';
}

/** The next routine inspection: `months` after the last one (the same day of the month, clamped), or today when never inspected. */
export function nextInspectionDue(lastInspectedOn: string | null, months: number, today: string): string {
  return lastInspectedOn ? addMonths(lastInspectedOn, months) : today;
}
