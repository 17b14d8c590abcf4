import {
  bigint,
  boolean,
  char,
  customType,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { EquipmentKind, EquipmentStatus, InspectionResult } from './rules/equipment-kinds.ts';
import type { HazardSeverity, HazardStatus } from './rules/hazard-deadlines.ts';
import type { HazardPhotoStage } from './rules/hazard-photo.ts';
import type { ReminderKind } from './rules/reminders.ts';

const district = () => char('district_code', { length: 6 }).notNull();
const identity = () => bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const seEquipment = pgTable(
  'se_equipment',
  {
    districtCode: district(),
    id: identity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    kind: text('kind').$type<EquipmentKind>().notNull(),
    registrationCode: text('registration_code').notNull(),
    useCertificateNumber: text('use_certificate_number'),
    firstUsedOn: date('first_used_on').notNull(),
    registeredOn: date('registered_on'),
    firstDueOn: date('first_due_on').notNull(),
    address: text('address').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    maker: text('maker').notNull().default(''),
    installer: text('installer').notNull().default(''),
    maintenanceUnit: text('maintenance_unit').notNull().default(''),
    status: text('status').$type<EquipmentStatus>().notNull().default('in_use'),
    statusSince: date('status_since').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const seInspection = pgTable(
  'se_inspection',
  {
    districtCode: district(),
    id: identity(),
    equipmentId: bigint('equipment_id', { mode: 'number' }).notNull(),
    inspectedOn: date('inspected_on').notNull(),
    result: text('result').$type<InspectionResult>().notNull(),
    inspectionBody: text('inspection_body').notNull(),
    reportNumber: text('report_number').notNull(),
    nextDueOn: date('next_due_on').notNull(),
    note: text('note').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const seMaintenance = pgTable(
  'se_maintenance',
  {
    districtCode: district(),
    id: identity(),
    equipmentId: bigint('equipment_id', { mode: 'number' }).notNull(),
    maintainedOn: date('maintained_on').notNull(),
    maintainer: text('maintainer').notNull(),
    note: text('note').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const seHazard = pgTable(
  'se_hazard',
  {
    districtCode: district(),
    id: identity(),
    equipmentId: bigint('equipment_id', { mode: 'number' }).notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    foundOn: date('found_on').notNull(),
    severity: text('severity').$type<HazardSeverity>().notNull(),
    description: text('description').notNull(),
    legalBasis: text('legal_basis').notNull(),
    expert: text('expert').notNull(),
    status: text('status').$type<HazardStatus>().notNull().default('found'),
    orderedOn: date('ordered_on'),
    deadline: date('deadline'),
    rectification: text('rectification'),
    reportedOn: date('reported_on'),
    recheckDue: date('recheck_due'),
    closedOn: date('closed_on'),
    recheckNote: text('recheck_note'),
    caseId: bigint('case_id', { mode: 'number' }),
    foundBy: bigint('found_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const seOperator = pgTable(
  'se_operator',
  {
    districtCode: district(),
    id: identity(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    streetCode: char('street_code', { length: 9 }).notNull(),
    holderName: text('holder_name').notNull(),
    workItem: text('work_item').notNull(),
    certificateNumber: text('certificate_number'),
    validUntil: date('valid_until'),
    onDutyFrom: date('on_duty_from').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

export const seDrill = pgTable(
  'se_drill',
  {
    districtCode: district(),
    id: identity(),
    entityId: bigint('entity_id', { mode: 'number' }),
    streetCode: char('street_code', { length: 9 }),
    scenario: text('scenario').notNull(),
    heldOn: date('held_on').notNull(),
    participants: integer('participants').notNull(),
    lessons: text('lessons').notNull().default(''),
    planId: bigint('plan_id', { mode: 'number' }),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Each status a piece of equipment has had, with its day and reason (se_equipment keeps the current one). */
export const seStatusChange = pgTable(
  'se_status_change',
  {
    districtCode: district(),
    id: identity(),
    equipmentId: bigint('equipment_id', { mode: 'number' }).notNull(),
    status: text('status').$type<EquipmentStatus>().notNull(),
    since: date('since').notNull(),
    reason: text('reason').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** A version of the periodic-inspection cycles (months per kind) from its effective day; never edited. */
export const seCycleTable = pgTable(
  'se_cycle_table',
  {
    districtCode: district(),
    id: identity(),
    effectiveFrom: date('effective_from').notNull(),
    months: jsonb('months').$type<Record<EquipmentKind, number>>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** A photo of a hazard as found or as rectified (JPEG / PNG by its first bytes, at most 5 MB). */
export const seHazardPhoto = pgTable(
  'se_hazard_photo',
  {
    districtCode: district(),
    id: identity(),
    hazardId: bigint('hazard_id', { mode: 'number' }).notNull(),
    stage: text('stage').$type<HazardPhotoStage>().notNull(),
    contentType: text('content_type', { enum: ['image/jpeg', 'image/png'] }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    content: bytea('content').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** An emergency plan 应急预案 of a user (optionally for one piece of equipment) or of the district (no user). */
export const seEmergencyPlan = pgTable(
  'se_emergency_plan',
  {
    districtCode: district(),
    id: identity(),
    entityId: bigint('entity_id', { mode: 'number' }),
    streetCode: char('street_code', { length: 9 }),
    equipmentId: bigint('equipment_id', { mode: 'number' }),
    title: text('title').notNull(),
    scenarios: text('scenarios').notNull().default(''),
    approvedOn: date('approved_on').notNull(),
    reviewDue: date('review_due').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);

/** A reminder the daily job sent: one per equipment, kind and due day. */
export const seReminder = pgTable(
  'se_reminder',
  {
    districtCode: district(),
    id: identity(),
    equipmentId: bigint('equipment_id', { mode: 'number' }).notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    kind: text('kind').$type<ReminderKind>().notNull(),
    dueOn: date('due_on').notNull(),
    sentOn: date('sent_on').notNull(),
    isTexted: boolean('is_texted').notNull().default(false),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.id] })],
);
