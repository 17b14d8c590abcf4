import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { inTexts } from '../../../db/id-set.ts';
import { insertRows } from '../../../db/rows-insert.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { entityFilingFacts } from '../../registry/index.ts';
import { creditAbnormalListing, creditAnnualReport, creditRepair, creditSeriousViolation } from '../credit.tables.ts';
import { seriousCandidateFrom } from '../rules/abnormal-listing.ts';
import { filingDeadline, mustFile } from '../rules/annual-report-rules.ts';
import { seriousTermEnds } from '../rules/serious-violation.ts';

const batch = 1000;
const pad = (value: number) => String(value).padStart(2, '0');
/** A day of `year` between month/day bounds, from one draw. */
function dayBetween(year: number, from: [number, number], to: [number, number], draw: number): string {
  const start = Date.UTC(year, from[0] - 1, from[1]);
  const end = Date.UTC(year, to[0] - 1, to[1]);
  const day = new Date(start + Math.floor(draw * ((end - start) / 86_400_000 + 1)) * 86_400_000);
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}
const plusDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Filing probability of a report year: enterprises file more than individual businesses, both a little more each year. */
export function demoFilingShare(kind: 'enterprise' | 'individual', reportYear: number): number {
  const years = Math.max(0, reportYear - 2018);
  return kind === 'enterprise' ? Math.min(0.95, 0.9 + 0.01 * years) : Math.min(0.9, 0.84 + 0.012 * years);
}

/**
 * Demo: the annual reports of the report years 2018 to last year (the 2019 reports, filed by 30 June 2020, give the
 * 2020 filing rate: about 91% of enterprises and 85% of individual businesses), the non-filers listed (enterprises)
 * or marked (individual businesses) on the 10th working day after the window, those that filed late removed on
 * application, and a quarter of the enterprises still listed after 3 years moved to the serious-violation list.
 * Deterministic given `random` (rows are drawn in entity order).
 */
export async function seedCreditDemo(
  ctx: ServiceContext,
  input: { districtCode: string; random: () => number; today: string },
): Promise<void> {
  const { districtCode, random, today } = input;
  const lastYear = Number(today.slice(0, 4)) - 1;
  // The registry is complete before this part runs, so one read serves every year.
  const facts = await entityFilingFacts(ctx, districtCode);
  for (let reportYear = 2018; reportYear <= lastYear; reportYear++) {
    // The rows openFilingYear would open (same entities, same order), written with their filing at once.
    const deadline = filingDeadline(reportYear);
    const windowYear = reportYear + 1;
    const reports: (typeof creditAnnualReport.$inferInsert)[] = [];
    for (const entity of facts) {
      if (!mustFile(entity, reportYear)) continue;
      const roll = random();
      const when = random();
      const how = random();
      const share = demoFilingShare(entity.kind as 'enterprise' | 'individual', reportYear);
      let on: string | null = null;
      // Most file in May and June, before the deadline; a few file late, in the second half of the year.
      if (roll < share)
        on =
          when < 0.35
            ? dayBetween(windowYear, [1, 2], [4, 30], when / 0.35)
            : dayBetween(windowYear, [5, 1], [6, 30], (when - 0.35) / 0.65);
      else if (roll < share + 0.03) on = dayBetween(windowYear, [7, 20], [12, 20], when);
      const isFiled = on !== null && on <= today;
      reports.push({
        districtCode,
        entityId: entity.id,
        entityName: entity.name,
        creditCode: entity.creditCode,
        entityKind: entity.kind as 'enterprise' | 'individual',
        streetCode: entity.streetCode,
        reportYear,
        deadline,
        filedOn: isFiled ? on : null,
        channel: isFiled ? (entity.kind === 'individual' && how < 0.3 ? 'paper' : 'online') : null,
      });
    }
    for (let start = 0; start < reports.length; start += 20_000)
      await insertRows(ctx.db, creditAnnualReport, reports.slice(start, start + 20_000));
    await seedListingsOf(ctx, { districtCode, reportYear, random, today });
  }
}

/** The year's non-filers listed on 14 July (the 10th working day after 30 June), late filers removed on application. */
async function seedListingsOf(
  ctx: ServiceContext,
  input: { districtCode: string; reportYear: number; random: () => number; today: string },
): Promise<void> {
  const { districtCode, reportYear, random, today } = input;
  const decidedOn = `${reportYear + 1}-07-14`;
  if (decidedOn > today) return;
  const missing = await queryRows<{
    id: number;
    entity_id: number;
    entity_name: string;
    credit_code: string;
    entity_kind: 'enterprise' | 'individual';
    street_code: string;
    filed_on: string | null;
  }>(
    ctx.db,
    sql`select id, entity_id, entity_name, credit_code, entity_kind, street_code, filed_on::text from credit_annual_report
        where district_code = ${districtCode} and report_year = ${reportYear} and (filed_on is null or filed_on > deadline)
        order by entity_id`,
  );
  const year = decidedOn.slice(0, 4);
  const [used] = await queryRows<{ highest: number | null }>(
    ctx.db,
    sql`select max(substring(decision_number from '〕([0-9]+)号')::int) as highest from credit_abnormal_listing
        where district_code = ${districtCode} and decision_number like ${`市监经异〔${year}〕%`}`,
  );
  let sequence = Number(used?.highest ?? 0);
  const rows = missing
    .filter((report) => report.filed_on === null || report.filed_on > decidedOn)
    .map((report) => {
      sequence += 1;
      const removedOn = report.filed_on ? plusDays(report.filed_on, 3 + Math.floor(random() * 3)) : null;
      const isRemoved = removedOn !== null && removedOn <= today;
      return {
        districtCode,
        entityId: Number(report.entity_id),
        entityName: report.entity_name,
        creditCode: report.credit_code,
        entityKind: report.entity_kind,
        streetCode: report.street_code,
        measure: report.entity_kind === 'enterprise' ? ('listing' as const) : ('marking' as const),
        reason: 'annual_report_not_filed' as const,
        reportYear,
        decidedOn,
        decisionNumber: `市监经异〔${year}〕${sequence}号`,
        status: isRemoved ? ('removed' as const) : ('listed' as const),
        removedOn: isRemoved ? removedOn : null,
        removalReason: isRemoved ? `已补报${reportYear}年度报告，依申请移出` : null,
        appliedOn: report.filed_on,
      };
    });
  for (let start = 0; start < rows.length; start += batch) {
    const part = rows.slice(start, start + batch);
    const inserted = (
      await insertRows<typeof creditAbnormalListing, { id: string | number; entity_id: string | number; status: string }>(
        ctx.db,
        creditAbnormalListing,
        part.map(({ appliedOn: _applied, ...row }) => row),
        { returning: ['id', 'entity_id', 'status'] },
      )
    ).map((row) => ({ id: Number(row.id), entityId: Number(row.entity_id), status: row.status }));
    // One listing per entity and report year: matched by entity, since RETURNING's order is not the input's on Citus.
    const rowOf = new Map(part.map((row) => [row.entityId, row]));
    const repairs = inserted
      .map((listing) => ({ listing, row: rowOf.get(listing.entityId) }))
      .filter(({ listing, row }) => listing.status === 'removed' && row?.appliedOn)
      .map(({ listing, row }) => ({
        districtCode,
        entityId: listing.entityId,
        streetCode: row?.streetCode as string,
        target: 'abnormal_listing' as const,
        abnormalListingId: listing.id,
        appliedOn: row?.appliedOn as string,
        statement: `已补报${reportYear}年度报告并公示，申请移出经营异常名录`,
        status: 'approved' as const,
        decidedOn: row?.removedOn as string,
        decisionNote: '经核查已补报',
      }));
    await insertRows(ctx.db, creditRepair, repairs);
  }
  // Enterprises still listed 3 years on: a quarter moved to the serious-violation list a month after they became candidates.
  const candidates = rows.filter((row) => row.measure === 'listing' && row.status === 'listed');
  const moved = [];
  for (const row of candidates) {
    const listedOn = plusDays(seriousCandidateFrom(row.decidedOn), 30);
    if (random() >= 0.25 || listedOn > today) continue;
    moved.push({ row, listedOn });
  }
  if (moved.length === 0) return;
  const movedIds = new Map(
    (
      await queryRows<{ id: string | number; decision_number: string }>(
        ctx.db,
        sql`update credit_abnormal_listing set status = 'moved_to_serious'
            where district_code = ${districtCode} and ${inTexts(
              creditAbnormalListing.decisionNumber,
              moved.map(({ row }) => row.decisionNumber),
            )}
            returning id, decision_number`,
      )
    ).map((listing) => [listing.decision_number, Number(listing.id)]),
  );
  await insertRows(
    ctx.db,
    creditSeriousViolation,
    moved.map(({ row, listedOn }, index) => ({
      districtCode,
      entityId: row.entityId,
      entityName: row.entityName,
      creditCode: row.creditCode,
      streetCode: row.streetCode,
      reason: 'abnormal_three_years' as const,
      abnormalListingId: movedIds.get(row.decisionNumber) ?? null,
      listedOn,
      termEndsOn: seriousTermEnds(listedOn),
      decisionNumber: `市监严失〔${listedOn.slice(0, 4)}〕${reportYear}-${index + 1}号`,
    })),
  );
}
