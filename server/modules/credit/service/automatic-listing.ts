import { and, eq, isNull, notExists, sql } from 'drizzle-orm';
import { chinaInstant } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { addTimelineEvent } from '../../registry/index.ts';
import { creditAbnormalListing, creditAnnualReport } from '../credit.tables.ts';
import { abnormalReasonTexts, measureFor } from '../rules/abnormal-listing.ts';
import { listingDecisionNumber } from './abnormal-listings.ts';

/**
 * Lists (an individual business: marks) every entity of the district that has not filed `reportYear`'s report by its
 * deadline, decided on `today` — a day of the legal window (rules/abnormal-listing.ts#automaticListingWindow; the job
 * checks it). Idempotent: an entity already listed for that year's report (open or removed) is not listed again, so a
 * second run the same day or on the next day of the window lists no one twice. Each listing has its decision number,
 * its audit event and a line on the entity's timeline, in the job's transaction.
 */
export async function listNonFilers(ctx: ServiceContext, districtCode: string, reportYear: number, today: string): Promise<number> {
  const alreadyListed = ctx.db
    .select({ one: sql`1` })
    .from(creditAbnormalListing)
    .where(
      and(
        eq(creditAbnormalListing.districtCode, creditAnnualReport.districtCode),
        eq(creditAbnormalListing.entityId, creditAnnualReport.entityId),
        eq(creditAbnormalListing.reason, 'annual_report_not_filed'),
        eq(creditAbnormalListing.reportYear, creditAnnualReport.reportYear),
      ),
    );
  const nonFilers = await ctx.db
    .select()
    .from(creditAnnualReport)
    .where(
      and(
        eq(creditAnnualReport.districtCode, districtCode),
        eq(creditAnnualReport.reportYear, reportYear),
        isNull(creditAnnualReport.filedOn),
        sql`${creditAnnualReport.deadline} < ${today}::date`,
        notExists(alreadyListed),
      ),
    )
    .orderBy(creditAnnualReport.id);
  const text = abnormalReasonTexts.annual_report_not_filed;
  for (const report of nonFilers) {
    const decisionNumber = await listingDecisionNumber(ctx.db, districtCode, today);
    const measure = measureFor(report.entityKind);
    const [listing] = await ctx.db
      .insert(creditAbnormalListing)
      .values({
        districtCode,
        entityId: report.entityId,
        entityName: report.entityName,
        creditCode: report.creditCode,
        entityKind: report.entityKind,
        streetCode: report.streetCode,
        measure,
        reason: 'annual_report_not_filed',
        reportYear,
        decidedOn: today,
        decisionNumber,
        isAutomatic: true,
        changedAt: ctx.clock.now(),
      })
      .returning({ id: creditAbnormalListing.id });
    const listingId = listing?.id as number;
    await writeAudit(ctx, {
      action: 'credit.abnormal.list',
      districtCode,
      objectType: 'credit_abnormal_listing',
      objectId: listingId,
      detail: {
        entityId: report.entityId,
        reason: 'annual_report_not_filed',
        reportYear,
        decidedOn: today,
        decisionNumber,
        isAutomatic: true,
      },
    });
    await addTimelineEvent(ctx, {
      entityId: report.entityId,
      districtCode,
      kind: 'credit.abnormal_listed',
      at: chinaInstant(today),
      title: {
        zh: `${measure === 'listing' ? '列入经营异常名录' : '标记为经营异常状态'}：${text['zh-CN']}（${reportYear}年度）`,
        en: `${measure === 'listing' ? 'Listed as abnormal' : 'Marked abnormal'}: ${text.en} (${reportYear})`,
      },
      refType: 'credit_abnormal_listing',
      refId: listingId,
    });
  }
  return nonFilers.length;
}
