import { bigint, char, foreignKey, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const district = pgTable('district', {
  code: char('code', { length: 6 }).primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  cityCode: char('city_code', { length: 6 }).notNull(),
  provinceCode: char('province_code', { length: 6 }).notNull(),
});

import { orgUnitKinds } from './org.schemas.ts';

export type OrgUnitKind = (typeof orgUnitKinds)[number];

export const orgUnit = pgTable(
  'org_unit',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    kind: text('kind', { enum: orgUnitKinds }).notNull(),
    parentId: bigint('parent_id', { mode: 'number' }),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    phone: text('phone'),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const street = pgTable(
  'street',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    code: char('code', { length: 9 }).notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.code] })],
);

export const community = pgTable(
  'community',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    code: char('code', { length: 12 }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.districtCode, table.code] }),
    foreignKey({ columns: [table.districtCode, table.streetCode], foreignColumns: [street.districtCode, street.code] }),
  ],
);

export const stationStreet = pgTable(
  'station_street',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    stationId: bigint('station_id', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.streetCode] })],
);
