import { addMonths } from '../../../../shared/calendar-day.ts';
import { entityComplaintCounts } from '../../complaints/index.ts';
import { creditListedEntityIds } from '../../credit/index.ts';
import { entityPenaltySummary } from '../../enforcement/index.ts';
import { failedSampleCounts } from '../../sampling/index.ts';
import type { CreditHistorySource } from './credit-classes.ts';

/** Penalised and major cases of the last 24 months, from the enforcement module. */
const caseHistory: CreditHistorySource = async (ctx, { entityIds, today }) => {
  const summary = await entityPenaltySummary(ctx, entityIds, addMonths(today, -24));
  return new Map(
    entityIds.map((id) => [
      id,
      { casesLast24Months: summary.get(id)?.penalisedCases ?? 0, majorCasesLast24Months: summary.get(id)?.majorCases ?? 0 },
    ]),
  );
};

/** Unqualified samples of the last 12 months, from the sampling module. */
const sampleHistory: CreditHistorySource = async (ctx, { entityIds, today }) => {
  const counts = await failedSampleCounts(ctx, { districtCode: ctx.actor.districtCode, since: addMonths(today, -12) });
  return new Map(entityIds.map((id) => [id, { failedSamplesLast12Months: counts.get(id) ?? 0 }]));
};

/** Accepted complaints and substantiated reports of the last 12 months, from the complaints module. */
const complaintHistory: CreditHistorySource = async (ctx, { entityIds, today }) => {
  const counts = await entityComplaintCounts(ctx, {
    districtCode: ctx.actor.districtCode,
    entityIds,
    since: addMonths(today, -12),
    today,
  });
  return new Map(entityIds.map((id) => [id, { complaintsLast12Months: counts.get(id) ?? 0 }]));
};

/**
 * On the abnormal-operation list (or marked abnormal), or on the serious-violation list, today: from the credit
 * module (the abnormal listing's points of the rule set).
 */
const listingHistory: CreditHistorySource = async (ctx, { entityIds, today }) => {
  const listed = await creditListedEntityIds(ctx, ctx.actor.districtCode, entityIds, today);
  return new Map(entityIds.map((id) => [id, { isListedAbnormal: listed.has(id) }]));
};

/** The other modules' history the monthly credit re-grade reads. */
export const otherModulesHistory: readonly CreditHistorySource[] = [caseHistory, sampleHistory, complaintHistory, listingHistory];
