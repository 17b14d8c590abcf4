import { and, asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { codeNotFound } from '../cold-chain.errors.ts';
import type { TraceView } from '../cold-chain.schemas.ts';
import { ccEvent } from '../cold-chain.tables.ts';
import { type TraceSource, walkTrace } from '../rules/trace-walk.ts';
import { childCodes, findCode } from './codes.ts';
import { entityNames, eventViews } from './shared-views.ts';

type EventRow = typeof ccEvent.$inferSelect;

/** One district's view of one code: its lot (from its home district), the lots made from it there, and its events there. */
export function traceSource(ctx: ServiceContext): TraceSource<EventRow> {
  return {
    async readCode(district, code) {
      const isHome = code.slice(0, 6) === district;
      const found = isHome ? await findCode(ctx, code) : undefined;
      const events = await ctx.db
        .select()
        .from(ccEvent)
        .where(and(eq(ccEvent.districtCode, district), eq(ccEvent.code, code)))
        .orderBy(asc(ccEvent.eventTime), asc(ccEvent.id));
      if (isHome && !found) return undefined;
      const children = await childCodes(ctx, district, code);
      return {
        code,
        parentCode: found?.parentCode ?? null,
        childCodes: children.map((child) => child.code),
        events,
        shippedToDistricts: [
          ...new Set(
            events
              .filter((event) => event.step === 'ship' && event.counterpartDistrictCode)
              .map((event) => event.counterpartDistrictCode as string),
          ),
        ],
      };
    },
  };
}

/**
 * Trace back and forward from any code: every code of the chain and every event of each, across districts, by the
 * loop of rules/trace-walk.ts (one district per query). Names are the registry's public profile.
 */
export async function traceCode(ctx: ServiceContext, input: string, direction: 'back' | 'forward' | 'both'): Promise<TraceView> {
  const start = await findCode(ctx, input);
  if (!start) throw codeNotFound({ code: input.slice(0, 40) });
  const walked = await walkTrace(start.code, traceSource(ctx), { direction, maxCodes: 500 });
  const lots = [];
  for (const entry of walked.codes) {
    const found = await findCode(ctx, entry.code);
    if (found)
      lots.push({
        code: entry.code,
        parentCode: entry.parentCode,
        product: found.product,
        quantity: found.quantity,
        unit: found.unit,
        depth: entry.depth,
      });
  }
  const rows = walked.events
    .map((entry) => entry.event)
    .sort((a, b) => (a.eventTime < b.eventTime ? -1 : a.eventTime > b.eventTime ? 1 : a.id - b.id));
  const holderRefs = [
    ...new Map(
      rows.map((row) => [`${row.districtCode}:${row.holderEntityId}`, { districtCode: row.districtCode, entityId: row.holderEntityId }]),
    ).values(),
  ];
  const nameOf = await entityNames(ctx, holderRefs);
  return {
    code: start.code,
    lots,
    events: await eventViews(ctx, rows),
    holders: holderRefs.map((ref) => ({ ...ref, name: nameOf(ref.districtCode, ref.entityId) })),
    isTruncated: walked.isTruncated,
  };
}
