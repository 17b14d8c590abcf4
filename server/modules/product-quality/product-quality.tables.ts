import { bigint, boolean, char, date, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import {
  catalogueProductStatuses,
  cccExemptionReasons,
  cccExemptionStatuses,
  followUpResults,
  gradeChangeCauses,
  groupStandardStatuses,
  ipKinds,
  makerGrades,
  safetyProductGroups,
} from '../../../shared/vocabularies/product-quality.ts';

/** 涉安类产品生产企业: migration 0080. */
export const pqSafetyMaker = pgTable(
  'pq_safety_maker',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    entityName: text('entity_name').notNull(),
    creditCode: text('credit_code').notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    productGroup: text('product_group', { enum: safetyProductGroups }).notNull(),
    products: text('products').notNull(),
    licenceRequired: boolean('licence_required').notNull(),
    licenceNumber: text('licence_number'),
    licenceValidUntil: date('licence_valid_until'),
    lastInspectedOn: date('last_inspected_on'),
    registeredOn: date('registered_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** 免办3C exemptions: migration 0080. */
export const pqCccExemption = pgTable(
  'pq_ccc_exemption',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    entityName: text('entity_name').notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    certificateNumber: text('certificate_number').notNull(),
    reason: text('reason', { enum: cccExemptionReasons }).notNull(),
    scope: text('scope').notNull(),
    quantity: integer('quantity').notNull(),
    grantedOn: date('granted_on').notNull(),
    expiresOn: date('expires_on').notNull(),
    status: text('status', { enum: cccExemptionStatuses }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const pqCccFollowUp = pgTable(
  'pq_ccc_follow_up',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    exemptionId: bigint('exemption_id', { mode: 'number' }).notNull(),
    checkedOn: date('checked_on').notNull(),
    result: text('result', { enum: followUpResults }).notNull(),
    note: text('note').notNull().default(''),
    checkedBy: bigint('checked_by', { mode: 'number' }),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** 品字标浙江制造 firms of the district: migration 0080. */
export const pqBrandFirm = pgTable(
  'pq_brand_firm',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    entityName: text('entity_name').notNull(),
    creditCode: char('credit_code', { length: 18 }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    firstCertifiedOn: date('first_certified_on').notNull(),
    ledStandards: text('led_standards').array().notNull().default([]),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const pqBrandCertificate = pgTable(
  'pq_brand_certificate',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    firmId: bigint('firm_id', { mode: 'number' }).notNull(),
    productName: text('product_name').notNull(),
    certificateNumber: text('certificate_number').notNull(),
    standard: text('standard').notNull(),
    issuedOn: date('issued_on').notNull(),
    validUntil: date('valid_until').notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** IP and brand facts per firm, year and kind: migration 0080. */
export const pqIpRecord = pgTable(
  'pq_ip_record',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    year: smallint('year').notNull(),
    kind: text('kind', { enum: ipKinds }).notNull(),
    firmName: text('firm_name').notNull(),
    creditCode: char('credit_code', { length: 18 }).notNull(),
    entityId: bigint('entity_id', { mode: 'number' }),
    streetCode: char('street_code', { length: 9 }),
    quantity: integer('quantity').notNull().default(0),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    source: text('source').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** Every grade change of a safety-related maker: migration 0081. */
export const pqMakerGradeHistory = pgTable(
  'pq_maker_grade_history',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    makerId: bigint('maker_id', { mode: 'number' }).notNull(),
    changedOn: date('changed_on').notNull(),
    oldGrade: text('old_grade', { enum: makerGrades }),
    newGrade: text('new_grade', { enum: makerGrades }).notNull(),
    points: integer('points').notNull(),
    cause: text('cause', { enum: gradeChangeCauses }).notNull(),
    reasons: jsonb('reasons').$type<{ reason: string; points: number }[]>().notNull().default([]),
    facts: jsonb('facts').$type<Record<string, number | string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** 团体标准 led by district firms: migration 0082. */
export const pqGroupStandard = pgTable(
  'pq_group_standard',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    association: text('association').notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    entityName: text('entity_name').notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    brandFirmId: bigint('brand_firm_id', { mode: 'number' }),
    publishedOn: date('published_on').notNull(),
    implementedOn: date('implemented_on'),
    status: text('status', { enum: groupStandardStatuses }).notNull().default('in_force'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** Editions of the national catalogue of sampled products (global reference data): migration 0083. */
export const pqCatalogueEdition = pgTable('pq_catalogue_edition', {
  id: smallint('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  issuer: text('issuer').notNull(),
  source: text('source').notNull(),
  year: smallint('year').notNull(),
  declaredCategories: smallint('declared_categories').notNull(),
  declaredProducts: smallint('declared_products').notNull(),
});

export const pqCatalogueEditionCategory = pgTable(
  'pq_catalogue_edition_category',
  {
    editionId: smallint('edition_id').notNull(),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    declaredProducts: smallint('declared_products').notNull(),
  },
  (table) => [primaryKey({ columns: [table.editionId, table.position] })],
);

/** The district's own catalogue 本地区重点工业产品质量安全监管目录: migration 0083. */
export const pqCatalogueProduct = pgTable(
  'pq_catalogue_product',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    category: text('category').notNull(),
    name: text('name').notNull(),
    standards: text('standards').array().notNull(),
    testItems: text('test_items').array().notNull(),
    status: text('status', { enum: catalogueProductStatuses }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);
