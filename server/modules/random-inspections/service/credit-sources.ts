import { entityComplaintCounts } from '../../complaints/index.ts';
import { entityPenaltySummary } from '../../enforcement/index.ts';
import { failedSampleCounts } from '../../sampling/index.ts';
import type { CreditHistorySource } from './credit-classes.ts';

function monthsBefore(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

/** Penalised and major cases of the last 24 months, from the enforcement module. */
const caseHistory: CreditHistorySource = async (ctx, { entityIds, today }) => {
  const summary = await entityPenaltySummary(ctx, entityIds, monthsBefore(today, 24));
  return new Map(
    entityIds.map((id) => [
      id,
      { casesLast24Months: summary.get(id)?.penalisedCases ?? 0, majorCasesLast24Months: summary.get(id)?.majorCases ?? 0 },
    ]),
  );
};

/** Unqualified samples of the last 12 months, from the sampling module. */
const sampleHistory: CreditHistorySource = async (ctx, { entityIds, today }) => {
  const counts = await failedSampleCounts(ctx, { districtCode: ctx.actor.districtCode, since: monthsBefore(today, 12) });
  return new Map(entityIds.map((id) => [id, { failedSamplesLast12Months: counts.get(id) ?? 0 }]));
};

/** Accepted complaints and substantiated reports of the last 12 months, from the complaints module. */
const complaintHistory: CreditHistorySource = async (ctx, { entityIds, today }) => {
  const counts = await entityComplaintCounts(ctx, {
    districtCode: ctx.actor.districtCode,
    entityIds,
    since: monthsBefore(today, 12),
    today,
  });
  return new Map(entityIds.map((id) => [id, { complaintsLast12Months: counts.get(id) ?? 0 }]));
};

/**
 * The other modules' history the monthly credit re-grade reads. The abnormal-operation list has no export
 * yet; the rule treats it as not listed until it does.
 */
export const otherModulesHistory: readonly CreditHistorySource[] = [caseHistory, sampleHistory, complaintHistory];
