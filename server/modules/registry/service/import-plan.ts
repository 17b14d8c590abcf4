import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { copyRows } from '../../../db/copy.ts';
import { inTexts } from '../../../db/id-set.ts';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.ts';
import type { ImportAction, ImportReason } from '../registry.schemas.ts';
import { type EntityRow, entity, type StoredEntityFields } from '../registry.tables.ts';
import type { ImportedEntity } from '../rules/import-row.ts';
import { entitySearchGrams, protectIdNumber, protectPhone } from './entity-values.ts';

export interface PlannedRow {
  rowNumber: number;
  action: ImportAction;
  creditCode: string | null;
  entityId: number | null;
  entityRevision: number | null;
  fields: StoredEntityFields | null;
  changed: string[];
  reasons: ImportReason[];
  raw: Record<string, string>;
}

export type ExistingEntity = Pick<
  EntityRow,
  | 'id'
  | 'revision'
  | 'creditCode'
  | 'name'
  | 'kind'
  | 'legalRepName'
  | 'legalRepIdBlind'
  | 'phoneBlind'
  | 'industryCode'
  | 'registeredCapitalWan'
  | 'foundedOn'
  | 'address'
  | 'streetCode'
  | 'status'
  | 'businessCategory'
>;

/** The entities of a district with these credit codes, 20,000 codes a query (one array parameter each). */
export async function existingByCreditCode(db: Db, districtCode: string, codes: string[]): Promise<Map<string, ExistingEntity>> {
  const found = new Map<string, ExistingEntity>();
  for (let start = 0; start < codes.length; start += planRowsPerStatement) {
    const rows = await db
      .select({
        id: entity.id,
        revision: entity.revision,
        creditCode: entity.creditCode,
        name: entity.name,
        kind: entity.kind,
        legalRepName: entity.legalRepName,
        legalRepIdBlind: entity.legalRepIdBlind,
        phoneBlind: entity.phoneBlind,
        industryCode: entity.industryCode,
        registeredCapitalWan: entity.registeredCapitalWan,
        foundedOn: entity.foundedOn,
        address: entity.address,
        streetCode: entity.streetCode,
        status: entity.status,
        businessCategory: entity.businessCategory,
      })
      .from(entity)
      .where(and(eq(entity.districtCode, districtCode), inTexts(entity.creditCode, codes.slice(start, start + planRowsPerStatement))));
    for (const row of rows) found.set(row.creditCode, row);
  }
  return found;
}

/** Rows a statement when the plan is stored, read or applied: one array parameter per column, whatever the count. */
export const planRowsPerStatement = 20_000;

/**
 * Stores the planned rows in import_row with one COPY (server/db/copy.ts: pg-copy-streams on PostgreSQL and Citus,
 * COPY FROM a blob on PGlite) inside the caller's transaction — at 20,000 rows about half the time of an
 * `insert … select from unnest(…)` with the JSON as array parameters, and no per-row SQL (issue 23). The cells of a
 * rejected row are kept encrypted, for the error report only.
 */
export async function storePlannedRows(
  db: Db,
  crypto: FieldCrypto,
  target: { districtCode: string; batchId: number },
  planned: readonly PlannedRow[],
): Promise<void> {
  await copyRows(
    db,
    'import_row',
    [
      'district_code',
      'batch_id',
      'row_number',
      'action',
      'credit_code',
      'entity_id',
      'entity_revision',
      'fields',
      'changed',
      'reasons',
      'raw_enc',
    ],
    planned.map((row) => [
      target.districtCode,
      target.batchId,
      row.rowNumber,
      row.action,
      row.creditCode,
      row.entityId,
      row.entityRevision,
      row.fields ? JSON.stringify(row.fields) : null,
      row.changed,
      JSON.stringify(row.reasons),
      row.action === 'rejected' ? crypto.encrypt(JSON.stringify(row.raw)) : null,
    ]),
  );
}

const directFields = [
  'name',
  'kind',
  'legalRepName',
  'industryCode',
  'registeredCapitalWan',
  'foundedOn',
  'address',
  'streetCode',
  'businessCategory',
] as const;

/** What an imported row would change on an existing entity: only mapped columns count. */
export function planUpdate(
  crypto: FieldCrypto,
  existing: ExistingEntity,
  imported: ImportedEntity,
  today: string,
): { changed: string[]; fields: StoredEntityFields } {
  const changed: string[] = [];
  const fields: StoredEntityFields = {};
  for (const field of directFields) {
    const next = imported[field];
    if (next !== undefined && next !== existing[field]) {
      changed.push(field);
      fields[field] = next;
    }
  }
  if (
    imported.legalRepIdNumber !== undefined &&
    (imported.legalRepIdNumber ? crypto.blindIndex(imported.legalRepIdNumber) : null) !== existing.legalRepIdBlind
  ) {
    changed.push('legalRepIdNumber');
    Object.assign(fields, protectIdNumber(crypto, imported.legalRepIdNumber));
  }
  if (imported.phone !== undefined && (imported.phone ? crypto.blindIndex(imported.phone) : null) !== existing.phoneBlind) {
    changed.push('phone');
    Object.assign(fields, protectPhone(crypto, imported.phone));
  }
  if (imported.status !== undefined && imported.status !== existing.status) {
    changed.push('status');
    fields.status = imported.status;
    fields.statusSince = today;
    fields.endedOn = imported.status === 'active' ? null : today;
  }
  if (fields.name !== undefined || fields.address !== undefined) {
    fields.searchGrams = entitySearchGrams(
      (fields.name as string | undefined) ?? existing.name,
      (fields.address as string | undefined) ?? existing.address,
    );
  }
  return { changed, fields };
}

/** Every column of a new entity from an imported row that passed missingForNewEntity(). */
export function planNew(crypto: FieldCrypto, imported: ImportedEntity, today: string): StoredEntityFields {
  const status = imported.status ?? 'active';
  const foundedOn = imported.foundedOn as string;
  return {
    name: imported.name,
    kind: imported.kind ?? 'enterprise',
    legalRepName: imported.legalRepName ?? '',
    ...protectIdNumber(crypto, imported.legalRepIdNumber),
    ...protectPhone(crypto, imported.phone),
    industryCode: imported.industryCode ?? null,
    registeredCapitalWan: imported.registeredCapitalWan ?? null,
    foundedOn,
    address: imported.address ?? '',
    streetCode: imported.streetCode ?? null,
    status,
    statusSince: status === 'active' ? foundedOn : today,
    endedOn: status === 'active' ? null : today,
    businessCategory: imported.businessCategory ?? 'other',
    searchGrams: entitySearchGrams(imported.name, imported.address ?? ''),
  };
}
