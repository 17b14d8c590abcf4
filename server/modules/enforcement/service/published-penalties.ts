import { and, desc, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import type { ServiceContext } from '../../../platform/http/context.ts';
import type { ViolationType } from '../enforcement.schemas.ts';
import { casePenalty, enforcementCase } from '../enforcement.tables.ts';
import type { PenaltyKind } from '../rules/penalty-publication.ts';

/** A published penalty decision as the public may see it: no party's personal data, no case file. */
export interface PublishedPenalty {
  decisionNumber: string;
  decidedOn: string;
  publishedOn: string;
  violationType: ViolationType;
  penaltyKinds: PenaltyKind[];
  amountFen: bigint;
}

/**
 * The penalties of an entity published on the credit record (SAMR Order 45: published within 20 working days of
 * the decision, shown 3 years): decisions published on or after `shownSince`, newest first. For the public credit
 * record page: one district, one entity, no personal data.
 */
export async function publishedPenaltiesOf(
  ctx: ServiceContext,
  districtCode: string,
  entityId: number,
  shownSince: string,
): Promise<PublishedPenalty[]> {
  const cases = await ctx.db
    .select({
      id: enforcementCase.id,
      decisionNumber: enforcementCase.decisionNumber,
      decidedOn: enforcementCase.decidedOn,
      publishedOn: enforcementCase.publishedOn,
      violationType: enforcementCase.violationType,
    })
    .from(enforcementCase)
    .where(
      and(
        eq(enforcementCase.districtCode, districtCode),
        eq(enforcementCase.entityId, entityId),
        isNotNull(enforcementCase.publishedOn),
        gte(enforcementCase.publishedOn, shownSince),
      ),
    )
    .orderBy(desc(enforcementCase.decidedOn));
  if (cases.length === 0) return [];
  const penalties = await ctx.db
    .select({ caseId: casePenalty.caseId, kind: casePenalty.kind, amountFen: casePenalty.amountFen })
    .from(casePenalty)
    .where(
      and(
        eq(casePenalty.districtCode, districtCode),
        inArray(
          casePenalty.caseId,
          cases.map((row) => row.id),
        ),
      ),
    );
  return cases.map((row) => {
    const own = penalties.filter((penalty) => penalty.caseId === row.id);
    return {
      decisionNumber: row.decisionNumber ?? '',
      decidedOn: row.decidedOn ?? '',
      publishedOn: row.publishedOn as string,
      violationType: row.violationType,
      penaltyKinds: [...new Set(own.map((penalty) => penalty.kind))],
      amountFen: own.reduce((sum, penalty) => sum + penalty.amountFen, 0n),
    };
  });
}
