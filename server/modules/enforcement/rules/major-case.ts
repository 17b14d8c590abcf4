/**
 * Major cases 大要案. No national definition was found (../shared/research/anchors-china-rules.md §3, §12): the criteria are the bureau's
 * setting, kept as rows by effective date (table major_case_criteria) and shown in the UI as such. Until the
 * bureau enters its own, the local default below applies: fines and confiscations of at least 50,000 yuan,
 * or a transfer to the police, or a revoked licence.
 */
import type { PenaltyKind } from './penalty-publication.ts';

export interface MajorCaseCriteria {
  effectiveFrom: string;
  amountThresholdFen: bigint;
  policeTransferIsMajor: boolean;
  licenceRevocationIsMajor: boolean;
  /** True for the built-in default, false for a row the bureau entered. */
  isDefault: boolean;
}

export const defaultMajorCaseCriteria: MajorCaseCriteria = {
  effectiveFrom: '2000-01-01',
  amountThresholdFen: 5_000_000n,
  policeTransferIsMajor: true,
  licenceRevocationIsMajor: true,
  isDefault: true,
};

export const majorReasons = ['amount', 'police_transfer', 'licence_revocation'] as const;
export type MajorReason = (typeof majorReasons)[number];

/** The criteria in force on a day: the latest row effective on or before it, else the default. */
export function criteriaInForce(rows: readonly MajorCaseCriteria[], on: string): MajorCaseCriteria {
  const applicable = rows
    .filter((row) => row.effectiveFrom <= on)
    .sort((left, right) => (left.effectiveFrom < right.effectiveFrom ? 1 : -1));
  return applicable[0] ?? defaultMajorCaseCriteria;
}

export function majorCaseReasons(
  criteria: MajorCaseCriteria,
  facts: { penalties: readonly { kind: PenaltyKind; amountFen: bigint }[]; isPoliceTransferred: boolean },
): MajorReason[] {
  const reasons: MajorReason[] = [];
  const total = facts.penalties.reduce((sum, penalty) => sum + penalty.amountFen, 0n);
  if (total >= criteria.amountThresholdFen) reasons.push('amount');
  if (criteria.policeTransferIsMajor && facts.isPoliceTransferred) reasons.push('police_transfer');
  if (criteria.licenceRevocationIsMajor && facts.penalties.some((penalty) => penalty.kind === 'licence_revocation')) {
    reasons.push('licence_revocation');
  }
  return reasons;
}
