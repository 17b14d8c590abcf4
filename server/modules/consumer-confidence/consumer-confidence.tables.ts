import { bigint, char, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** A 放心消费 unit: a model shop, an online shop or a factory of the registry, from application to listing and removal. */
export const ccUnit = pgTable(
  'cc_unit',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    kind: text('kind').notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    name: text('name').notNull(),
    commitments: text('commitments').array().notNull().default([]),
    status: text('status').notNull(),
    appliedOn: date('applied_on').notNull(),
    decidedOn: date('decided_on'),
    listedOn: date('listed_on'),
    lastReviewOn: date('last_review_on'),
    lastReviewComplaints: integer('last_review_complaints'),
    lastReviewCases: integer('last_review_cases'),
    removedOn: date('removed_on'),
    decisionNote: text('decision_note').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const ccSetting = pgTable(
  'cc_setting',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    effectiveFrom: date('effective_from').notNull(),
    maxComplaints: integer('max_complaints').notNull(),
    maxCases: integer('max_cases').notNull(),
    changedBy: bigint('changed_by', { mode: 'number' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.effectiveFrom] })],
);

/** A holiday consumption warning (节日消费提示): drafted by the section, published before the holiday on the public page. */
export const ccWarning = pgTable(
  'cc_warning',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    holidayName: text('holiday_name').notNull(),
    holidayStart: date('holiday_start').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('draft'),
    publishedOn: date('published_on'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] }), index('cc_warning_holiday').on(t.districtCode, t.holidayStart)],
);
