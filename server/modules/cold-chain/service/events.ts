import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ColdChainStep, ColdChainUnit, EventSource } from '../../../../shared/vocabularies/cold-chain.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { entityPublicProfiles, findEntityForModule } from '../../registry/index.ts';
import { epcisInvalid } from '../cold-chain.errors.ts';
import type { EventInput, EventView } from '../cold-chain.schemas.ts';
import { ccEvent, ccLot } from '../cold-chain.tables.ts';
import { fromMilli, toMilli } from '../rules/closed-loop.ts';
import { parseEpcisDocument } from '../rules/epcis-document.ts';
import { producingSteps, stepShapes } from '../rules/event-steps.ts';
import { traceCode } from '../rules/trace-code.ts';
import { findCode } from './codes.ts';
import { refreshFindings } from './findings.ts';
import { badField, chinaOffset, eventViews } from './shared-views.ts';

/** One event ready to store: the holder and counterpart resolved, the output lots named. */
export interface PreparedEvent {
  eventId: string;
  step: ColdChainStep;
  eventType: 'ObjectEvent' | 'AggregationEvent' | 'TransformationEvent';
  action: 'ADD' | 'OBSERVE' | 'DELETE' | null;
  bizStep: string;
  disposition: string | null;
  eventTime: string;
  eventTimeZoneOffset: string;
  code: string;
  rootCode: string;
  product: string;
  milli: number;
  unit: ColdChainUnit;
  holder: { id: number; streetCode: string };
  readPoint: string | null;
  counterpart: { districtCode: string; entityId: number } | null;
  outputs: { code: string; milli: number }[];
  referenceDocument: string | null;
  source: EventSource;
  document: Record<string, unknown> | null;
}

/** Stores prepared events of the actor's district in one transaction, with their new lots, refreshed findings and one audit event. */
async function storeEvents(ctx: ActorContext, districtCode: string, prepared: readonly PreparedEvent[]) {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const stored: (typeof ccEvent.$inferSelect)[] = [];
    for (const event of prepared) {
      for (const output of event.outputs)
        await tx.insert(ccLot).values({
          districtCode,
          code: output.code,
          parentCode: event.code,
          rootCode: event.rootCode,
          product: event.product,
          quantity: fromMilli(output.milli),
          unit: event.unit,
          holderEntityId: event.holder.id,
        });
      const [row] = await tx
        .insert(ccEvent)
        .values({
          districtCode,
          eventId: event.eventId,
          eventType: event.eventType,
          action: event.action,
          step: event.step,
          bizStep: event.bizStep,
          disposition: event.disposition,
          eventTime: event.eventTime,
          eventTimeZoneOffset: event.eventTimeZoneOffset,
          code: event.code,
          quantity: fromMilli(event.milli),
          unit: event.unit,
          holderEntityId: event.holder.id,
          streetCode: event.holder.streetCode,
          readPoint: event.readPoint,
          counterpartDistrictCode: event.counterpart?.districtCode ?? null,
          counterpartEntityId: event.counterpart?.entityId ?? null,
          outputCodes: event.outputs.map((output) => output.code),
          referenceDocument: event.referenceDocument,
          source: event.source,
          document: event.document,
          createdBy: ctx.actor.userId,
        })
        .returning();
      stored.push(row as typeof ccEvent.$inferSelect);
    }
    const codes = [...new Set(prepared.flatMap((event) => [event.code, ...event.outputs.map((output) => output.code)]))];
    await refreshFindings(inTx, districtCode, codes);
    // A shipment into another district is answered (or not) there: refresh its findings of these codes too.
    for (const other of [
      ...new Set(prepared.map((event) => event.counterpart?.districtCode).filter((code) => code && code !== districtCode)),
    ])
      await refreshFindings(inTx, other as string, codes);
    await writeAudit(inTx, {
      action: 'cold_chain.events.record',
      districtCode,
      objectType: 'cc_event',
      objectId: stored[0]?.id ?? 0,
      detail: { count: stored.length, eventIds: stored.map((row) => row.eventId).slice(0, 50), source: prepared[0]?.source },
    });
    return stored;
  });
}

/** The holder must be one of the actor's businesses (or in the staff member's scope): 404 otherwise, as for a missing one. */
async function holderOf(ctx: ActorContext, entityId: number) {
  const holder = await findEntityForModule(ctx, entityId);
  return { id: holder.id, streetCode: holder.streetCode, districtCode: holder.districtCode };
}

async function counterpartByCreditCode(ctx: ActorContext, districtCode: string, creditCode: string, field: string) {
  const [profile] = await entityPublicProfiles(ctx, districtCode, { creditCode });
  if (!profile)
    badField(field, { 'zh-CN': '在该区的主体库中找不到此统一社会信用代码', en: 'no business with this credit code in that district' });
  return { districtCode, entityId: profile.id };
}

/** An event by form or by scanning the code on a phone; split, aggregate and transform issue the new lots' codes. */
export async function recordEvent(ctx: ActorContext, input: EventInput): Promise<{ event: EventView; outputCodes: string[] }> {
  const found = await findCode(ctx, input.code);
  if (!found) badField('code', { 'zh-CN': '追溯码不存在', en: 'no such trace code' });
  const holder = await holderOf(ctx, input.holderEntityId);
  const shape = stepShapes[input.step];
  const needsOutputs = producingSteps.includes(input.step);
  if (needsOutputs && !input.outputQuantities?.length)
    badField('outputQuantities', { 'zh-CN': '请填写新批次的数量', en: 'give the quantity of each new lot' });
  if (!needsOutputs && input.outputQuantities)
    badField('outputQuantities', {
      'zh-CN': '只有分割、合并、加工才产生新批次',
      en: 'only a split, aggregate or transform makes new lots',
    });
  if (input.step === 'ship' && !input.counterpartCreditCode)
    badField('counterpartCreditCode', { 'zh-CN': '发货须填写收货方', en: 'a shipment names its destination' });
  const counterpart = input.counterpartCreditCode
    ? await counterpartByCreditCode(
        ctx,
        input.counterpartDistrictCode ?? holder.districtCode,
        input.counterpartCreditCode,
        'counterpartCreditCode',
      )
    : null;
  const now = input.eventTime ? new Date(input.eventTime) : ctx.clock.now();
  const [stored] = await storeEvents(ctx, holder.districtCode, [
    {
      eventId: `urn:uuid:${randomUUID()}`,
      step: input.step,
      eventType: shape.eventType,
      action: shape.action,
      bizStep: shape.bizStep,
      disposition: shape.disposition,
      eventTime: now.toISOString(),
      eventTimeZoneOffset: chinaOffset(now),
      code: found.code,
      rootCode: found.rootCode,
      product: input.outputProduct ?? found.product,
      milli: toMilli(input.quantity),
      unit: found.unit,
      holder,
      readPoint: null,
      counterpart,
      outputs: (input.outputQuantities ?? []).map((quantity) => ({
        code: traceCode(holder.districtCode, randomBytes(10)),
        milli: toMilli(quantity),
      })),
      referenceDocument: input.referenceDocument ?? null,
      source: input.via,
      document: null,
    },
  ]);
  const row = stored as typeof ccEvent.$inferSelect;
  return { event: (await eventViews(ctx, [row]))[0] as EventView, outputCodes: row.outputCodes };
}

/**
 * An EPCIS 2.0 document (capture): valid against the standard's JSON schema and this platform's rules, every holder one
 * of the actor's businesses, every code known — else 400 with each problem's JSON pointer and reason, and nothing stored.
 */
export async function captureEpcis(ctx: ActorContext, document: unknown): Promise<{ stored: number; eventIds: string[] }> {
  const parsed = parseEpcisDocument(document);
  const fail = (problems: { path: string; reason: string }[]): never => {
    throw epcisInvalid(
      {},
      problems.slice(0, 200).map((problem) => ({
        in: 'body',
        field: problem.path,
        code: 'epcis',
        message: { 'zh-CN': `不符合EPCIS 2.0：${problem.reason}`, en: problem.reason },
      })),
    );
  };
  if ('problems' in parsed) return fail(parsed.problems);
  const problems: { path: string; reason: string }[] = [];
  const prepared: PreparedEvent[] = [];
  const districts = new Set<string>();
  const holders = new Map<string, { id: number; streetCode: string; districtCode: string } | null>();
  const newCodes = new Set<string>();
  for (const event of parsed.events) {
    if (!holders.has(event.holderCreditCode)) {
      let holder: { id: number; streetCode: string; districtCode: string } | null = null;
      for (const districtCode of ctx.actor.districtCodes) {
        const [profile] = await entityPublicProfiles(ctx, districtCode, { creditCode: event.holderCreditCode });
        if (profile) holder = await holderOf(ctx, profile.id).catch(() => null);
        if (holder) break;
      }
      holders.set(event.holderCreditCode, holder);
    }
    const holder = holders.get(event.holderCreditCode);
    if (!holder) {
      problems.push({ path: `${event.path}/bizLocation/id`, reason: 'not one of the businesses you may record for' });
      continue;
    }
    districts.add(holder.districtCode);
    const found = newCodes.has(event.code) ? undefined : await findCode(ctx, event.code);
    if (!found) {
      problems.push({ path: `${event.path}`, reason: `trace code ${event.code} is unknown` });
      continue;
    }
    if (event.unit !== found.unit) problems.push({ path: event.path, reason: `the code is counted in ${found.unit}` });
    for (const output of event.outputs) {
      if (output.code.slice(0, 6) !== holder.districtCode || newCodes.has(output.code) || (await findCode(ctx, output.code)))
        problems.push({ path: event.path, reason: `output code ${output.code} must be new and of the holder's district` });
      newCodes.add(output.code);
    }
    const counterpart = event.counterpartCreditCode
      ? await entityPublicProfiles(ctx, holder.districtCode, { creditCode: event.counterpartCreditCode }).then(([profile]) =>
          profile ? { districtCode: holder.districtCode, entityId: profile.id } : null,
        )
      : null;
    if (event.counterpartCreditCode && !counterpart)
      problems.push({ path: event.path, reason: `no business ${event.counterpartCreditCode} in district ${holder.districtCode}` });
    prepared.push({
      eventId: event.eventId ?? `urn:uuid:${randomUUID()}`,
      step: event.step,
      eventType: event.eventType,
      action: event.action,
      bizStep: event.bizStep,
      disposition: event.disposition,
      eventTime: new Date(event.eventTime).toISOString(),
      eventTimeZoneOffset: event.eventTimeZoneOffset,
      code: event.code,
      rootCode: found.rootCode,
      product: found.product,
      milli: event.milli,
      unit: found.unit,
      holder,
      readPoint: event.readPoint,
      counterpart,
      outputs: event.outputs.map((output) => ({ code: output.code, milli: output.milli })),
      referenceDocument: event.referenceDocument,
      source: 'epcis',
      document: event.raw,
    });
  }
  if (districts.size > 1) problems.push({ path: '/epcisBody/eventList', reason: 'one document holds the events of one district' });
  const districtCode = [...districts][0] as string;
  for (const event of prepared) {
    const [taken] = await ctx.db
      .select({ id: ccEvent.id })
      .from(ccEvent)
      .where(and(eq(ccEvent.districtCode, districtCode), eq(ccEvent.eventId, event.eventId)));
    if (taken) problems.push({ path: '/epcisBody/eventList', reason: `eventID ${event.eventId} was already captured` });
  }
  if (problems.length > 0) return fail(problems);
  const stored = await storeEvents(ctx, districtCode, prepared);
  return { stored: stored.length, eventIds: stored.map((row) => row.eventId) };
}
