import {
  bigint,
  boolean,
  char,
  customType,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type {
  CertificateKind,
  ColdChainCategory,
  ColdChainStep,
  ColdChainUnit,
  EventSource,
  FindingKind,
} from '../../../shared/vocabularies/cold-chain.ts';

const district = () => char('district_code', { length: 6 }).notNull();
const identity = () => bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const ccBatch = pgTable(
  'cc_batch',
  {
    districtCode: district(),
    id: identity(),
    traceCode: text('trace_code').notNull(),
    customsDeclarationNo: text('customs_declaration_no').notNull(),
    originCountry: char('origin_country', { length: 2 }).notNull(),
    product: text('product').notNull(),
    category: text('category').$type<ColdChainCategory>().notNull(),
    lot: text('lot').notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    unit: text('unit').$type<ColdChainUnit>().notNull(),
    firstHolderEntityId: bigint('first_holder_entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    arrivedOn: date('arrived_on').notNull(),
    isSellable: boolean('is_sellable').notNull().default(false),
    sellableSince: date('sellable_since'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const ccCertificate = pgTable(
  'cc_certificate',
  {
    districtCode: district(),
    id: identity(),
    batchId: bigint('batch_id', { mode: 'number' }).notNull(),
    kind: text('kind').$type<CertificateKind>().notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    content: bytea('content').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const ccLot = pgTable(
  'cc_lot',
  {
    districtCode: district(),
    id: identity(),
    code: text('code').notNull(),
    parentCode: text('parent_code').notNull(),
    rootCode: text('root_code').notNull(),
    product: text('product').notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    unit: text('unit').$type<ColdChainUnit>().notNull(),
    holderEntityId: bigint('holder_entity_id', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const ccEvent = pgTable(
  'cc_event',
  {
    districtCode: district(),
    id: identity(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').$type<'ObjectEvent' | 'AggregationEvent' | 'TransformationEvent'>().notNull(),
    action: text('action').$type<'ADD' | 'OBSERVE' | 'DELETE'>(),
    step: text('step').$type<ColdChainStep>().notNull(),
    bizStep: text('biz_step').notNull(),
    disposition: text('disposition'),
    eventTime: timestamp('event_time', { withTimezone: true, mode: 'string' }).notNull(),
    eventTimeZoneOffset: text('event_time_zone_offset').notNull(),
    code: text('code').notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    unit: text('unit').$type<ColdChainUnit>().notNull(),
    holderEntityId: bigint('holder_entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    readPoint: text('read_point'),
    counterpartDistrictCode: char('counterpart_district_code', { length: 6 }),
    counterpartEntityId: bigint('counterpart_entity_id', { mode: 'number' }),
    outputCodes: text('output_codes').array().notNull().default([]),
    referenceDocument: text('reference_document'),
    source: text('source').$type<EventSource>().notNull(),
    document: jsonb('document'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const ccFinding = pgTable(
  'cc_finding',
  {
    districtCode: district(),
    id: identity(),
    kind: text('kind').$type<FindingKind>().notNull(),
    code: text('code').notNull(),
    holderEntityId: bigint('holder_entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    shipmentEventId: bigint('shipment_event_id', { mode: 'number' }).notNull().default(0),
    amount: numeric('amount', { precision: 14, scale: 3 }).notNull(),
    unit: text('unit').notNull(),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);
