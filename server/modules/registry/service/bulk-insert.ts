import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client.ts';
import type { BusinessCategory, EntityKind, EntityStatus } from '../registry.schemas.ts';

/** A new entity row with its personal data already protected and its search grams computed. */
export interface EntityInsertRow {
  districtCode: string;
  creditCode: string;
  name: string;
  kind: EntityKind;
  legalRepName: string;
  legalRepIdEnc: string | null;
  legalRepIdBlind: string | null;
  legalRepIdMask: string | null;
  industryCode: string;
  registeredCapitalWan: string | null;
  foundedOn: string;
  status: EntityStatus;
  statusSince: string;
  endedOn: string | null;
  address: string;
  streetCode: string;
  communityCode: string | null;
  lng: string | null;
  lat: string | null;
  phoneEnc: string | null;
  phoneBlind: string | null;
  phoneMask: string | null;
  businessCategory: BusinessCategory;
  searchGrams: string[];
}

const columns: [keyof EntityInsertRow, string, string][] = [
  ['districtCode', 'district_code', 'text'],
  ['creditCode', 'credit_code', 'text'],
  ['name', 'name', 'text'],
  ['kind', 'kind', 'text'],
  ['legalRepName', 'legal_rep_name', 'text'],
  ['legalRepIdEnc', 'legal_rep_id_enc', 'text'],
  ['legalRepIdBlind', 'legal_rep_id_blind', 'text'],
  ['legalRepIdMask', 'legal_rep_id_mask', 'text'],
  ['industryCode', 'industry_code', 'text'],
  ['registeredCapitalWan', 'registered_capital_wan', 'numeric'],
  ['foundedOn', 'founded_on', 'date'],
  ['status', 'status', 'text'],
  ['statusSince', 'status_since', 'date'],
  ['endedOn', 'ended_on', 'date'],
  ['address', 'address', 'text'],
  ['streetCode', 'street_code', 'text'],
  ['communityCode', 'community_code', 'text'],
  ['lng', 'lng', 'numeric'],
  ['lat', 'lat', 'numeric'],
  ['phoneEnc', 'phone_enc', 'text'],
  ['phoneBlind', 'phone_blind', 'text'],
  ['phoneMask', 'phone_mask', 'text'],
  ['businessCategory', 'business_category', 'text'],
];
const gramSeparator = '\u001f';

/**
 * Inserts many entities in one statement with one array parameter per column (`unnest`): about three
 * times faster than a multi-row VALUES list on PGlite, where parsing thousands of parameters dominates.
 * Returns the new ids by credit code.
 */
export async function bulkInsertEntities(db: Db, rows: readonly EntityInsertRow[]): Promise<{ id: number; creditCode: string }[]> {
  if (rows.length === 0) return [];
  const arrays = columns.map(([key, , cast]) => sql`${sql.param(rows.map((row) => row[key] as string | null))}::${sql.raw(cast)}[]`);
  const grams = rows.map((row) => row.searchGrams.join(gramSeparator));
  const names = columns.map(([, name]) => name);
  const aliases = columns.map((_, index) => `c${index}`);
  return queryRows<{ id: number; creditCode: string }>(
    db,
    sql`insert into entity (${sql.raw(names.join(', '))}, search_grams)
        select ${sql.raw(aliases.join(', '))}, string_to_array(g, ${gramSeparator})
        from unnest(${sql.join(arrays, sql`, `)}, ${sql.param(grams)}::text[]) as input(${sql.raw(aliases.join(', '))}, g)
        returning id, credit_code as "creditCode"`,
  );
}

export interface StatusHistoryInsertRow {
  districtCode: string;
  entityId: number;
  status: EntityStatus;
  since: string;
  reason: string;
  /** The user whose action wrote it (an import's committer); none for generated data. */
  recordedBy?: number | null;
}

/** Status-history rows in one statement (see bulkInsertEntities). */
export async function bulkInsertStatusHistory(db: Db, rows: readonly StatusHistoryInsertRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof StatusHistoryInsertRow>(key: K) => sql.param(rows.map((row) => row[key]));
  await db.execute(
    sql`insert into entity_status_history (district_code, entity_id, status, since, reason, recorded_by)
        select * from unnest(${column('districtCode')}::text[], ${column('entityId')}::bigint[], ${column('status')}::text[],
          ${column('since')}::date[], ${column('reason')}::text[], ${sql.param(rows.map((row) => row.recordedBy ?? null))}::bigint[])`,
  );
}
