import { and, desc, eq } from 'drizzle-orm';
import { addMonths, todayInChina } from '../../../../shared/calendar-day.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { type PublishedPenalty, publishedPenaltiesOf } from '../../enforcement/index.ts';
import { entityPublicProfiles } from '../../registry/index.ts';
import { creditAbnormalListing, creditAnnualReport, creditSeriousViolation } from '../credit.tables.ts';
import { abnormalReasonTexts, legalBasisOf } from '../rules/abnormal-listing.ts';
import { filingState } from '../rules/annual-report-rules.ts';

/**
 * What the public credit record shows of one entity, no personal data:
 * - its annual reports of the last three report years (filed, and when);
 * - its current abnormal listings or marking with reason, decision and legal basis, and its current serious-violation
 *   listing with its term. A removed or repaired listing stops being published on its removal day
 *   (《市场监督管理信用修复管理办法》国市监信规〔2021〕3号: after repair the record is no longer published);
 * - penalties published by the enforcement module (SAMR Order 45: within 20 working days of the decision, shown for
 *   3 years from publication).
 */
export interface PublicCreditRecord {
  name: string;
  creditCode: string;
  status: string;
  address: string;
  reports: { reportYear: number; filedOn: string | null; state: string }[];
  abnormal: {
    measure: 'listing' | 'marking';
    reason: { 'zh-CN': string; en: string };
    legalBasis: string;
    decidedOn: string;
    decisionNumber: string;
  }[];
  serious: { listedOn: string; termEndsOn: string; decisionNumber: string }[];
  penalties: PublishedPenalty[];
}

/** The record of the entity with this credit code in the district, or null when the bureau holds none. */
export async function publicCreditRecord(
  ctx: ServiceContext,
  districtCode: string,
  creditCode: string,
): Promise<PublicCreditRecord | null> {
  const today = todayInChina(ctx.clock.now());
  const reports = await ctx.db
    .select()
    .from(creditAnnualReport)
    .where(and(eq(creditAnnualReport.districtCode, districtCode), eq(creditAnnualReport.creditCode, creditCode)))
    .orderBy(desc(creditAnnualReport.reportYear))
    .limit(3);
  const listings = await ctx.db
    .select()
    .from(creditAbnormalListing)
    .where(and(eq(creditAbnormalListing.districtCode, districtCode), eq(creditAbnormalListing.creditCode, creditCode)))
    .orderBy(desc(creditAbnormalListing.decidedOn));
  const knownId = reports[0]?.entityId ?? listings[0]?.entityId;
  // An entity on the register the credit module holds nothing about (registered this year, or never listed) still
  // has a record: no reports due yet, not listed, its published penalties.
  const [profile] = await entityPublicProfiles(ctx, districtCode, knownId === undefined ? { creditCode } : { entityIds: [knownId] });
  if (!profile) return null;
  const entityId = profile.id;
  const serious = await ctx.db
    .select()
    .from(creditSeriousViolation)
    .where(
      and(
        eq(creditSeriousViolation.districtCode, districtCode),
        eq(creditSeriousViolation.entityId, entityId),
        eq(creditSeriousViolation.status, 'listed'),
      ),
    );
  return {
    name: profile.name,
    creditCode: profile.creditCode,
    status: profile.status,
    address: profile.address,
    reports: reports.map((report) => ({ reportYear: report.reportYear, filedOn: report.filedOn, state: filingState(report, today) })),
    abnormal: listings
      .filter((listing) => listing.status !== 'removed')
      .map((listing) => ({
        measure: listing.measure,
        reason: abnormalReasonTexts[listing.reason],
        legalBasis: legalBasisOf(listing.reason, listing.entityKind),
        decidedOn: listing.decidedOn,
        decisionNumber: listing.decisionNumber,
      })),
    serious: serious
      .filter((row) => row.termEndsOn > today)
      .map((row) => ({ listedOn: row.listedOn, termEndsOn: row.termEndsOn, decisionNumber: row.decisionNumber })),
    penalties: await publishedPenaltiesOf(ctx, districtCode, entityId, addMonths(today, -36)),
  };
}
