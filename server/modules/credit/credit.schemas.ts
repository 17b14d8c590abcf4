/**
 * The credit API's HTTP contract (/api/v1/credit/…): request and response schemas (responses whitelist fields), and
 * the types the web takes from them.
 */
import { type Static, Type } from 'typebox';
import {
  type AbnormalReasonName,
  abnormalMeasures,
  abnormalReasons,
  abnormalRemovalKinds,
  abnormalStatuses,
  type FilingChannel,
  filingChannels,
  filingFilters,
  filingStates,
  type ObjectionStatus,
  type ObligedKind,
  objectionStatuses,
  obligedKinds,
  repairDecisions,
  repairStatuses,
  repairTargets,
  seriousReasons,
  seriousRemovalKinds,
  seriousStatuses,
  singleFilingChannels,
} from '../../../shared/vocabularies/credit.ts';
import { DateString, listOf, Nullable, PagingQuery, StringEnum } from '../../platform/http/schemas.ts';

const ReportYear = Type.Integer({ minimum: 2013, maximum: 2100 });
const StreetCode = Type.String({ pattern: '^[0-9]{9}$' });

export type { AbnormalReasonName, FilingChannel, ObjectionStatus, ObligedKind };
export { abnormalRemovalKinds, objectionStatuses, seriousRemovalKinds };

/** The entity a credit record is about, as the annual-report and listing lists show it. */
const EntityOfRecord = {
  entityId: Type.Integer(),
  entityName: Type.String(),
  creditCode: Type.String(),
  entityKind: StringEnum(obligedKinds),
  streetCode: Type.String(),
};

/* Annual reports */
export const AnnualReportQuery = Type.Object(
  {
    ...PagingQuery,
    reportYear: ReportYear,
    filing: Type.Optional(StringEnum(filingFilters)),
    kind: Type.Optional(StringEnum(obligedKinds)),
    streetCode: Type.Optional(StreetCode),
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type AnnualReportQuery = Static<typeof AnnualReportQuery>;
export const AnnualReportView = Type.Object({
  id: Type.Integer(),
  ...EntityOfRecord,
  reportYear: Type.Integer(),
  deadline: DateString,
  filedOn: Nullable(DateString),
  channel: Nullable(StringEnum(filingChannels)),
  state: StringEnum(filingStates),
  reminderCount: Type.Integer(),
  remindedOn: Nullable(DateString),
});
export type AnnualReportView = Static<typeof AnnualReportView>;
export const AnnualReportList = listOf(AnnualReportView);

export const FilingBody = Type.Object(
  {
    entityId: Type.Integer({ minimum: 1 }),
    reportYear: ReportYear,
    filedOn: DateString,
    channel: StringEnum(singleFilingChannels),
  },
  { additionalProperties: false },
);
export type FilingInput = Static<typeof FilingBody>;

export const RateQuery = Type.Object({ reportYear: ReportYear }, { additionalProperties: false });
const RateRow = Type.Object({
  key: Type.String(),
  label: Type.String(),
  obliged: Type.Integer(),
  filed: Type.Integer(),
  filedOnTime: Type.Integer(),
  rate: Nullable(Type.Number()),
});
export const FilingRateView = Type.Object({
  reportYear: Type.Integer(),
  deadline: DateString,
  citation: Type.String(),
  total: RateRow,
  byKind: Type.Array(RateRow),
  byStreet: Type.Array(RateRow),
});
export type FilingRateView = Static<typeof FilingRateView>;

export const ReminderBody = Type.Object({ reportYear: ReportYear }, { additionalProperties: false });
export const ReminderResult = Type.Object({ queued: Type.Integer(), withoutPhone: Type.Integer(), alreadyToday: Type.Integer() });
export type ReminderResult = Static<typeof ReminderResult>;

export const ImportQuery = Type.Object(
  { reportYear: ReportYear, filename: Type.String({ minLength: 1, maxLength: 200, default: 'import.csv' }) },
  { additionalProperties: false },
);
const ImportRowError = Type.Object({ rowNumber: Type.Integer(), field: Type.String(), message: Type.String() });
export const ImportResult = Type.Object({
  rows: Type.Integer(),
  filed: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  errors: Type.Array(ImportRowError),
});
export type ImportResult = Static<typeof ImportResult>;
/** A stored dry run of the filing import: what commit would file, row by row, and the rejected rows. */
export const ImportBatchView = Type.Object({
  id: Type.Integer(),
  reportYear: Type.Integer(),
  filename: Type.String(),
  status: StringEnum(['dry_run', 'committed'] as const),
  rows: Type.Integer(),
  filed: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  plan: Type.Array(Type.Object({ rowNumber: Type.Integer(), creditCode: Type.String(), filedOn: DateString })),
  errors: Type.Array(ImportRowError),
  createdAt: Type.String({ format: 'date-time' }),
  committedAt: Nullable(Type.String({ format: 'date-time' })),
  /** On commit: reports whose filing day changed meanwhile (filed earlier by another way) and were left as they are. */
  skipped: Type.Optional(Type.Integer()),
});
export type ImportBatchView = Static<typeof ImportBatchView>;

/* Abnormal-operation list */
export const ListingQuery = Type.Object(
  {
    ...PagingQuery,
    status: Type.Optional(StringEnum(abnormalStatuses)),
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
    isSeriousCandidate: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ListingQuery = Static<typeof ListingQuery>;
export const ListingBody = Type.Object(
  {
    entityId: Type.Integer({ minimum: 1 }),
    reason: StringEnum(abnormalReasons),
    reportYear: Type.Optional(ReportYear),
    decidedOn: DateString,
  },
  { additionalProperties: false },
);
export type ListingInput = Static<typeof ListingBody>;
export const ListingView = Type.Object({
  id: Type.Integer(),
  ...EntityOfRecord,
  measure: StringEnum(abnormalMeasures),
  reason: StringEnum(abnormalReasons),
  reasonText: Type.String(),
  legalBasis: Type.String(),
  reportYear: Nullable(Type.Integer()),
  decidedOn: DateString,
  decisionNumber: Type.String(),
  status: StringEnum(abnormalStatuses),
  removedOn: Nullable(DateString),
  removalReason: Nullable(Type.String()),
  removalKind: Nullable(StringEnum(abnormalRemovalKinds)),
  /** Listed by the daily job on the legal date (a missing annual report), not by a person. */
  isAutomatic: Type.Boolean(),
  seriousCandidateFrom: Nullable(DateString),
  isSeriousCandidate: Type.Boolean(),
  /** The last day an objection may be filed (30 days from publication), null when the rules set none. */
  objectionUntil: Nullable(DateString),
});
export type ListingView = Static<typeof ListingView>;
export const ListingList = listOf(ListingView);
export const RemovalBody = Type.Object(
  { removedOn: DateString, removalReason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type RemovalInput = Static<typeof RemovalBody>;

/* Serious-violation list */
export const SeriousQuery = Type.Object(
  { ...PagingQuery, status: Type.Optional(StringEnum(seriousStatuses)), entityId: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export type SeriousQuery = Static<typeof SeriousQuery>;
export const SeriousFromListingBody = Type.Object(
  { abnormalListingId: Type.Integer({ minimum: 1 }), listedOn: DateString },
  { additionalProperties: false },
);
export type SeriousFromListingInput = Static<typeof SeriousFromListingBody>;
/** A serious-violation listing decided on a penalised case (SAMR Order 44), with the superior bureau's consent. */
export const SeriousFromCaseBody = Type.Object(
  {
    caseId: Type.Integer({ minimum: 1 }),
    listedOn: DateString,
    superiorConsent: Type.String({ minLength: 2, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type SeriousFromCaseInput = Static<typeof SeriousFromCaseBody>;
export const SeriousView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  creditCode: Type.String(),
  streetCode: Type.String(),
  reason: StringEnum(seriousReasons),
  abnormalListingId: Nullable(Type.Integer()),
  caseId: Nullable(Type.Integer()),
  caseNumber: Nullable(Type.String()),
  penaltyDecisionNumber: Nullable(Type.String()),
  superiorConsent: Nullable(Type.String()),
  listedOn: DateString,
  termEndsOn: DateString,
  repairFrom: DateString,
  decisionNumber: Type.String(),
  status: StringEnum(seriousStatuses),
  removedOn: Nullable(DateString),
  removalReason: Nullable(Type.String()),
  removalKind: Nullable(StringEnum(seriousRemovalKinds)),
  legalBasis: Type.String(),
});
export type SeriousView = Static<typeof SeriousView>;
export const SeriousList = listOf(SeriousView);

/* Credit repair */
export const RepairQuery = Type.Object(
  { ...PagingQuery, status: Type.Optional(StringEnum(repairStatuses)), entityId: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export type RepairQuery = Static<typeof RepairQuery>;
export const RepairBody = Type.Object(
  {
    target: StringEnum(repairTargets),
    targetId: Type.Integer({ minimum: 1 }),
    statement: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type RepairInput = Static<typeof RepairBody>;
export const RepairDecisionBody = Type.Object(
  { status: StringEnum(repairDecisions), decisionNote: Type.String({ maxLength: 1000, default: '' }) },
  { additionalProperties: false },
);
export type RepairDecisionInput = Static<typeof RepairDecisionBody>;
export const RepairView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  streetCode: Type.String(),
  target: StringEnum(repairTargets),
  targetId: Type.Integer(),
  appliedOn: DateString,
  statement: Type.String(),
  status: StringEnum(repairStatuses),
  decidedOn: Nullable(DateString),
  decisionNote: Type.String(),
  decisionDue: DateString,
});
export type RepairView = Static<typeof RepairView>;
export const RepairList = listOf(RepairView);

/* Objections 异议 */
export const ObjectionQuery = Type.Object(
  {
    ...PagingQuery,
    status: Type.Optional(StringEnum(objectionStatuses)),
    /** Still being handled: submitted or accepted. */
    isOpen: Type.Optional(Type.Boolean()),
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type ObjectionQuery = Static<typeof ObjectionQuery>;
export const ObjectionBody = Type.Object(
  {
    target: StringEnum(repairTargets),
    targetId: Type.Integer({ minimum: 1 }),
    grounds: Type.String({ minLength: 2, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type ObjectionInput = Static<typeof ObjectionBody>;
export const ObjectionAcceptanceBody = Type.Object(
  { isAccepted: Type.Boolean(), note: Type.String({ maxLength: 1000, default: '' }) },
  { additionalProperties: false },
);
export type ObjectionAcceptanceInput = Static<typeof ObjectionAcceptanceBody>;
export const ObjectionDecisionBody = Type.Object(
  { outcome: StringEnum(['upheld', 'dismissed'] as const), note: Type.String({ minLength: 2, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type ObjectionDecisionInput = Static<typeof ObjectionDecisionBody>;
export const ObjectionView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  streetCode: Type.String(),
  target: StringEnum(repairTargets),
  targetId: Type.Integer(),
  filedOn: DateString,
  grounds: Type.String(),
  status: StringEnum(objectionStatuses),
  acceptanceDue: DateString,
  acceptedOn: Nullable(DateString),
  verificationDue: Nullable(DateString),
  decidedOn: Nullable(DateString),
  outcomeNote: Type.String(),
  /** The step now due and its day (acceptance, then verification); null once decided. */
  dueOn: Nullable(DateString),
  isOverdue: Type.Boolean(),
  legalBasis: Type.String(),
});
export type ObjectionView = Static<typeof ObjectionView>;
export const ObjectionList = listOf(ObjectionView);

/* Public credit record */
export const PublicRecordParams = Type.Object(
  // Any text: a mistyped code gets a page saying so (never a JSON error), checked in the route.
  { district: Type.String({ pattern: '^[0-9]{6}$' }), creditCode: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);
export const PublicRecordQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) }, { additionalProperties: false });
