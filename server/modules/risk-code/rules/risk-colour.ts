/**
 * 五色码 — the five-colour code of a catering unit. NO official colour table exists (research:
 * ../shared/research/anchors-china-rules.md found none), so the table below is the bureau's LOCAL DEFAULT,
 * documented in docs/decisions/ and changeable by section staff as versioned rows keyed by district and effective
 * date (table `rc_colour_table`). The colour is a pure function of the facts and the table in force:
 *
 * 1. base colour = cells[management category][risk level], where the risk level is the food-safety risk grade
 *    A–D (CFDA 2016 风险分级, kept by SAMR Order 49 Art. 21) or `U` when the unit has no risk grade yet;
 * 2. each adverse fact raises the colour to at least its floor (escalations) — an unknown fact (the module
 *    that owns it has not published it yet) raises nothing and is reported as unknown in the explanation;
 * 3. the result is the worst of the base and the floors (green < blue < yellow < orange < black).
 *
 * Because step 3 takes a maximum, worse facts can never give a better colour.
 */
import type { inspectionOutcomes } from '../../../../shared/inspection-result.ts';
import { riskColours, riskLevels } from '../../../../shared/vocabularies/risk-code.ts';

export { riskLevels };

export const colours = riskColours;
export type Colour = (typeof colours)[number];
export type RiskLevel = (typeof riskLevels)[number];
export type InspectionResult = (typeof inspectionOutcomes)[number];

/** Management categories of the default table (the list is data: a table version may add its own). */
export const defaultCategories = ['large_restaurant', 'small_eatery', 'canteen', 'takeaway_only', 'street_stall', 'other'] as const;

export type ColourCells = Record<string, Record<RiskLevel, Colour>>;

/** Floors raised by adverse facts. A `null` threshold switches that escalation off. */
export interface ColourEscalations {
  /** Latest inspection 不符合 → at least this colour. */
  nonCompliantInspection: Colour;
  /** Open rectification orders ≥ 1 → at least. */
  openRectification: Colour;
  /** Health-certificate compliance below this many basis points (10000 = 100%) → `certificateFloor`. */
  certificateBelowBasisPoints: number | null;
  certificateFloor: Colour;
  /** Complaints in the last 12 months ≥ this → `complaintFloor`. */
  complaintsAtLeast: number | null;
  complaintFloor: Colour;
  /** Unqualified samples in the last 12 months ≥ 1 → at least. */
  failedSample: Colour;
  /** Cases decided with a penalty (other than a warning) in the last 12 months ≥ 1 → at least. */
  penaltyCase: Colour;
  /** A major case (重大案件) with a penalty in the last 12 months → at least. */
  majorCase: Colour;
  /**
   * On the abnormal-operation list or marked abnormal (经营异常名录 / 经营异常状态) today → at least. Optional: a table
   * saved before the credit module published the lists takes the default's floor.
   */
  abnormalListing?: Colour;
  /** On the serious-violation list (严重违法失信名单) today → at least. Optional as above. */
  seriousViolation?: Colour;
}

export interface ColourTable {
  cells: ColourCells;
  escalations: ColourEscalations;
}

/** The default table (effective from 2020-01-01 unless the bureau saves its own). */
export const defaultColourTable: ColourTable = {
  cells: {
    large_restaurant: { A: 'green', B: 'blue', C: 'yellow', D: 'orange', U: 'blue' },
    small_eatery: { A: 'green', B: 'blue', C: 'yellow', D: 'orange', U: 'yellow' },
    canteen: { A: 'green', B: 'yellow', C: 'orange', D: 'black', U: 'yellow' },
    takeaway_only: { A: 'green', B: 'blue', C: 'yellow', D: 'orange', U: 'yellow' },
    street_stall: { A: 'blue', B: 'yellow', C: 'orange', D: 'black', U: 'yellow' },
    other: { A: 'green', B: 'blue', C: 'yellow', D: 'orange', U: 'yellow' },
  },
  escalations: {
    nonCompliantInspection: 'orange',
    openRectification: 'yellow',
    certificateBelowBasisPoints: 10_000,
    certificateFloor: 'yellow',
    complaintsAtLeast: 3,
    complaintFloor: 'yellow',
    failedSample: 'orange',
    penaltyCase: 'orange',
    majorCase: 'black',
    // Local default: an abnormal listing is a warning (yellow); the serious-violation list is the black list.
    abnormalListing: 'yellow',
    seriousViolation: 'black',
  },
};

/**
 * What the colour depends on. `null` means "known to be none" only where the field says so; `undefined`
 * (absent) always means UNKNOWN — the owning module does not publish the fact yet.
 */
export interface ColourFacts {
  managementCategory: string | null;
  /** 动态等级 of the latest inspection (excellent 笑脸 / good / fair); null = below fair. */
  dynamicGrade?: 'excellent' | 'good' | 'fair' | null;
  /** 年度等级 A/B/C; null = not graded this year. */
  annualGrade?: 'A' | 'B' | 'C' | null;
  /** 风险等级 A–D; null = not graded yet. */
  riskGrade?: 'A' | 'B' | 'C' | 'D' | null;
  /** Latest routine inspection; null = never inspected. */
  latestInspection?: { on: string; result: InspectionResult } | null;
  openRectifications?: number;
  /** Valid health certificates among employed handlers, in basis points; null = no handlers on record. */
  certificateComplianceBasisPoints?: number | null;
  complaints12m?: number;
  failedSamples12m?: number;
  penaltyCases12m?: number;
  majorCases12m?: number;
  /** On the abnormal-operation list (or marked abnormal) today: the credit module. */
  isAbnormalListed?: boolean;
  /** On the serious-violation list today: the credit module. */
  isSeriousListed?: boolean;
}

export type ReasonCode =
  | 'base'
  | 'not-inspected'
  | 'non-compliant-inspection'
  | 'open-rectification'
  | 'certificate-compliance'
  | 'complaints'
  | 'failed-sample'
  | 'penalty-case'
  | 'major-case'
  | 'abnormal-listing'
  | 'serious-violation';

export interface ColourReason {
  code: ReasonCode;
  /** The colour this reason asks for (base colour or floor). */
  colour: Colour;
  /** Whether this reason decided the final colour (it is the worst). */
  decisive: boolean;
  detail: Record<string, string | number>;
}

export interface ColourDecision {
  colour: Colour;
  riskLevel: RiskLevel;
  category: string;
  reasons: ColourReason[];
  /** Facts the colour could not use because their module does not publish them yet. */
  unknown: string[];
}

export const colourRank = (colour: Colour): number => colours.indexOf(colour);
export const worse = (a: Colour, b: Colour): Colour => (colourRank(a) >= colourRank(b) ? a : b);

/** The category row used: the unit's own, or `other` when its category is not in the table. */
export function categoryRow(table: ColourTable, category: string | null): string {
  // Own keys only: a category named like an Object property ('constructor') is not a row of the table.
  if (category && Object.hasOwn(table.cells, category)) return category;
  if (table.cells.other) return 'other';
  const first = Object.keys(table.cells)[0];
  if (!first) throw new RangeError('colour table has no rows');
  return first;
}

export function decideColour(facts: ColourFacts, table: ColourTable): ColourDecision {
  const unknown: string[] = [];
  const category = categoryRow(table, facts.managementCategory);
  const riskLevel: RiskLevel = facts.riskGrade === undefined || facts.riskGrade === null ? 'U' : facts.riskGrade;
  if (facts.riskGrade === undefined) unknown.push('riskGrade');
  const row = table.cells[category] as Record<RiskLevel, Colour>;
  const reasons: Omit<ColourReason, 'decisive'>[] = [{ code: 'base', colour: row[riskLevel], detail: { category, riskLevel } }];
  const e = table.escalations;
  if (facts.latestInspection === undefined) unknown.push('latestInspection');
  else if (facts.latestInspection === null) reasons.push({ code: 'not-inspected', colour: row.U, detail: {} });
  else if (facts.latestInspection.result === 'non-compliant')
    reasons.push({ code: 'non-compliant-inspection', colour: e.nonCompliantInspection, detail: { on: facts.latestInspection.on } });
  if (facts.openRectifications === undefined) unknown.push('openRectifications');
  else if (facts.openRectifications > 0)
    reasons.push({ code: 'open-rectification', colour: e.openRectification, detail: { count: facts.openRectifications } });
  if (facts.certificateComplianceBasisPoints === undefined) unknown.push('certificateCompliance');
  else if (
    facts.certificateComplianceBasisPoints !== null &&
    e.certificateBelowBasisPoints !== null &&
    facts.certificateComplianceBasisPoints < e.certificateBelowBasisPoints
  )
    reasons.push({
      code: 'certificate-compliance',
      colour: e.certificateFloor,
      detail: { basisPoints: facts.certificateComplianceBasisPoints, threshold: e.certificateBelowBasisPoints },
    });
  if (facts.complaints12m === undefined) unknown.push('complaints12m');
  else if (e.complaintsAtLeast !== null && facts.complaints12m >= e.complaintsAtLeast)
    reasons.push({ code: 'complaints', colour: e.complaintFloor, detail: { count: facts.complaints12m, threshold: e.complaintsAtLeast } });
  if (facts.failedSamples12m === undefined) unknown.push('failedSamples12m');
  else if (facts.failedSamples12m > 0)
    reasons.push({ code: 'failed-sample', colour: e.failedSample, detail: { count: facts.failedSamples12m } });
  if (facts.penaltyCases12m === undefined) unknown.push('penaltyCases12m');
  else {
    if (facts.penaltyCases12m > 0) reasons.push({ code: 'penalty-case', colour: e.penaltyCase, detail: { count: facts.penaltyCases12m } });
    if ((facts.majorCases12m ?? 0) > 0)
      reasons.push({ code: 'major-case', colour: e.majorCase, detail: { count: facts.majorCases12m ?? 0 } });
  }
  if (facts.isAbnormalListed === undefined || facts.isSeriousListed === undefined) unknown.push('creditLists');
  if (facts.isAbnormalListed)
    reasons.push({
      code: 'abnormal-listing',
      colour: e.abnormalListing ?? (defaultColourTable.escalations.abnormalListing as Colour),
      detail: {},
    });
  if (facts.isSeriousListed)
    reasons.push({
      code: 'serious-violation',
      colour: e.seriousViolation ?? (defaultColourTable.escalations.seriousViolation as Colour),
      detail: {},
    });
  const colour = reasons.reduce<Colour>((worst, reason) => worse(worst, reason.colour), 'green');
  return {
    colour,
    riskLevel,
    category,
    reasons: reasons.map((reason) => ({ ...reason, decisive: reason.colour === colour })),
    unknown,
  };
}

/**
 * What would change the colour: for each adverse reason in force, the colour without it; and the best colour
 * the unit's category can reach (its risk level A with no adverse facts).
 */
export function whatWouldChange(
  facts: ColourFacts,
  table: ColourTable,
): { bestReachable: Colour; withoutReason: { code: ReasonCode; colour: Colour }[] } {
  const decision = decideColour(facts, table);
  const withoutReason = decision.reasons
    .filter((reason) => reason.code !== 'base' && reason.decisive)
    .map((reason) => {
      const rest = decision.reasons.filter((other) => other !== reason);
      return { code: reason.code, colour: rest.reduce<Colour>((worst, other) => worse(worst, other.colour), 'green') };
    });
  const row = table.cells[decision.category] as Record<RiskLevel, Colour>;
  return { bestReachable: row.A, withoutReason };
}

/** True when every category row of a table has a valid colour for every risk level (API validation). */
export function isCompleteTable(cells: ColourCells): boolean {
  const rows = Object.values(cells);
  return rows.length > 0 && rows.every((row) => riskLevels.every((level) => colours.includes(row[level])));
}

/** The version in force on `day`: the latest effective date ≤ day, newest row first on the same date. */
export function tableInForce<T extends { effectiveFrom: string; id: number }>(versions: readonly T[], day: string): T | undefined {
  return versions
    .filter((version) => version.effectiveFrom <= day)
    .sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? b.id - a.id : a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
}
