import { bigint, char, customType, date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import {
  handlingMeasures,
  handlingOutcomes,
  handlingStatuses,
  itemVerdicts,
  planKinds,
  sampleStatuses,
  samplingFields,
  samplingLinks,
  verdicts,
} from '../../../shared/vocabularies/sampling.ts';
import { fileContentTypes, fileKinds, testMethods } from './sampling.schemas.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const samplingPlan = pgTable(
  'sampling_plan',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    field: text('field', { enum: samplingFields }).notNull(),
    kind: text('kind', { enum: planKinds }).notNull().default('routine'),
    description: text('description').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const samplingPlanTarget = pgTable(
  'sampling_plan_target',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    planId: bigint('plan_id', { mode: 'number' }).notNull(),
    link: text('link', { enum: samplingLinks }),
    category: text('category'),
    targetBatches: integer('target_batches').notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const sample = pgTable(
  'sample',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    planId: bigint('plan_id', { mode: 'number' }),
    blindCode: text('blind_code').notNull(),
    retestOfId: bigint('retest_of_id', { mode: 'number' }),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    entityName: text('entity_name').notNull(),
    entityCreditCode: text('entity_credit_code').notNull(),
    entityAddress: text('entity_address').notNull().default(''),
    field: text('field', { enum: samplingFields }).notNull(),
    link: text('link', { enum: samplingLinks }).notNull(),
    category: text('category').notNull(),
    productType: text('product_type').notNull(),
    productName: text('product_name').notNull(),
    brand: text('brand').notNull().default(''),
    batchNo: text('batch_no').notNull().default(''),
    productionDate: date('production_date', { mode: 'string' }),
    shelfLifeUntil: date('shelf_life_until', { mode: 'string' }),
    quantity: text('quantity').notNull().default(''),
    priceFen: bigint('price_fen', { mode: 'number' }),
    samplerIds: bigint('sampler_ids', { mode: 'number' }).array().notNull(),
    entityConfirmedBy: text('entity_confirmed_by').notNull().default(''),
    testMethod: text('test_method', { enum: testMethods }).notNull().default('lab'),
    testItems: text('test_items').array().notNull(),
    sampledOn: date('sampled_on', { mode: 'string' }).notNull(),
    toLabDue: date('to_lab_due', { mode: 'string' }).notNull(),
    labId: bigint('lab_id', { mode: 'number' }),
    sentOn: date('sent_on', { mode: 'string' }),
    receivedOn: date('received_on', { mode: 'string' }),
    reportDue: date('report_due', { mode: 'string' }),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    conclusion: text('conclusion', { enum: verdicts }),
    rapidResultAt: timestamp('rapid_result_at', { withTimezone: true }),
    objectionDueAt: timestamp('objection_due_at', { withTimezone: true }),
    objectionFiledAt: timestamp('objection_filed_at', { withTimezone: true }),
    notifiedOn: date('notified_on', { mode: 'string' }),
    retestDue: date('retest_due', { mode: 'string' }),
    retestRequestedOn: date('retest_requested_on', { mode: 'string' }),
    backupKeepUntil: date('backup_keep_until', { mode: 'string' }),
    finalVerdict: text('final_verdict', { enum: verdicts }),
    publishedOn: date('published_on', { mode: 'string' }),
    status: text('status', { enum: sampleStatuses }).notNull().default('sampled'),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const sampleResultItem = pgTable(
  'sample_result_item',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    sampleId: bigint('sample_id', { mode: 'number' }).notNull(),
    itemName: text('item_name').notNull(),
    measured: text('measured').notNull(),
    unit: text('unit').notNull().default(''),
    limitText: text('limit_text').notNull().default(''),
    methodStandard: text('method_standard').notNull().default(''),
    verdict: text('verdict', { enum: itemVerdicts }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const sampleFile = pgTable(
  'sample_file',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    sampleId: bigint('sample_id', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: fileKinds }).notNull(),
    contentType: text('content_type', { enum: fileContentTypes }).notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const failureHandling = pgTable(
  'failure_handling',
  {
    districtCode: char('district_code', { length: 6 }).notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    sampleId: bigint('sample_id', { mode: 'number' }).notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    measures: text('measures', { enum: handlingMeasures }).array().notNull().default([]),
    status: text('status', { enum: handlingStatuses }).notNull().default('open'),
    outcome: text('outcome', { enum: handlingOutcomes }),
    note: text('note').notNull().default(''),
    closedOn: date('closed_on', { mode: 'string' }),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);
