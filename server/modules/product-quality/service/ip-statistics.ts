import { and, eq, inArray, sql } from 'drizzle-orm';
import { formatYuan } from '../../../../shared/money.ts';
import { type IpKind, ipCountKinds, ipKinds } from '../../../../shared/vocabularies/product-quality.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { readSpreadsheet } from '../../../platform/spreadsheets/read.ts';
import type { SpreadsheetKind } from '../../../platform/spreadsheets/upload.ts';
import { entitiesByCreditCodeOrName } from '../../registry/index.ts';
import type { IpImportResult, IpStatisticsView } from '../product-quality.schemas.ts';
import { pqIpRecord } from '../product-quality.tables.ts';
import { type IpExtractColumn, ipExtractColumns, readIpExtractRow, yearOnYearPercent } from '../rules/ip-extract-row.ts';

const isCount = (kind: IpKind) => (ipCountKinds as readonly string[]).includes(kind);
/** IP statistics are district-wide work: the district, never a station's streets. */
const inDistrict = (ctx: ActorContext) => inArray(pqIpRecord.districtCode, [...ctx.actor.districtCodes]);

/** Totals per kind of a year and the year before, with the change; the firms with most invention and trademark applications. */
export async function ipStatistics(ctx: ActorContext, year: number): Promise<IpStatisticsView> {
  const totals = await ctx.db
    .select({
      year: pqIpRecord.year,
      kind: pqIpRecord.kind,
      quantity: sql<number>`sum(${pqIpRecord.quantity})::int`,
      amountFen: sql<string>`sum(${pqIpRecord.amountFen})::text`,
      firms: sql<number>`count(distinct ${pqIpRecord.creditCode})::int`,
    })
    .from(pqIpRecord)
    .where(and(inDistrict(ctx), inArray(pqIpRecord.year, [year - 1, year])))
    .groupBy(pqIpRecord.year, pqIpRecord.kind);
  const of = (kind: IpKind, y: number) => totals.find((row) => row.kind === kind && row.year === y);
  const kinds = ipKinds.map((kind) => {
    const current = of(kind, year);
    const previous = of(kind, year - 1);
    const value = (row: typeof current) => (row ? (isCount(kind) ? row.quantity : Number(row.amountFen)) : 0);
    const text = (row: typeof current) => (isCount(kind) ? String(value(row)) : formatYuan(BigInt(value(row))));
    return {
      kind,
      value: text(current),
      previous: previous ? text(previous) : null,
      changePercent: previous ? yearOnYearPercent(value(current), value(previous)) : null,
      firms: current?.firms ?? 0,
    };
  });
  const topFirms = await ctx.db
    .select({
      firmName: sql<string>`min(${pqIpRecord.firmName})`,
      creditCode: pqIpRecord.creditCode,
      entityId: sql<number | null>`max(${pqIpRecord.entityId})`,
      inventionApplications: sql<number>`(sum(${pqIpRecord.quantity}) filter (where ${pqIpRecord.kind} = 'invention_application'))::int`,
      trademarkApplications: sql<number>`(sum(${pqIpRecord.quantity}) filter (where ${pqIpRecord.kind} = 'trademark_application'))::int`,
    })
    .from(pqIpRecord)
    .where(and(inDistrict(ctx), eq(pqIpRecord.year, year)))
    .groupBy(pqIpRecord.creditCode)
    .orderBy(sql`3 desc nulls last`, sql`4 desc nulls last`, pqIpRecord.creditCode)
    .limit(10);
  return {
    year,
    kinds,
    topFirms: topFirms.map((firm) => ({
      ...firm,
      entityId: firm.entityId === null ? null : Number(firm.entityId),
      inventionApplications: firm.inventionApplications ?? 0,
      trademarkApplications: firm.trademarkApplications ?? 0,
    })),
  };
}

const headerFor = (headers: string[], column: IpExtractColumn) =>
  headers.find(
    (header) =>
      (ipExtractColumns[column] as readonly string[]).includes(header.trim().toLowerCase()) ||
      (ipExtractColumns[column] as readonly string[]).includes(header.trim()),
  );

/**
 * Imports an IP or brand extract (xlsx or csv, one row per firm, year and kind): every row is checked, the good rows are
 * written (a row for a firm, year and kind already on file replaces it: the offices' extracts are restated), the bad
 * ones are reported with their row number, column and reason and written nowhere.
 */
export async function importIpExtract(
  ctx: ActorContext,
  input: { file: Buffer; kind: SpreadsheetKind; filename: string },
): Promise<IpImportResult> {
  const sheet = await readSpreadsheet(input.file, input.kind);
  const columns = Object.fromEntries(
    (Object.keys(ipExtractColumns) as IpExtractColumn[]).map((column) => [column, headerFor(sheet.headers, column)]),
  ) as Record<IpExtractColumn, string | undefined>;
  const missing = (['creditCode', 'firmName', 'year', 'kind'] as const).filter((column) => !columns[column]);
  if (missing.length)
    return {
      rows: sheet.rows.length,
      imported: 0,
      rejected: sheet.rows.length,
      errors: missing.map((column) => ({
        rowNumber: 1,
        field: column,
        message: `缺少列 / missing column: ${ipExtractColumns[column][0]}`,
      })),
      unlinked: 0,
      warnings: [],
    };
  const thisYear = ctx.clock.now().getUTCFullYear();
  const errors: IpImportResult['errors'] = [];
  const good: { rowNumber: number; record: NonNullable<Extract<ReturnType<typeof readIpExtractRow>, { record: unknown }>['record']> }[] =
    [];
  const seen = new Map<string, number>();
  for (const row of sheet.rows) {
    const cells = Object.fromEntries(
      (Object.keys(columns) as IpExtractColumn[]).map((column) => [
        column,
        columns[column] ? (row.cells[columns[column] as string] ?? '') : '',
      ]),
    );
    const read = readIpExtractRow(cells, { from: 2000, to: thisYear });
    if ('problems' in read) for (const problem of read.problems) errors.push({ rowNumber: row.rowNumber, ...problem });
    else {
      const key = `${read.record.creditCode}:${read.record.year}:${read.record.kind}`;
      const first = seen.get(key);
      if (first !== undefined)
        errors.push({
          rowNumber: row.rowNumber,
          field: 'kind',
          message: `与第 ${first} 行重复（同一企业、年度、类别） / duplicates row ${first}`,
        });
      else {
        seen.set(key, row.rowNumber);
        good.push({ rowNumber: row.rowNumber, record: read.record });
      }
    }
  }
  // Each firm linked to a registry entity of the district: by credit code, else by exact name (when one entity has it).
  // A firm not found is written unlinked with a warning: the extract is the office's count, and the district's totals
  // must be the office's totals (docs/decisions/0038).
  const districtCode = ctx.actor.districtCode;
  const found = await entitiesByCreditCodeOrName(ctx, districtCode, {
    creditCodes: [...new Set(good.map(({ record }) => record.creditCode))],
    names: [...new Set(good.map(({ record }) => record.firmName))],
  });
  const byCode = new Map(found.map((entity) => [entity.creditCode, entity]));
  const byName = new Map<string, (typeof found)[number] | null>();
  for (const entity of found) byName.set(entity.name, byName.has(entity.name) ? null : entity);
  const warnings: IpImportResult['warnings'] = [];
  const linked = good.map((item) => {
    const entity = byCode.get(item.record.creditCode) ?? byName.get(item.record.firmName) ?? null;
    if (!entity)
      warnings.push({
        rowNumber: item.rowNumber,
        field: 'creditCode',
        message: `辖区市场主体库中未找到该企业（按统一社会信用代码和名称），已导入但未关联 / firm not found in the district registry by credit code or name: imported unlinked`,
      });
    return { ...item, entity };
  });
  await ctx.db.transaction(async (tx) => {
    for (let start = 0; start < linked.length; start += 500) {
      await tx
        .insert(pqIpRecord)
        .values(
          linked.slice(start, start + 500).map(({ record, entity }) => ({
            districtCode,
            entityId: entity?.id ?? null,
            streetCode: entity?.streetCode ?? null,
            year: record.year,
            kind: record.kind,
            firmName: record.firmName,
            creditCode: record.creditCode,
            quantity: record.quantity,
            amountFen: Number(record.amountFen),
            source: input.filename,
          })),
        )
        .onConflictDoUpdate({
          target: [pqIpRecord.districtCode, pqIpRecord.year, pqIpRecord.kind, pqIpRecord.creditCode],
          set: {
            firmName: sql`excluded.firm_name`,
            entityId: sql`excluded.entity_id`,
            streetCode: sql`excluded.street_code`,
            quantity: sql`excluded.quantity`,
            amountFen: sql`excluded.amount_fen`,
            source: sql`excluded.source`,
          },
        });
    }
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'product_quality.ip_import',
        objectType: 'pq_ip_record',
        detail: { filename: input.filename, rows: sheet.rows.length, imported: good.length, unlinked: warnings.length },
      },
    );
  });
  return {
    rows: sheet.rows.length,
    imported: good.length,
    rejected: new Set(errors.map((error) => error.rowNumber)).size,
    errors,
    unlinked: warnings.length,
    warnings,
  };
}
