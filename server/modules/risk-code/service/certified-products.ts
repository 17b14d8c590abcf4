import { and, asc, eq, isNull } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { rcCertifiedProduct } from '../risk-code.tables.ts';

/** A 品字码 product as another module sees it: its firm's entity, certificate and the day its code was made. */
export interface CertifiedProductLink {
  entityId: number | null;
  firmName: string;
  firmCreditCode: string;
  productName: string;
  certificateNumber: string;
  standard: string;
  validUntil: string;
  codedOn: string;
}

/** The district's certified products with a code in force (not revoked), oldest first: system work in one district. */
export async function certifiedProductLinks(ctx: ServiceContext, districtCode: string): Promise<CertifiedProductLink[]> {
  const rows = await ctx.db
    .select()
    .from(rcCertifiedProduct)
    .where(and(eq(rcCertifiedProduct.districtCode, districtCode), isNull(rcCertifiedProduct.revokedAt)))
    .orderBy(asc(rcCertifiedProduct.id));
  return rows.map((row) => ({
    entityId: row.entityId,
    firmName: row.firmName,
    firmCreditCode: row.firmCreditCode,
    productName: row.productName,
    certificateNumber: row.certificateNumber,
    standard: row.standard,
    validUntil: row.validUntil,
    codedOn: todayInChina(row.createdAt),
  }));
}
