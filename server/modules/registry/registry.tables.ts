import { bigint, boolean, char, date, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import {
  businessCategories,
  entityKinds,
  entityStatuses,
  type ImportReason,
  importActions,
  licenceKinds,
  licenceStatuses,
} from './registry.schemas.ts';

export const entity = pgTable(
  'entity',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: entityKinds }).notNull(),
    legalRepName: text('legal_rep_name').notNull().default(''),
    legalRepIdEnc: text('legal_rep_id_enc'),
    legalRepIdBlind: text('legal_rep_id_blind'),
    legalRepIdMask: text('legal_rep_id_mask'),
    industryCode: text('industry_code').notNull(),
    registeredCapitalWan: numeric('registered_capital_wan', { precision: 16, scale: 4 }),
    foundedOn: date('founded_on').notNull(),
    status: text('status', { enum: entityStatuses }).notNull().default('active'),
    statusSince: date('status_since').notNull(),
    endedOn: date('ended_on'),
    address: text('address').notNull().default(''),
    streetCode: char('street_code', { length: 9 }).notNull(),
    communityCode: char('community_code', { length: 12 }),
    lng: numeric('lng', { precision: 9, scale: 6 }),
    lat: numeric('lat', { precision: 9, scale: 6 }),
    phoneEnc: text('phone_enc'),
    phoneBlind: text('phone_blind'),
    phoneMask: text('phone_mask'),
    businessCategory: text('business_category', { enum: businessCategories }).notNull().default('other'),
    searchGrams: text('search_grams').array().notNull().default([]),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);
export type EntityRow = typeof entity.$inferSelect;
export type NewEntityRow = typeof entity.$inferInsert;

/** Entity columns an import sets, as planned by the dry run (personal data already encrypted). */
export type StoredEntityFields = Partial<Record<ImportedColumn, string | string[] | null>>;
export const importedColumns = [
  'name',
  'kind',
  'legalRepName',
  'legalRepIdEnc',
  'legalRepIdBlind',
  'legalRepIdMask',
  'phoneEnc',
  'phoneBlind',
  'phoneMask',
  'industryCode',
  'registeredCapitalWan',
  'foundedOn',
  'address',
  'streetCode',
  'status',
  'statusSince',
  'endedOn',
  'businessCategory',
  'searchGrams',
] as const satisfies readonly (keyof NewEntityRow)[];
export type ImportedColumn = (typeof importedColumns)[number];

export const premises = pgTable(
  'premises',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    label: text('label').notNull().default(''),
    address: text('address').notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    communityCode: char('community_code', { length: 12 }),
    lng: numeric('lng', { precision: 9, scale: 6 }),
    lat: numeric('lat', { precision: 9, scale: 6 }),
    isRegisteredAddress: boolean('is_registered_address').notNull().default(false),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const licence = pgTable(
  'licence',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: licenceKinds }).notNull(),
    number: text('number').notNull(),
    issuer: text('issuer').notNull().default(''),
    issuedOn: date('issued_on').notNull(),
    validUntil: date('valid_until'),
    scopeItems: text('scope_items').array().notNull().default([]),
    status: text('status', { enum: licenceStatuses }).notNull().default('valid'),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);
export type NewLicenceRow = typeof licence.$inferInsert;

export const entityStatusHistory = pgTable(
  'entity_status_history',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    status: text('status', { enum: entityStatuses }).notNull(),
    since: date('since').notNull(),
    reason: text('reason').notNull().default(''),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const entityEvent = pgTable(
  'entity_event',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    refType: text('ref_type'),
    refId: text('ref_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const importMapping = pgTable(
  'import_mapping',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    columns: jsonb('columns').$type<Record<string, string>>().notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const importBatch = pgTable(
  'import_batch',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    filename: text('filename').notNull(),
    fileSha256: text('file_sha256').notNull(),
    columns: jsonb('columns').$type<Record<string, string>>().notNull(),
    unmappedHeaders: text('unmapped_headers').array().notNull().default([]),
    status: text('status', { enum: ['dry_run', 'committed'] })
      .notNull()
      .default('dry_run'),
    rowCount: integer('row_count').notNull(),
    newCount: integer('new_count').notNull(),
    updatedCount: integer('updated_count').notNull(),
    unchangedCount: integer('unchanged_count').notNull(),
    rejectedCount: integer('rejected_count').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const importRow = pgTable(
  'import_row',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    batchId: bigint('batch_id', { mode: 'number' }).notNull(),
    rowNumber: integer('row_number').notNull(),
    action: text('action', { enum: importActions }).notNull(),
    creditCode: text('credit_code'),
    entityId: bigint('entity_id', { mode: 'number' }),
    entityRevision: integer('entity_revision'),
    fields: jsonb('fields').$type<StoredEntityFields>(),
    changed: text('changed').array().notNull().default([]),
    reasons: jsonb('reasons').$type<ImportReason[]>().notNull().default([]),
    rawEnc: text('raw_enc'),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.batchId, table.rowNumber] })],
);
