import { bigint, boolean, char, customType, date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { complaintCategories, complaintChannels, surveyAnswers } from './complaints.schemas.ts';
import { complaintKinds, complaintStatuses, complaintSteps, mediationOutcomes, rejectGrounds } from './rules/complaint-steps.ts';

export const complaint = pgTable(
  'complaint',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    number: text('number').notNull(),
    kind: text('kind', { enum: complaintKinds }).notNull(),
    channel: text('channel', { enum: complaintChannels }).notNull(),
    category: text('category', { enum: complaintCategories }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receivedOn: date('received_on').notNull(),
    ruleSet: text('rule_set').notNull(),
    entityId: bigint('entity_id', { mode: 'number' }),
    respondentName: text('respondent_name').notNull(),
    respondentAddress: text('respondent_address').notNull().default(''),
    respondentIndustry: text('respondent_industry'),
    streetCode: char('street_code', { length: 9 }).notNull(),
    stationId: bigint('station_id', { mode: 'number' }).notNull(),
    isAnonymous: boolean('is_anonymous').notNull().default(false),
    complainantNameEnc: text('complainant_name_enc'),
    complainantNameMask: text('complainant_name_mask'),
    complainantPhoneEnc: text('complainant_phone_enc'),
    complainantPhoneBlind: text('complainant_phone_blind'),
    complainantPhoneMask: text('complainant_phone_mask'),
    complainantAddressEnc: text('complainant_address_enc'),
    facts: text('facts').notNull(),
    request: text('request').notNull().default(''),
    knewOn: date('knew_on'),
    status: text('status', { enum: complaintStatuses }).notNull().default('received'),
    currentStep: text('current_step', { enum: complaintSteps }),
    currentDue: date('current_due'),
    acceptDue: date('accept_due'),
    acceptedOn: date('accepted_on'),
    rejectedOn: date('rejected_on'),
    rejectGround: text('reject_ground', { enum: rejectGrounds }),
    mediationDue: date('mediation_due'),
    mediationEndedOn: date('mediation_ended_on'),
    mediationOutcome: text('mediation_outcome', { enum: mediationOutcomes }),
    amountRecoveredFen: bigint('amount_recovered_fen', { mode: 'bigint' }),
    notifyDue: date('notify_due'),
    notifiedOn: date('notified_on'),
    verifyDue: date('verify_due'),
    verifyExtended: boolean('verify_extended').notNull().default(false),
    verifiedOn: date('verified_on'),
    caseDecision: text('case_decision', { enum: ['case_opened', 'no_case'] }),
    caseDecidedOn: date('case_decided_on'),
    caseId: bigint('case_id', { mode: 'number' }),
    replyDue: date('reply_due'),
    repliedOn: date('replied_on'),
    handleDue: date('handle_due'),
    closedOn: date('closed_on'),
    surveySentAt: timestamp('survey_sent_at', { withTimezone: true }),
    surveyAnswer: text('survey_answer', { enum: surveyAnswers }),
    surveyAnsweredOn: date('survey_answered_on'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);
export type ComplaintRow = typeof complaint.$inferSelect;
export type NewComplaintRow = typeof complaint.$inferInsert;

export const complaintStep = pgTable(
  'complaint_step',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    complaintId: bigint('complaint_id', { mode: 'number' }).notNull(),
    action: text('action').notNull(),
    onDate: date('on_date').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: bigint('actor_user_id', { mode: 'number' }),
    note: text('note').notNull().default(''),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A file attached to a public complaint (JPEG, PNG or PDF, checked by its first bytes). */
export const complaintAttachment = pgTable(
  'complaint_attachment',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    complaintId: bigint('complaint_id', { mode: 'number' }).notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type', { enum: ['image/jpeg', 'image/png', 'application/pdf'] }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** Wrong progress look-ups per number asked (known or not), for the lock of the public status page. */
export const complaintStatusFailure = pgTable(
  'complaint_status_failure',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    number: text('number').notNull(),
    failures: integer('failures').notNull(),
    firstFailedAt: timestamp('first_failed_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.number] })],
);
