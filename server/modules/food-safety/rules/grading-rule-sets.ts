import { annualGrades, dynamicGrades, riskGrades } from '../../../../shared/vocabularies/food-safety.ts';

/**
 * The food-safety grading and risk-grading rules in force, as data keyed by jurisdiction and effective date
 * (rules change by law, so they are versioned data, never code branches). A district is governed by the most specific jurisdiction whose code prefixes its own
 * (district 330212 → city 3302 → province 33 → national ''), among the sets in force on the relevant day.
 *
 * Sources (../shared/research/anchors-china-rules.md §1):
 * - 量化分级: 国家食药监局《关于实施餐饮服务食品安全监督量化分级管理工作的指导意见》(2012): dynamic score = item
 *   total ÷ items inspected (合理缺项 left out); ≥ 9.0 优秀, 7.5–8.9 良好, 6.0–7.4 一般; < 6.0 or ≥ 2 key items
 *   failing → no grade; annual grade A/B/C = mean of the past 12 months' dynamic scores with the same cut-offs;
 *   no dynamic grade for 3 months after a new licence and for 6 months after a food-safety incident.
 * - 风险分级: CFDA《食品生产经营风险分级管理办法（试行）》(2016): 100 points = static 40 + dynamic 60, higher =
 *   riskier; grades A–D; at least A 1, B 1–2, C 2–3, D 3–4 inspections a year. The cut-offs 30/45/60 were NOT
 *   found in a source (recollection) — isConfirmed: false.
 * - SAMR Order 49 (2022-03-15) Art. 21–22: risk grades A–D kept; every business gets a full-checklist inspection
 *   at least every 2 years.
 * - Anhui 2024 variant (jurisdiction 34): A one full inspection every 2 years; B ≥ 1, C ≥ 2, D ≥ 3 a year.
 */

export { annualGrades, dynamicGrades, riskGrades };
/** 优秀 (大笑) / 良好 (微笑) / 一般 (平脸). */
export type DynamicGrade = (typeof dynamicGrades)[number];
export type AnnualGrade = (typeof annualGrades)[number];
/** Risk grade, A lowest risk … D highest. */
export type RiskGrade = (typeof riskGrades)[number];

export interface GradingRuleSet {
  id: string;
  /** '' = national; otherwise a prefix of the 6-digit division code (2 = province, 4 = city, 6 = district). */
  jurisdiction: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  citation: string;
  /** Dynamic-score cut-offs in tenths of a point (90 = 9.0), compared on the score rounded to one decimal. */
  excellentFromTenths: number;
  goodFromTenths: number;
  fairFromTenths: number;
  /** This many failed key items (重点项目/关键项) or more → no dynamic grade. */
  ungradedFailedKeyItems: number;
  annualWindowMonths: number;
  newLicenceBlackoutMonths: number;
  incidentBlackoutMonths: number;
  /** Risk points: static max, dynamic max; grade = first cut-off the total does not exceed (upper bound inclusive). */
  riskStaticMax: number;
  riskDynamicMax: number;
  riskUpperBoundA: number;
  riskUpperBoundB: number;
  riskUpperBoundC: number;
  /** Months between routine inspections for each risk grade (from the minimum inspections a year). */
  inspectionIntervalMonths: Record<RiskGrade, number>;
  minInspectionsPerYear: Record<RiskGrade, number>;
  /** Longest gap between full-checklist inspections, whatever the grade (Order 49 Art. 22); null before it. */
  fullInspectionFloorMonths: number | null;
  isConfirmed: boolean;
  note: string;
}

const national2012: Omit<GradingRuleSet, 'id' | 'effectiveFrom' | 'effectiveTo' | 'citation' | 'fullInspectionFloorMonths' | 'note'> = {
  jurisdiction: '',
  excellentFromTenths: 90,
  goodFromTenths: 75,
  fairFromTenths: 60,
  ungradedFailedKeyItems: 2,
  annualWindowMonths: 12,
  newLicenceBlackoutMonths: 3,
  incidentBlackoutMonths: 6,
  riskStaticMax: 40,
  riskDynamicMax: 60,
  riskUpperBoundA: 30,
  riskUpperBoundB: 45,
  riskUpperBoundC: 60,
  inspectionIntervalMonths: { A: 12, B: 12, C: 6, D: 4 },
  minInspectionsPerYear: { A: 1, B: 1, C: 2, D: 3 },
  isConfirmed: false,
};

export const gradingRuleSets: readonly GradingRuleSet[] = [
  {
    ...national2012,
    id: 'cn-2016',
    effectiveFrom: '2016-12-01',
    effectiveTo: '2022-03-14',
    citation:
      '国家食药监局《关于实施餐饮服务食品安全监督量化分级管理工作的指导意见》(2012)；国家食药监总局《食品生产经营风险分级管理办法（试行）》(2016)第六、十四条',
    fullInspectionFloorMonths: null,
    note: '风险分值分档 30/45/60 未从原文核实 / risk cut-offs 30/45/60 not verified against the 2016 text',
  },
  {
    ...national2012,
    id: 'cn-2022-order-49',
    effectiveFrom: '2022-03-15',
    effectiveTo: null,
    citation: '量化分级指导意见(2012)；风险分级管理办法（试行）(2016)；《食品生产经营监督检查管理办法》（市场监管总局令第49号）第21、22条',
    fullInspectionFloorMonths: 24,
    note: '风险分值分档 30/45/60 未从原文核实 / risk cut-offs 30/45/60 not verified against the text',
  },
  {
    ...national2012,
    id: 'ah-2024',
    jurisdiction: '34',
    effectiveFrom: '2024-01-01',
    effectiveTo: null,
    citation: '安徽省食品生产经营风险分级管理（2024）：A级每两年至少一次全项目检查，B级每年≥1次，C级≥2次，D级≥3次',
    inspectionIntervalMonths: { A: 24, B: 12, C: 6, D: 4 },
    minInspectionsPerYear: { A: 0.5, B: 1, C: 2, D: 3 },
    fullInspectionFloorMonths: 24,
    note: '安徽口径（食品安全100分+信用20分）的分值分档未收录，沿用国家分档 / Anhui point cut-offs not captured; national cut-offs kept',
  },
];

/**
 * The rule set governing `districtCode` on `day`: among the sets in force that day whose jurisdiction prefixes
 * the district code, the most specific one. Days before the first set fall back to the earliest national set.
 */
export function gradingRulesFor(districtCode: string, day: string, sets: readonly GradingRuleSet[] = gradingRuleSets): GradingRuleSet {
  const candidates = sets
    .filter((set) => districtCode.startsWith(set.jurisdiction))
    .filter((set) => set.effectiveFrom <= day && (set.effectiveTo === null || day <= set.effectiveTo))
    .sort((a, b) => b.jurisdiction.length - a.jurisdiction.length || (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  const chosen = candidates[0];
  if (chosen) return chosen;
  const earliest = sets.filter((set) => set.jurisdiction === '').sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0];
  if (!earliest) throw new Error('no national grading rule set');
  return earliest;
}
