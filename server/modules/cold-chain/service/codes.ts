import { and, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { codeNotFound } from '../cold-chain.errors.ts';
import type { CodeLookup } from '../cold-chain.schemas.ts';
import { ccBatch, ccLot } from '../cold-chain.tables.ts';
import { codeFromIdentifier, districtOfCode } from '../rules/trace-code.ts';

export interface CodeRow extends CodeLookup {
  parentCode: string | null;
  /** The holder that made the code: the batch's first holder or the lot's. */
  originHolderEntityId: number;
  batchId: number | null;
}

/**
 * A code in the one district its prefix names: a batch's code or a lot's. Any signed-in role may look a code up (it is
 * printed on the goods): what comes back is what the consumer page shows, no personal data.
 */
export async function findCode(ctx: ServiceContext, input: string): Promise<CodeRow | undefined> {
  const code = codeFromIdentifier(input);
  if (!code) return undefined;
  const districtCode = districtOfCode(code);
  const [batch] = await ctx.db
    .select()
    .from(ccBatch)
    .where(and(eq(ccBatch.districtCode, districtCode), eq(ccBatch.traceCode, code)));
  if (batch)
    return {
      code,
      rootCode: code,
      parentCode: null,
      districtCode,
      product: batch.product,
      quantity: batch.quantity,
      unit: batch.unit,
      originCountry: batch.originCountry,
      isSellable: batch.isSellable,
      originHolderEntityId: batch.firstHolderEntityId,
      batchId: batch.id,
    };
  const [lot] = await ctx.db
    .select()
    .from(ccLot)
    .where(and(eq(ccLot.districtCode, districtCode), eq(ccLot.code, code)));
  if (!lot) return undefined;
  const root = await findCode(ctx, lot.rootCode);
  return {
    code,
    rootCode: lot.rootCode,
    parentCode: lot.parentCode,
    districtCode,
    product: lot.product,
    quantity: lot.quantity,
    unit: lot.unit,
    originCountry: root?.originCountry ?? null,
    isSellable: root?.isSellable ?? null,
    originHolderEntityId: lot.holderEntityId,
    batchId: null,
  };
}

export async function lookupCode(ctx: ServiceContext, input: string): Promise<CodeLookup> {
  const found = await findCode(ctx, input);
  if (!found) throw codeNotFound({ code: input.slice(0, 40) });
  const { parentCode: _parent, originHolderEntityId: _holder, batchId: _batch, ...view } = found;
  return view;
}

/** Child codes of a code in one district (lots split, aggregated or transformed from it there). */
export async function childCodes(ctx: ServiceContext, districtCode: string, code: string) {
  return ctx.db
    .select()
    .from(ccLot)
    .where(and(eq(ccLot.districtCode, districtCode), eq(ccLot.parentCode, code)))
    .orderBy(sql`${ccLot.id}`);
}
