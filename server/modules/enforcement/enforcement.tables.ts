import { bigint, boolean, char, customType, date, integer, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { violationTypes } from './enforcement.schemas.ts';
import { caseDocumentKinds, caseSources, caseStages, caseSteps, notFiledGrounds } from './rules/case-procedure.ts';
import { penaltyKinds } from './rules/penalty-publication.ts';

export const enforcementCase = pgTable(
  'enforcement_case',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    source: text('source', { enum: caseSources }).notNull(),
    sourceRef: text('source_ref'),
    entityId: bigint('entity_id', { mode: 'number' }),
    partyName: text('party_name').notNull(),
    partyIndustry: text('party_industry'),
    streetCode: char('street_code', { length: 9 }).notNull(),
    stationId: bigint('station_id', { mode: 'number' }).notNull(),
    violationType: text('violation_type', { enum: violationTypes }).notNull(),
    facts: text('facts').notNull().default(''),
    stage: text('stage', { enum: caseStages }).notNull().default('lead'),
    currentStep: text('current_step', { enum: caseSteps }),
    currentDue: date('current_due'),
    leadOn: date('lead_on').notNull(),
    filingDue: date('filing_due').notNull(),
    filingExtended: boolean('filing_extended').notNull().default(false),
    filedOn: date('filed_on'),
    investigatedOn: date('investigated_on'),
    notifiedOn: date('notified_on'),
    decisionDue: date('decision_due'),
    decisionExtended: boolean('decision_extended').notNull().default(false),
    decidedOn: date('decided_on'),
    decisionNumber: text('decision_number'),
    legalBasis: text('legal_basis'),
    publicationDue: date('publication_due'),
    publishedOn: date('published_on'),
    executedOn: date('executed_on'),
    closedOn: date('closed_on'),
    notFiledGround: text('not_filed_ground', { enum: notFiledGrounds }),
    isMajor: boolean('is_major').notNull().default(false),
    majorReasons: text('major_reasons').array().notNull().default([]),
    policeTransferredOn: date('police_transferred_on'),
    policeTransferNote: text('police_transfer_note'),
    handlerUserId: bigint('handler_user_id', { mode: 'number' }),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);
export type CaseRow = typeof enforcementCase.$inferSelect;

export const casePenalty = pgTable(
  'case_penalty',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: penaltyKinds }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull().default(0n),
    note: text('note').notNull().default(''),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const caseStep = pgTable(
  'case_step',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    action: text('action').notNull(),
    onDate: date('on_date').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: bigint('actor_user_id', { mode: 'number' }),
    note: text('note').notNull().default(''),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const majorCaseCriteria = pgTable(
  'major_case_criteria',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    effectiveFrom: date('effective_from').notNull(),
    amountThresholdFen: bigint('amount_threshold_fen', { mode: 'bigint' }).notNull(),
    policeTransferIsMajor: boolean('police_transfer_is_major').notNull().default(true),
    licenceRevocationIsMajor: boolean('licence_revocation_is_major').notNull().default(true),
    note: text('note').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A case document as issued: one row per kind and version (a correction adds a version), the .docx bytes kept. */
export const caseDocument = pgTable(
  'case_document',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: caseDocumentKinds }).notNull(),
    version: integer('version').notNull(),
    documentNumber: text('document_number').notNull(),
    issuedOn: date('issued_on').notNull(),
    correctionReason: text('correction_reason'),
    filename: text('filename').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    content: bytea('content').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] }), unique().on(t.districtCode, t.caseId, t.kind, t.version)],
);
