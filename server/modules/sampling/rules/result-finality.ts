import type { Verdict } from '../../../../shared/vocabularies/sampling.ts';

/**
 * When a sampling result stands and may be published (食品安全法 Art. 88; SAMR Order 15): a qualified
 * result is final once notified; an unqualified one once the 7-working-day re-test window has passed with
 * no request, or once the re-test (whose conclusion is final) has been notified.
 */
export interface FinalityInput {
  isNotified: boolean;
  finalVerdict: Verdict | null;
  retestDue: string | null;
  retestRequestedOn: string | null;
  isRetestNotified: boolean;
  objectionFiledAt: Date | null;
}

export function isResultFinal(input: FinalityInput, today: string): boolean {
  if (!input.isNotified || input.finalVerdict === null) return false;
  if (input.retestRequestedOn !== null || input.objectionFiledAt !== null) return input.isRetestNotified;
  if (input.finalVerdict === 'qualified') return true;
  return input.retestDue === null || today > input.retestDue;
}
