import type { lotHandlingActions, lotStatuses, rapidTestResults } from '../../../../shared/vocabularies/markets.ts';

export type LotStatus = (typeof lotStatuses)[number];
export type LotHandlingAction = (typeof lotHandlingActions)[number];
export type RapidTestResult = (typeof rapidTestResults)[number];

/** A lot's handling state: its status and whether the station has been told. */
export interface LotState {
  status: LotStatus;
  reported: boolean;
}

/**
 * 快检阳性处置 (《食用农产品市场销售质量安全监督管理办法》 Art. 26 and the market's self-testing duty): a positive
 * rapid test stops the lot at once (it may not be sold), and the station is told. A negative result releases it.
 */
export function lotAfterTest(result: RapidTestResult): LotState {
  return result === 'positive' ? { status: 'blocked', reported: false } : { status: 'released', reported: false };
}

export type HandlingOutcome =
  | { ok: true; state: LotState }
  | { ok: false; reason: 'not_blocked' | 'already_reported' | 'retest_result_missing' };

/**
 * One handling step on a lot. Destroying and re-testing act only on a blocked lot; a negative re-test releases it, a
 * positive one keeps it blocked (it must then be destroyed). Reporting to the station is allowed once, whatever the
 * status (a destroyed lot is still reported).
 */
export function handleLot(state: LotState, action: LotHandlingAction, retestResult?: RapidTestResult): HandlingOutcome {
  if (action === 'report') {
    if (state.reported) return { ok: false, reason: 'already_reported' };
    return { ok: true, state: { ...state, reported: true } };
  }
  if (state.status !== 'blocked') return { ok: false, reason: 'not_blocked' };
  if (action === 'destroy') return { ok: true, state: { ...state, status: 'destroyed' } };
  if (!retestResult) return { ok: false, reason: 'retest_result_missing' };
  return { ok: true, state: { ...state, status: retestResult === 'negative' ? 'released' : 'blocked' } };
}

/** A positive test's handling is finished when the lot is no longer blocked and the station has been told. */
export function handlingDone(result: RapidTestResult, state: LotState): boolean {
  return result === 'negative' || (state.status !== 'blocked' && state.reported);
}
