import {
  bigint,
  boolean,
  char,
  customType,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { inspectionOutcomes } from '../../../shared/inspection-result.ts';
import {
  annualGrades,
  answerResults,
  applicationStatuses,
  dynamicGrades,
  findingStatuses,
  gradeAppealStatuses,
  riskGrades,
  uploadStatuses,
} from '../../../shared/vocabularies/food-safety.ts';
import { warningLevels } from './rules/certificate-state.ts';

export { answerResults };

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

// ── Stage 3–4 (migration 0009): templates, inspections, grades, findings, operator portal ──────────────

export const inspectionTemplate = pgTable(
  'inspection_template',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const inspectionTemplateItem = pgTable(
  'inspection_template_item',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    templateId: bigint('template_id', { mode: 'number' }).notNull(),
    position: integer('position').notNull(),
    category: text('category').notNull(),
    text: text('text').notNull(),
    isKey: boolean('is_key').notNull().default(false),
    passTenths: smallint('pass_tenths').notNull().default(100),
    partialTenths: smallint('partial_tenths').notNull().default(50),
    failTenths: smallint('fail_tenths').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const inspectionConflict = pgTable(
  'inspection_conflict',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    inspectorId: bigint('inspector_id', { mode: 'number' }).notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    reason: text('reason').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const inspectionKinds = ['routine', 'flying', 're-inspection'] as const;

export const foodInspection = pgTable(
  'food_inspection',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    templateId: bigint('template_id', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: inspectionKinds }).notNull(),
    inspectedOn: date('inspected_on').notNull(),
    inspectorIds: bigint('inspector_ids', { mode: 'number' }).array().notNull(),
    itemsInspected: integer('items_inspected').notNull(),
    scoreTenths: smallint('score_tenths'),
    failedKeyItems: integer('failed_key_items').notNull().default(0),
    dynamicGrade: text('dynamic_grade', { enum: dynamicGrades }),
    outcome: text('outcome', { enum: inspectionOutcomes }).notNull(),
    remarks: text('remarks').notNull().default(''),
    inspectorSignature: text('inspector_signature').notNull(),
    operatorSignature: text('operator_signature'),
    operatorRefused: boolean('operator_refused').notNull().default(false),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    rectificationOrderId: bigint('rectification_order_id', { mode: 'number' }),
    createdBy: bigint('created_by', { mode: 'number' }),
    /** Client-generated per submission: a repeated key from the same account returns this inspection. */
    idempotencyKey: uuid('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const foodInspectionAnswer = pgTable(
  'food_inspection_answer',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    inspectionId: bigint('inspection_id', { mode: 'number' }).notNull(),
    itemId: bigint('item_id', { mode: 'number' }).notNull(),
    result: text('result', { enum: answerResults }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.inspectionId, t.itemId] })],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const inspectionFileKinds = ['photo', 'inspector-signature', 'operator-signature'] as const;

/** A photo taken during an inspection or a drawn signature (JPEG / PNG, checked by its first bytes). */
export const foodInspectionFile = pgTable(
  'food_inspection_file',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    inspectionId: bigint('inspection_id', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: inspectionFileKinds }).notNull(),
    itemId: bigint('item_id', { mode: 'number' }),
    position: smallint('position').notNull().default(0),
    contentType: text('content_type', { enum: ['image/jpeg', 'image/png'] }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const rectificationOrder = pgTable(
  'rectification_order',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    inspectionId: bigint('inspection_id', { mode: 'number' }).notNull(),
    deadline: date('deadline').notNull(),
    requirements: text('requirements').notNull(),
    closedOn: date('closed_on'),
    closedByInspectionId: bigint('closed_by_inspection_id', { mode: 'number' }),
    outcome: text('outcome', { enum: ['rectified', 'not-rectified'] }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const foodSafetyGrade = pgTable(
  'food_safety_grade',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    ruleSetId: text('rule_set_id').notNull(),
    dynamicGrade: text('dynamic_grade', { enum: dynamicGrades }),
    dynamicScoreTenths: smallint('dynamic_score_tenths'),
    blackoutReason: text('blackout_reason', { enum: ['new-licence', 'incident'] }),
    annualGrade: text('annual_grade', { enum: annualGrades }),
    annualMeanTenths: smallint('annual_mean_tenths'),
    riskGrade: text('risk_grade', { enum: riskGrades }).notNull(),
    riskPoints: integer('risk_points').notNull(),
    lastInspectedOn: date('last_inspected_on'),
    lastOutcome: text('last_outcome', { enum: inspectionOutcomes }),
    nextDueOn: date('next_due_on').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.entityId] })],
);

export const foodSafetyGradeHistory = pgTable(
  'food_safety_grade_history',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    changedOn: date('changed_on').notNull(),
    dynamicGrade: text('dynamic_grade'),
    annualGrade: text('annual_grade'),
    riskGrade: text('risk_grade').notNull(),
    nextDueOn: date('next_due_on').notNull(),
    reason: text('reason').notNull(),
    /** The reason in English; null on rows written before it was kept (they show the Chinese). */
    reasonEn: text('reason_en'),
    inspectionId: bigint('inspection_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const supervisionFinding = pgTable(
  'supervision_finding',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    rule: text('rule').notNull(),
    key: text('key').notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    stationId: bigint('station_id', { mode: 'number' }),
    detail: jsonb('detail').$type<Record<string, string | number | null>>().notNull(),
    status: text('status', { enum: findingStatuses }).notNull().default('open'),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    handledBy: bigint('handled_by', { mode: 'number' }),
    handleReason: text('handle_reason'),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const comparisonRun = pgTable(
  'comparison_run',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    trigger: text('trigger').notNull(),
    runOn: date('run_on').notNull(),
    entities: integer('entities').notNull(),
    opened: integer('opened').notNull(),
    resolved: integer('resolved').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const shopUpload = pgTable(
  'shop_upload',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: uploadStatuses }).notNull().default('submitted'),
    name: text('name').notNull(),
    address: text('address').notNull(),
    licenceNumber: text('licence_number'),
    openingHours: text('opening_hours').notNull().default(''),
    seats: integer('seats'),
    kitchenAreaM2: numeric('kitchen_area_m2', { precision: 10, scale: 2 }),
    personInCharge: text('person_in_charge').notNull().default(''),
    supplySources: text('supply_sources').notNull().default(''),
    photos: jsonb('photos').$type<{ kind: string; dataUrl: string }[]>().notNull().default([]),
    submittedBy: bigint('submitted_by', { mode: 'number' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: bigint('reviewed_by', { mode: 'number' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewReason: text('review_reason'),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const gradeAppeal = pgTable(
  'grade_appeal',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    inspectionId: bigint('inspection_id', { mode: 'number' }).notNull(),
    grounds: text('grounds').notNull(),
    operatorReply: text('operator_reply').notNull().default(''),
    status: text('status', { enum: gradeAppealStatuses }).notNull().default('open'),
    officerId: bigint('officer_id', { mode: 'number' }),
    outcomeReason: text('outcome_reason'),
    submittedOn: date('submitted_on').notNull(),
    decidedOn: date('decided_on'),
    submittedBy: bigint('submitted_by', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const reinspectionRequest = pgTable(
  'reinspection_request',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    rectificationOrderId: bigint('rectification_order_id', { mode: 'number' }).notNull(),
    statement: text('statement').notNull(),
    status: text('status', { enum: ['open', 'done'] })
      .notNull()
      .default('open'),
    requestedOn: date('requested_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);

export const operatorApplication = pgTable(
  'operator_application',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    applicantName: text('applicant_name').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    phoneMask: text('phone_mask').notNull(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    status: text('status', { enum: applicationStatuses }).notNull().default('pending'),
    rejectReason: text('reject_reason'),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    userId: bigint('user_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.id] })],
);
