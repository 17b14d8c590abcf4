import type { ItemVerdict, Verdict } from '../../../../shared/vocabularies/sampling.ts';

/**
 * 检验结论 from per-item results (GB 2763/2762 style limits, judged item by item): a sample is
 * unqualified when any test item fails. Every planned test item must have exactly one result, and no
 * result may name an item that was not planned.
 */
export interface ItemResult {
  itemName: string;
  verdict: ItemVerdict;
}

export type ConclusionCheck = { ok: true; conclusion: Verdict } | { ok: false; missing: string[]; unplanned: number[]; repeated: number[] };

export function conclusionOf(testItems: readonly string[], results: readonly ItemResult[]): ConclusionCheck {
  const planned = new Set(testItems);
  const seen = new Set<string>();
  const unplanned: number[] = [];
  const repeated: number[] = [];
  results.forEach((result, index) => {
    if (!planned.has(result.itemName)) unplanned.push(index);
    else if (seen.has(result.itemName)) repeated.push(index);
    seen.add(result.itemName);
  });
  const missing = testItems.filter((item) => !seen.has(item));
  if (missing.length || unplanned.length || repeated.length) return { ok: false, missing, unplanned, repeated };
  return { ok: true, conclusion: results.some((result) => result.verdict === 'fail') ? 'unqualified' : 'qualified' };
}
