/**
 * The credit API's HTTP contract (/api/v1/credit/…): request and response schemas (responses whitelist fields), and
 * the types the web takes from them.
 */
import { type Static, type TSchema, Type } from 'typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateString = Type.String({ format: 'date' });
const list = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });
const literals = <const T extends string[]>(values: readonly [...T]) => Type.Enum<T>(values);
const Paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};
const ReportYear = Type.Integer({ minimum: 2013, maximum: 2100 });
const StreetCode = Type.String({ pattern: '^[0-9]{9}$' });

export const obligedKinds = ['enterprise', 'individual'] as const;
export type ObligedKind = (typeof obligedKinds)[number];
export const filingChannels = ['online', 'paper', 'import', 'staff'] as const;
export type FilingChannel = (typeof filingChannels)[number];
export const filingStates = ['filed_on_time', 'filed_late', 'not_yet_due', 'overdue'] as const;
export const filingFilters = ['filed', 'not_filed'] as const;
export const abnormalMeasures = ['listing', 'marking'] as const;
export const abnormalReasons = [
  'annual_report_not_filed',
  'unreachable_at_address',
  'false_information',
  'information_not_disclosed',
] as const;
export type AbnormalReasonName = (typeof abnormalReasons)[number];
export const abnormalStatuses = ['listed', 'removed', 'moved_to_serious'] as const;
export const seriousReasons = ['abnormal_three_years', 'serious_violation'] as const;
export const seriousStatuses = ['listed', 'removed'] as const;
export const repairTargets = ['abnormal_listing', 'serious_violation'] as const;
export const repairStatuses = ['submitted', 'approved', 'rejected'] as const;
export const repairDecisions = ['approved', 'rejected'] as const;
/** How a listing ended: staff removal (cause cured), an approved repair, an upheld objection, the end of the term. */
export const abnormalRemovalKinds = ['staff', 'repair', 'objection'] as const;
export const seriousRemovalKinds = ['repair', 'term_ended', 'objection'] as const;
export const objectionStatuses = ['submitted', 'accepted', 'not_accepted', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof objectionStatuses)[number];

/* Annual reports */
export const AnnualReportQuery = Type.Object(
  {
    ...Paging,
    reportYear: ReportYear,
    filing: Type.Optional(literals(filingFilters)),
    kind: Type.Optional(literals(obligedKinds)),
    streetCode: Type.Optional(StreetCode),
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type AnnualReportQuery = Static<typeof AnnualReportQuery>;
export const AnnualReportView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  creditCode: Type.String(),
  entityKind: literals(obligedKinds),
  streetCode: Type.String(),
  reportYear: Type.Integer(),
  deadline: DateString,
  filedOn: Nullable(DateString),
  channel: Nullable(literals(filingChannels)),
  state: literals(filingStates),
  reminderCount: Type.Integer(),
  remindedOn: Nullable(DateString),
});
export type AnnualReportView = Static<typeof AnnualReportView>;
export const AnnualReportList = list(AnnualReportView);

export const FilingBody = Type.Object(
  {
    entityId: Type.Integer({ minimum: 1 }),
    reportYear: ReportYear,
    filedOn: DateString,
    channel: literals(['online', 'paper', 'staff'] as const),
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
  status: literals(['dry_run', 'committed'] as const),
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
    ...Paging,
    status: Type.Optional(literals(abnormalStatuses)),
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
    isSeriousCandidate: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ListingQuery = Static<typeof ListingQuery>;
export const ListingBody = Type.Object(
  {
    entityId: Type.Integer({ minimum: 1 }),
    reason: literals(abnormalReasons),
    reportYear: Type.Optional(ReportYear),
    decidedOn: DateString,
  },
  { additionalProperties: false },
);
export type ListingInput = Static<typeof ListingBody>;
export const ListingView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  creditCode: Type.String(),
  entityKind: literals(obligedKinds),
  streetCode: Type.String(),
  measure: literals(abnormalMeasures),
  reason: literals(abnormalReasons),
  reasonText: Type.String(),
  legalBasis: Type.String(),
  reportYear: Nullable(Type.Integer()),
  decidedOn: DateString,
  decisionNumber: Type.String(),
  status: literals(abnormalStatuses),
  removedOn: Nullable(DateString),
  removalReason: Nullable(Type.String()),
  removalKind: Nullable(literals(abnormalRemovalKinds)),
  /** Listed by the daily job on the legal date (a missing annual report), not by a person. */
  isAutomatic: Type.Boolean(),
  seriousCandidateFrom: Nullable(DateString),
  isSeriousCandidate: Type.Boolean(),
  /** The last day an objection may be filed (30 days from publication), null when the rules set none. */
  objectionUntil: Nullable(DateString),
});
export type ListingView = Static<typeof ListingView>;
export const ListingList = list(ListingView);
export const RemovalBody = Type.Object(
  { removedOn: DateString, removalReason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type RemovalInput = Static<typeof RemovalBody>;

/* Serious-violation list */
export const SeriousQuery = Type.Object(
  { ...Paging, status: Type.Optional(literals(seriousStatuses)), entityId: Type.Optional(Type.Integer({ minimum: 1 })) },
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
  reason: literals(seriousReasons),
  abnormalListingId: Nullable(Type.Integer()),
  caseId: Nullable(Type.Integer()),
  caseNumber: Nullable(Type.String()),
  penaltyDecisionNumber: Nullable(Type.String()),
  superiorConsent: Nullable(Type.String()),
  listedOn: DateString,
  termEndsOn: DateString,
  repairFrom: DateString,
  decisionNumber: Type.String(),
  status: literals(seriousStatuses),
  removedOn: Nullable(DateString),
  removalReason: Nullable(Type.String()),
  removalKind: Nullable(literals(seriousRemovalKinds)),
  legalBasis: Type.String(),
});
export type SeriousView = Static<typeof SeriousView>;
export const SeriousList = list(SeriousView);

/* Credit repair */
export const RepairQuery = Type.Object(
  { ...Paging, status: Type.Optional(literals(repairStatuses)), entityId: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export type RepairQuery = Static<typeof RepairQuery>;
export const RepairBody = Type.Object(
  {
    target: literals(repairTargets),
    targetId: Type.Integer({ minimum: 1 }),
    statement: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type RepairInput = Static<typeof RepairBody>;
export const RepairDecisionBody = Type.Object(
  { status: literals(repairDecisions), decisionNote: Type.String({ maxLength: 1000, default: '' }) },
  { additionalProperties: false },
);
export type RepairDecisionInput = Static<typeof RepairDecisionBody>;
export const RepairView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  streetCode: Type.String(),
  target: literals(repairTargets),
  targetId: Type.Integer(),
  appliedOn: DateString,
  statement: Type.String(),
  status: literals(repairStatuses),
  decidedOn: Nullable(DateString),
  decisionNote: Type.String(),
  decisionDue: DateString,
});
export type RepairView = Static<typeof RepairView>;
export const RepairList = list(RepairView);

/* Objections 异议 */
export const ObjectionQuery = Type.Object(
  {
    ...Paging,
    status: Type.Optional(literals(objectionStatuses)),
    /** Still being handled: submitted or accepted. */
    isOpen: Type.Optional(Type.Boolean()),
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type ObjectionQuery = Static<typeof ObjectionQuery>;
export const ObjectionBody = Type.Object(
  {
    target: literals(repairTargets),
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
  { outcome: literals(['upheld', 'dismissed'] as const), note: Type.String({ minLength: 2, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type ObjectionDecisionInput = Static<typeof ObjectionDecisionBody>;
export const ObjectionView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  streetCode: Type.String(),
  target: literals(repairTargets),
  targetId: Type.Integer(),
  filedOn: DateString,
  grounds: Type.String(),
  status: literals(objectionStatuses),
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
export const ObjectionList = list(ObjectionView);

/* Public credit record */
export const PublicRecordParams = Type.Object(
  // Any text: a mistyped code gets a page saying so (never a JSON error), checked in the route.
  { district: Type.String({ pattern: '^[0-9]{6}$' }), creditCode: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);
export const PublicRecordQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) }, { additionalProperties: false });
