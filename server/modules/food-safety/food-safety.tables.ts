import { bigint, boolean, char, date, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { warningLevels } from './rules/certificate-state.ts';

export const foodHandler = pgTable(
  'food_handler',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    industryCode: text('industry_code').notNull(),
    name: text('name').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberBlind: text('id_number_blind').notNull(),
    idNumberMask: text('id_number_mask').notNull(),
    post: text('post').notNull().default(''),
    isFullTime: boolean('is_full_time').notNull().default(true),
    hiredOn: date('hired_on').notNull(),
    leftOn: date('left_on'),
    certificateValidUntil: date('certificate_valid_until'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const healthCertificate = pgTable(
  'health_certificate',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    handlerId: bigint('handler_id', { mode: 'number' }).notNull(),
    number: text('number').notNull(),
    institution: text('institution').notNull(),
    examinedOn: date('examined_on').notNull(),
    validUntil: date('valid_until').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const certificateWarning = pgTable(
  'certificate_warning',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    handlerId: bigint('handler_id', { mode: 'number' }).notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    level: text('level', { enum: warningLevels }).notNull(),
    validUntil: date('valid_until'),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    closeReason: text('close_reason', { enum: ['renewed', 'left', 'escalated'] }),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const foodSafetyContact = pgTable(
  'food_safety_contact',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    phoneEnc: text('phone_enc').notNull(),
    phoneMask: text('phone_mask').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.entityId] })],
);

export const foodSafetyNotice = pgTable(
  'food_safety_notice',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    refType: text('ref_type'),
    refId: text('ref_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);
