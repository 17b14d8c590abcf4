import { sql } from 'drizzle-orm';
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
import type { PharmacySettings } from './rules/pharmacy-settings.ts';

/** One buyer of fever or cough medicine registered at a pharmacy (药情每日通). ID and phone are encrypted. */
export const phRegistration = pgTable(
  'ph_registration',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    pharmacyId: bigint('pharmacy_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    registeredOn: date('registered_on').notNull(),
    buyerName: text('buyer_name').notNull(),
    idKind: text('id_kind').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberBlind: text('id_number_blind').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    phoneBlind: text('phone_blind').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    address: text('address').notNull().default(''),
    temperature: numeric('temperature', { precision: 3, scale: 1 }),
    symptoms: text('symptoms').array().notNull().default([]),
    medicineClass: text('medicine_class').notNull(),
    quantity: integer('quantity').notNull(),
    isForOther: boolean('is_for_other').notNull().default(false),
    travelHistory: text('travel_history').notNull().default(''),
    hasContactHistory: boolean('has_contact_history').notNull().default(false),
    source: text('source').notNull(),
    idempotencyKey: text('idempotency_key'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.districtCode, table.id] }),
    uniqueIndex('ph_registration_idempotency').on(table.districtCode, table.pharmacyId, table.idempotencyKey),
    index('ph_registration_day').on(table.districtCode, table.registeredOn),
    index('ph_registration_person').on(table.districtCode, table.idNumberBlind),
    index('ph_registration_symptomatic')
      .on(table.districtCode, table.registeredOn, table.streetCode, table.idNumberBlind)
      .where(sql`cardinality(${table.symptoms}) > 0 or ${table.temperature} >= 37.3`),
  ],
);

/** A pharmacy's report of a day: its first registration, or "nothing to register today". */
export const phDailyReport = pgTable(
  'ph_daily_report',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    pharmacyId: bigint('pharmacy_id', { mode: 'number' }).notNull(),
    reportOn: date('report_on').notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    isNil: boolean('is_nil').notNull().default(false),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    reportedBy: bigint('reported_by', { mode: 'number' }),
  },
  (table) => [
    primaryKey({ columns: [table.districtCode, table.pharmacyId, table.reportOn] }),
    index('ph_daily_report_day').on(table.districtCode, table.reportOn),
  ],
);

/** A remote dispensing point (送药上山进岛) or a 24-hour delivery pharmacy, with its service area. */
export const phServicePoint = pgTable(
  'ph_service_point',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    pharmacyId: bigint('pharmacy_id', { mode: 'number' }),
    streetCode: char('street_code', { length: 9 }).notNull(),
    address: text('address').notNull(),
    serviceArea: text('service_area').notNull(),
    hours: text('hours').notNull().default(''),
    phone: text('phone').notNull().default(''),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** A licensed pharmacist (执业药师) of a pharmacy, for 阳光药师 attendance. */
export const phPharmacist = pgTable(
  'ph_pharmacist',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    pharmacyId: bigint('pharmacy_id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    licenceNumber: text('licence_number').notNull(),
    registeredOn: date('registered_on').notNull(),
    leftOn: date('left_on'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.districtCode, table.id] }),
    index('ph_pharmacist_pharmacy').on(table.districtCode, table.pharmacyId),
  ],
);

/** One pharmacist's day: check-in and check-out on the pharmacy's phone, with where. */
export const phAttendance = pgTable(
  'ph_attendance',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    pharmacistId: bigint('pharmacist_id', { mode: 'number' }).notNull(),
    pharmacyId: bigint('pharmacy_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    workOn: date('work_on').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    inLng: numeric('in_lng', { precision: 9, scale: 6 }),
    inLat: numeric('in_lat', { precision: 9, scale: 6 }),
    outLng: numeric('out_lng', { precision: 9, scale: 6 }),
    outLat: numeric('out_lat', { precision: 9, scale: 6 }),
    inDistanceM: integer('in_distance_m'),
  },
  (table) => [
    primaryKey({ columns: [table.districtCode, table.id] }),
    uniqueIndex('ph_attendance_day').on(table.districtCode, table.pharmacistId, table.workOn),
    index('ph_attendance_pharmacy_day').on(table.districtCode, table.pharmacyId, table.workOn),
  ],
);

/** A pharmacy's stock of epidemic supplies on a day (masks in pieces, alcohol in 500 ml bottles, thermometers). */
export const phSupplyReport = pgTable(
  'ph_supply_report',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    pharmacyId: bigint('pharmacy_id', { mode: 'number' }).notNull(),
    reportOn: date('report_on').notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    masks: integer('masks').notNull(),
    alcohol: integer('alcohol').notNull(),
    thermometers: integer('thermometers').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    reportedBy: bigint('reported_by', { mode: 'number' }),
  },
  (table) => [
    primaryKey({ columns: [table.districtCode, table.pharmacyId, table.reportOn] }),
    index('ph_supply_report_day').on(table.districtCode, table.reportOn),
  ],
);

/** The bureau's settings for pharmacies, by effective date (rules/pharmacy-settings.ts). */
export const phSetting = pgTable(
  'ph_setting',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    effectiveFrom: date('effective_from').notNull(),
    settings: jsonb('settings').$type<PharmacySettings>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.districtCode, table.id] }),
    index('ph_setting_effective').on(table.districtCode, table.effectiveFrom),
  ],
);

/** A purged day's registrations as counts per pharmacy and medicine class (service/retention.ts). */
export const phRegistrationTally = pgTable(
  'ph_registration_tally',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    registeredOn: date('registered_on').notNull(),
    pharmacyId: bigint('pharmacy_id', { mode: 'number' }).notNull(),
    medicineClass: text('medicine_class').notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    registrations: integer('registrations').notNull(),
    people: integer('people').notNull(),
    symptomaticPeople: integer('symptomatic_people').notNull(),
    followUpPeople: integer('follow_up_people').notNull(),
    contactPeople: integer('contact_people').notNull(),
    purgedAt: timestamp('purged_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.registeredOn, table.pharmacyId, table.medicineClass] })],
);

/** An EARS signal on a street's (or the district's) symptomatic people, and its handling (service/alarms.ts). */
export const phAlarm = pgTable(
  'ph_alarm',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    areaCode: text('area_code').notNull(),
    streetCode: char('street_code', { length: 9 }),
    signalOn: date('signal_on').notNull(),
    detectors: text('detectors').array().notNull(),
    observed: integer('observed').notNull(),
    c1: numeric('c1', { precision: 10, scale: 4 }),
    c2: numeric('c2', { precision: 10, scale: 4 }),
    c3: numeric('c3', { precision: 10, scale: 4 }),
    status: text('status').notNull().default('raised'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }),
    seenBy: bigint('seen_by', { mode: 'number' }),
    investigatedAt: timestamp('investigated_at', { withTimezone: true }),
    investigatedBy: bigint('investigated_by', { mode: 'number' }),
    investigationNote: text('investigation_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: bigint('closed_by', { mode: 'number' }),
    closingNote: text('closing_note'),
  },
  (table) => [
    primaryKey({ columns: [table.districtCode, table.id] }),
    uniqueIndex('ph_alarm_area_day').on(table.districtCode, table.areaCode, table.signalOn),
    index('ph_alarm_status').on(table.districtCode, table.status, table.signalOn),
  ],
);

/** A pharmacy POS system's key: only its hash is stored; it opens one pharmacy (service/pos-keys.ts). */
export const phPosKey = pgTable(
  'ph_pos_key',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    pharmacyId: bigint('pharmacy_id', { mode: 'number' }).notNull(),
    label: text('label').notNull(),
    keyHash: text('key_hash').notNull(),
    keyHint: text('key_hint').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: bigint('revoked_by', { mode: 'number' }),
  },
  (table) => [
    primaryKey({ columns: [table.districtCode, table.id] }),
    uniqueIndex('ph_pos_key_hash').on(table.districtCode, table.keyHash),
  ],
);
