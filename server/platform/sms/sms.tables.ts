import { bigint, char, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const smsStatuses = ['queued', 'sent', 'failed'] as const;
export type SmsStatus = (typeof smsStatuses)[number];

export const smsOutbox = pgTable(
  'sms_outbox',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    phoneEnc: text('phone_enc').notNull(),
    body: text('body').notNull(),
    purpose: text('purpose').notNull(),
    refType: text('ref_type'),
    refId: text('ref_id'),
    status: text('status', { enum: smsStatuses }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);
export type SmsRow = typeof smsOutbox.$inferSelect;
