import { addMonths } from '../../../../shared/calendar-day.ts';
import type { GradingRuleSet, RiskGrade } from './grading-rule-sets.ts';

/**
 * 风险分级 — the risk grade A–D (CFDA《食品生产经营风险分级管理办法（试行）》2016, kept by SAMR Order 49 Art. 21;
 * ../shared/research/anchors-china-rules.md §1.2): risk points = static factors (≤ 40) + dynamic factors (≤ 60), a higher total meaning a higher
 * risk; 0–30 A, >30–45 B, >45–60 C, >60 D (the upper bound belongs to the lower grade; cut-offs from the rule
 * set, flagged unconfirmed). The grade sets the minimum inspections a year (A ≥ 1, B 1–2, C 2–3, D 3–4 → the
 * routine interval 12/12/6/4 months) and, from Order 49 Art. 22, a full-checklist inspection at least every 2 years.
 */
export function riskGrade(staticPoints: number, dynamicPoints: number, rules: GradingRuleSet): RiskGrade {
  if (!(staticPoints >= 0 && staticPoints <= rules.riskStaticMax))
    throw new RangeError(`static risk points out of 0–${rules.riskStaticMax}`);
  if (!(dynamicPoints >= 0 && dynamicPoints <= rules.riskDynamicMax))
    throw new RangeError(`dynamic risk points out of 0–${rules.riskDynamicMax}`);
  const total = staticPoints + dynamicPoints;
  if (total <= rules.riskUpperBoundA) return 'A';
  if (total <= rules.riskUpperBoundB) return 'B';
  if (total <= rules.riskUpperBoundC) return 'C';
  return 'D';
}

/**
 * Static risk points of a catering unit by its format (业态). The 2016 rules give static tables for producers
 * and sellers, not for catering formats; these points are the bureau's LOCAL DEFAULT (section staff may change
 * them), chosen so that higher-risk formats (central kitchens, group-meal distribution, school canteens) score
 * higher — "就高不就低": a unit with several formats takes the highest.
 */
export const cateringStaticPoints: Readonly<Record<string, number>> = {
  'central-kitchen': 40,
  'group-meal-distribution': 40,
  'school-canteen': 35,
  'large-restaurant': 30,
  canteen: 25,
  'medium-restaurant': 20,
  'small-restaurant': 15,
  'small-eatery': 15,
  'beverage-shop': 10,
  'other-catering': 15,
};

export function staticRiskPoints(formats: readonly string[]): number {
  const points = formats.map((format) => cateringStaticPoints[format] ?? cateringStaticPoints['other-catering'] ?? 15);
  return points.length === 0 ? (cateringStaticPoints['other-catering'] ?? 15) : Math.max(...points);
}

/**
 * Dynamic risk points from the latest inspection — LOCAL DEFAULT (the 2016 dynamic table lists items, not a
 * mapping from the 量化分级 score): 6 points per point the score falls short of 10 (score 10.0 → 0, 5.0 → 30),
 * plus 10 per failed key item, capped at the dynamic maximum. No inspection yet → half the maximum.
 */
export function dynamicRiskPoints(latest: { scoreTenths: number | null; failedKeyItems: number } | null, rules: GradingRuleSet): number {
  if (latest === null || latest.scoreTenths === null) return Math.round(rules.riskDynamicMax / 2);
  const shortfall = Math.round(((100 - latest.scoreTenths) * 6) / 10);
  return Math.min(rules.riskDynamicMax, Math.max(0, shortfall + 10 * latest.failedKeyItems));
}

/** The day the next routine inspection falls due: the last inspection + the grade's interval; never inspected → `since` (licence date). */
export function nextInspectionDue(
  input: { lastInspectedOn: string | null; since: string; grade: RiskGrade },
  rules: GradingRuleSet,
): string {
  if (input.lastInspectedOn === null) return input.since;
  const byGrade = addMonths(input.lastInspectedOn, rules.inspectionIntervalMonths[input.grade]);
  if (rules.fullInspectionFloorMonths === null) return byGrade;
  const byFloor = addMonths(input.lastInspectedOn, rules.fullInspectionFloorMonths);
  if (byFloor < byGrade) return byFloor;
  return byGrade;
}

export type DueState = 'overdue' | 'due-soon' | 'scheduled';

/** Overdue after the due day; due soon within `soonDays` calendar days before it. */
export function dueState(dueOn: string, today: string, soonDays = 30): DueState {
  if (today > dueOn) return 'overdue';
  const soon = new Date(Date.parse(`${dueOn}T00:00:00Z`) - soonDays * 86_400_000).toISOString().slice(0, 10);
  return today >= soon ? 'due-soon' : 'scheduled';
}
