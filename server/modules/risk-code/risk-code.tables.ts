import { bigint, char, date, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { riskColours, riskLevels } from '../../../shared/vocabularies/risk-code.ts';
import type { ColourReason } from './rules/risk-colour.ts';

export const rcColourTable = pgTable(
  'rc_colour_table',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    effectiveFrom: date('effective_from').notNull(),
    cells: jsonb('cells').notNull(),
    escalations: jsonb('escalations').notNull(),
    note: text('note').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const rcSubject = pgTable(
  'rc_subject',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    businessCategory: text('business_category').notNull(),
    token: text('token').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    managementCategory: text('management_category'),
    colour: text('colour', { enum: riskColours }),
    riskLevel: text('risk_level', { enum: riskLevels }),
    colourTableId: bigint('colour_table_id', { mode: 'number' }),
    facts: jsonb('facts').notNull().default({}),
    factsHash: text('facts_hash').notNull().default(''),
    reasons: jsonb('reasons').$type<ColourReason[]>().notNull().default([]),
    computedAt: timestamp('computed_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const rcColourHistory = pgTable(
  'rc_colour_history',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    fromColour: text('from_colour'),
    toColour: text('to_colour').notNull(),
    colourTableId: bigint('colour_table_id', { mode: 'number' }),
    reasons: jsonb('reasons').$type<ColourReason[]>().notNull(),
    facts: jsonb('facts').notNull(),
    trigger: text('trigger', { enum: ['job', 'fact', 'table', 'category', 'demo'] }).notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const rcCertifiedProduct = pgTable(
  'rc_certified_product',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }),
    firmName: text('firm_name').notNull(),
    firmCreditCode: char('firm_credit_code', { length: 18 }).notNull(),
    productName: text('product_name').notNull(),
    certificateNumber: text('certificate_number').notNull(),
    issuer: text('issuer').notNull(),
    validUntil: date('valid_until').notNull(),
    standard: text('standard').notNull(),
    token: text('token').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** Map areas: street outlines, pedestrian streets 步行街 and complexes 综合体 (outline = [[lng, lat], …]). */
export const rcMapArea = pgTable(
  'rc_map_area',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    kind: text('kind', { enum: ['street', 'pedestrian_street', 'complex'] }).notNull(),
    name: text('name').notNull(),
    streetCode: char('street_code', { length: 9 }),
    outline: jsonb('outline').$type<[number, number][]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);
