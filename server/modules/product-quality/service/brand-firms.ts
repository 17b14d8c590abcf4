import { and, asc, eq, sql } from 'drizzle-orm';
import { addDays, todayInChina } from '../../../../shared/calendar-day.ts';
import { inIds } from '../../../db/id-set.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import type { BrandFirmList } from '../product-quality.schemas.ts';
import { pqBrandCertificate, pqBrandFirm } from '../product-quality.tables.ts';

/** 品字标浙江制造 firms in the actor's scope (optionally those first certified in a year), certificates and new firms per year. */
export async function listBrandFirms(ctx: ActorContext, query: { year?: number }): Promise<BrandFirmList> {
  const scope = scopeWhere(ctx.actor, { district: pqBrandFirm.districtCode, street: pqBrandFirm.streetCode, entity: pqBrandFirm.entityId });
  const inYear = query.year
    ? sql`${pqBrandFirm.firstCertifiedOn} between ${`${query.year}-01-01`}::date and ${`${query.year}-12-31`}::date`
    : undefined;
  const firms = await ctx.db
    .select()
    .from(pqBrandFirm)
    .where(and(scope, inYear))
    .orderBy(asc(pqBrandFirm.firstCertifiedOn), asc(pqBrandFirm.id));
  const certificates = firms.length
    ? await ctx.db
        .select()
        .from(pqBrandCertificate)
        .where(
          and(
            eq(pqBrandCertificate.districtCode, (firms[0] as { districtCode: string }).districtCode),
            inIds(
              pqBrandCertificate.firmId,
              firms.map((firm) => firm.id),
            ),
          ),
        )
        .orderBy(asc(pqBrandCertificate.id))
    : [];
  const newByYear = await ctx.db
    .select({ year: sql<number>`extract(year from ${pqBrandFirm.firstCertifiedOn})::int`, firms: sql<number>`count(*)::int` })
    .from(pqBrandFirm)
    .where(scope)
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const today = todayInChina(ctx.clock.now());
  return {
    items: firms.map((firm) => ({
      id: firm.id,
      entityId: firm.entityId,
      entityName: firm.entityName,
      creditCode: firm.creditCode,
      streetCode: firm.streetCode,
      firstCertifiedOn: firm.firstCertifiedOn,
      ledStandards: firm.ledStandards,
      certificates: certificates
        .filter((certificate) => certificate.firmId === firm.id)
        .map((certificate) => ({
          productName: certificate.productName,
          certificateNumber: certificate.certificateNumber,
          standard: certificate.standard,
          issuedOn: certificate.issuedOn,
          validUntil: certificate.validUntil,
          isExpired: certificate.validUntil < today,
          isExpiringSoon: certificate.validUntil >= today && certificate.validUntil <= addDays(today, 90),
        })),
    })),
    total: firms.length,
    newByYear,
  };
}
