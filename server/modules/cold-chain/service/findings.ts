import { and, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { addDays, todayInChina } from '../../../../shared/calendar-day.ts';
import type { FindingKind } from '../../../../shared/vocabularies/cold-chain.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { entityPublicProfiles } from '../../registry/index.ts';
import type { FindingFilter, FindingView } from '../cold-chain.schemas.ts';
import { ccEvent, ccFinding, ccLot } from '../cold-chain.tables.ts';
import { fromMilli, loopBalance, type Movement, type Receipt, type Shipment, toMilli, unreceivedShipments } from '../rules/closed-loop.ts';
import { entityNames } from './shared-views.ts';

/** The bureau's setting: a shipment not scanned in 2 days after it left is a finding (the longest delivery inside a city). */
export const receiptGraceDays = 2;

type EventRow = typeof ccEvent.$inferSelect;

interface Wanted {
  kind: FindingKind;
  code: string;
  holderEntityId: number;
  streetCode: string;
  shipmentEventId: number;
  milli: number;
  unit: string;
}

/** Every (code, holder) movement of the events, outputs of splits and transformations counted in at their holder. */
export function movementsOf(events: readonly EventRow[], outputMilli: ReadonlyMap<string, number>) {
  const byPair = new Map<string, { code: string; holder: number; street: string; unit: string; movements: Movement[] }>();
  const add = (code: string, event: EventRow, movement: Movement) => {
    const key = `${code}|${event.holderEntityId}`;
    const pair = byPair.get(key) ?? { code, holder: event.holderEntityId, street: event.streetCode, unit: event.unit, movements: [] };
    pair.movements.push(movement);
    byPair.set(key, pair);
  };
  for (const event of events) {
    const at = new Date(event.eventTime).toISOString();
    const milli = toMilli(event.quantity);
    if (event.step === 'receive') add(event.code, event, { step: event.step, direction: 'in', milli, at });
    else if (event.step === 'store') add(event.code, event, { step: event.step, direction: 'count', milli, at });
    else add(event.code, event, { step: event.step, direction: 'out', milli, at });
    for (const output of event.outputCodes)
      add(output, event, { step: 'receive', direction: 'in', milli: outputMilli.get(output) ?? 0, at });
  }
  return [...byPair.values()];
}

/**
 * Recomputes the closed-loop findings of one district (of the given codes only, when named) and makes the table say
 * so: a finding the data still shows stays open (its amount updated), a new one opens today, one the data no longer
 * shows closes today. Runs in the caller's transaction after every write, and for the whole district in the demo.
 */
export async function refreshFindings(ctx: ServiceContext, districtCode: string, codes?: readonly string[]): Promise<void> {
  const today = todayInChina(ctx.clock.now());
  const codeFilter = (column: typeof ccEvent.code | typeof ccFinding.code): SQL | undefined =>
    codes ? inArray(column, [...codes]) : undefined;
  const events = await ctx.db
    .select()
    .from(ccEvent)
    .where(
      and(
        eq(ccEvent.districtCode, districtCode),
        codes
          ? sql`(${ccEvent.code} = any(${sql.param([...codes])}::text[]) or ${ccEvent.outputCodes} && ${sql.param([...codes])}::text[])`
          : undefined,
      ),
    );
  const outputCodes = [...new Set(events.flatMap((event) => event.outputCodes))];
  const lots = outputCodes.length
    ? await ctx.db
        .select({ code: ccLot.code, quantity: ccLot.quantity })
        .from(ccLot)
        .where(and(eq(ccLot.districtCode, districtCode), inArray(ccLot.code, outputCodes)))
    : [];
  const outputMilli = new Map(lots.map((lot) => [lot.code, toMilli(lot.quantity)]));
  const wanted: Wanted[] = [];
  for (const pair of movementsOf(events, outputMilli)) {
    if (codes && !codes.includes(pair.code)) continue;
    for (const finding of loopBalance(pair.movements).findings)
      wanted.push({
        kind: finding.kind,
        code: pair.code,
        holderEntityId: pair.holder,
        streetCode: pair.street,
        shipmentEventId: 0,
        milli: finding.milli,
        unit: pair.unit,
      });
  }
  // Shipments out of this district, matched against receipts in the destination's district (one district at a time).
  const shipments: Shipment[] = events
    .filter((event) => event.step === 'ship' && event.counterpartEntityId !== null)
    .map((event) => ({
      eventId: event.id,
      code: event.code,
      fromDistrict: districtCode,
      fromEntityId: event.holderEntityId,
      toDistrict: event.counterpartDistrictCode as string,
      toEntityId: event.counterpartEntityId as number,
      milli: toMilli(event.quantity),
      day: todayInChina(new Date(event.eventTime)),
    }));
  const receipts: Receipt[] = [];
  for (const destination of [...new Set(shipments.map((shipment) => shipment.toDistrict))]) {
    const shippedCodes = [...new Set(shipments.filter((shipment) => shipment.toDistrict === destination).map((shipment) => shipment.code))];
    const rows =
      destination === districtCode
        ? events.filter((event) => event.step === 'receive')
        : await ctx.db
            .select()
            .from(ccEvent)
            .where(and(eq(ccEvent.districtCode, destination), eq(ccEvent.step, 'receive'), inArray(ccEvent.code, shippedCodes)));
    for (const row of rows)
      receipts.push({
        code: row.code,
        atDistrict: destination,
        atEntityId: row.holderEntityId,
        fromDistrict: row.counterpartDistrictCode,
        fromEntityId: row.counterpartEntityId,
        day: todayInChina(new Date(row.eventTime)),
      });
  }
  const unanswered = unreceivedShipments(shipments, receipts, today, receiptGraceDays, addDays);
  // The finding goes to the station of the business that did not scan the goods in, when it is in this district.
  const receivers = await entityPublicProfiles(ctx, districtCode, {
    entityIds: [...new Set(unanswered.filter((shipment) => shipment.toDistrict === districtCode).map((shipment) => shipment.toEntityId))],
  });
  const streetOf = new Map(receivers.map((profile) => [profile.id, profile.streetCode]));
  const eventById = new Map(events.map((event) => [event.id, event]));
  for (const shipment of unanswered) {
    const shipped = eventById.get(shipment.eventId) as EventRow;
    const isLocal = shipment.toDistrict === districtCode;
    wanted.push({
      kind: 'shipped_not_received',
      code: shipment.code,
      holderEntityId: isLocal ? shipment.toEntityId : shipment.fromEntityId,
      streetCode: (isLocal ? streetOf.get(shipment.toEntityId) : undefined) ?? shipped.streetCode,
      shipmentEventId: shipment.eventId,
      milli: shipment.milli,
      unit: shipped.unit,
    });
  }
  const open = await ctx.db
    .select()
    .from(ccFinding)
    .where(and(eq(ccFinding.districtCode, districtCode), isNull(ccFinding.closedOn), codeFilter(ccFinding.code)));
  const keyOf = (finding: { kind: string; code: string; holderEntityId: number; shipmentEventId: number }) =>
    `${finding.kind}|${finding.code}|${finding.holderEntityId}|${finding.shipmentEventId}`;
  const wantedByKey = new Map(wanted.map((finding) => [keyOf(finding), finding]));
  const openByKey = new Map(open.map((finding) => [keyOf(finding), finding]));
  const toClose = open.filter((finding) => !wantedByKey.has(keyOf(finding))).map((finding) => finding.id);
  if (toClose.length > 0)
    await ctx.db
      .update(ccFinding)
      .set({ closedOn: today })
      .where(and(eq(ccFinding.districtCode, districtCode), inArray(ccFinding.id, toClose)));
  for (const finding of wanted) {
    const existing = openByKey.get(keyOf(finding));
    const amount = fromMilli(finding.milli);
    if (existing) {
      if (toMilli(existing.amount) !== finding.milli)
        await ctx.db
          .update(ccFinding)
          .set({ amount })
          .where(and(eq(ccFinding.districtCode, districtCode), eq(ccFinding.id, existing.id)));
      continue;
    }
    await ctx.db.insert(ccFinding).values({
      districtCode,
      kind: finding.kind,
      code: finding.code,
      holderEntityId: finding.holderEntityId,
      streetCode: finding.streetCode,
      shipmentEventId: finding.shipmentEventId,
      amount,
      unit: finding.unit,
      openedOn: today,
    });
  }
}

/** How far back the daily sweep looks for shipments (a week of missed runs is caught up). */
export const sweepLookbackDays = receiptGraceDays + 7;

/**
 * The daily sweep of one district for "shipped, never received": the codes of its recent shipments (left at most
 * `sweepLookbackDays` ago) and of its open shipped_not_received findings go through refreshFindings, which opens the
 * finding of a shipment older than the grace period and closes one whose receipt has arrived — also a receipt scanned
 * in another district that did not name the shipper, which no write here refreshed. Every query names the district.
 */
export async function sweepUnreceivedShipments(
  ctx: ServiceContext,
  districtCode: string,
): Promise<{ codes: number; opened: number; closed: number }> {
  const since = new Date(ctx.clock.now().getTime() - sweepLookbackDays * 86_400_000).toISOString();
  const shipped = await ctx.db
    .selectDistinct({ code: ccEvent.code })
    .from(ccEvent)
    .where(
      and(
        eq(ccEvent.districtCode, districtCode),
        eq(ccEvent.step, 'ship'),
        isNotNull(ccEvent.counterpartEntityId),
        sql`${ccEvent.eventTime} >= ${since}`,
      ),
    );
  const openUnreceived = () =>
    ctx.db
      .select({ id: ccFinding.id, code: ccFinding.code })
      .from(ccFinding)
      .where(and(eq(ccFinding.districtCode, districtCode), eq(ccFinding.kind, 'shipped_not_received'), isNull(ccFinding.closedOn)));
  const before = await openUnreceived();
  const codes = [...new Set([...shipped.map((row) => row.code), ...before.map((row) => row.code)])].sort();
  if (codes.length === 0) return { codes: 0, opened: 0, closed: 0 };
  await refreshFindings(ctx, districtCode, codes);
  const after = await openUnreceived();
  const beforeIds = new Set(before.map((row) => row.id));
  const afterIds = new Set(after.map((row) => row.id));
  return {
    codes: codes.length,
    opened: after.filter((row) => !beforeIds.has(row.id)).length,
    closed: before.filter((row) => !afterIds.has(row.id)).length,
  };
}

/** Findings in the actor's scope: staff by district or station streets, an operator those of its own businesses. */
export async function listFindings(ctx: ActorContext, filter: FindingFilter): Promise<{ items: FindingView[]; total: number }> {
  const where = and(
    scopeWhere(ctx.actor, { district: ccFinding.districtCode, street: ccFinding.streetCode, entity: ccFinding.holderEntityId }),
    filter.kind ? eq(ccFinding.kind, filter.kind) : undefined,
    filter.state === 'open' ? isNull(ccFinding.closedOn) : isNotNull(ccFinding.closedOn),
    filter.streetCode ? eq(ccFinding.streetCode, filter.streetCode) : undefined,
  );
  const rows = await ctx.db
    .select()
    .from(ccFinding)
    .where(where)
    .orderBy(desc(ccFinding.openedOn), desc(ccFinding.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const total = (await ctx.db.$count(ccFinding, where)) as number;
  const nameOf = await entityNames(
    ctx,
    rows.map((row) => ({ districtCode: row.districtCode, entityId: row.holderEntityId })),
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      code: row.code,
      holderEntityId: row.holderEntityId,
      holderName: nameOf(row.districtCode, row.holderEntityId),
      streetCode: row.streetCode,
      amount: row.amount,
      unit: row.unit,
      openedOn: row.openedOn,
      closedOn: row.closedOn,
    })),
    total,
  };
}
