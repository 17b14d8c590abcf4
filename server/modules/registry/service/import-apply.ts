import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { EntityStatus } from '../registry.schemas.ts';
import {
  entity,
  entityStatusHistory,
  type ImportedColumn,
  importedColumns,
  type importRow,
  type StoredEntityFields,
} from '../registry.tables.ts';
import { bulkInsertEntities, bulkInsertStatusHistory, type EntityInsertRow } from './bulk-insert.ts';
import { planRowsPerStatement } from './import-plan.ts';

type PlannedRowRecord = typeof importRow.$inferSelect;
const statementRows = 500;

/** Column name and cast of each column an import writes. */
const columnSql: Record<ImportedColumn, { name: string; cast: string }> = {
  name: { name: 'name', cast: 'text' },
  kind: { name: 'kind', cast: 'text' },
  legalRepName: { name: 'legal_rep_name', cast: 'text' },
  legalRepIdEnc: { name: 'legal_rep_id_enc', cast: 'text' },
  legalRepIdBlind: { name: 'legal_rep_id_blind', cast: 'text' },
  legalRepIdMask: { name: 'legal_rep_id_mask', cast: 'text' },
  phoneEnc: { name: 'phone_enc', cast: 'text' },
  phoneBlind: { name: 'phone_blind', cast: 'text' },
  phoneMask: { name: 'phone_mask', cast: 'text' },
  industryCode: { name: 'industry_code', cast: 'text' },
  registeredCapitalWan: { name: 'registered_capital_wan', cast: 'numeric' },
  foundedOn: { name: 'founded_on', cast: 'date' },
  address: { name: 'address', cast: 'text' },
  streetCode: { name: 'street_code', cast: 'text' },
  status: { name: 'status', cast: 'text' },
  statusSince: { name: 'status_since', cast: 'date' },
  endedOn: { name: 'ended_on', cast: 'date' },
  businessCategory: { name: 'business_category', cast: 'text' },
  searchGrams: { name: 'search_grams', cast: 'text[]' },
};

function valueSql(column: ImportedColumn, value: StoredEntityFields[ImportedColumn]): SQL {
  const { cast } = columnSql[column];
  if (value === undefined || value === null) return sql`null::${sql.raw(cast)}`;
  if (Array.isArray(value)) return sql`${`{${value.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
  return sql`${value}::${sql.raw(cast)}`;
}

/**
 * Inserts the planned new entities with their first status-history row(s): 20,000 rows a statement, one array
 * parameter a column (bulkInsertEntities, as the demo generator does; issue 23), in row order.
 */
export async function applyNewEntities(db: Db, districtCode: string, rows: PlannedRowRecord[], userId: number): Promise<void> {
  for (let start = 0; start < rows.length; start += planRowsPerStatement) {
    const slice = rows.slice(start, start + planRowsPerStatement);
    const planned = new Map<string, StoredEntityFields>();
    const created = await bulkInsertEntities(
      db,
      slice.map((row) => {
        const fields = row.fields as StoredEntityFields;
        planned.set(row.creditCode as string, fields);
        const value = <K extends ImportedColumn>(column: K) => (fields[column] ?? null) as never;
        return {
          districtCode,
          creditCode: row.creditCode as string,
          name: fields.name as string,
          kind: value('kind'),
          legalRepName: (fields.legalRepName as string | undefined) ?? '',
          legalRepIdEnc: value('legalRepIdEnc'),
          legalRepIdBlind: value('legalRepIdBlind'),
          legalRepIdMask: value('legalRepIdMask'),
          industryCode: value('industryCode'),
          registeredCapitalWan: value('registeredCapitalWan'),
          foundedOn: value('foundedOn'),
          status: value('status'),
          statusSince: value('statusSince'),
          endedOn: value('endedOn'),
          address: (fields.address as string | undefined) ?? '',
          streetCode: value('streetCode'),
          communityCode: null,
          lng: null,
          lat: null,
          phoneEnc: value('phoneEnc'),
          phoneBlind: value('phoneBlind'),
          phoneMask: value('phoneMask'),
          businessCategory: value('businessCategory'),
          searchGrams: (fields.searchGrams as string[] | undefined) ?? [],
        } satisfies EntityInsertRow;
      }),
    );
    await bulkInsertStatusHistory(
      db,
      created.flatMap(({ id, creditCode }) => {
        const fields = planned.get(creditCode) as StoredEntityFields;
        const first = {
          districtCode,
          entityId: id,
          status: 'active' as const,
          since: fields.foundedOn as string,
          reason: '',
          recordedBy: userId,
        };
        return fields.status === 'active' || !fields.status
          ? [first]
          : [first, { ...first, status: fields.status as EntityStatus, since: fields.statusSince as string }];
      }),
    );
  }
}

/**
 * Applies the planned changes, 500 rows a statement: each row sets only the columns it changes
 * (`case when 'col' = any(changed)`), bumps the revision, and a status change adds a history row.
 */
export async function applyUpdates(db: Db, districtCode: string, rows: PlannedRowRecord[], now: Date, userId: number): Promise<void> {
  for (let start = 0; start < rows.length; start += statementRows) {
    const slice = rows.slice(start, start + statementRows);
    const values = slice.map((row) => {
      const fields = row.fields ?? {};
      const set = importedColumns.filter((column) => column in fields);
      return sql`(${row.entityId}::bigint, ${`{${set.join(',')}}`}::text[], ${sql.join(
        importedColumns.map((column) => valueSql(column, fields[column])),
        sql`, `,
      )})`;
    });
    const names = importedColumns.map((column) => columnSql[column].name);
    const assignments = importedColumns.map((column) => {
      const name = sql.raw(columnSql[column].name);
      return sql`${name} = case when ${column} = any(v.set_columns) then v.${name} else e.${name} end`;
    });
    await db.execute(sql`
      update ${entity} e set ${sql.join(assignments, sql`, `)}, revision = e.revision + 1, updated_at = ${now}
      from (values ${sql.join(values, sql`, `)}) as v(id, set_columns, ${sql.raw(names.join(', '))})
      where e.district_code = ${districtCode} and e.id = v.id`);
    const statusChanges = slice.filter((row) => row.changed.includes('status'));
    if (statusChanges.length) {
      await db.insert(entityStatusHistory).values(
        statusChanges.map((row) => ({
          districtCode,
          entityId: row.entityId as number,
          status: row.fields?.status as 'active',
          since: row.fields?.statusSince as string,
          reason: '',
          recordedBy: userId,
        })),
      );
    }
  }
}
