/**
 * The workshops API's HTTP contract: request and response schemas (the response schemas whitelist fields), and the
 * types the web takes from them.
 */
import { type Static, Type } from 'typebox';
import { appealDecisions, appealStatuses } from '../../../shared/vocabularies/workshops.ts';
import { DateString, DateTime, listOf, Nullable } from '../../platform/http/schemas.ts';

export type { EvaluationItem, ListCriteria } from './rules/red-black-list.ts';
export { appealDecisions, appealStatuses };

export const listNames = ['red', 'black', 'neither'] as const;
export type ListName = (typeof listNames)[number];

const LocalTextSchema = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });
export type LocalText = Static<typeof LocalTextSchema>;

/* The bureau's criteria */
const Item = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z_]{1,40}$' }),
    zh: Type.String({ minLength: 1, maxLength: 100 }),
    en: Type.String({ minLength: 1, maxLength: 100 }),
    critical: Type.Boolean(),
  },
  { additionalProperties: false },
);
const Criteria = Type.Object(
  {
    items: Type.Array(Item, { minItems: 1, maxItems: 40 }),
    redMinPercent: Type.Integer({ minimum: 0, maximum: 100 }),
    blackBelowPercent: Type.Integer({ minimum: 0, maximum: 100 }),
    evaluationValidMonths: Type.Integer({ minimum: 1, maximum: 36 }),
  },
  { additionalProperties: false },
);
export const CriteriaBody = Type.Object({ effectiveFrom: DateString, criteria: Criteria }, { additionalProperties: false });
export type CriteriaInput = Static<typeof CriteriaBody>;
/** GET /api/v1/workshops/criteria: the bureau's setting in force (`id` null = the documented defaults). */
export const CriteriaViewSchema = Type.Object({ id: Nullable(Type.Integer()), criteria: Criteria });
export type CriteriaView = Static<typeof CriteriaViewSchema>;

/* Evaluations */
export const EvaluationBody = Type.Object(
  {
    entityId: Type.Integer({ minimum: 1 }),
    evaluatedOn: DateString,
    answers: Type.Record(Type.String({ pattern: '^[a-z_]{1,40}$' }), Type.Boolean()),
    note: Type.String({ maxLength: 1000, default: '' }),
  },
  { additionalProperties: false },
);
export type EvaluationInput = Static<typeof EvaluationBody>;
export const EvaluationQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export const EvaluationViewSchema = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  streetCode: Type.String(),
  criteriaId: Nullable(Type.Integer()),
  evaluatedOn: DateString,
  answers: Type.Record(Type.String(), Type.Boolean()),
  note: Type.String(),
  evaluatedBy: Nullable(Type.Integer()),
  createdAt: DateTime,
});
export type EvaluationView = Static<typeof EvaluationViewSchema>;
export const EvaluationList = listOf(EvaluationViewSchema);

/* Lists and snapshots */
const SnapshotEntrySchema = Type.Object({
  entityId: Type.Integer(),
  name: Type.String(),
  creditCode: Type.String(),
  list: Type.Enum(listNames),
  reasons: Type.Array(LocalTextSchema),
});
export const MembershipViewSchema = Type.Object({ ...SnapshotEntrySchema.properties, passedPercent: Nullable(Type.Integer()) });
export type MembershipView = Static<typeof MembershipViewSchema>;
export const MembershipList = listOf(MembershipViewSchema);
export const SnapshotBody = Type.Object(
  { period: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }) },
  { additionalProperties: false },
);
export const SnapshotViewSchema = Type.Object({
  id: Type.Integer(),
  districtCode: Type.String(),
  period: Type.String(),
  publishedOn: DateString,
  /** null = published by the monthly job. */
  publishedBy: Nullable(Type.Integer()),
  entries: Type.Array(SnapshotEntrySchema),
  createdAt: DateTime,
});
export type SnapshotView = Static<typeof SnapshotViewSchema>;
export const SnapshotList = listOf(SnapshotViewSchema);

/* Appeals */
export const AppealBody = Type.Object(
  {
    entityId: Type.Integer({ minimum: 1 }),
    snapshotId: Type.Optional(Type.Integer({ minimum: 1 })),
    reason: Type.String({ minLength: 2, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type AppealInput = Static<typeof AppealBody>;
export const AppealDecisionBody = Type.Object(
  { status: Type.Enum(appealDecisions), decisionNote: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);
export type AppealDecision = Static<typeof AppealDecisionBody>;
export const AppealViewSchema = Type.Object({
  id: Type.Integer(),
  districtCode: Type.String(),
  entityId: Type.Integer(),
  streetCode: Type.String(),
  snapshotId: Nullable(Type.Integer()),
  reason: Type.String(),
  status: Type.Enum(appealStatuses),
  decisionNote: Type.String(),
  filedBy: Nullable(Type.Integer()),
  decidedBy: Nullable(Type.Integer()),
  createdAt: DateTime,
  decidedAt: Nullable(DateTime),
});
export type AppealView = Static<typeof AppealViewSchema>;
export const AppealList = listOf(AppealViewSchema);
export const PagingOnly = Type.Object(
  { page: Type.Integer({ minimum: 1, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) },
  { additionalProperties: false },
);
export const PublicListParams = Type.Object({ district: Type.String({ pattern: '^[0-9]{6}$' }) });
export const PublicListQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 16 })) });
