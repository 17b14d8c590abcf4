import { type Static, Type } from 'typebox';
import { complaintCategories, complaintChannels, surveyAnswers } from '../../../shared/vocabularies/complaints.ts';
import { attentionFlags } from '../../../shared/vocabularies/deadlines.ts';
import { violationTypes } from '../../../shared/vocabularies/enforcement.ts';
import { deadlineFlags } from '../../platform/calendar/deadline-flag.ts';
import { DateString, Nullable, PagingQuery, StringEnum, YuanText } from '../../platform/http/schemas.ts';
import {
  complaintActions,
  complaintKinds,
  complaintStatuses,
  complaintSteps,
  mediationOutcomes,
  rejectGrounds,
} from './rules/complaint-steps.ts';

export { complaintCategories, complaintChannels, surveyAnswers };

export type ComplaintChannel = (typeof complaintChannels)[number];
export type ComplaintCategory = (typeof complaintCategories)[number];
export type SurveyAnswer = (typeof surveyAnswers)[number];

/** A mainland mobile (13812345678) or a landline with area code (0574-87654321). */
export const PhoneText = Type.String({ pattern: '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$' });

export const ComplaintKindSchema = StringEnum(complaintKinds);
export const ComplaintStatusSchema = StringEnum(complaintStatuses);
export const ComplaintStepSchema = StringEnum(complaintSteps);
export const ComplaintChannelSchema = StringEnum(complaintChannels);
export const ComplaintCategorySchema = StringEnum(complaintCategories);
export const DeadlineFlagSchema = StringEnum(deadlineFlags);

export const ComplaintListQuery = Type.Object(
  {
    kind: Type.Optional(ComplaintKindSchema),
    status: Type.Optional(ComplaintStatusSchema),
    isOpen: Type.Optional(Type.Boolean()),
    station: Type.Optional(Type.Integer({ minimum: 1 })),
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
    flag: Type.Optional(StringEnum(attentionFlags)),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    receivedFrom: Type.Optional(DateString),
    receivedTo: Type.Optional(DateString),
    ...PagingQuery,
  },
  { additionalProperties: false },
);
export type ComplaintListQuery = Static<typeof ComplaintListQuery>;

export const ComplaintListItem = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  kind: ComplaintKindSchema,
  channel: ComplaintChannelSchema,
  category: ComplaintCategorySchema,
  receivedOn: DateString,
  respondentName: Type.String(),
  entityId: Nullable(Type.Integer()),
  stationId: Type.Integer(),
  stationName: Type.String(),
  status: ComplaintStatusSchema,
  currentStep: Nullable(ComplaintStepSchema),
  currentDue: Nullable(DateString),
  flag: Nullable(DeadlineFlagSchema),
  /** The deadline runs into a year the holiday calendar does not have yet: it may move when that year is entered. */
  isDueProvisional: Type.Boolean(),
  isAnonymous: Type.Boolean(),
  /** Masked: 张*, 138****5678. The plain values only through the audited reveal. */
  complainantName: Nullable(Type.String()),
  complainantPhone: Nullable(Type.String()),
  ruleSet: Type.String(),
  ruleSetConfirmed: Type.Boolean(),
});
export type ComplaintListItem = Static<typeof ComplaintListItem>;
export const ComplaintList = Type.Object({ items: Type.Array(ComplaintListItem), total: Type.Integer({ minimum: 0 }) });
export type ComplaintList = Static<typeof ComplaintList>;

export const RuleSetView = Type.Object({
  id: Type.String(),
  title: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }),
  citation: Type.String(),
  effectiveFrom: DateString,
  effectiveTo: Nullable(DateString),
  isConfirmed: Type.Boolean(),
  note: Type.String(),
});
export type RuleSetView = Static<typeof RuleSetView>;

export const ComplaintView = Type.Object({
  ...ComplaintListItem.properties,
  respondentAddress: Type.String(),
  streetCode: Type.String(),
  facts: Type.String(),
  request: Type.String(),
  knewOn: Nullable(DateString),
  acceptDue: Nullable(DateString),
  acceptedOn: Nullable(DateString),
  rejectedOn: Nullable(DateString),
  rejectGround: Nullable(StringEnum(rejectGrounds)),
  mediationDue: Nullable(DateString),
  mediationEndedOn: Nullable(DateString),
  mediationOutcome: Nullable(StringEnum(mediationOutcomes)),
  amountRecovered: Nullable(YuanText),
  notifyDue: Nullable(DateString),
  notifiedOn: Nullable(DateString),
  verifyDue: Nullable(DateString),
  verifyExtended: Type.Boolean(),
  verifiedOn: Nullable(DateString),
  caseDecision: Nullable(Type.Enum(['case_opened', 'no_case'])),
  caseDecidedOn: Nullable(DateString),
  caseId: Nullable(Type.Integer()),
  replyDue: Nullable(DateString),
  repliedOn: Nullable(DateString),
  handleDue: Nullable(DateString),
  closedOn: Nullable(DateString),
  surveySentAt: Nullable(Type.String()),
  surveyAnswer: Nullable(StringEnum(surveyAnswers)),
  surveyAnsweredOn: Nullable(DateString),
  rules: RuleSetView,
  openSteps: Type.Array(
    Type.Object({ step: ComplaintStepSchema, due: DateString, flag: DeadlineFlagSchema, isProvisional: Type.Boolean() }),
  ),
  allowedActions: Type.Array(StringEnum(complaintActions)),
  steps: Type.Array(
    Type.Object({
      action: Type.String(),
      onDate: DateString,
      at: Type.String(),
      actorUserId: Nullable(Type.Integer()),
      note: Type.String(),
    }),
  ),
});
export type ComplaintView = Static<typeof ComplaintView>;

/** Staff entry: hotline 12315, letters, visits, the 12315 platform. */
export const IntakeBody = Type.Object(
  {
    kind: ComplaintKindSchema,
    channel: ComplaintChannelSchema,
    category: ComplaintCategorySchema,
    receivedOn: Type.Optional(DateString),
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
    respondentName: Type.Optional(Type.String({ maxLength: 200 })),
    respondentAddress: Type.Optional(Type.String({ maxLength: 300 })),
    streetCode: Type.Optional(Type.String({ pattern: '^[0-9]{9}$' })),
    isAnonymous: Type.Optional(Type.Boolean()),
    complainantName: Type.Optional(Type.String({ maxLength: 50 })),
    complainantPhone: Type.Optional(Type.Union([PhoneText, Type.Literal('')])),
    complainantAddress: Type.Optional(Type.String({ maxLength: 300 })),
    facts: Type.String({ minLength: 1, maxLength: 4000 }),
    request: Type.Optional(Type.String({ maxLength: 2000 })),
    knewOn: Type.Optional(DateString),
  },
  { additionalProperties: false },
);
export type IntakeBody = Static<typeof IntakeBody>;

const Note = Type.Optional(Type.String({ maxLength: 2000 }));
export const DatedBody = Type.Object({ on: DateString, note: Note }, { additionalProperties: false });
export type DatedBody = Static<typeof DatedBody>;
export const RejectBody = Type.Object({ on: DateString, ground: StringEnum(rejectGrounds), note: Note }, { additionalProperties: false });
export type RejectBody = Static<typeof RejectBody>;
export const EndMediationBody = Type.Object(
  { on: DateString, outcome: StringEnum(mediationOutcomes), amountRecovered: Type.Optional(YuanText), note: Note },
  { additionalProperties: false },
);
export type EndMediationBody = Static<typeof EndMediationBody>;
export const ExtendBody = Type.Object(
  { step: Type.Enum(['verify', 'handle']), reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export type ExtendBody = Static<typeof ExtendBody>;
export const DecideCaseBody = Type.Object(
  {
    on: DateString,
    decision: Type.Enum(['open_case', 'no_case']),
    violationType: Type.Optional(StringEnum(violationTypes)),
    note: Note,
  },
  { additionalProperties: false },
);
export type DecideCaseBody = Static<typeof DecideCaseBody>;
export const ReassignBody = Type.Object({ stationId: Type.Integer({ minimum: 1 }), note: Note }, { additionalProperties: false });
export type ReassignBody = Static<typeof ReassignBody>;
export const SurveyAnswerBody = Type.Object(
  { answer: StringEnum(surveyAnswers), on: Type.Optional(DateString) },
  { additionalProperties: false },
);
export type SurveyAnswerBody = Static<typeof SurveyAnswerBody>;
export const RevealBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });
export type RevealBody = Static<typeof RevealBody>;
export const RevealView = Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()), address: Nullable(Type.String()) });
export type RevealView = Static<typeof RevealView>;

export const ComplaintStatisticsQuery = Type.Object(
  { from: DateString, to: DateString, station: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export type ComplaintStatisticsQuery = Static<typeof ComplaintStatisticsQuery>;

const ComplaintFigures = Type.Object({
  /** Complaints and reports received and accepted (受理: not rejected) in the period. */
  complaintsAndReports: Type.Integer(),
  complaintsAndReportsLastYear: Type.Integer(),
  yearOnYear: Nullable(Type.String()),
  complaints: Type.Integer(),
  reports: Type.Integer(),
  rejected: Type.Integer(),
  petitionsReceived: Type.Integer(),
  /** Petitions closed (办结) in the period. */
  petitionsClosed: Type.Integer(),
  surveyAnswers: Type.Integer(),
  satisfied: Type.Integer(),
  satisfactionRate: Nullable(Type.String()),
  amountRecovered: YuanText,
});
export type ComplaintFigures = Static<typeof ComplaintFigures>;
const Group = Type.Object({ key: Type.String(), label: Type.String(), ...ComplaintFigures.properties });
export const ComplaintStatisticsView = Type.Object({
  from: DateString,
  to: DateString,
  total: ComplaintFigures,
  byStation: Type.Array(Group),
  byCategory: Type.Array(Group),
  byIndustry: Type.Array(Group),
  latestYear: Type.Union([Type.Integer(), Type.Null()], {
    description: 'the latest year, up to today, with any item in scope: the page opens on it',
  }),
});
export type ComplaintStatisticsView = Static<typeof ComplaintStatisticsView>;

export const FlagSummaryView = Type.Object({ overdue: Type.Integer(), dueSoon: Type.Integer(), open: Type.Integer() });
export type FlagSummaryView = Static<typeof FlagSummaryView>;

/** A file attached to a complaint (staff only): what the list shows. */
export const ComplaintAttachmentView = Type.Object({
  id: Type.Integer(),
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
});
export type ComplaintAttachmentView = Static<typeof ComplaintAttachmentView>;
export const ComplaintAttachmentList = Type.Object({ items: Type.Array(ComplaintAttachmentView), total: Type.Integer({ minimum: 0 }) });
export type ComplaintAttachmentList = Static<typeof ComplaintAttachmentList>;
export const AttachmentParams = Type.Object(
  {
    id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    attachmentId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  },
  { additionalProperties: false },
);
