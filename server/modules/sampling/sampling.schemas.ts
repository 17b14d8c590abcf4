import { type Static, Type } from 'typebox';
import {
  handlingMeasures,
  handlingOutcomes,
  handlingStatuses,
  itemVerdicts,
  labStatuses,
  planKinds,
  sampleStatuses,
  samplingFields,
  samplingLinks,
  testMethods,
  type Verdict,
  verdicts,
} from '../../../shared/vocabularies/sampling.ts';
import { DateString, DateTime, listOf, Nullable, PagingQuery, StringEnum } from '../../platform/http/schemas.ts';
import { blindCodePattern } from './rules/blind-code.ts';

export type { Verdict };
export { testMethods };

export type SamplingField = (typeof samplingFields)[number];
export type SamplingLink = (typeof samplingLinks)[number];
export type SampleStatus = (typeof sampleStatuses)[number];
export const fileKinds = ['report', 'photo'] as const;
export const fileContentTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type FileContentType = (typeof fileContentTypes)[number];

export type HandlingOutcome = (typeof handlingOutcomes)[number];

const ShortText = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const FieldSchema = StringEnum(samplingFields);
export const LinkSchema = StringEnum(samplingLinks);
export const VerdictSchema = StringEnum(verdicts);
export const ItemVerdictSchema = StringEnum(itemVerdicts);
export const SampleStatusSchema = StringEnum(sampleStatuses);
export const TestMethodSchema = StringEnum(testMethods);
export const HandlingMeasureSchema = StringEnum(handlingMeasures);
export const HandlingStatusSchema = StringEnum(handlingStatuses);
export const HandlingOutcomeSchema = StringEnum(handlingOutcomes);
export const BlindCodeParams = Type.Object(
  { id: Type.String({ pattern: blindCodePattern, description: 'the blind code' }) },
  { additionalProperties: false },
);

/** Pass rate with exact decimals (91.90) and the whole percent the reports print (92). */
export const PassRateView = Type.Object({
  batches: Type.Integer(),
  qualified: Type.Integer(),
  percent: Nullable(Type.String()),
  wholePercent: Nullable(Type.Integer()),
});

// ── Plans ───────────────────────────────────────────────────────────────────────────────────────────
export const PlanTargetInput = Type.Object(
  {
    link: Type.Optional(Nullable(LinkSchema)),
    category: Type.Optional(Nullable(ShortText(100))),
    targetBatches: Type.Integer({ minimum: 1, maximum: 100_000 }),
  },
  { additionalProperties: false },
);
export const CreatePlanBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    name: ShortText(200),
    field: FieldSchema,
    kind: StringEnum(planKinds),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    targets: Type.Array(PlanTargetInput, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type CreatePlanBody = Static<typeof CreatePlanBody>;
export const PlanQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), field: Type.Optional(FieldSchema), ...PagingQuery },
  { additionalProperties: false },
);
export const PlanTargetView = Type.Object({
  id: Type.Integer(),
  link: Nullable(LinkSchema),
  category: Nullable(Type.String()),
  targetBatches: Type.Integer(),
  doneBatches: Type.Integer(),
  completionPercent: Nullable(Type.String()),
});
export const PlanView = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  name: Type.String(),
  field: FieldSchema,
  kind: StringEnum(planKinds),
  description: Type.String(),
  targetBatches: Type.Integer(),
  doneBatches: Type.Integer(),
  completionPercent: Nullable(Type.String()),
  targets: Type.Array(PlanTargetView),
});
export type PlanView = Static<typeof PlanView>;
export const PlanList = listOf(PlanView);

// ── Samples (bureau side) ───────────────────────────────────────────────────────────────────────────
export const ResultItemInput = Type.Object(
  {
    itemName: ShortText(100),
    measured: ShortText(100),
    unit: Type.String({ maxLength: 40 }),
    limitText: Type.String({ maxLength: 100 }),
    methodStandard: Type.String({ maxLength: 200 }),
    verdict: ItemVerdictSchema,
  },
  { additionalProperties: false },
);
export type ResultItemInput = Static<typeof ResultItemInput>;
export const ResultItemView = Type.Object({
  itemName: Type.String(),
  measured: Type.String(),
  unit: Type.String(),
  limitText: Type.String(),
  methodStandard: Type.String(),
  verdict: ItemVerdictSchema,
});

export const CreateSampleBody = Type.Object(
  {
    planId: Type.Optional(Type.Integer({ minimum: 1 })),
    entityId: Type.Integer({ minimum: 1 }),
    field: Type.Optional(FieldSchema),
    link: LinkSchema,
    category: ShortText(100),
    productType: ShortText(100),
    productName: ShortText(200),
    brand: Type.Optional(Type.String({ maxLength: 100 })),
    batchNo: Type.Optional(Type.String({ maxLength: 100 })),
    productionDate: Type.Optional(DateString),
    shelfLifeUntil: Type.Optional(DateString),
    quantity: Type.Optional(Type.String({ maxLength: 100 })),
    priceFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    samplerIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 2, maxItems: 6, uniqueItems: true }),
    entityConfirmedBy: ShortText(50),
    testMethod: TestMethodSchema,
    testItems: Type.Array(ShortText(100), { minItems: 1, maxItems: 50, uniqueItems: true }),
    sampledOn: DateString,
  },
  { additionalProperties: false },
);
export type CreateSampleBody = Static<typeof CreateSampleBody>;

export const SampleQuery = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    planId: Type.Optional(Type.Integer({ minimum: 1 })),
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
    status: Type.Optional(SampleStatusSchema),
    verdict: Type.Optional(VerdictSchema),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'entity, product or blind code' })),
    ...PagingQuery,
  },
  { additionalProperties: false },
);
export type SampleQuery = Static<typeof SampleQuery>;

export const SampleListItem = Type.Object({
  id: Type.Integer(),
  blindCode: Type.String(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  productName: Type.String(),
  category: Type.String(),
  productType: Type.String(),
  link: LinkSchema,
  testMethod: TestMethodSchema,
  sampledOn: Type.String(),
  status: SampleStatusSchema,
  conclusion: Nullable(VerdictSchema),
  finalVerdict: Nullable(VerdictSchema),
  isRetest: Type.Boolean(),
  isOverdue: Type.Boolean(),
  nextDeadline: Nullable(Type.String()),
});
export const SampleList = listOf(SampleListItem);

const FileMeta = Type.Object({
  id: Type.Integer(),
  kind: StringEnum(fileKinds),
  contentType: Type.String(),
  byteSize: Type.Integer(),
  uploadedAt: DateTime,
});

export const SampleView = Type.Object({
  id: Type.Integer(),
  blindCode: Type.String(),
  planId: Nullable(Type.Integer()),
  planName: Nullable(Type.String()),
  retestOfId: Nullable(Type.Integer()),
  retestSampleIds: Type.Array(Type.Integer()),
  entityId: Type.Integer(),
  entityName: Type.String(),
  entityCreditCode: Type.String(),
  entityAddress: Type.String(),
  field: FieldSchema,
  link: LinkSchema,
  category: Type.String(),
  productType: Type.String(),
  productName: Type.String(),
  brand: Type.String(),
  batchNo: Type.String(),
  productionDate: Nullable(Type.String()),
  shelfLifeUntil: Nullable(Type.String()),
  quantity: Type.String(),
  priceFen: Nullable(Type.Integer()),
  samplers: Type.Array(Type.Object({ id: Type.Integer(), displayName: Type.String() })),
  entityConfirmedBy: Type.String(),
  testMethod: TestMethodSchema,
  testItems: Type.Array(Type.String()),
  sampledOn: Type.String(),
  toLabDue: Type.String(),
  lab: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  sentOn: Nullable(Type.String()),
  receivedOn: Nullable(Type.String()),
  reportDue: Nullable(Type.String()),
  reportedAt: Nullable(DateTime),
  conclusion: Nullable(VerdictSchema),
  rapidResultAt: Nullable(DateTime),
  objectionDueAt: Nullable(DateTime),
  objectionFiledAt: Nullable(DateTime),
  notifiedOn: Nullable(Type.String()),
  retestDue: Nullable(Type.String()),
  retestRequestedOn: Nullable(Type.String()),
  backupKeepUntil: Nullable(Type.String()),
  finalVerdict: Nullable(VerdictSchema),
  publishedOn: Nullable(Type.String()),
  canPublish: Type.Boolean(),
  status: SampleStatusSchema,
  isSentLate: Type.Boolean(),
  isReportLate: Type.Boolean(),
  results: Type.Array(ResultItemView),
  files: Type.Array(FileMeta),
  handlingId: Nullable(Type.Integer()),
  rules: Type.Object({ id: Type.String(), citation: Type.String(), isConfirmed: Type.Boolean(), note: Type.String() }),
});
export type SampleView = Static<typeof SampleView>;

export const SendToLabBody = Type.Object({ labId: Type.Integer({ minimum: 1 }), sentOn: DateString }, { additionalProperties: false });
export const RapidResultBody = Type.Object(
  { resultAt: DateTime, items: Type.Array(ResultItemInput, { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);
export const ObjectionBody = Type.Object({ filedAt: DateTime }, { additionalProperties: false });
export const NotifyBody = Type.Object({ notifiedOn: DateString }, { additionalProperties: false });
export const RetestBody = Type.Object({ requestedOn: DateString }, { additionalProperties: false });
export const FileCreated = Type.Object({ id: Type.Integer(), byteSize: Type.Integer(), contentType: Type.String() });

export const LabOption = Type.Object({ id: Type.Integer(), name: Type.String() });
export const SamplerOption = Type.Object({ id: Type.Integer(), displayName: Type.String(), orgUnitName: Nullable(Type.String()) });

// ── Handling of unqualified results (核查处置) ──────────────────────────────────────────────────────────
export const HandlingQuery = Type.Object(
  { status: Type.Optional(HandlingStatusSchema), isOverdue: Type.Optional(Type.Boolean()), ...PagingQuery },
  { additionalProperties: false },
);
export type HandlingQuery = Static<typeof HandlingQuery>;
export const HandlingView = Type.Object({
  id: Type.Integer(),
  sampleId: Type.Integer(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  productName: Type.String(),
  batchNo: Type.String(),
  openedOn: Type.String(),
  dueOn: Type.String(),
  measures: Type.Array(HandlingMeasureSchema),
  status: HandlingStatusSchema,
  outcome: Nullable(HandlingOutcomeSchema),
  note: Type.String(),
  closedOn: Nullable(Type.String()),
  isOverdue: Type.Boolean(),
});
export type HandlingView = Static<typeof HandlingView>;
export const HandlingList = listOf(HandlingView);
export const UpdateHandlingBody = Type.Object(
  {
    measures: Type.Optional(Type.Array(HandlingMeasureSchema, { maxItems: 4, uniqueItems: true })),
    status: Type.Optional(HandlingStatusSchema),
    outcome: Type.Optional(Nullable(HandlingOutcomeSchema)),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    closedOn: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateHandlingBody = Static<typeof UpdateHandlingBody>;

// ── Statistics ──────────────────────────────────────────────────────────────────────────────────────
export const StatisticsQuery = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    field: Type.Optional(FieldSchema),
    planId: Type.Optional(Type.Integer({ minimum: 1 })),
    kind: Type.Optional(StringEnum(planKinds)),
  },
  { additionalProperties: false },
);
export type StatisticsQuery = Static<typeof StatisticsQuery>;
const GroupRate = Type.Object({ key: Type.String(), ...PassRateView.properties });
export const StatisticsView = Type.Object({
  year: Type.Integer(),
  totals: PassRateView,
  categoryCount: Type.Integer(),
  productCount: Type.Integer(),
  byCategory: Type.Array(GroupRate),
  byProduct: Type.Array(Type.Object({ category: Type.String(), ...GroupRate.properties })),
  byLink: Type.Array(GroupRate),
  byMonth: Type.Array(GroupRate),
  byField: Type.Array(GroupRate),
  plans: Type.Array(PlanView),
  campaigns: Type.Array(
    Type.Object({
      planId: Type.Integer(),
      name: Type.String(),
      units: Type.Integer(),
      batches: Type.Integer(),
      unqualifiedUnits: Type.Integer(),
      unqualifiedBatches: Type.Integer(),
      administrativePenalties: Type.Integer(),
      policeTransfers: Type.Integer(),
    }),
  ),
});
export type StatisticsView = Static<typeof StatisticsView>;

// ── The lab's blind workbench: these schemas have NO field that could name the source ───────────────
/** What a lab sees of a sample. No entity, sampler, batch, production date, brand, price or sampling date. */
export const LabSampleView = Type.Object(
  {
    blindCode: Type.String(),
    field: FieldSchema,
    category: Type.String(),
    productType: Type.String(),
    testItems: Type.Array(Type.String()),
    isRetest: Type.Boolean(),
    labStatus: StringEnum(labStatuses),
    receivedOn: Nullable(Type.String()),
    reportDue: Nullable(Type.String()),
    isOverdue: Type.Boolean(),
    conclusion: Nullable(VerdictSchema),
    results: Type.Array(ResultItemView),
    report: Nullable(Type.Object({ contentType: Type.String(), byteSize: Type.Integer(), uploadedAt: DateTime })),
  },
  { additionalProperties: false },
);
export type LabSampleView = Static<typeof LabSampleView>;
export const LabSampleList = listOf(LabSampleView);
export const LabSampleQuery = Type.Object(
  { labStatus: Type.Optional(StringEnum(labStatuses)), ...PagingQuery },
  { additionalProperties: false },
);
export const ReceiveBody = Type.Object({ receivedOn: DateString }, { additionalProperties: false });
export const LabResultsBody = Type.Object(
  { items: Type.Array(ResultItemInput, { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);
export const LabReportCreated = Type.Object({ byteSize: Type.Integer(), contentType: Type.String() });
