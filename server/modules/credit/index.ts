/**
 * Credit supervision 信用监管: annual reports, the abnormal-operation list, the serious-violation list, credit repair
 * and the public credit record. The module's only door: other modules read an entity's list status through these
 * functions, never through the tables.
 */
import type { ServiceContext } from '../../platform/http/context.ts';
import { abnormalListedEntityIds } from './service/abnormal-listings.ts';
import { listChangedEntityIds, seriousListedEntityIds } from './service/serious-violations.ts';

/** The figures this module gives the registry (dashboards, annual report): server/platform/figures. */
export { creditFigures } from './credit.figures.ts';
export { creditJobs } from './credit.jobs.ts';
export { creditRoutes } from './credit.routes.ts';
export { seedCreditDemo } from './demo/demo-seed.ts';

/**
 * Of the given entities of one district, those on the abnormal-operation list (or marked abnormal) or on the
 * serious-violation list on `today`: the credit-risk classes of the random inspections, risk grades.
 */
export async function creditListedEntityIds(
  ctx: ServiceContext,
  districtCode: string,
  entityIds: readonly number[],
  today: string,
): Promise<Set<number>> {
  const abnormal = await abnormalListedEntityIds(ctx, districtCode, entityIds, today);
  const serious = await seriousListedEntityIds(ctx, districtCode, entityIds, today);
  return new Set([...abnormal, ...serious]);
}

/**
 * Of the given entities of one district, which are on the abnormal-operation list (or marked abnormal) and which on
 * the serious-violation list on `today` (a past day: as the lists stood then), separately: the five-colour code floors
 * each differently.
 */
export async function creditListStatus(
  ctx: ServiceContext,
  districtCode: string,
  entityIds: readonly number[],
  today: string,
): Promise<{ abnormal: Set<number>; serious: Set<number> }> {
  return {
    abnormal: await abnormalListedEntityIds(ctx, districtCode, entityIds, today),
    serious: await seriousListedEntityIds(ctx, districtCode, entityIds, today),
  };
}

/**
 * Entities of one district whose listing changed (listed, removed, moved to the serious list, term ended) at or after
 * `since`: the random-inspection credit class re-grades them without waiting for its monthly run.
 */
export function creditListChangedEntityIds(ctx: ServiceContext, districtCode: string, since: Date): Promise<number[]> {
  return listChangedEntityIds(ctx, districtCode, since);
}
