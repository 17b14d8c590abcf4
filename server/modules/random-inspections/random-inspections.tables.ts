import { bigint, boolean, char, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { creditClasses } from '../../../shared/vocabularies/random-inspections.ts';
import {
  conflictReasons,
  drawStatuses,
  followUpTypes,
  inspectionOutcomes,
  matterTypes,
  planKinds,
  taskStatuses,
} from './random-inspections.schemas.ts';
import type { CreditClass } from './rules/credit-risk-class.ts';
import type { DrawResult, SeedComponent } from './rules/draw-inspection-sample.ts';

/** One stratum of a plan: the credit classes it takes and how many to draw (a count or a share in permille). */
export interface PlanStratum {
  key: string;
  label: string;
  creditClasses: CreditClass[];
  count?: number;
  permille?: number;
}

/** Which registry entities a plan's directory holds (the registry search filters). */
export interface PlanPopulation {
  category?: string;
  kind?: string;
  industry?: string;
  street?: string;
  licenceKind?: string;
}

const district = () => char('district_code', { length: 6 }).notNull();
const id = () => bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity();
const ref = (name: string) => bigint(name, { mode: 'number' });
const day = (name: string) => date(name, { mode: 'string' });
const at = (name: string) => timestamp(name, { withTimezone: true });

export const riInspector = pgTable(
  'ri_inspector',
  {
    districtCode: district(),
    userId: ref('user_id').notNull(),
    certificateNo: text('certificate_no').notNull(),
    validFrom: day('valid_from').notNull(),
    validUntil: day('valid_until').notNull(),
    department: text('department').notNull().default('市场监管'),
    isInPool: boolean('is_in_pool').notNull().default(true),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.userId] })],
);

export const riConflict = pgTable(
  'ri_conflict',
  {
    districtCode: district(),
    id: id(),
    userId: ref('user_id').notNull(),
    entityId: ref('entity_id').notNull(),
    reason: text('reason', { enum: conflictReasons }).notNull(),
    declaredBy: ref('declared_by'),
    declaredAt: at('declared_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const riCreditClass = pgTable(
  'ri_credit_class',
  {
    districtCode: district(),
    entityId: ref('entity_id').notNull(),
    creditClass: text('credit_class', { enum: creditClasses }).notNull(),
    score: integer('score').notNull(),
    reasons: text('reasons').array().notNull().default([]),
    ruleSet: text('rule_set').notNull(),
    gradedOn: day('graded_on').notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.entityId] })],
);

export const riCreditGrade = pgTable(
  'ri_credit_grade',
  {
    districtCode: district(),
    entityId: ref('entity_id').notNull(),
    month: day('month').notNull(),
    creditClass: text('credit_class', { enum: creditClasses }).notNull(),
    score: integer('score').notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.entityId, table.month] })],
);

export const riMatter = pgTable(
  'ri_matter',
  {
    districtCode: district(),
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    basis: text('basis').notNull().default(''),
    matterType: text('matter_type', { enum: matterTypes }).notNull(),
    department: text('department').notNull().default('市场监管'),
    isActive: boolean('is_active').notNull().default(true),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const riPlan = pgTable(
  'ri_plan',
  {
    districtCode: district(),
    id: id(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: planKinds }).notNull(),
    year: integer('year').notNull(),
    periodStart: day('period_start').notNull(),
    periodEnd: day('period_end').notNull(),
    departments: text('departments').array().notNull(),
    population: jsonb('population').$type<PlanPopulation>().notNull().default({}),
    strata: jsonb('strata').$type<PlanStratum[]>().notNull(),
    inspectorsPerTask: integer('inspectors_per_task').notNull().default(2),
    createdBy: ref('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const riPlanMatter = pgTable(
  'ri_plan_matter',
  { districtCode: district(), planId: ref('plan_id').notNull(), matterId: ref('matter_id').notNull() },
  (table) => [primaryKey({ columns: [table.districtCode, table.planId, table.matterId] })],
);

export const riDraw = pgTable(
  'ri_draw',
  {
    districtCode: district(),
    id: id(),
    planId: ref('plan_id').notNull(),
    batchNo: integer('batch_no').notNull(),
    status: text('status', { enum: drawStatuses }).notNull(),
    algorithm: text('algorithm').notNull(),
    inspectionDate: day('inspection_date').notNull(),
    inspectorsPerTask: integer('inspectors_per_task').notNull(),
    commitment: text('commitment').notNull(),
    seedAnnouncement: text('seed_announcement').notNull(),
    seedComponents: jsonb('seed_components').$type<SeedComponent[]>(),
    combinedSeed: text('combined_seed'),
    resultStrata: jsonb('result_strata').$type<DrawResult['strata']>(),
    unstaffed: text('unstaffed').array().notNull().default([]),
    committedBy: ref('committed_by'),
    committedAt: at('committed_at').notNull(),
    seededAt: at('seeded_at'),
    drawnAt: at('drawn_at'),
    publishedAt: at('published_at'),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const riDrawStratum = pgTable(
  'ri_draw_stratum',
  {
    districtCode: district(),
    drawId: ref('draw_id').notNull(),
    stratumKey: text('stratum_key').notNull(),
    label: text('label').notNull(),
    creditClasses: text('credit_classes').array().notNull(),
    population: integer('population').notNull(),
    size: integer('size').notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.drawId, table.stratumKey] })],
);

export const riDrawObject = pgTable(
  'ri_draw_object',
  {
    districtCode: district(),
    drawId: ref('draw_id').notNull(),
    objectKey: text('object_key').notNull(),
    entityId: ref('entity_id').notNull(),
    stratumKey: text('stratum_key').notNull(),
    creditClass: text('credit_class', { enum: creditClasses }).notNull(),
    previousInspectors: text('previous_inspectors').array().notNull().default([]),
    name: text('name').notNull(),
    address: text('address').notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    industryCode: text('industry_code').notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.drawId, table.objectKey] })],
);

export const riDrawInspector = pgTable(
  'ri_draw_inspector',
  {
    districtCode: district(),
    drawId: ref('draw_id').notNull(),
    inspectorKey: text('inspector_key').notNull(),
    userId: ref('user_id').notNull(),
    stationId: ref('station_id'),
    validFrom: day('valid_from').notNull(),
    validUntil: day('valid_until').notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.drawId, table.inspectorKey] })],
);

export const riDrawConflict = pgTable(
  'ri_draw_conflict',
  {
    districtCode: district(),
    drawId: ref('draw_id').notNull(),
    inspectorKey: text('inspector_key').notNull(),
    objectKey: text('object_key').notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.drawId, table.inspectorKey, table.objectKey] })],
);

export const riTask = pgTable(
  'ri_task',
  {
    districtCode: district(),
    id: id(),
    drawId: ref('draw_id').notNull(),
    entityId: ref('entity_id').notNull(),
    objectKey: text('object_key').notNull(),
    stratumKey: text('stratum_key').notNull(),
    position: integer('position').notNull(),
    ticket: text('ticket').notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    status: text('status', { enum: taskStatuses }).notNull().default('assigned'),
    isUnstaffed: boolean('is_unstaffed').notNull().default(false),
    inspectedOn: day('inspected_on'),
    result: text('result', { enum: inspectionOutcomes }),
    followUpType: text('follow_up_type', { enum: followUpTypes }).notNull().default('none'),
    followUpNote: text('follow_up_note').notNull().default(''),
    completedBy: ref('completed_by'),
    completedAt: at('completed_at'),
    publishDue: day('publish_due'),
    publishedAt: at('published_at'),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const riTaskInspector = pgTable(
  'ri_task_inspector',
  {
    districtCode: district(),
    taskId: ref('task_id').notNull(),
    userId: ref('user_id').notNull(),
    inspectorKey: text('inspector_key').notNull(),
    seq: integer('seq').notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.taskId, table.userId] })],
);

export const riTaskResult = pgTable(
  'ri_task_result',
  {
    districtCode: district(),
    taskId: ref('task_id').notNull(),
    matterId: ref('matter_id').notNull(),
    outcome: text('outcome', { enum: inspectionOutcomes }).notNull(),
    note: text('note').notNull().default(''),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.taskId, table.matterId] })],
);

export const riAlert = pgTable(
  'ri_alert',
  {
    districtCode: district(),
    id: id(),
    taskId: ref('task_id').notNull(),
    kind: text('kind', { enum: ['publication_overdue'] }).notNull(),
    dueOn: day('due_on').notNull(),
    raisedAt: at('raised_at').notNull(),
    resolvedAt: at('resolved_at'),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);
