import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client.ts';
import { type ImportedColumn, importedColumns } from '../registry.tables.ts';

/**
 * The commit of an import, set-based: the planned rows stay in `import_row` (written by the dry run) and each step is
 * one statement over the batch's rows — no row travels back through the application (issue 23).
 */

/** Column name and type of each column an import writes; the planned fields are JSON under the camelCase names. */
const columnSql: Record<ImportedColumn, { name: string; type: string }> = {
  name: { name: 'name', type: 'text' },
  kind: { name: 'kind', type: 'text' },
  legalRepName: { name: 'legal_rep_name', type: 'text' },
  legalRepIdEnc: { name: 'legal_rep_id_enc', type: 'text' },
  legalRepIdBlind: { name: 'legal_rep_id_blind', type: 'text' },
  legalRepIdMask: { name: 'legal_rep_id_mask', type: 'text' },
  phoneEnc: { name: 'phone_enc', type: 'text' },
  phoneBlind: { name: 'phone_blind', type: 'text' },
  phoneMask: { name: 'phone_mask', type: 'text' },
  industryCode: { name: 'industry_code', type: 'text' },
  registeredCapitalWan: { name: 'registered_capital_wan', type: 'numeric' },
  foundedOn: { name: 'founded_on', type: 'date' },
  address: { name: 'address', type: 'text' },
  streetCode: { name: 'street_code', type: 'text' },
  status: { name: 'status', type: 'text' },
  statusSince: { name: 'status_since', type: 'date' },
  endedOn: { name: 'ended_on', type: 'date' },
  businessCategory: { name: 'business_category', type: 'text' },
  searchGrams: { name: 'search_grams', type: 'text[]' },
};

/** The planned value of a column, typed, from the row's `fields` (aliased `r`). */
function plannedValue(column: ImportedColumn): SQL {
  const { type } = columnSql[column];
  if (type === 'text[]') return sql`array(select jsonb_array_elements_text(r.fields -> ${column}))`;
  return sql`(r.fields ->> ${column})::${sql.raw(type)}`;
}

function ofBatch(districtCode: string, batchId: number, actions: string[]): SQL {
  return sql`r.district_code = ${districtCode} and r.batch_id = ${batchId} and r.action = any(${sql.param(actions)}::text[])`;
}

/** Row numbers whose plan no longer holds: an entity's revision moved, or a "new" code now exists. One query. */
export async function findStaleRows(db: Db, districtCode: string, batchId: number): Promise<number[]> {
  const rows = await queryRows<{ row_number: number }>(
    db,
    sql`select r.row_number from import_row r
          left join entity e on e.district_code = r.district_code and e.id = r.entity_id
          where ${ofBatch(districtCode, batchId, ['updated', 'unchanged'])} and e.revision is distinct from r.entity_revision
        union all
        select r.row_number from import_row r
          join entity e on e.district_code = r.district_code and e.credit_code = r.credit_code
          where ${ofBatch(districtCode, batchId, ['new'])}
        order by 1`,
  );
  return rows.map((row) => Number(row.row_number));
}

/** Inserts the batch's planned new entities, in row order, each with its first status-history row(s). One statement. */
export async function applyNewEntities(db: Db, districtCode: string, batchId: number, userId: number): Promise<number> {
  const names = importedColumns.map((column) => sql.raw(columnSql[column].name));
  const values = importedColumns.map((column) => {
    const value = plannedValue(column);
    // Not-null columns an import may leave out.
    return column === 'legalRepName' || column === 'address' ? sql`coalesce(${value}, '')` : value;
  });
  const [counted] = await queryRows<{ created: number }>(
    db,
    sql`with created as (
          insert into entity (district_code, credit_code, ${sql.join(names, sql`, `)})
          select r.district_code, r.credit_code, ${sql.join(values, sql`, `)}
            from import_row r where ${ofBatch(districtCode, batchId, ['new'])}
            order by r.row_number
          returning id, status, status_since, founded_on),
        history as (
          insert into entity_status_history (district_code, entity_id, status, since, reason, recorded_by)
          select ${districtCode}, id, 'active', founded_on, '', ${userId}::bigint from created
          union all
          select ${districtCode}, id, status, status_since, '', ${userId}::bigint from created where status <> 'active'
          returning 1)
        select (select count(*) from created)::int as created, (select count(*) from history)::int as history`,
  );
  return counted?.created ?? 0;
}

/**
 * Applies the batch's planned changes in one statement: each row sets only the columns it changes (`fields ? col`),
 * bumps the revision, and a status change adds a history row.
 */
export async function applyUpdates(db: Db, districtCode: string, batchId: number, now: Date, userId: number): Promise<void> {
  const assignments = importedColumns.map((column) => {
    const name = sql.raw(columnSql[column].name);
    return sql`${name} = case when r.fields ? ${column} then ${plannedValue(column)} else e.${name} end`;
  });
  await db.execute(sql`
    update entity e set ${sql.join(assignments, sql`, `)}, revision = e.revision + 1, updated_at = ${now}
    from import_row r
    where ${ofBatch(districtCode, batchId, ['updated'])} and e.district_code = r.district_code and e.id = r.entity_id`);
  await db.execute(sql`
    insert into entity_status_history (district_code, entity_id, status, since, reason, recorded_by)
    select r.district_code, r.entity_id, r.fields ->> 'status', (r.fields ->> 'statusSince')::date, '', ${userId}::bigint
      from import_row r where ${ofBatch(districtCode, batchId, ['updated'])} and 'status' = any(r.changed)
      order by r.row_number`);
}
