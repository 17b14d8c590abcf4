import { type Static, Type } from 'typebox';
import { creditClasses, followUpTypes, inspectionOutcomes, planKinds } from '../../../shared/vocabularies/random-inspections.ts';
import { businessCategories } from '../../../shared/vocabularies/registry.ts';
import { DateString, listOf, Nullable, PagingQuery, StringEnum } from '../../platform/http/schemas.ts';

export { followUpTypes, inspectionOutcomes, planKinds };

/** 重点检查事项 / 一般检查事项. */
export const matterTypes = ['key', 'general'] as const;
/** The draw ceremony: commit → seed → draw → publish. */
export const drawStatuses = ['committed', 'seeded', 'drawn', 'published'] as const;
export const conflictReasons = ['relative', 'former_employment', 'financial_interest', 'other'] as const;
/**
 * The result categories of a random inspection (抽查结果): 未发现问题, 发现问题已责令改正, 发现问题待后续处理,
 * 通过登记的住所（经营场所）无法联系, 未发现开展本次抽查涉及的经营活动, 已关闭停业或歇业, 不配合检查.
 */
export type InspectionOutcome = (typeof inspectionOutcomes)[number];
export const taskStatuses = ['assigned', 'done'] as const;

const Timestamp = Type.String({ description: 'ISO 8601 timestamp' });
const Hex64 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const CreditClassSchema = StringEnum(creditClasses);
const OutcomeSchema = StringEnum(inspectionOutcomes);

// ── directories ────────────────────────────────────────────────────────────

export const InspectorView = Type.Object({
  userId: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  stationId: Nullable(Type.Integer()),
  stationName: Nullable(Type.String()),
  certificateNo: Nullable(Type.String()),
  validFrom: Nullable(DateString),
  validUntil: Nullable(DateString),
  department: Nullable(Type.String()),
  isInPool: Type.Boolean(),
  /** Certificate present and valid today, account enabled, in the pool. */
  isEligibleToday: Type.Boolean(),
});
export type InspectorView = Static<typeof InspectorView>;
export const InspectorList = listOf(InspectorView);

export const InspectorCertificateBody = Type.Object(
  {
    certificateNo: Type.String({ pattern: '^[0-9A-Za-z-]{4,32}$', description: '执法证号' }),
    validFrom: DateString,
    validUntil: DateString,
    department: Type.String({ minLength: 1, maxLength: 40 }),
    isInPool: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type InspectorCertificateBody = Static<typeof InspectorCertificateBody>;

export const ObjectDirectoryQuery = Type.Object(
  {
    creditClass: Type.Optional(CreditClassSchema),
    category: Type.Optional(Type.String({ maxLength: 40 })),
    street: Type.Optional(Type.String({ pattern: '^[0-9]{9}$' })),
    industry: Type.Optional(Type.String({ pattern: '^[A-T]([0-9]{2})?$' })),
    ...PagingQuery,
  },
  { additionalProperties: false },
);
export type ObjectDirectoryQuery = Static<typeof ObjectDirectoryQuery>;

export const DirectoryObjectView = Type.Object({
  entityId: Type.Integer(),
  creditCode: Type.String(),
  name: Type.String(),
  streetCode: Type.String(),
  industryCode: Type.String(),
  businessCategory: Type.String(),
  creditClass: Nullable(CreditClassSchema),
  score: Nullable(Type.Integer()),
  reasons: Type.Array(Type.String()),
  gradedOn: Nullable(DateString),
});
export type DirectoryObjectView = Static<typeof DirectoryObjectView>;
export const DirectoryObjectList = listOf(DirectoryObjectView);

export const CreditClassSummary = Type.Object({
  ruleSet: Type.String(),
  citation: Type.String(),
  counts: Type.Object({ A: Type.Integer(), B: Type.Integer(), C: Type.Integer(), D: Type.Integer() }),
  gradedOn: Nullable(DateString),
});
export type CreditClassSummary = Static<typeof CreditClassSummary>;

export const ConflictView = Type.Object({
  id: Type.Integer(),
  userId: Type.Integer(),
  inspectorName: Type.String(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  reason: StringEnum(conflictReasons),
  declaredAt: Timestamp,
});
export type ConflictView = Static<typeof ConflictView>;
export const ConflictList = listOf(ConflictView);
export const ConflictBody = Type.Object(
  { userId: Type.Integer({ minimum: 1 }), entityId: Type.Integer({ minimum: 1 }), reason: StringEnum(conflictReasons) },
  { additionalProperties: false },
);
export type ConflictBody = Static<typeof ConflictBody>;

// ── matters and plans ─────────────────────────────────────────────────────

export const MatterView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  basis: Type.String(),
  matterType: StringEnum(matterTypes),
  department: Type.String(),
  isActive: Type.Boolean(),
});
export type MatterView = Static<typeof MatterView>;
export const MatterList = listOf(MatterView);
export const MatterBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 32 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    basis: Type.String({ maxLength: 500 }),
    matterType: StringEnum(matterTypes),
    department: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);
export type MatterBody = Static<typeof MatterBody>;

export const PlanStratumSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z0-9_-]{1,16}$' }),
    label: Type.String({ minLength: 1, maxLength: 60 }),
    creditClasses: Type.Array(CreditClassSchema, { minItems: 1, maxItems: 4, uniqueItems: true }),
    count: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    permille: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'share to draw, in ‰' })),
  },
  { additionalProperties: false },
);
export type PlanStratumInput = Static<typeof PlanStratumSchema>;

export const PlanPopulationSchema = Type.Object(
  {
    category: Type.Optional(StringEnum(businessCategories)),
    kind: Type.Optional(StringEnum(['enterprise', 'individual'])),
    industry: Type.Optional(Type.String({ pattern: '^[A-T]([0-9]{2})?$' })),
    street: Type.Optional(Type.String({ pattern: '^[0-9]{9}$' })),
    licenceKind: Type.Optional(StringEnum(['business', 'food_business', 'pharmacy', 'food_production', 'workshop_registration'])),
  },
  { additionalProperties: false },
);

export const PlanBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64, description: 'e.g. 明州市监抽查〔2021〕1号' }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    kind: StringEnum(planKinds),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    periodStart: DateString,
    periodEnd: DateString,
    departments: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: 10, uniqueItems: true }),
    population: PlanPopulationSchema,
    strata: Type.Array(PlanStratumSchema, { minItems: 1, maxItems: 8 }),
    inspectorsPerTask: Type.Integer({ minimum: 2, maximum: 6 }),
    matterIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 50, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type PlanBody = Static<typeof PlanBody>;

export const DrawSummary = Type.Object({
  id: Type.Integer(),
  ref: Type.String(),
  planId: Type.Integer(),
  batchNo: Type.Integer(),
  status: StringEnum(drawStatuses),
  inspectionDate: DateString,
  commitment: Hex64,
  committedAt: Timestamp,
  taskCount: Type.Integer(),
});
export type DrawSummary = Static<typeof DrawSummary>;

export const PlanView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  kind: StringEnum(planKinds),
  year: Type.Integer(),
  periodStart: DateString,
  periodEnd: DateString,
  departments: Type.Array(Type.String()),
  population: PlanPopulationSchema,
  strata: Type.Array(PlanStratumSchema),
  inspectorsPerTask: Type.Integer(),
  matters: Type.Array(MatterView),
  draws: Type.Array(DrawSummary),
  createdAt: Timestamp,
});
export type PlanView = Static<typeof PlanView>;
export const PlanListItem = Type.Omit(PlanView, ['matters', 'draws', 'population', 'strata']);
export type PlanListItem = Static<typeof PlanListItem>;
export const PlanList = listOf(PlanListItem);
export const PlanListQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), ...PagingQuery },
  { additionalProperties: false },
);
export type PlanListQuery = Static<typeof PlanListQuery>;

// ── the draw ceremony ─────────────────────────────────────────────────────

export const CommitDrawBody = Type.Object(
  {
    inspectionDate: Type.Optional(DateString),
    seedAnnouncement: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'announced before the draw: e.g. "drand quicknet round 12345678 + 20 dice rolled at the public meeting"',
    }),
  },
  { additionalProperties: false },
);
export type CommitDrawBody = Static<typeof CommitDrawBody>;

export const SeedComponentSchema = Type.Object(
  { source: Type.String({ minLength: 1, maxLength: 40 }), value: Type.String({ minLength: 1, maxLength: 600 }) },
  { additionalProperties: false },
);
export const SeedBody = Type.Object(
  { components: Type.Array(SeedComponentSchema, { minItems: 1, maxItems: 5 }) },
  { additionalProperties: false },
);
export type SeedBody = Static<typeof SeedBody>;

export const DrawStratumView = Type.Object({
  key: Type.String(),
  label: Type.String(),
  creditClasses: Type.Array(Type.String()),
  population: Type.Integer(),
  size: Type.Integer(),
});

export const TaskListItem = Type.Object({
  id: Type.Integer(),
  drawId: Type.Integer(),
  planTitle: Type.String(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  creditCode: Type.String(),
  address: Type.String(),
  stratumKey: Type.String(),
  position: Type.Integer(),
  inspectors: Type.Array(Type.Object({ userId: Type.Integer(), displayName: Type.String(), certificateNo: Type.String() })),
  status: StringEnum(taskStatuses),
  isUnstaffed: Type.Boolean(),
  inspectedOn: Nullable(DateString),
  result: Nullable(OutcomeSchema),
  followUpType: StringEnum(followUpTypes),
  publishDue: Nullable(DateString),
  publishedAt: Nullable(Timestamp),
});
export type TaskListItem = Static<typeof TaskListItem>;
export const TaskList = listOf(TaskListItem);
export const TaskListQuery = Type.Object(
  {
    drawId: Type.Optional(Type.Integer({ minimum: 1 })),
    status: Type.Optional(StringEnum(taskStatuses)),
    mine: Type.Optional(Type.Boolean()),
    ...PagingQuery,
  },
  { additionalProperties: false },
);
export type TaskListQuery = Static<typeof TaskListQuery>;

export const DrawView = Type.Object({
  ...DrawSummary.properties,
  planCode: Type.String(),
  planTitle: Type.String(),
  algorithm: Type.String(),
  inspectorsPerTask: Type.Integer(),
  seedAnnouncement: Type.String(),
  seedComponents: Nullable(Type.Array(SeedComponentSchema)),
  combinedSeed: Nullable(Hex64),
  strata: Type.Array(DrawStratumView),
  objectCount: Type.Integer(),
  inspectorCount: Type.Integer(),
  unstaffed: Type.Array(Type.String()),
  seededAt: Nullable(Timestamp),
  drawnAt: Nullable(Timestamp),
  publishedAt: Nullable(Timestamp),
  tasks: Type.Array(TaskListItem),
});
export type DrawView = Static<typeof DrawView>;

/** The published verification document (see rules/draw-inspection-sample.ts DrawDocument). */
export const DrawDocumentSchema = Type.Object({
  format: Type.String(),
  inputs: Type.Object({
    algorithm: Type.String(),
    districtCode: Type.String(),
    drawRef: Type.String(),
    inspectionDate: DateString,
    inspectorsPerTask: Type.Integer(),
    strata: Type.Array(Type.Object({ key: Type.String(), size: Type.Integer() })),
    objects: Type.Array(Type.Object({ key: Type.String(), stratum: Type.String(), previousInspectors: Type.Array(Type.String()) })),
    inspectors: Type.Array(Type.Object({ key: Type.String(), validFrom: DateString, validUntil: DateString })),
    conflicts: Type.Array(Type.Object({ inspector: Type.String(), object: Type.String() })),
  }),
  commitment: Hex64,
  seed: Nullable(Type.Object({ announcement: Type.String(), components: Type.Array(SeedComponentSchema), combined: Hex64 })),
  result: Nullable(
    Type.Object({
      strata: Type.Array(
        Type.Object({
          key: Type.String(),
          population: Type.Integer(),
          size: Type.Integer(),
          reserve: Type.Array(Type.Object({ object: Type.String(), ticket: Type.String() })),
        }),
      ),
      tasks: Type.Array(
        Type.Object({
          object: Type.String(),
          stratum: Type.String(),
          position: Type.Integer(),
          ticket: Type.String(),
          inspectors: Type.Array(Type.String()),
        }),
      ),
      unstaffed: Type.Array(Type.String()),
    }),
  ),
});

// ── tasks and results ─────────────────────────────────────────────────────

export const TaskView = Type.Object({
  ...TaskListItem.properties,
  industryCode: Type.String(),
  streetCode: Type.String(),
  matters: Type.Array(
    Type.Object({
      matterId: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      outcome: Nullable(OutcomeSchema),
      note: Type.String(),
    }),
  ),
  followUpNote: Type.String(),
});
export type TaskView = Static<typeof TaskView>;

export const TaskResultBody = Type.Object(
  {
    inspectedOn: DateString,
    results: Type.Array(
      Type.Object(
        { matterId: Type.Integer({ minimum: 1 }), outcome: OutcomeSchema, note: Type.String({ maxLength: 1000 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    followUpType: StringEnum(followUpTypes),
    followUpNote: Type.String({ maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type TaskResultBody = Static<typeof TaskResultBody>;

export const AlertView = Type.Object({
  id: Type.Integer(),
  taskId: Type.Integer(),
  entityName: Type.String(),
  kind: Type.String(),
  dueOn: DateString,
  raisedAt: Timestamp,
});
export type AlertView = Static<typeof AlertView>;
export const AlertList = listOf(AlertView);
