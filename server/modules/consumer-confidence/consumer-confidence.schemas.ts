/** The 放心消费 API's HTTP contract (issue 20). Units are businesses: no personal data. */
import { type Static, Type } from 'typebox';
import { confidenceCommitments, confidenceUnitKinds, confidenceUnitStatuses } from '../../../shared/vocabularies/markets.ts';
import { DateString, listOf, Nullable, PagingQuery, StringEnum } from '../../platform/http/schemas.ts';

export const UnitBody = Type.Object(
  {
    kind: StringEnum(confidenceUnitKinds),
    entityId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    commitments: Type.Array(StringEnum(confidenceCommitments), { minItems: 1, maxItems: confidenceCommitments.length, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type UnitBody = Static<typeof UnitBody>;
export const UnitView = Type.Object({
  id: Type.Integer(),
  kind: StringEnum(confidenceUnitKinds),
  entityId: Type.Integer(),
  name: Type.String(),
  streetCode: Type.String(),
  commitments: Type.Array(Type.String()),
  status: StringEnum(confidenceUnitStatuses),
  appliedOn: DateString,
  decidedOn: Nullable(DateString),
  listedOn: Nullable(DateString),
  lastReviewOn: Nullable(DateString),
  /** What the last yearly review counted in the 12 months before it: complaints and reports counting against the business, penalised cases. */
  lastReviewComplaints: Nullable(Type.Integer()),
  lastReviewCases: Nullable(Type.Integer()),
  reviewDueOn: Nullable(DateString),
  removedOn: Nullable(DateString),
  decisionNote: Type.String(),
});
export type UnitView = Static<typeof UnitView>;
export const UnitList = listOf(UnitView);
export const UnitQuery = Type.Object(
  {
    ...PagingQuery,
    kind: Type.Optional(StringEnum(confidenceUnitKinds)),
    status: Type.Optional(StringEnum(confidenceUnitStatuses)),
    q: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);
export type UnitQuery = Static<typeof UnitQuery>;
export const DecisionBody = Type.Object(
  { decision: StringEnum(['approve', 'reject'] as const), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;
export const YearlyReviewBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export type YearlyReviewBody = Static<typeof YearlyReviewBody>;
export const SettingsBody = Type.Object(
  {
    effectiveFrom: DateString,
    maxComplaints: Type.Integer({ minimum: 0, maximum: 1000 }),
    maxCases: Type.Integer({ minimum: 0, maximum: 1000 }),
  },
  { additionalProperties: false },
);
export type SettingsBody = Static<typeof SettingsBody>;
export const SettingsView = Type.Object({ effectiveFrom: Nullable(DateString), maxComplaints: Type.Integer(), maxCases: Type.Integer() });
export const PublicParams = Type.Object({ district: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false });
export const PublicQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  q: Type.Optional(Type.String({ maxLength: 50 })),
});

export const warningStatuses = ['draft', 'published'] as const;
export const WarningBody = Type.Object(
  {
    holidayName: Type.String({ minLength: 1, maxLength: 40, description: 'e.g. 春节, 国庆节, 双十一' }),
    holidayStart: DateString,
    title: Type.String({ minLength: 2, maxLength: 100 }),
    body: Type.String({ minLength: 10, maxLength: 5000 }),
  },
  { additionalProperties: false },
);
export type WarningBody = Static<typeof WarningBody>;
export const WarningView = Type.Object({
  id: Type.Integer(),
  holidayName: Type.String(),
  holidayStart: DateString,
  title: Type.String(),
  body: Type.String(),
  status: StringEnum(warningStatuses),
  publishedOn: Nullable(DateString),
});
export type WarningView = Static<typeof WarningView>;
export const WarningList = listOf(WarningView);
export const HolidayView = Type.Object({
  name: Type.String(),
  start: DateString,
  end: DateString,
  state: StringEnum(['published', 'drafted', 'due', 'upcoming'] as const),
  warningIds: Type.Array(Type.Integer()),
});
export type HolidayView = Static<typeof HolidayView>;
export const HolidayList = listOf(HolidayView);
