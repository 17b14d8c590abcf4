import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { MarketSettings } from './rules/market-settings.ts';

/** A farmers' market: a registry entity of category farmers_market (the id is the entity's). */
export const mkMarket = pgTable(
  'mk_market',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    isUrban: boolean('is_urban').notNull().default(true),
    operatorName: text('operator_name').notNull().default(''),
    handedOverOn: date('handed_over_on'),
    listedOn: date('listed_on').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const mkStall = pgTable(
  'mk_stall',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    marketId: bigint('market_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    number: text('number').notNull(),
    category: text('category').notNull(),
    holderEntityId: bigint('holder_entity_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] }), uniqueIndex('mk_stall_number').on(t.districtCode, t.marketId, t.number)],
);

export const mkRapidTest = pgTable(
  'mk_rapid_test',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    marketId: bigint('market_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    stallId: bigint('stall_id', { mode: 'number' }).notNull(),
    testedOn: date('tested_on').notNull(),
    product: text('product').notNull(),
    item: text('item').notNull(),
    result: text('result').notNull(),
    source: text('source').notNull(),
    lotStatus: text('lot_status').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    handlingNote: text('handling_note').notNull().default(''),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] }), index('mk_rapid_test_day').on(t.districtCode, t.marketId, t.testedOn)],
);

export const mkPrice = pgTable(
  'mk_price',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    marketId: bigint('market_id', { mode: 'number' }).notNull(),
    product: text('product').notNull(),
    priceOn: date('price_on').notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    priceFen: integer('price_fen').notNull(),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.marketId, t.product, t.priceOn] })],
);

export const mkScale = pgTable(
  'mk_scale',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    marketId: bigint('market_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    stallId: bigint('stall_id', { mode: 'number' }),
    serial: text('serial').notNull(),
    verifiedOn: date('verified_on').notNull(),
    validUntil: date('valid_until').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] }), uniqueIndex('mk_scale_serial').on(t.districtCode, t.marketId, t.serial)],
);

export const mkCleaning = pgTable(
  'mk_cleaning',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    marketId: bigint('market_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    level: text('level').notNull(),
    party: text('party').notNull(),
    doneOn: date('done_on').notNull(),
    score: integer('score').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const mkStarRating = pgTable(
  'mk_star_rating',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    marketId: bigint('market_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    assessedOn: date('assessed_on').notNull(),
    points: jsonb('points').$type<Record<string, number>>().notNull(),
    score: numeric('score', { precision: 4, scale: 1 }).notNull(),
    stars: integer('stars').notNull(),
    validUntil: date('valid_until').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const mkSetting = pgTable(
  'mk_setting',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    effectiveFrom: date('effective_from').notNull(),
    value: jsonb('value').$type<MarketSettings>().notNull(),
    changedBy: bigint('changed_by', { mode: 'number' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.effectiveFrom] })],
);

export const mkScreenToken = pgTable(
  'mk_screen_token',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    marketId: bigint('market_id', { mode: 'number' }),
    label: text('label').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: bigint('revoked_by', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] }), uniqueIndex('mk_screen_token_hash').on(t.districtCode, t.tokenHash)],
);

/** A station inspector's check-list on a market visit: the items as they were, each passed or not, and a note. */
export const mkInspection = pgTable(
  'mk_inspection',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    marketId: bigint('market_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    inspectedOn: date('inspected_on').notNull(),
    results: jsonb('results').$type<{ code: string; name: string; passed: boolean }[]>().notNull(),
    passed: integer('passed').notNull(),
    total: integer('total').notNull(),
    note: text('note').notNull().default(''),
    inspectorId: bigint('inspector_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] }), index('mk_inspection_day').on(t.districtCode, t.marketId, t.inspectedOn)],
);
