import type { ChecklistItem } from './market-settings.ts';

/** A result the inspector gives one item of the check-list. */
export interface ChecklistAnswer {
  code: string;
  passed: boolean;
}

export type ChecklistProblem = { field: string; problem: 'unknown_item' | 'duplicate_item' | 'missing_item'; code: string };

/**
 * What is wrong with a visit's answers against the check-list in force (all problems at once): an item not on the
 * list, an item answered twice, an item of the list not answered. Field names point into the body (`results[2].code`,
 * or `results` for an item left out).
 */
export function checkAnswers(items: readonly ChecklistItem[], answers: readonly ChecklistAnswer[]): ChecklistProblem[] {
  const known = new Set(items.map((item) => item.code));
  const seen = new Set<string>();
  const problems: ChecklistProblem[] = [];
  answers.forEach((answer, index) => {
    if (!known.has(answer.code)) problems.push({ field: `results[${index}].code`, problem: 'unknown_item', code: answer.code });
    else if (seen.has(answer.code)) problems.push({ field: `results[${index}].code`, problem: 'duplicate_item', code: answer.code });
    seen.add(answer.code);
  });
  for (const item of items) if (!seen.has(item.code)) problems.push({ field: 'results', problem: 'missing_item', code: item.code });
  return problems;
}

/** The share of items passed, in whole percent (rounded half up); null for an empty list. */
export function passPercent(passed: number, total: number): number | null {
  return total === 0 ? null : Math.round((passed * 100) / total);
}
