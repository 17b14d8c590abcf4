import { bigint, boolean, char, date, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import {
  abnormalMeasures,
  abnormalReasons,
  abnormalRemovalKinds,
  abnormalStatuses,
  filingChannels,
  objectionStatuses,
  obligedKinds,
  repairStatuses,
  repairTargets,
  seriousReasons,
  seriousRemovalKinds,
  seriousStatuses,
} from '../../../shared/vocabularies/credit.ts';

/** One row per entity and report year that must file (filed or not): migration 0150. */
export const creditAnnualReport = pgTable(
  'credit_annual_report',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    entityName: text('entity_name').notNull(),
    creditCode: text('credit_code').notNull(),
    entityKind: text('entity_kind', { enum: obligedKinds }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    reportYear: smallint('report_year').notNull(),
    deadline: date('deadline').notNull(),
    filedOn: date('filed_on'),
    channel: text('channel', { enum: filingChannels }),
    reminderCount: integer('reminder_count').notNull().default(0),
    remindedOn: date('reminded_on'),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const creditAbnormalListing = pgTable(
  'credit_abnormal_listing',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    entityName: text('entity_name').notNull(),
    creditCode: text('credit_code').notNull(),
    entityKind: text('entity_kind', { enum: obligedKinds }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    measure: text('measure', { enum: abnormalMeasures }).notNull(),
    reason: text('reason', { enum: abnormalReasons }).notNull(),
    reportYear: smallint('report_year'),
    decidedOn: date('decided_on').notNull(),
    decisionNumber: text('decision_number').notNull(),
    status: text('status', { enum: abnormalStatuses }).notNull().default('listed'),
    removedOn: date('removed_on'),
    removalReason: text('removal_reason'),
    removalKind: text('removal_kind', { enum: abnormalRemovalKinds }),
    isAutomatic: boolean('is_automatic').notNull().default(false),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    listedBy: bigint('listed_by', { mode: 'number' }),
    removedBy: bigint('removed_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const creditSeriousViolation = pgTable(
  'credit_serious_violation',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    entityName: text('entity_name').notNull(),
    creditCode: text('credit_code').notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    reason: text('reason', { enum: seriousReasons }).notNull(),
    abnormalListingId: bigint('abnormal_listing_id', { mode: 'number' }),
    caseId: bigint('case_id', { mode: 'number' }),
    caseNumber: text('case_number'),
    penaltyDecisionNumber: text('penalty_decision_number'),
    superiorConsent: text('superior_consent'),
    listedOn: date('listed_on').notNull(),
    termEndsOn: date('term_ends_on').notNull(),
    decisionNumber: text('decision_number').notNull(),
    status: text('status', { enum: seriousStatuses }).notNull().default('listed'),
    removedOn: date('removed_on'),
    removalReason: text('removal_reason'),
    removalKind: text('removal_kind', { enum: seriousRemovalKinds }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    listedBy: bigint('listed_by', { mode: 'number' }),
    removedBy: bigint('removed_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const creditRepair = pgTable(
  'credit_repair',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    target: text('target', { enum: repairTargets }).notNull(),
    abnormalListingId: bigint('abnormal_listing_id', { mode: 'number' }),
    seriousViolationId: bigint('serious_violation_id', { mode: 'number' }),
    appliedOn: date('applied_on').notNull(),
    statement: text('statement').notNull(),
    status: text('status', { enum: repairStatuses }).notNull().default('submitted'),
    decidedOn: date('decided_on'),
    decisionNote: text('decision_note').notNull().default(''),
    appliedBy: bigint('applied_by', { mode: 'number' }),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** 异议: an objection to a listing, accepted (or not) and verified within the rules' working days: migration 0151. */
export const creditObjection = pgTable(
  'credit_objection',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    entityName: text('entity_name').notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    target: text('target', { enum: repairTargets }).notNull(),
    abnormalListingId: bigint('abnormal_listing_id', { mode: 'number' }),
    seriousViolationId: bigint('serious_violation_id', { mode: 'number' }),
    filedOn: date('filed_on').notNull(),
    grounds: text('grounds').notNull(),
    acceptanceDue: date('acceptance_due').notNull(),
    status: text('status', { enum: objectionStatuses }).notNull().default('submitted'),
    acceptedOn: date('accepted_on'),
    verificationDue: date('verification_due'),
    decidedOn: date('decided_on'),
    outcomeNote: text('outcome_note').notNull().default(''),
    filedBy: bigint('filed_by', { mode: 'number' }),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** One row of an import plan: the report to file and the day, or nothing (unchanged). */
export interface FilingImportPlanItem {
  reportId: number;
  rowNumber: number;
  creditCode: string;
  filedOn: string;
}

/** The stored dry run of a filing import; commit applies exactly its plan: migration 0151. */
export const creditFilingImport = pgTable(
  'credit_filing_import',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    reportYear: smallint('report_year').notNull(),
    filename: text('filename').notNull(),
    status: text('status', { enum: ['dry_run', 'committed'] })
      .notNull()
      .default('dry_run'),
    rowCount: integer('row_count').notNull(),
    filedCount: integer('filed_count').notNull(),
    unchangedCount: integer('unchanged_count').notNull(),
    rejectedCount: integer('rejected_count').notNull(),
    plan: jsonb('plan').$type<FilingImportPlanItem[]>().notNull(),
    errors: jsonb('errors').$type<{ rowNumber: number; field: string; message: string }[]>().notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);
