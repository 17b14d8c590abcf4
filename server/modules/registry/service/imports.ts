import { createHash } from 'node:crypto';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import type { Db } from '../../../db/client.ts';
import { inIds, inTexts } from '../../../db/id-set.ts';
import { inTurn } from '../../../db/in-turn.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { translate } from '../../../platform/i18n/language.ts';
import { street } from '../../../platform/org/org.tables.ts';
import { csvText } from '../../../platform/spreadsheets/csv.ts';
import { readSpreadsheet } from '../../../platform/spreadsheets/read.ts';
import type { SpreadsheetKind } from '../../../platform/spreadsheets/upload.ts';
import {
  importAlreadyCommitted,
  importBatchNotFound,
  importDataChanged,
  importMappingIncomplete,
  importMappingNotFound,
} from '../registry.errors.ts';
import {
  type ImportAction,
  type ImportBatchView,
  type ImportColumns,
  type ImportField,
  type ImportMappingBody,
  type ImportRowsQuery,
  type ImportRowView,
  importFields,
} from '../registry.schemas.ts';
import { entity, importBatch, importMapping, importRow } from '../registry.tables.ts';
import { guessImportColumns, requiredImportFields } from '../rules/import-columns.ts';
import { duplicateInFileReason, missingForNewEntity, readImportRow } from '../rules/import-row.ts';
import { applyNewEntities, applyUpdates } from './import-apply.ts';
import { existingByCreditCode, type PlannedRow, planNew, planRowsPerStatement, planUpdate, storePlannedRows } from './import-plan.ts';

export interface DryRunInput {
  file: Buffer;
  kind: SpreadsheetKind;
  filename: string;
  mappingId?: number;
  /** header → field, overriding a saved mapping and the guess. */
  columns?: ImportColumns;
}

async function resolveColumns(ctx: ActorContext, headers: string[], input: DryRunInput) {
  const guessed = guessImportColumns(headers);
  let columns: ImportColumns = guessed.columns;
  if (input.mappingId !== undefined) {
    const [saved] = await ctx.db
      .select()
      .from(importMapping)
      .where(and(eq(importMapping.districtCode, ctx.actor.districtCode), eq(importMapping.id, input.mappingId)));
    if (!saved) throw importMappingNotFound();
    columns = saved.columns as ImportColumns;
  }
  if (input.columns) columns = input.columns;
  columns = Object.fromEntries(
    Object.entries(columns).filter(([header, field]) => headers.includes(header) && importFields.includes(field)),
  ) as ImportColumns;
  const mapped = new Set<ImportField>(Object.values(columns));
  const missing = requiredImportFields.filter((field) => !mapped.has(field));
  if (missing.length) throw importMappingIncomplete({ missing: missing.join(', ') });
  return { columns, unmapped: headers.filter((header) => header && !(header in columns)) };
}

/**
 * Reads a registration extract and plans it row by row — new, updated, unchanged or rejected with the
 * row number and the reasons — without touching the registry. The plan is stored; commit applies it.
 */
export async function dryRunImport(ctx: ActorContext, input: DryRunInput): Promise<ImportBatchView> {
  const districtCode = ctx.actor.districtCode;
  const today = todayInChina(ctx.clock.now());
  const sheet = await readSpreadsheet(input.file, input.kind);
  const { columns, unmapped } = await resolveColumns(ctx, sheet.headers, input);
  const streets = await ctx.db.select({ code: street.code, name: street.name }).from(street).where(eq(street.districtCode, districtCode));

  const read = sheet.rows.map((row) => ({ row, ...readImportRow(row.cells, columns, { streets, today }) }));
  const firstRowOfCode = new Map<string, number>();
  for (const item of read) {
    if (!item.entity.creditCode || item.reasons.some((reason) => reason.field === 'creditCode')) continue;
    const first = firstRowOfCode.get(item.entity.creditCode);
    if (first === undefined) firstRowOfCode.set(item.entity.creditCode, item.row.rowNumber);
    else item.reasons.push(duplicateInFileReason(first));
  }
  const existing = await existingByCreditCode(ctx.db, districtCode, [...firstRowOfCode.keys()]);
  const planned: PlannedRow[] = read.map(({ row, entity: imported, reasons }) => {
    const base = { rowNumber: row.rowNumber, creditCode: imported.creditCode || null, raw: row.cells };
    const found = reasons.length ? undefined : existing.get(imported.creditCode);
    if (!reasons.length && found) {
      const { changed, fields } = planUpdate(ctx.crypto, found, imported, today);
      const action: ImportAction = changed.length ? 'updated' : 'unchanged';
      return {
        ...base,
        action,
        entityId: found.id,
        entityRevision: found.revision,
        fields: changed.length ? fields : null,
        changed,
        reasons,
      };
    }
    const allReasons = reasons.length ? reasons : missingForNewEntity(imported);
    if (allReasons.length) {
      return { ...base, action: 'rejected', entityId: null, entityRevision: null, fields: null, changed: [], reasons: allReasons };
    }
    return {
      ...base,
      action: 'new',
      entityId: null,
      entityRevision: null,
      fields: planNew(ctx.crypto, imported, today),
      changed: [],
      reasons: [],
    };
  });
  const tally = (action: ImportAction) => planned.filter((row) => row.action === action).length;
  const batchId = await ctx.db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(importBatch)
      .values({
        districtCode,
        filename: input.filename,
        fileSha256: createHash('sha256').update(input.file).digest('hex'),
        columns,
        unmappedHeaders: unmapped,
        rowCount: planned.length,
        newCount: tally('new'),
        updatedCount: tally('updated'),
        unchangedCount: tally('unchanged'),
        rejectedCount: tally('rejected'),
        createdBy: ctx.actor.userId,
      })
      .returning({ id: importBatch.id });
    const id = (batch as { id: number }).id;
    await storePlannedRows(tx, ctx.crypto, { districtCode, batchId: id }, planned);
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'registry.import_dry_run',
        objectType: 'import_batch',
        objectId: id,
        districtCode,
        detail: {
          filename: input.filename,
          rows: planned.length,
          new: tally('new'),
          updated: tally('updated'),
          rejected: tally('rejected'),
        },
      },
    );
    return id;
  });
  return getImportBatch(ctx, batchId);
}

async function findBatch(db: Db, ctx: ActorContext, id: number) {
  const [batch] = await db
    .select()
    .from(importBatch)
    .where(and(eq(importBatch.districtCode, ctx.actor.districtCode), eq(importBatch.id, id)));
  if (!batch) throw importBatchNotFound();
  return batch;
}

export async function getImportBatch(ctx: ActorContext, id: number): Promise<ImportBatchView> {
  const batch = await findBatch(ctx.db, ctx, id);
  return {
    id: batch.id,
    filename: batch.filename,
    status: batch.status,
    columns: batch.columns,
    unmappedHeaders: batch.unmappedHeaders,
    rowCount: batch.rowCount,
    newCount: batch.newCount,
    updatedCount: batch.updatedCount,
    unchangedCount: batch.unchangedCount,
    rejectedCount: batch.rejectedCount,
    createdAt: batch.createdAt.toISOString(),
    committedAt: batch.committedAt?.toISOString() ?? null,
  };
}

/** The planned rows of a batch, by row number, optionally only one action. */
export async function listImportRows(ctx: ActorContext, id: number, query: ImportRowsQuery) {
  await findBatch(ctx.db, ctx, id);
  const where = and(
    eq(importRow.districtCode, ctx.actor.districtCode),
    eq(importRow.batchId, id),
    query.action ? eq(importRow.action, query.action) : undefined,
  );
  const [rows, [counted]] = await inTurn(
    () =>
      ctx.db
        .select()
        .from(importRow)
        .where(where)
        .orderBy(asc(importRow.rowNumber))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
    () => ctx.db.select({ total: count() }).from(importRow).where(where),
  );
  const items: ImportRowView[] = rows.map((row) => ({
    rowNumber: row.rowNumber,
    action: row.action,
    creditCode: row.creditCode,
    name: typeof row.fields?.name === 'string' ? row.fields.name : null,
    changed: row.changed,
    reasons: row.reasons.map((reason) => ({
      field: reason.field,
      code: reason.code,
      message: translate(reason.message, ctx.meta.language),
    })),
  }));
  return { items, total: counted?.total ?? 0 };
}

/**
 * Applies exactly the dry-run plan in one transaction. If any planned row no longer matches the
 * registry (an entity changed, or a "new" credit code appeared meanwhile), nothing is applied: 409.
 */
export async function commitImport(ctx: ActorContext, id: number): Promise<ImportBatchView> {
  const districtCode = ctx.actor.districtCode;
  await ctx.db.transaction(async (tx) => {
    const batch = await findBatch(tx, ctx, id);
    if (batch.status !== 'dry_run') throw importAlreadyCommitted();
    // Lock the batch row on PostgreSQL so two commits of one batch cannot both pass the check.
    await tx.execute(
      sql`select 1 from ${importBatch} where ${importBatch.districtCode} = ${districtCode} and ${importBatch.id} = ${id} for update`,
    );
    const rows = await tx
      .select()
      .from(importRow)
      .where(
        and(
          eq(importRow.districtCode, districtCode),
          eq(importRow.batchId, id),
          inArray(importRow.action, ['new', 'updated', 'unchanged']),
        ),
      )
      .orderBy(asc(importRow.rowNumber));
    const stale = await findStaleRows(tx, districtCode, rows);
    if (stale.length) throw importDataChanged({ count: stale.length, rowNumber: stale[0] });
    const newRows = rows.filter((row) => row.action === 'new');
    const updatedRows = rows.filter((row) => row.action === 'updated');
    await applyNewEntities(tx, districtCode, newRows, ctx.actor.userId);
    await applyUpdates(tx, districtCode, updatedRows, ctx.clock.now(), ctx.actor.userId);
    await tx
      .update(importBatch)
      .set({ status: 'committed', committedAt: ctx.clock.now() })
      .where(and(eq(importBatch.districtCode, districtCode), eq(importBatch.id, id)));
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'registry.import_commit',
        objectType: 'import_batch',
        objectId: id,
        districtCode,
        detail: { filename: batch.filename, new: newRows.length, updated: updatedRows.length },
      },
    );
  });
  return getImportBatch(ctx, id);
}

type PlannedRowRecord = typeof importRow.$inferSelect;

/** Row numbers whose plan no longer holds: an entity's revision moved, or a "new" code now exists. */
async function findStaleRows(db: Db, districtCode: string, rows: PlannedRowRecord[]): Promise<number[]> {
  const stale: number[] = [];
  const known = rows.filter((row) => row.entityId !== null);
  for (let start = 0; start < known.length; start += planRowsPerStatement) {
    const slice = known.slice(start, start + planRowsPerStatement);
    const current = await db
      .select({ id: entity.id, revision: entity.revision })
      .from(entity)
      .where(
        and(
          eq(entity.districtCode, districtCode),
          inIds(
            entity.id,
            slice.map((row) => row.entityId as number),
          ),
        ),
      );
    const revisions = new Map(current.map((row) => [row.id, row.revision]));
    for (const row of slice) if (revisions.get(row.entityId as number) !== row.entityRevision) stale.push(row.rowNumber);
  }
  const fresh = rows.filter((row) => row.action === 'new');
  for (let start = 0; start < fresh.length; start += planRowsPerStatement) {
    const slice = fresh.slice(start, start + planRowsPerStatement);
    const taken = await db
      .select({ creditCode: entity.creditCode })
      .from(entity)
      .where(
        and(
          eq(entity.districtCode, districtCode),
          inTexts(
            entity.creditCode,
            slice.map((row) => row.creditCode as string),
          ),
        ),
      );
    const takenCodes = new Set(taken.map((row) => row.creditCode));
    for (const row of slice) if (takenCodes.has(row.creditCode as string)) stale.push(row.rowNumber);
  }
  return stale.sort((a, b) => a - b);
}

/** The rejected rows as CSV: row number, reasons, then the cells as they were in the file. */
export async function importErrorReport(ctx: ActorContext, id: number): Promise<{ filename: string; csv: string }> {
  const batch = await findBatch(ctx.db, ctx, id);
  const rows = await ctx.db
    .select()
    .from(importRow)
    .where(and(eq(importRow.districtCode, ctx.actor.districtCode), eq(importRow.batchId, id), eq(importRow.action, 'rejected')))
    .orderBy(asc(importRow.rowNumber));
  const decoded = rows.map((row) => ({
    row,
    cells: row.rawEnc ? (JSON.parse(ctx.crypto.decrypt(row.rawEnc)) as Record<string, string>) : {},
  }));
  const headers = [...new Set(decoded.flatMap(({ cells }) => Object.keys(cells)))];
  const isZh = ctx.meta.language === 'zh-CN';
  const header = [isZh ? '行号' : 'Row', isZh ? '原因' : 'Reasons', ...headers];
  const lines = [
    ...decoded.map(({ row, cells }) => [
      row.rowNumber,
      row.reasons.map((reason) => translate(reason.message, ctx.meta.language)).join('；'),
      ...headers.map((header) => cells[header] ?? ''),
    ]),
  ];
  await ctx.db.transaction((tx) =>
    writeAudit(
      { ...ctx, db: tx },
      {
        action: 'registry.import_error_report',
        objectType: 'import_batch',
        objectId: id,
        districtCode: batch.districtCode,
        detail: { rows: rows.length },
      },
    ),
  );
  const base = batch.filename.replace(/\.(csv|xlsx)$/i, '');
  return { filename: `${base}-errors.csv`, csv: csvText(header, lines) };
}

export async function listImportMappings(ctx: ActorContext) {
  const rows = await ctx.db
    .select()
    .from(importMapping)
    .where(eq(importMapping.districtCode, ctx.actor.districtCode))
    .orderBy(asc(importMapping.name));
  return rows.map((row) => ({ id: row.id, name: row.name, columns: row.columns }));
}

/** Saves (or replaces, by name) a column mapping for reuse. */
export async function saveImportMapping(ctx: ActorContext, input: ImportMappingBody) {
  const districtCode = ctx.actor.districtCode;
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(importMapping)
      .values({ districtCode, name: input.name, columns: input.columns, createdBy: ctx.actor.userId })
      .onConflictDoUpdate({ target: [importMapping.districtCode, importMapping.name], set: { columns: input.columns } })
      .returning();
    const row = saved as typeof importMapping.$inferSelect;
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'registry.import_mapping_save', objectType: 'import_mapping', objectId: row.id, districtCode },
    );
    return { id: row.id, name: row.name, columns: row.columns };
  });
}
