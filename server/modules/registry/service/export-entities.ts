import type { Writable } from 'node:stream';
import { and, desc, lt } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { street } from '../../../platform/org/org.tables.ts';
import { xlsxStream } from '../../../platform/spreadsheets/xlsx.ts';
import type { EntityFilter } from '../registry.schemas.ts';
import { entity } from '../registry.tables.ts';
import { entitySearchWhere } from './search-entities.ts';

const pageRows = 2000;
const statusLabels = { active: '存续', moved_out: '迁出', cancelled: '注销', revoked: '吊销' } as const;
const kindLabels = { enterprise: '企业', individual: '个体工商户' } as const;
type ExportRow = Record<
  | 'creditCode'
  | 'name'
  | 'kind'
  | 'legalRepName'
  | 'industryCode'
  | 'registeredCapitalWan'
  | 'foundedOn'
  | 'status'
  | 'address'
  | 'street'
  | 'phone',
  string | number | null
>;

/**
 * Streams the filtered list (the same filters as the search) as xlsx into `output`, 2,000 rows a query
 * by keyset, so a district-wide export never sits in memory. Personal data stays masked.
 */
export async function exportEntities(ctx: ActorContext, filter: EntityFilter, output: Writable): Promise<number> {
  const where = await entitySearchWhere(ctx, filter);
  const streets = new Map(
    (await ctx.db.select({ districtCode: street.districtCode, code: street.code, name: street.name }).from(street)).map((row) => [
      `${row.districtCode}:${row.code}`,
      row.name,
    ]),
  );
  const sheet = xlsxStream<ExportRow>(output, {
    name: '市场主体',
    columns: [
      { header: '统一社会信用代码', key: 'creditCode', width: 22 },
      { header: '名称', key: 'name', width: 36 },
      { header: '类型', key: 'kind', width: 12 },
      { header: '法定代表人', key: 'legalRepName', width: 12 },
      { header: '行业', key: 'industryCode', width: 8 },
      { header: '注册资本(万元)', key: 'registeredCapitalWan', width: 14 },
      { header: '成立日期', key: 'foundedOn', width: 12 },
      { header: '登记状态', key: 'status', width: 10 },
      { header: '住所', key: 'address', width: 40 },
      { header: '所属街道', key: 'street', width: 14 },
      { header: '联系电话', key: 'phone', width: 14 },
    ],
  });
  let lastId: number | undefined;
  let written = 0;
  for (;;) {
    const rows = await ctx.db
      .select()
      .from(entity)
      .where(lastId === undefined ? where : and(where, lt(entity.id, lastId)))
      .orderBy(desc(entity.id))
      .limit(pageRows);
    for (const row of rows) {
      sheet.add({
        creditCode: row.creditCode,
        name: row.name,
        kind: kindLabels[row.kind],
        legalRepName: row.legalRepName,
        industryCode: row.industryCode,
        registeredCapitalWan: row.registeredCapitalWan ?? '',
        foundedOn: row.foundedOn,
        status: statusLabels[row.status],
        address: row.address,
        street: streets.get(`${row.districtCode}:${row.streetCode}`) ?? row.streetCode,
        phone: row.phoneMask ?? '',
      });
    }
    written += rows.length;
    if (rows.length < pageRows) break;
    lastId = rows.at(-1)?.id;
  }
  await sheet.finish();
  await ctx.db.transaction((tx) =>
    writeAudit({ ...ctx, db: tx }, { action: 'registry.export', objectType: 'entity', detail: { rows: written, filter } }),
  );
  return written;
}
