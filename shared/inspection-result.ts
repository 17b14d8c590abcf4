/**
 * 监督检查结果 — the result of one food inspection (符合 / 基本符合 / 不符合) and what must follow it, judged
 * from the checklist items, separately from the dynamic score (量化分级) — a shop can score 9.2 and still fail.
 *
 * Sources:
 * - SAMR Order 49《食品生产经营监督检查管理办法》(2021-12-24, in force 2022-03-15; text in LawRefBook/Laws,
 *   部门规章/市场监督管理总局/食品生产经营监督检查管理办法(2021-12-24).md):
 *   Art. 13 — the check-point tables split items into 一般项目 (general) and 重点项目 (key);
 *   Art. 31 — the inspectors judge the whole and set the result;
 *   Art. 32 — a key item not met that affects food safety → investigation (依法进行调查处理);
 *   Art. 33 — a general item not met, minor and not affecting food safety → rectification ordered on the spot:
 *             recorded when done on the spot, otherwise written requirements with a deadline, followed up.
 * - 市场监管总局办公厅《关于印发食品生产经营监督检查有关表格的通知》(2022-03, with Order 49): 表1-1…1-3 检查要点表
 *   (key items marked *), 表2-1/2-2 结果记录表 whose result is one of 符合 / 基本符合 / 不符合 (published e.g. at
 *   cnfoodsafety.com/2022/0325/64727.html).
 *
 * The rule: no item found wanting → 符合; only general items found wanting → 基本符合, rectification (Art. 33);
 * any key item found wanting → 不符合, investigation (Art. 32) and rectification with a written deadline.
 * An item "found wanting" is one answered 不符合 or 部分符合 (a partial answer is a problem found, not a pass);
 * 合理缺项 does not count. The 2016 CFDA tables' count thresholds for general items (a number of general items
 * still 基本符合) were not found in a retrievable source and are not applied.
 */
export type ItemResult = 'pass' | 'partial' | 'fail' | 'na';

export const inspectionOutcomes = ['compliant', 'basically-compliant', 'non-compliant'] as const;
export type InspectionOutcome = (typeof inspectionOutcomes)[number];

export interface InspectionResult {
  outcome: InspectionOutcome;
  /** Key items answered 不符合 or 部分符合. */
  keyItemsWanting: number;
  /** General items answered 不符合 or 部分符合. */
  generalItemsWanting: number;
  /** Art. 33: a rectification (on the spot, or written with a deadline) is required. */
  needsRectification: boolean;
  /** Art. 32: a key item was not met — the case is investigated (调查处理). */
  needsInvestigation: boolean;
}

export function inspectionResult(answers: readonly { result: ItemResult; isKey: boolean }[]): InspectionResult {
  let keyItemsWanting = 0;
  let generalItemsWanting = 0;
  for (const answer of answers) {
    if (answer.result !== 'fail' && answer.result !== 'partial') continue;
    if (answer.isKey) keyItemsWanting += 1;
    else generalItemsWanting += 1;
  }
  const outcome: InspectionOutcome = keyItemsWanting > 0 ? 'non-compliant' : generalItemsWanting > 0 ? 'basically-compliant' : 'compliant';
  return {
    outcome,
    keyItemsWanting,
    generalItemsWanting,
    needsRectification: outcome !== 'compliant',
    needsInvestigation: keyItemsWanting > 0,
  };
}
