import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { addDays, chinaInstant, chinaTimeZone } from '../../../../shared/calendar-day.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { xlsxBuffer } from '../../../platform/spreadsheets/xlsx.ts';
import { entityPublicProfiles, type PublicProfile } from '../../registry/index.ts';
import { ccBatch, ccEvent, ccLot } from '../cold-chain.tables.ts';
import { type EpcisDocumentOut, type ExportEvent, epcisDocumentOf, fsmaEvents } from '../rules/epcis-export.ts';
import { batchRow } from './shared-views.ts';

type EventRow = typeof ccEvent.$inferSelect;

/** At most this many rows in one FSMA 204 spreadsheet: the FDA asks for a product and a date range, not the whole register. */
export const fsmaRowLimit = 50_000;

async function profilesOf(ctx: ServiceContext, refs: readonly { districtCode: string; entityId: number | null }[]) {
  const byDistrict = new Map<string, Set<number>>();
  for (const ref of refs)
    if (ref.entityId !== null) byDistrict.set(ref.districtCode, (byDistrict.get(ref.districtCode) ?? new Set()).add(ref.entityId));
  const profiles = new Map<string, PublicProfile>();
  for (const [districtCode, ids] of byDistrict)
    for (const profile of await entityPublicProfiles(ctx, districtCode, { entityIds: [...ids] }))
      profiles.set(`${districtCode}:${profile.id}`, profile);
  return (districtCode: string, entityId: number | null) => (entityId === null ? undefined : profiles.get(`${districtCode}:${entityId}`));
}

/** The codes' facts in one district: product, unit, origin and who assigned the code (a batch's first holder, a lot's holder). */
async function codeFacts(ctx: ServiceContext, districtCode: string, codes: readonly string[]) {
  const facts = new Map<string, { product: string; origin: string | null; assignedBy: number; parentCode: string | null }>();
  if (codes.length === 0) return facts;
  for (const batch of await ctx.db
    .select()
    .from(ccBatch)
    .where(and(eq(ccBatch.districtCode, districtCode), inArray(ccBatch.traceCode, [...codes]))))
    facts.set(batch.traceCode, {
      product: batch.product,
      origin: batch.originCountry,
      assignedBy: batch.firstHolderEntityId,
      parentCode: null,
    });
  for (const lot of await ctx.db
    .select()
    .from(ccLot)
    .where(and(eq(ccLot.districtCode, districtCode), inArray(ccLot.code, [...codes]))))
    facts.set(lot.code, { product: lot.product, origin: null, assignedBy: lot.holderEntityId, parentCode: lot.parentCode });
  return facts;
}

/** A batch's events in its district (its code and every lot split from it), as one EPCIS 2.0 document. */
export async function batchEpcisDocument(ctx: ActorContext, id: number): Promise<EpcisDocumentOut> {
  const row = await batchRow(ctx, id);
  const lots = await ctx.db
    .select()
    .from(ccLot)
    .where(and(eq(ccLot.districtCode, row.districtCode), eq(ccLot.rootCode, row.traceCode)));
  const codes = [row.traceCode, ...lots.map((lot) => lot.code)];
  const events = await ctx.db
    .select()
    .from(ccEvent)
    .where(and(eq(ccEvent.districtCode, row.districtCode), inArray(ccEvent.code, codes)))
    .orderBy(asc(ccEvent.eventTime), asc(ccEvent.id));
  const lotQuantity = new Map(lots.map((lot) => [lot.code, lot.quantity]));
  const profileOf = await profilesOf(ctx, [
    ...events.map((event) => ({ districtCode: event.districtCode, entityId: event.holderEntityId })),
    ...events.map((event) => ({ districtCode: event.counterpartDistrictCode ?? event.districtCode, entityId: event.counterpartEntityId })),
  ]);
  return epcisDocumentOf(
    events.map((event) => exportEvent(event, profileOf, lotQuantity)),
    ctx.clock.now(),
  );
}

function exportEvent(
  event: EventRow,
  profileOf: (districtCode: string, entityId: number | null) => PublicProfile | undefined,
  lotQuantity: ReadonlyMap<string, string>,
): ExportEvent {
  return {
    eventId: event.eventId,
    eventType: event.eventType,
    action: event.action,
    step: event.step,
    bizStep: event.bizStep,
    disposition: event.disposition,
    eventTime: event.eventTime,
    eventTimeZoneOffset: event.eventTimeZoneOffset,
    code: event.code,
    quantity: event.quantity,
    unit: event.unit,
    holderCreditCode: profileOf(event.districtCode, event.holderEntityId)?.creditCode ?? '',
    counterpartCreditCode: profileOf(event.counterpartDistrictCode ?? event.districtCode, event.counterpartEntityId)?.creditCode ?? null,
    readPoint: event.readPoint,
    outputs: event.outputCodes.map((code) => ({ code, quantity: lotQuantity.get(code) ?? event.quantity })),
    referenceDocument: event.referenceDocument,
  };
}

const chinaDate = new Intl.DateTimeFormat('sv-SE', { timeZone: chinaTimeZone, dateStyle: 'short' });
const chinaTime = new Intl.DateTimeFormat('sv-SE', { timeZone: chinaTimeZone, timeStyle: 'medium' });

interface FsmaRow {
  tlc: string;
  product: string;
  quantity: number;
  unit: string;
  cte: string;
  date: string;
  time: string;
  location: string;
  locationAddress: string;
  previousSource: string;
  subsequentRecipient: string;
  tlcSource: string;
  inputTlc: string;
  referenceType: string;
  referenceNumber: string;
  origin: string;
}

/**
 * FSMA 204's electronic sortable spreadsheet (21 CFR 1.1455(c)(3)(ii)) of the critical tracking events in the actor's
 * scope and period: receiving, shipping and transformation with their key data elements, one row each, sorted by
 * traceability lot code and time. The FDA's column names are kept in English (the format is the FDA's).
 */
export async function fsma204Spreadsheet(ctx: ActorContext, period: { from: string; to: string }): Promise<Buffer> {
  if (period.to < period.from)
    throw invalidRequest({}, [
      { in: 'query', field: 'to', code: 'before_from', message: { 'zh-CN': '结束日期不能早于开始日期', en: 'must not be before from' } },
    ]);
  const events = await ctx.db
    .select()
    .from(ccEvent)
    .where(
      and(
        scopeWhere(ctx.actor, { district: ccEvent.districtCode, street: ccEvent.streetCode, entity: ccEvent.holderEntityId }),
        inArray(ccEvent.step, Object.keys(fsmaEvents) as (keyof typeof fsmaEvents)[]),
        gte(ccEvent.eventTime, chinaInstant(period.from, '00:00:00').toISOString()),
        lt(ccEvent.eventTime, chinaInstant(addDays(period.to, 1), '00:00:00').toISOString()),
      ),
    )
    .orderBy(asc(ccEvent.code), asc(ccEvent.eventTime), asc(ccEvent.id))
    .limit(fsmaRowLimit);
  const rows: FsmaRow[] = [];
  const byDistrict = new Map<string, EventRow[]>();
  for (const event of events) byDistrict.set(event.districtCode, [...(byDistrict.get(event.districtCode) ?? []), event]);
  for (const [districtCode, list] of byDistrict) {
    const codes = [...new Set(list.flatMap((event) => [event.code, ...event.outputCodes]))];
    const facts = await codeFacts(ctx, districtCode, codes);
    const profileOf = await profilesOf(ctx, [
      ...list.map((event) => ({ districtCode, entityId: event.holderEntityId })),
      ...list.map((event) => ({ districtCode: event.counterpartDistrictCode ?? districtCode, entityId: event.counterpartEntityId })),
      ...[...facts.values()].map((fact) => ({ districtCode, entityId: fact.assignedBy })),
    ]);
    const lotQuantity = new Map(
      (codes.length
        ? await ctx.db
            .select()
            .from(ccLot)
            .where(and(eq(ccLot.districtCode, districtCode), inArray(ccLot.code, codes)))
        : []
      ).map((lot) => [lot.code, lot.quantity]),
    );
    for (const event of list) {
      const holder = profileOf(districtCode, event.holderEntityId);
      const counterpart = profileOf(event.counterpartDistrictCode ?? districtCode, event.counterpartEntityId);
      const place = (profile: PublicProfile | undefined) => (profile ? `${profile.name} (${profile.creditCode})` : '');
      const [referenceType = '', referenceNumber = ''] = event.referenceDocument?.includes(':')
        ? [
            event.referenceDocument.slice(0, event.referenceDocument.indexOf(':')),
            event.referenceDocument.slice(event.referenceDocument.indexOf(':') + 1),
          ]
        : ['', event.referenceDocument ?? ''];
      const at = new Date(event.eventTime);
      const base = {
        date: chinaDate.format(at),
        time: chinaTime.format(at),
        unit: event.unit,
        location: place(holder),
        locationAddress: holder?.address ?? '',
        referenceType,
        referenceNumber,
      };
      const factOf = (code: string) => facts.get(code);
      const rootOrigin = (code: string): string => {
        const fact = factOf(code);
        return fact?.origin ?? (fact?.parentCode ? rootOrigin(fact.parentCode) : '');
      };
      const tlcSource = (code: string) => {
        const fact = factOf(code);
        const profile = fact ? profileOf(districtCode, fact.assignedBy) : undefined;
        return profile ? `${place(profile)}, ${profile.address}` : '';
      };
      if (event.outputCodes.length > 0) {
        // A transformation: one row per new lot, the consumed lot as its input TLC.
        for (const output of event.outputCodes)
          rows.push({
            ...base,
            tlc: output,
            product: factOf(output)?.product ?? factOf(event.code)?.product ?? '',
            quantity: Number(lotQuantity.get(output) ?? event.quantity),
            cte: fsmaEvents[event.step] ?? '',
            previousSource: '',
            subsequentRecipient: '',
            tlcSource: tlcSource(output),
            inputTlc: event.code,
            origin: rootOrigin(event.code),
          });
        continue;
      }
      rows.push({
        ...base,
        tlc: event.code,
        product: factOf(event.code)?.product ?? '',
        quantity: Number(event.quantity),
        cte:
          event.step === 'receive' && !event.counterpartEntityId && factOf(event.code)?.origin
            ? 'Initial Receiving (import)'
            : (fsmaEvents[event.step] ?? ''),
        previousSource: event.step === 'receive' ? place(counterpart) : '',
        subsequentRecipient: event.step === 'ship' ? place(counterpart) : '',
        tlcSource: tlcSource(event.code),
        inputTlc: '',
        origin: rootOrigin(event.code),
      });
    }
  }
  rows.sort((a, b) => (a.tlc < b.tlc ? -1 : a.tlc > b.tlc ? 1 : `${a.date} ${a.time}` < `${b.date} ${b.time}` ? -1 : 1));
  return xlsxBuffer<FsmaRow>(
    {
      name: 'FSMA 204',
      boldHeader: true,
      columns: [
        { key: 'tlc', header: 'Traceability Lot Code (TLC)', width: 20 },
        { key: 'product', header: 'Product Description', width: 20 },
        { key: 'quantity', header: 'Quantity', width: 12, format: () => '#,##0.000' },
        { key: 'unit', header: 'Unit of Measure', width: 10 },
        { key: 'cte', header: 'Critical Tracking Event (CTE)', width: 24 },
        { key: 'date', header: 'Event Date', width: 12 },
        { key: 'time', header: 'Event Time (China Standard Time)', width: 12 },
        { key: 'location', header: 'Location of CTE', width: 36 },
        { key: 'locationAddress', header: 'Location Address', width: 30 },
        { key: 'previousSource', header: 'Immediate Previous Source', width: 36 },
        { key: 'subsequentRecipient', header: 'Immediate Subsequent Recipient', width: 36 },
        { key: 'tlcSource', header: 'TLC Source', width: 40 },
        { key: 'inputTlc', header: 'Input TLC (Transformation)', width: 20 },
        { key: 'referenceType', header: 'Reference Document Type', width: 20 },
        { key: 'referenceNumber', header: 'Reference Document Number', width: 22 },
        { key: 'origin', header: 'Country of Origin', width: 10 },
      ],
    },
    rows,
  );
}
