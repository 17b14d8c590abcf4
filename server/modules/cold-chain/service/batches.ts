import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { findEntityForModule } from '../../registry/index.ts';
import { batchNotFound, batchTaken, certificateNotFound, certificatesMissing } from '../cold-chain.errors.ts';
import type { BatchDetail, BatchFilter, BatchInput, BatchPatch, BatchView, CertificateInput } from '../cold-chain.schemas.ts';
import { ccBatch, ccCertificate, ccEvent, ccLot } from '../cold-chain.tables.ts';
import { certificateKindNames, checkCertificateDataUrl, missingCertificates } from '../rules/certificates.ts';
import { fromMilli, loopBalance, toMilli } from '../rules/closed-loop.ts';
import { stepShapes } from '../rules/event-steps.ts';
import { traceCode } from '../rules/trace-code.ts';
import { movementsOf, refreshFindings } from './findings.ts';
import { batchRow, batchScope, chinaOffset, entityNames, eventViews } from './shared-views.ts';

async function certificateKindsOf(ctx: ActorContext, rows: readonly { districtCode: string; id: number }[]) {
  const kinds = new Map<string, BatchView['certificateKinds']>();
  for (const row of rows) {
    const found = await ctx.db
      .select({ kind: ccCertificate.kind })
      .from(ccCertificate)
      .where(and(eq(ccCertificate.districtCode, row.districtCode), eq(ccCertificate.batchId, row.id)));
    kinds.set(`${row.districtCode}:${row.id}`, found.map((certificate) => certificate.kind).sort());
  }
  return kinds;
}

async function batchViews(ctx: ActorContext, rows: readonly (typeof ccBatch.$inferSelect)[]): Promise<BatchView[]> {
  const nameOf = await entityNames(
    ctx,
    rows.map((row) => ({ districtCode: row.districtCode, entityId: row.firstHolderEntityId })),
  );
  const kinds = await certificateKindsOf(ctx, rows);
  return rows.map((row) => ({
    id: row.id,
    traceCode: row.traceCode,
    customsDeclarationNo: row.customsDeclarationNo,
    originCountry: row.originCountry,
    product: row.product,
    category: row.category,
    lot: row.lot,
    quantity: row.quantity,
    unit: row.unit,
    firstHolderEntityId: row.firstHolderEntityId,
    firstHolderName: nameOf(row.districtCode, row.firstHolderEntityId),
    streetCode: row.streetCode,
    arrivedOn: row.arrivedOn,
    isSellable: row.isSellable,
    sellableSince: row.sellableSince,
    certificateKinds: kinds.get(`${row.districtCode}:${row.id}`) ?? [],
  }));
}

export async function listBatches(ctx: ActorContext, filter: BatchFilter) {
  const text = filter.q?.trim();
  const where = and(
    batchScope(ctx),
    filter.category ? eq(ccBatch.category, filter.category) : undefined,
    filter.sellable ? eq(ccBatch.isSellable, filter.sellable === 'yes') : undefined,
    filter.streetCode ? eq(ccBatch.streetCode, filter.streetCode) : undefined,
    text
      ? or(ilike(ccBatch.product, `%${text}%`), ilike(ccBatch.traceCode, `%${text}%`), ilike(ccBatch.customsDeclarationNo, `%${text}%`))
      : undefined,
  );
  const rows = await ctx.db
    .select()
    .from(ccBatch)
    .where(where)
    .orderBy(desc(ccBatch.arrivedOn), desc(ccBatch.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const total = (await ctx.db.$count(ccBatch, where)) as number;
  return { items: await batchViews(ctx, rows), total };
}

/**
 * Registers an imported batch at its first holder (a cold store or importer in the actor's scope): its trace code is
 * issued, and its arrival is the first event (a receive at the first holder), so the closed loop starts from it.
 */
export async function createBatch(ctx: ActorContext, input: BatchInput): Promise<BatchView> {
  const holder = await findEntityForModule(ctx, input.firstHolderEntityId);
  const today = todayInChina(ctx.clock.now());
  if (input.arrivedOn > today)
    throw invalidRequest({}, [
      { in: 'body', field: 'arrivedOn', code: 'future', message: { 'zh-CN': '不能晚于今天', en: 'cannot be later than today' } },
    ]);
  const [taken] = await ctx.db
    .select({ id: ccBatch.id })
    .from(ccBatch)
    .where(
      and(
        eq(ccBatch.districtCode, holder.districtCode),
        eq(ccBatch.customsDeclarationNo, input.customsDeclarationNo),
        eq(ccBatch.product, input.product),
        eq(ccBatch.lot, input.lot),
      ),
    );
  if (taken) throw batchTaken({ declaration: input.customsDeclarationNo });
  const code = traceCode(holder.districtCode, randomBytes(10));
  const arrival =
    ctx.clock.now().toISOString().slice(0, 10) === input.arrivedOn ? ctx.clock.now() : new Date(`${input.arrivedOn}T02:00:00Z`);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ccBatch)
      .values({
        districtCode: holder.districtCode,
        traceCode: code,
        customsDeclarationNo: input.customsDeclarationNo,
        originCountry: input.originCountry,
        product: input.product,
        category: input.category,
        lot: input.lot,
        quantity: fromMilli(toMilli(input.quantity)),
        unit: input.unit,
        firstHolderEntityId: holder.id,
        streetCode: holder.streetCode,
        arrivedOn: input.arrivedOn,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: ccBatch.id });
    const shape = stepShapes.receive;
    await tx.insert(ccEvent).values({
      districtCode: holder.districtCode,
      eventId: `urn:zhijian:batch-arrival:${code}`,
      eventType: shape.eventType,
      action: shape.action,
      step: 'receive',
      bizStep: shape.bizStep,
      disposition: shape.disposition,
      eventTime: arrival.toISOString(),
      eventTimeZoneOffset: chinaOffset(arrival),
      code,
      quantity: fromMilli(toMilli(input.quantity)),
      unit: input.unit,
      holderEntityId: holder.id,
      streetCode: holder.streetCode,
      referenceDocument: `customs_declaration:${input.customsDeclarationNo}`,
      source: 'form',
      createdBy: ctx.actor.userId,
    });
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'cold_chain.batch.create',
        districtCode: holder.districtCode,
        objectType: 'cc_batch',
        objectId: row?.id ?? 0,
        detail: { code },
      },
    );
    return row?.id as number;
  });
  return (await batchViews(ctx, [await batchRow(ctx, id)]))[0] as BatchView;
}

export async function updateBatch(ctx: ActorContext, id: number, patch: BatchPatch): Promise<BatchView> {
  const row = await batchRow(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(ccBatch)
      .set(patch)
      .where(and(eq(ccBatch.districtCode, row.districtCode), eq(ccBatch.id, id)));
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'cold_chain.batch.update', districtCode: row.districtCode, objectType: 'cc_batch', objectId: id, detail: patch },
    );
  });
  return (await batchViews(ctx, [await batchRow(ctx, id)]))[0] as BatchView;
}

/** The batch page: the batch, its certificates (without their bytes), its lots, every event of its codes in this district, and each holder's loop balance. */
export async function batchDetail(ctx: ActorContext, id: number): Promise<BatchDetail> {
  const row = await batchRow(ctx, id);
  const [batch] = await batchViews(ctx, [row]);
  const certificates = await ctx.db
    .select()
    .from(ccCertificate)
    .where(and(eq(ccCertificate.districtCode, row.districtCode), eq(ccCertificate.batchId, id)))
    .orderBy(asc(ccCertificate.kind));
  const lots = await ctx.db
    .select()
    .from(ccLot)
    .where(and(eq(ccLot.districtCode, row.districtCode), eq(ccLot.rootCode, row.traceCode)))
    .orderBy(asc(ccLot.id));
  const codes = [row.traceCode, ...lots.map((lot) => lot.code)];
  const events = await ctx.db
    .select()
    .from(ccEvent)
    .where(and(eq(ccEvent.districtCode, row.districtCode), inArray(ccEvent.code, codes)))
    .orderBy(asc(ccEvent.eventTime), asc(ccEvent.id));
  const outputMilli = new Map(lots.map((lot) => [lot.code, toMilli(lot.quantity)]));
  const pairs = movementsOf(events, outputMilli);
  const nameOf = await entityNames(
    ctx,
    pairs.map((pair) => ({ districtCode: row.districtCode, entityId: pair.holder })),
  );
  const depthOf = new Map<string, number>([[row.traceCode, 0]]);
  for (const lot of lots) depthOf.set(lot.code, (depthOf.get(lot.parentCode) ?? 0) + 1);
  return {
    batch: batch as BatchView,
    certificates: certificates.map((certificate) => ({
      id: certificate.id,
      kind: certificate.kind,
      number: certificate.number,
      issuedOn: certificate.issuedOn,
      contentType: certificate.contentType,
      sizeBytes: certificate.sizeBytes,
      sha256: certificate.sha256,
    })),
    missingCertificates: missingCertificates(certificates.map((certificate) => certificate.kind)),
    lots: [
      { code: row.traceCode, parentCode: null, product: row.product, quantity: row.quantity, unit: row.unit, depth: 0 },
      ...lots.map((lot) => ({
        code: lot.code,
        parentCode: lot.parentCode,
        product: lot.product,
        quantity: lot.quantity,
        unit: lot.unit,
        depth: depthOf.get(lot.code) ?? 1,
      })),
    ],
    events: await eventViews(ctx, events),
    balances: pairs.map((pair) => {
      const balance = loopBalance(pair.movements);
      return {
        code: pair.code,
        holderEntityId: pair.holder,
        holderName: nameOf(row.districtCode, pair.holder),
        received: fromMilli(balance.inMilli),
        out: fromMilli(balance.outMilli),
        disposed: fromMilli(balance.disposedMilli),
        stock: fromMilli(balance.stockMilli),
        isStockCounted: balance.isStockCounted,
      };
    }),
  };
}

/** Adds (or replaces) one of the three certificates: PDF, JPEG or PNG by its first bytes, at most 5 MB. */
export async function addCertificate(ctx: ActorContext, id: number, input: CertificateInput): Promise<BatchDetail> {
  const row = await batchRow(ctx, id);
  const checked = checkCertificateDataUrl(input.dataUrl);
  if ('problem' in checked) {
    const messages = {
      not_certificate_file: { 'zh-CN': '不是PDF、JPEG或PNG文件', en: 'not a PDF, JPEG or PNG file' },
      empty: { 'zh-CN': '文件是空的', en: 'the file is empty' },
      too_large: { 'zh-CN': '文件不能超过5MB', en: 'a file must be 5 MB or less' },
    } as const;
    throw invalidRequest({}, [{ in: 'body', field: 'dataUrl', code: checked.problem, message: messages[checked.problem] }]);
  }
  const sha256 = createHash('sha256').update(checked.content).digest('hex');
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(ccCertificate)
      .where(and(eq(ccCertificate.districtCode, row.districtCode), eq(ccCertificate.batchId, id), eq(ccCertificate.kind, input.kind)));
    await tx.insert(ccCertificate).values({
      districtCode: row.districtCode,
      batchId: id,
      kind: input.kind,
      number: input.number,
      issuedOn: input.issuedOn,
      contentType: checked.type,
      sizeBytes: checked.content.length,
      sha256,
      content: checked.content,
      createdBy: ctx.actor.userId,
    });
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'cold_chain.certificate.add',
        districtCode: row.districtCode,
        objectType: 'cc_batch',
        objectId: id,
        detail: { kind: input.kind, sha256 },
      },
    );
  });
  return batchDetail(ctx, id);
}

/** A certificate's bytes, for a batch in the actor's scope (404 otherwise, as for a missing certificate). */
export async function certificateContent(ctx: ActorContext, certificateId: number) {
  const [row] = await ctx.db
    .select({
      batchId: ccCertificate.batchId,
      contentType: ccCertificate.contentType,
      content: ccCertificate.content,
      kind: ccCertificate.kind,
    })
    .from(ccCertificate)
    .innerJoin(ccBatch, and(eq(ccBatch.districtCode, ccCertificate.districtCode), eq(ccBatch.id, ccCertificate.batchId)))
    .where(and(batchScope(ctx), eq(ccCertificate.id, certificateId)));
  if (!row) throw certificateNotFound();
  return row;
}

/** Marks a batch sellable: only with all three certificates (rules/certificates.ts). */
export async function markSellable(ctx: ActorContext, id: number): Promise<BatchView> {
  const row = await batchRow(ctx, id);
  const present = await ctx.db
    .select({ kind: ccCertificate.kind })
    .from(ccCertificate)
    .where(and(eq(ccCertificate.districtCode, row.districtCode), eq(ccCertificate.batchId, id)));
  const missing = missingCertificates(present.map((certificate) => certificate.kind));
  if (missing.length > 0)
    throw certificatesMissing({
      missingZh: missing.map((kind) => certificateKindNames['zh-CN'][kind]).join('、'),
      missingEn: missing.map((kind) => certificateKindNames.en[kind]).join(', '),
    });
  if (!row.isSellable)
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(ccBatch)
        .set({ isSellable: true, sellableSince: todayInChina(ctx.clock.now()) })
        .where(and(eq(ccBatch.districtCode, row.districtCode), eq(ccBatch.id, id)));
      await writeAudit(
        { ...ctx, db: tx },
        { action: 'cold_chain.batch.sellable', districtCode: row.districtCode, objectType: 'cc_batch', objectId: id },
      );
    });
  await refreshFindings(ctx, row.districtCode, [row.traceCode]);
  return (await batchViews(ctx, [await batchRow(ctx, id)]))[0] as BatchView;
}

export { batchNotFound };
