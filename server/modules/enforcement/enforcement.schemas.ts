import { type Static, Type } from 'typebox';
import { attentionFlags } from '../../../shared/vocabularies/deadlines.ts';
import { violationTypes } from '../../../shared/vocabularies/enforcement.ts';
import { deadlineFlags } from '../../platform/calendar/deadline-flag.ts';
import { DateString, Nullable, PagingQuery, StringEnum, YuanText } from '../../platform/http/schemas.ts';
import { caseDocumentKinds, caseSources, caseStages, caseSteps, notFiledGrounds } from './rules/case-procedure.ts';
import { majorReasons } from './rules/major-case.ts';
import { penaltyKinds } from './rules/penalty-publication.ts';

export { violationTypes };

export type ViolationType = (typeof violationTypes)[number];

/** Yuan with at most two decimals, as text: money never travels as a float. */

export const CaseStageSchema = StringEnum(caseStages);
export const CaseSourceSchema = StringEnum(caseSources);
export const ViolationTypeSchema = StringEnum(violationTypes);
export const PenaltyKindSchema = StringEnum(penaltyKinds);
export const DeadlineFlagSchema = StringEnum(deadlineFlags);
export const CaseDocumentKindSchema = StringEnum(caseDocumentKinds);

export const CaseListQuery = Type.Object(
  {
    stage: Type.Optional(CaseStageSchema),
    isOpen: Type.Optional(Type.Boolean()),
    station: Type.Optional(Type.Integer({ minimum: 1 })),
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
    isMajor: Type.Optional(Type.Boolean()),
    flag: Type.Optional(StringEnum(attentionFlags)),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ...PagingQuery,
  },
  { additionalProperties: false },
);
export type CaseListQuery = Static<typeof CaseListQuery>;

export const CaseListItem = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  title: Type.String(),
  source: CaseSourceSchema,
  partyName: Type.String(),
  entityId: Nullable(Type.Integer()),
  stationId: Type.Integer(),
  stationName: Type.String(),
  violationType: ViolationTypeSchema,
  stage: CaseStageSchema,
  currentStep: Nullable(StringEnum(caseSteps)),
  currentDue: Nullable(DateString),
  flag: Nullable(DeadlineFlagSchema),
  leadOn: DateString,
  decidedOn: Nullable(DateString),
  closedOn: Nullable(DateString),
  isMajor: Type.Boolean(),
  totalAmount: YuanText,
});
export type CaseListItem = Static<typeof CaseListItem>;
export const CaseList = Type.Object({ items: Type.Array(CaseListItem), total: Type.Integer({ minimum: 0 }) });
export type CaseList = Static<typeof CaseList>;

export const PenaltyView = Type.Object({ kind: PenaltyKindSchema, amount: YuanText, note: Type.String() });
export type PenaltyView = Static<typeof PenaltyView>;

export const CaseStepView = Type.Object({
  action: Type.String(),
  onDate: DateString,
  at: Type.String(),
  actorUserId: Nullable(Type.Integer()),
  note: Type.String(),
});

export const CaseView = Type.Object({
  ...CaseListItem.properties,
  sourceRef: Nullable(Type.String()),
  streetCode: Type.String(),
  facts: Type.String(),
  filingDue: DateString,
  filingExtended: Type.Boolean(),
  filedOn: Nullable(DateString),
  investigatedOn: Nullable(DateString),
  notifiedOn: Nullable(DateString),
  decisionDue: Nullable(DateString),
  decisionExtended: Type.Boolean(),
  decisionNumber: Nullable(Type.String()),
  /** The articles the decision applies (法律依据), cited by the 决定书. */
  legalBasis: Nullable(Type.String()),
  publicationDue: Nullable(DateString),
  publishedOn: Nullable(DateString),
  executedOn: Nullable(DateString),
  notFiledGround: Nullable(StringEnum(notFiledGrounds)),
  majorReasons: Type.Array(StringEnum(majorReasons)),
  policeTransferredOn: Nullable(DateString),
  policeTransferNote: Nullable(Type.String()),
  penalties: Type.Array(PenaltyView),
  fineAmount: YuanText,
  confiscationAmount: YuanText,
  openSteps: Type.Array(Type.Object({ step: StringEnum(caseSteps), due: DateString, flag: DeadlineFlagSchema })),
  nextStages: Type.Array(CaseStageSchema),
  documents: Type.Array(CaseDocumentKindSchema),
  steps: Type.Array(CaseStepView),
});
export type CaseView = Static<typeof CaseView>;

export const OpenCaseBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    source: CaseSourceSchema,
    sourceRef: Type.Optional(Type.String({ maxLength: 100 })),
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
    partyName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    streetCode: Type.Optional(Type.String({ pattern: '^[0-9]{9}$' })),
    violationType: ViolationTypeSchema,
    facts: Type.Optional(Type.String({ maxLength: 4000 })),
    leadOn: DateString,
  },
  { additionalProperties: false },
);
export type OpenCaseBody = Static<typeof OpenCaseBody>;

export const AdvanceCaseBody = Type.Object(
  {
    to: CaseStageSchema,
    on: DateString,
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    decisionNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    legalBasis: Type.Optional(Type.String({ minLength: 2, maxLength: 500 })),
    notFiledGround: Type.Optional(StringEnum(notFiledGrounds)),
  },
  { additionalProperties: false },
);
export type AdvanceCaseBody = Static<typeof AdvanceCaseBody>;

export const ExtendCaseBody = Type.Object(
  { deadline: Type.Enum(['filing', 'decision']), reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export type ExtendCaseBody = Static<typeof ExtendCaseBody>;

export const PenaltiesBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { kind: PenaltyKindSchema, amount: YuanText, note: Type.Optional(Type.String({ maxLength: 200 })) },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type PenaltiesBody = Static<typeof PenaltiesBody>;

export const DatedNoteBody = Type.Object(
  { on: DateString, note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type DatedNoteBody = Static<typeof DatedNoteBody>;

export const CaseDocumentQuery = Type.Object(
  {
    kind: Type.Optional({ ...CaseDocumentKindSchema, default: 'filing' }),
    /** A kept version (1 = as issued at its step); the latest when absent. */
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

export const CorrectDocumentBody = Type.Object(
  { kind: CaseDocumentKindSchema, reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export type CorrectDocumentBody = Static<typeof CorrectDocumentBody>;

export const CaseDocumentVersion = Type.Object(
  {
    kind: CaseDocumentKindSchema,
    version: Type.Integer(),
    documentNumber: Type.String(),
    issuedOn: DateString,
    correctionReason: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
export type CaseDocumentVersion = Static<typeof CaseDocumentVersion>;

export const CaseStatisticsQuery = Type.Object(
  { from: DateString, to: DateString, station: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export type CaseStatisticsQuery = Static<typeof CaseStatisticsQuery>;

const CaseFigures = Type.Object({
  opened: Type.Integer(),
  closed: Type.Integer(),
  major: Type.Integer(),
  /** Fines and confiscations 罚没款 of the cases closed in the period, in yuan and in 万元. */
  amount: YuanText,
  amountWan: Type.String(),
  majorAmount: YuanText,
  majorAmountWan: Type.String(),
  policeTransfers: Type.Integer(),
});
export type CaseFigures = Static<typeof CaseFigures>;

export const CaseStatisticsView = Type.Object({
  from: DateString,
  to: DateString,
  total: CaseFigures,
  byStation: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), ...CaseFigures.properties })),
  byViolationType: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), ...CaseFigures.properties })),
  byIndustry: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), ...CaseFigures.properties })),
  latestYear: Type.Union([Type.Integer(), Type.Null()], {
    description: 'the latest year, up to today, with any item in scope: the page opens on it',
  }),
});
export type CaseStatisticsView = Static<typeof CaseStatisticsView>;

export const MajorCriteriaView = Type.Object({
  effectiveFrom: DateString,
  amountThreshold: YuanText,
  policeTransferIsMajor: Type.Boolean(),
  licenceRevocationIsMajor: Type.Boolean(),
  note: Type.String(),
  isDefault: Type.Boolean(),
});
export type MajorCriteriaView = Static<typeof MajorCriteriaView>;

export const MajorCriteriaBody = Type.Object(
  {
    effectiveFrom: DateString,
    amountThreshold: YuanText,
    policeTransferIsMajor: Type.Boolean(),
    licenceRevocationIsMajor: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type MajorCriteriaBody = Static<typeof MajorCriteriaBody>;
