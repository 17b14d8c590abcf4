/**
 * The special-equipment API's HTTP contract: request and response schemas (responses whitelist fields), and the types
 * the web takes from them.
 */
import { type Static, Type } from 'typebox';
import { DateString, listOf, Nullable } from '../../platform/http/schemas.ts';
import { equipmentKinds, equipmentStatuses, inspectionResults } from './rules/equipment-kinds.ts';
import { hazardFlags, hazardSeverities, hazardStatuses } from './rules/hazard-deadlines.ts';
import { hazardPhotoStages } from './rules/hazard-photo.ts';
import { dueFlags } from './rules/inspection-cycle.ts';
import { reminderKinds } from './rules/reminders.ts';
import { registrationStates } from './rules/use-registration.ts';

export type { EquipmentKind, EquipmentStatus, InspectionResult } from './rules/equipment-kinds.ts';
export type { HazardFlag, HazardSeverity, HazardStatus } from './rules/hazard-deadlines.ts';
export type { DueFlag } from './rules/inspection-cycle.ts';
export type { RegistrationState } from './rules/use-registration.ts';
export { equipmentKinds, equipmentStatuses, hazardSeverities, hazardStatuses, inspectionResults };

const paging = { page: Type.Integer({ minimum: 1, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }) };
const Text = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength });
const StreetCode = Type.String({ pattern: '^[0-9]{9}$' });

/* The register */
export const EquipmentBody = Type.Object(
  {
    entityId: Type.Integer({ minimum: 1 }),
    kind: Type.Enum(equipmentKinds),
    registrationCode: Type.String({ pattern: '^[0-9A-Z]{10,20}$', description: '设备代码 / 注册代码: 10–20 digits or capitals' }),
    useCertificateNumber: Type.Optional(Text(40)),
    firstUsedOn: DateString,
    registeredOn: Type.Optional(DateString),
    address: Text(200),
    latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    maker: Type.String({ maxLength: 200, default: '' }),
    installer: Type.String({ maxLength: 200, default: '' }),
    maintenanceUnit: Type.String({ maxLength: 200, default: '' }),
  },
  { additionalProperties: false },
);
export type EquipmentInput = Static<typeof EquipmentBody>;

export const EquipmentPatchBody = Type.Object(
  {
    status: Type.Optional(Type.Enum(equipmentStatuses)),
    statusSince: Type.Optional(DateString),
    /** Why the status changes (kept in the equipment's history); required with a status. */
    statusReason: Type.Optional(Text(500)),
    useCertificateNumber: Type.Optional(Text(40)),
    registeredOn: Type.Optional(DateString),
    maintenanceUnit: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type EquipmentPatch = Static<typeof EquipmentPatchBody>;

export const EquipmentQuery = Type.Object(
  {
    ...paging,
    kind: Type.Optional(Type.Enum(equipmentKinds)),
    status: Type.Optional(Type.Enum(equipmentStatuses)),
    streetCode: Type.Optional(StreetCode),
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    due: Type.Optional(Type.Enum(['due_soon', 'overdue', 'due_or_overdue'])),
    registration: Type.Optional(Type.Enum(['unregistered'])),
    /** Elevators in use whose last maintenance (or first use) is more than 15 days ago. */
    maintenance: Type.Optional(Type.Enum(['missed'])),
  },
  { additionalProperties: false },
);
export type EquipmentFilter = Static<typeof EquipmentQuery>;

export const EquipmentViewSchema = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  streetCode: Type.String(),
  kind: Type.Enum(equipmentKinds),
  registrationCode: Type.String(),
  useCertificateNumber: Nullable(Type.String()),
  firstUsedOn: DateString,
  registeredOn: Nullable(DateString),
  registrationDeadline: DateString,
  registrationState: Type.Enum(registrationStates),
  address: Type.String(),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  maker: Type.String(),
  installer: Type.String(),
  maintenanceUnit: Type.String(),
  status: Type.Enum(equipmentStatuses),
  statusSince: DateString,
  nextDueOn: DateString,
  /** Null when the equipment is stopped or scrapped: nothing falls due. */
  dueFlag: Nullable(Type.Enum(dueFlags)),
  lastMaintainedOn: Nullable(DateString),
  /** Elevators in use only: more than 15 days since the last maintenance. */
  isMaintenanceMissed: Type.Boolean(),
});
export type EquipmentView = Static<typeof EquipmentViewSchema>;
export const EquipmentList = listOf(EquipmentViewSchema);

/* Inspections and maintenance */
export const InspectionBody = Type.Object(
  {
    inspectedOn: DateString,
    result: Type.Enum(inspectionResults),
    inspectionBody: Text(200),
    reportNumber: Type.String({ pattern: '^[0-9A-Za-z\\-]{4,40}$' }),
    note: Type.String({ maxLength: 1000, default: '' }),
  },
  { additionalProperties: false },
);
export type InspectionInput = Static<typeof InspectionBody>;
export const InspectionViewSchema = Type.Object({
  id: Type.Integer(),
  equipmentId: Type.Integer(),
  inspectedOn: DateString,
  result: Type.Enum(inspectionResults),
  inspectionBody: Type.String(),
  reportNumber: Type.String(),
  nextDueOn: DateString,
  note: Type.String(),
});
export type InspectionView = Static<typeof InspectionViewSchema>;

export const MaintenanceBody = Type.Object(
  { maintainedOn: DateString, maintainer: Text(100), note: Type.String({ maxLength: 1000, default: '' }) },
  { additionalProperties: false },
);
export type MaintenanceInput = Static<typeof MaintenanceBody>;
export const MaintenanceViewSchema = Type.Object({
  id: Type.Integer(),
  equipmentId: Type.Integer(),
  maintainedOn: DateString,
  maintainer: Type.String(),
  note: Type.String(),
});
export type MaintenanceView = Static<typeof MaintenanceViewSchema>;

/* Hazards */
export const HazardBody = Type.Object(
  {
    equipmentId: Type.Integer({ minimum: 1 }),
    foundOn: DateString,
    severity: Type.Enum(hazardSeverities),
    description: Text(2000, 2),
    legalBasis: Text(500, 2),
    expert: Text(100),
  },
  { additionalProperties: false },
);
export type HazardInput = Static<typeof HazardBody>;
export const HazardOrderBody = Type.Object({ orderedOn: DateString, deadline: DateString }, { additionalProperties: false });
export const HazardReportBody = Type.Object({ reportedOn: DateString, rectification: Text(2000, 2) }, { additionalProperties: false });
export const HazardRecheckBody = Type.Object(
  {
    on: DateString,
    outcome: Type.Enum(['closed', 'reordered', 'escalated']),
    note: Text(2000, 2),
    /** For `reordered`: the new rectification deadline. */
    deadline: Type.Optional(DateString),
  },
  { additionalProperties: false },
);
export const HazardEscalateBody = Type.Object({ on: DateString, note: Text(2000, 2) }, { additionalProperties: false });
export const HazardQuery = Type.Object(
  {
    ...paging,
    status: Type.Optional(Type.Enum(hazardStatuses)),
    isOverdue: Type.Optional(Type.Boolean()),
    equipmentId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type HazardFilter = Static<typeof HazardQuery>;
export const HazardViewSchema = Type.Object({
  id: Type.Integer(),
  equipmentId: Type.Integer(),
  registrationCode: Type.String(),
  kind: Type.Enum(equipmentKinds),
  entityId: Type.Integer(),
  entityName: Type.String(),
  streetCode: Type.String(),
  foundOn: DateString,
  severity: Type.Enum(hazardSeverities),
  description: Type.String(),
  legalBasis: Type.String(),
  expert: Type.String(),
  status: Type.Enum(hazardStatuses),
  orderedOn: Nullable(DateString),
  deadline: Nullable(DateString),
  rectification: Nullable(Type.String()),
  reportedOn: Nullable(DateString),
  recheckDue: Nullable(DateString),
  closedOn: Nullable(DateString),
  recheckNote: Nullable(Type.String()),
  caseId: Nullable(Type.Integer()),
  flag: Nullable(Type.Enum(hazardFlags)),
  /** The photos' descriptions; the bytes come from GET /hazards/:id/photos/:photoId. */
  photos: Type.Array(
    Type.Object({
      id: Type.Integer(),
      stage: Type.Enum(hazardPhotoStages),
      contentType: Type.String(),
      sizeBytes: Type.Integer(),
    }),
  ),
});
export type HazardView = Static<typeof HazardViewSchema>;
export const HazardList = listOf(HazardViewSchema);

/* Certified operators */
export const OperatorBody = Type.Object(
  {
    entityId: Type.Integer({ minimum: 1 }),
    holderName: Text(50),
    workItem: Text(50),
    certificateNumber: Type.Optional(Text(40)),
    validUntil: Type.Optional(DateString),
    onDutyFrom: DateString,
  },
  { additionalProperties: false },
);
export type OperatorInput = Static<typeof OperatorBody>;
export const OperatorQuery = Type.Object(
  {
    ...paging,
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
    expiringWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 })),
  },
  { additionalProperties: false },
);
export const OperatorViewSchema = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  streetCode: Type.String(),
  holderName: Type.String(),
  workItem: Type.String(),
  certificateNumber: Nullable(Type.String()),
  validUntil: Nullable(DateString),
  onDutyFrom: DateString,
  certificateState: Type.Enum(['valid', 'expiring', 'expired', 'none']),
});
export type OperatorView = Static<typeof OperatorViewSchema>;
export const OperatorList = listOf(OperatorViewSchema);

/* Drills */
export const DrillBody = Type.Object(
  {
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
    scenario: Text(200, 2),
    heldOn: DateString,
    participants: Type.Integer({ minimum: 1, maximum: 100000 }),
    lessons: Type.String({ maxLength: 2000, default: '' }),
    /** The emergency plan the drill exercised (of the same user, or a district plan). */
    planId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type DrillInput = Static<typeof DrillBody>;
export const DrillViewSchema = Type.Object({
  id: Type.Integer(),
  entityId: Nullable(Type.Integer()),
  entityName: Nullable(Type.String()),
  scenario: Type.String(),
  heldOn: DateString,
  participants: Type.Integer(),
  lessons: Type.String(),
  planId: Nullable(Type.Integer()),
  planTitle: Nullable(Type.String()),
});
export type DrillView = Static<typeof DrillViewSchema>;
export const DrillList = listOf(DrillViewSchema);
export const PagingOnly = Type.Object(paging, { additionalProperties: false });

/* Rates */
export const RatesQuery = Type.Object(
  { on: Type.Optional(DateString), by: Type.Enum(['street', 'kind', 'user'], { default: 'street' }) },
  { additionalProperties: false },
);
const RateSchema = Type.Object({ counted: Type.Integer(), total: Type.Integer(), percent: Nullable(Type.Number()) });
export const RatesViewSchema = Type.Object({
  on: DateString,
  overall: Type.Object({ registration: RateSchema, periodicInspection: RateSchema, certifiedOperator: RateSchema }),
  groups: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      registration: RateSchema,
      periodicInspection: RateSchema,
      certifiedOperator: RateSchema,
    }),
  ),
});
export type RatesView = Static<typeof RatesViewSchema>;

export const StatusChangeViewSchema = Type.Object({
  id: Type.Integer(),
  status: Type.Enum(equipmentStatuses),
  since: DateString,
  reason: Type.String(),
});
export type StatusChangeView = Static<typeof StatusChangeViewSchema>;
export const ReminderViewSchema = Type.Object({
  kind: Type.Enum(reminderKinds),
  dueOn: DateString,
  sentOn: DateString,
  isTexted: Type.Boolean(),
});
export type ReminderView = Static<typeof ReminderViewSchema>;

export const EquipmentDetailSchema = Type.Object({
  equipment: EquipmentViewSchema,
  inspections: Type.Array(InspectionViewSchema),
  maintenance: Type.Array(MaintenanceViewSchema),
  hazards: Type.Array(HazardViewSchema),
  /** Every status the equipment has had, oldest first. */
  statusHistory: Type.Array(StatusChangeViewSchema),
  /** The reminders the daily job sent about it, newest first. */
  reminders: Type.Array(ReminderViewSchema),
});
export type EquipmentDetail = Static<typeof EquipmentDetailSchema>;

/* Inspection results from the inspection body's spreadsheet */
export const InspectionImportBody = Type.Object(
  {
    /** The .xlsx file, base64 (≤ 700 KB decoded). Columns: 注册代码, 检验日期, 检验结论 (合格/复检合格/不合格), 检验机构, 报告编号, 备注. */
    fileBase64: Type.String({ minLength: 4, maxLength: 1_000_000 }),
  },
  { additionalProperties: false },
);
export const InspectionImportResult = Type.Object({ imported: Type.Integer({ minimum: 0 }) });

/* The register's map: every piece in scope with coordinates */
export const MapQuery = Type.Object(
  { kind: Type.Optional(Type.Enum(equipmentKinds)), streetCode: Type.Optional(StreetCode) },
  { additionalProperties: false },
);
export const MapPointSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(equipmentKinds),
  registrationCode: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  isOverdue: Type.Boolean(),
});
export type MapPoint = Static<typeof MapPointSchema>;
export const MapPoints = Type.Object({ items: Type.Array(MapPointSchema), total: Type.Integer({ minimum: 0 }) });

/* Hazard photos */
export const HazardPhotoBody = Type.Object(
  {
    /** `found` by the expert or staff; `rectified` as the user's evidence. */
    stage: Type.Enum(hazardPhotoStages),
    /** data:image/…;base64,… — JPEG or PNG by its first bytes, at most 5 MB. */
    dataUrl: Type.String({ minLength: 20, maxLength: 7_000_000 }),
  },
  { additionalProperties: false },
);
export const HazardPhotoParams = Type.Object(
  { id: Type.Integer({ minimum: 1 }), photoId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

/* Inspection cycles: the bureau's dated table */
const CycleMonths = Type.Object(
  Object.fromEntries(equipmentKinds.map((kind) => [kind, Type.Integer({ minimum: 1, maximum: 120 })])) as Record<
    (typeof equipmentKinds)[number],
    ReturnType<typeof Type.Integer>
  >,
  { additionalProperties: false },
);
export const CycleTableBody = Type.Object(
  { effectiveFrom: DateString, months: CycleMonths, note: Type.String({ maxLength: 500, default: '' }) },
  { additionalProperties: false },
);
export type CycleTableInput = Static<typeof CycleTableBody>;
export const CycleTableVersionSchema = Type.Object({
  /** 0 for the built-in table (rules/inspection-cycle.ts). */
  id: Type.Integer({ minimum: 0 }),
  effectiveFrom: DateString,
  months: CycleMonths,
  note: Type.String(),
  isBuiltIn: Type.Boolean(),
});
export type CycleTableVersion = Static<typeof CycleTableVersionSchema>;
export const CycleTableList = Type.Object({
  items: Type.Array(CycleTableVersionSchema),
  total: Type.Integer({ minimum: 0 }),
  /** The version in force today. */
  inForceId: Type.Integer({ minimum: 0 }),
});

/* Emergency plans */
export const EmergencyPlanBody = Type.Object(
  {
    /** The user the plan belongs to; left out for a district plan (section staff only). */
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
    /** A plan for one piece of that user's equipment. */
    equipmentId: Type.Optional(Type.Integer({ minimum: 1 })),
    title: Text(200, 2),
    scenarios: Type.String({ maxLength: 2000, default: '' }),
    approvedOn: DateString,
    /** Defaults to three years after approval. */
    reviewDue: Type.Optional(DateString),
  },
  { additionalProperties: false },
);
export type EmergencyPlanInput = Static<typeof EmergencyPlanBody>;
export const EmergencyPlanQuery = Type.Object(
  { ...paging, entityId: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export const EmergencyPlanViewSchema = Type.Object({
  id: Type.Integer(),
  entityId: Nullable(Type.Integer()),
  entityName: Nullable(Type.String()),
  equipmentId: Nullable(Type.Integer()),
  title: Type.String(),
  scenarios: Type.String(),
  approvedOn: DateString,
  reviewDue: DateString,
  isReviewDue: Type.Boolean(),
  drillCount: Type.Integer({ minimum: 0 }),
  lastDrillOn: Nullable(DateString),
});
export type EmergencyPlanView = Static<typeof EmergencyPlanViewSchema>;
export const EmergencyPlanList = listOf(EmergencyPlanViewSchema);
