/**
 * The farmers' markets API's HTTP contract (issue 20). No personal data leaves: stall holders are named by their
 * registry entity's name; the big screen answers aggregates and stall numbers only.
 */
import { type Static, Type } from 'typebox';
import {
  cleaningLevels,
  cleaningParties,
  lotHandlingActions,
  lotStatuses,
  rapidTestItems,
  rapidTestResults,
  rapidTestSources,
  stallCategories,
} from '../../../shared/vocabularies/markets.ts';
import { DateString, DateTime, listOf, Nullable, StringEnum } from '../../platform/http/schemas.ts';

const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const Product = Type.String({ minLength: 1, maxLength: 50 });

export const DayQuery = Type.Object({ on: Type.Optional(DateString) }, { additionalProperties: false });
export type DayQuery = Static<typeof DayQuery>;

/* Markets */
export const MarketBody = Type.Object(
  {
    entityId: Id,
    isUrban: Type.Boolean(),
    operatorName: Type.Optional(Type.String({ maxLength: 100 })),
    handedOverOn: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false },
);
export type MarketBody = Static<typeof MarketBody>;
export const MarketUpdateBody = Type.Object(
  {
    isUrban: Type.Boolean(),
    operatorName: Type.Optional(Type.String({ maxLength: 100 })),
    handedOverOn: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false },
);
export type MarketUpdateBody = Static<typeof MarketUpdateBody>;
export const MarketSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  address: Type.String(),
  streetCode: Type.String(),
  isUrban: Type.Boolean(),
  operatorName: Type.String(),
  handedOverOn: Nullable(DateString),
  stalls: Type.Integer(),
  stars: Nullable(Type.Integer()),
  starsValidUntil: Nullable(DateString),
  testsToday: Type.Integer(),
  positivesToday: Type.Integer(),
  blockedLots: Type.Integer(),
  overdueScales: Type.Integer(),
  /** Complaints about the market or a holder of one of its stalls, and of those the short-weight ones (计量). */
  complaints: Type.Integer(),
  shortWeightComplaints: Type.Integer(),
  /** The station's last check-list visit: its day and the share of items passed. */
  lastInspectedOn: Nullable(DateString),
  inspectionPassPercent: Nullable(Type.Integer()),
});
export type MarketSummary = Static<typeof MarketSummary>;
export const MarketList = listOf(MarketSummary);
export const MarketDetail = Type.Object({
  ...MarketSummary.properties,
  today: DateString,
  cleaning: Type.Array(
    Type.Object({
      level: StringEnum(cleaningLevels),
      party: StringEnum(cleaningParties),
      lastDoneOn: Nullable(DateString),
      overdue: Type.Boolean(),
      averageScore30Days: Nullable(Type.Number()),
    }),
  ),
});
export type MarketDetail = Static<typeof MarketDetail>;

/* Stalls */
export const StallBody = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z-]+$' }),
    category: StringEnum(stallCategories),
    holderEntityId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);
export type StallBody = Static<typeof StallBody>;
export const StallUpdateBody = Type.Object(
  { category: StringEnum(stallCategories), holderEntityId: Type.Optional(Nullable(Id)) },
  { additionalProperties: false },
);
export type StallUpdateBody = Static<typeof StallUpdateBody>;
export const StallView = Type.Object({
  id: Type.Integer(),
  marketId: Type.Integer(),
  number: Type.String(),
  category: StringEnum(stallCategories),
  holderEntityId: Nullable(Type.Integer()),
  holderName: Nullable(Type.String()),
  /** Complaints about the stall's holder, and of those the short-weight ones. */
  complaints: Type.Integer(),
  shortWeightComplaints: Type.Integer(),
});
export type StallView = Static<typeof StallView>;
export const StallList = listOf(StallView);

/* Rapid tests */
export const RapidTestBody = Type.Object(
  {
    stallId: Id,
    testedOn: Type.Optional(DateString),
    product: Product,
    item: StringEnum(rapidTestItems),
    result: StringEnum(rapidTestResults),
  },
  { additionalProperties: false },
);
export type RapidTestBody = Static<typeof RapidTestBody>;
export const RapidTestView = Type.Object({
  id: Type.Integer(),
  marketId: Type.Integer(),
  stallId: Type.Integer(),
  stallNumber: Type.String(),
  testedOn: DateString,
  product: Type.String(),
  item: StringEnum(rapidTestItems),
  result: StringEnum(rapidTestResults),
  source: StringEnum(rapidTestSources),
  lotStatus: StringEnum(lotStatuses),
  reportedAt: Nullable(DateTime),
  handlingNote: Type.String(),
  handlingDone: Type.Boolean(),
  recordedAt: DateTime,
});
export type RapidTestView = Static<typeof RapidTestView>;
export const RapidTestList = listOf(RapidTestView);
export const RapidTestQuery = Type.Object(
  { on: Type.Optional(DateString), blocked: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const HandleLotBody = Type.Object(
  {
    action: StringEnum(lotHandlingActions),
    retestResult: Type.Optional(StringEnum(rapidTestResults)),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type HandleLotBody = Static<typeof HandleLotBody>;
export const ImportBody = Type.Object(
  { csv: Type.String({ minLength: 1, maxLength: 2_000_000 }), dryRun: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const ImportResult = Type.Object({
  rows: Type.Integer(),
  imported: Type.Integer(),
  positives: Type.Integer(),
  dryRun: Type.Boolean(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), field: Type.String(), problem: Type.String(), message: Type.String() })),
});
export type ImportResult = Static<typeof ImportResult>;

/* Prices */
export const PricesBody = Type.Object(
  {
    priceOn: Type.Optional(DateString),
    items: Type.Array(
      Type.Object({ product: Product, priceFen: Type.Integer({ minimum: 1, maximum: 10_000_000 }) }, { additionalProperties: false }),
      {
        minItems: 1,
        maxItems: 50,
      },
    ),
  },
  { additionalProperties: false },
);
export type PricesBody = Static<typeof PricesBody>;
export const PriceView = Type.Object({
  product: Type.String(),
  priceFen: Nullable(Type.Integer()),
  districtMedianFen: Nullable(Type.Integer()),
  weekBeforeFen: Nullable(Type.Integer()),
  flags: Type.Array(Type.String()),
});
export const PriceList = Type.Object({ priceOn: DateString, items: Type.Array(PriceView) });
export type PriceList = Static<typeof PriceList>;

/* Scales */
export const ScaleBody = Type.Object(
  { serial: Type.String({ minLength: 1, maxLength: 40 }), stallId: Type.Optional(Nullable(Id)), verifiedOn: DateString },
  { additionalProperties: false },
);
export type ScaleBody = Static<typeof ScaleBody>;
export const ScaleView = Type.Object({
  id: Type.Integer(),
  serial: Type.String(),
  stallId: Nullable(Type.Integer()),
  verifiedOn: DateString,
  validUntil: DateString,
  overdue: Type.Boolean(),
  /** The stall's number and the short-weight complaints about its holder (缺斤短两 beside the scale). */
  stallNumber: Nullable(Type.String()),
  shortWeightComplaints: Type.Integer(),
});
export type ScaleView = Static<typeof ScaleView>;
export const ScaleList = listOf(ScaleView);

/* Cleaning */
export const CleaningBody = Type.Object(
  {
    level: StringEnum(cleaningLevels),
    doneOn: Type.Optional(DateString),
    score: Type.Integer({ minimum: 0, maximum: 100 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CleaningBody = Static<typeof CleaningBody>;
export const CleaningView = Type.Object({
  id: Type.Integer(),
  level: StringEnum(cleaningLevels),
  party: StringEnum(cleaningParties),
  doneOn: DateString,
  score: Type.Integer(),
  note: Type.String(),
});
export const CleaningList = listOf(CleaningView);

/* Star ratings */
export const StarRatingBody = Type.Object(
  { assessedOn: DateString, points: Type.Record(Type.String({ maxLength: 40 }), Type.Number({ minimum: 0, maximum: 1000 })) },
  { additionalProperties: false },
);
export type StarRatingBody = Static<typeof StarRatingBody>;
export const StarRatingView = Type.Object({
  id: Type.Integer(),
  marketId: Type.Integer(),
  assessedOn: DateString,
  points: Type.Record(Type.String(), Type.Number()),
  score: Type.Number(),
  stars: Type.Integer(),
  validUntil: DateString,
});
export type StarRatingView = Static<typeof StarRatingView>;
export const StarRatingList = listOf(StarRatingView);
export const StarProgressView = Type.Object({
  on: DateString,
  markets: Type.Integer(),
  urbanMarkets: Type.Integer(),
  urbanAtLeastTwo: Type.Integer(),
  atLeastThree: Type.Integer(),
  atLeastThreePercent: Type.Number(),
  urbanTargetMet: Type.Boolean(),
  threeStarTargetMet: Type.Boolean(),
  byStars: Type.Array(Type.Object({ stars: Nullable(Type.Integer()), markets: Type.Integer() })),
});

/* Settings */
const settingsFields = {
  keyProducts: Type.Array(Product, { minItems: 1, maxItems: 30 }),
  priceAnomalyPercent: Type.Integer({ minimum: 1, maximum: 100 }),
  starIndicators: Type.Array(
    Type.Object(
      {
        code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z_]+$' }),
        name: Type.String({ minLength: 1, maxLength: 100 }),
        maxPoints: Type.Integer({ minimum: 1, maximum: 100 }),
      },
      { additionalProperties: false },
    ),
    { maxItems: 20 },
  ),
  starThresholds: Type.Tuple([
    Type.Integer({ minimum: 0, maximum: 100 }),
    Type.Integer({ minimum: 0, maximum: 100 }),
    Type.Integer({ minimum: 0, maximum: 100 }),
    Type.Integer({ minimum: 0, maximum: 100 }),
  ]),
  starValidityYears: Type.Integer({ minimum: 1, maximum: 10 }),
  scaleVerificationMonths: Type.Integer({ minimum: 1, maximum: 60 }),
};
const ChecklistItems = Type.Array(
  Type.Object(
    {
      code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z_]+$' }),
      name: Type.String({ minLength: 1, maxLength: 100 }),
    },
    { additionalProperties: false },
  ),
  { maxItems: 40 },
);
export const SettingsBody = Type.Object(
  { effectiveFrom: DateString, ...settingsFields, checklistItems: Type.Optional(ChecklistItems) },
  { additionalProperties: false },
);
export type SettingsBody = Static<typeof SettingsBody>;
export const SettingsView = Type.Object({ effectiveFrom: Nullable(DateString), ...settingsFields, checklistItems: ChecklistItems });
export type SettingsView = Static<typeof SettingsView>;

/* Station inspections (check-lists) */
export const InspectionBody = Type.Object(
  {
    inspectedOn: Type.Optional(DateString),
    results: Type.Array(
      Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), passed: Type.Boolean() }, { additionalProperties: false }),
      { minItems: 1, maxItems: 40 },
    ),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type InspectionBody = Static<typeof InspectionBody>;
export const InspectionView = Type.Object({
  id: Type.Integer(),
  marketId: Type.Integer(),
  inspectedOn: DateString,
  results: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), passed: Type.Boolean() })),
  passed: Type.Integer(),
  total: Type.Integer(),
  passPercent: Nullable(Type.Integer()),
  note: Type.String(),
  inspectorName: Nullable(Type.String()),
});
export type InspectionView = Static<typeof InspectionView>;
export const InspectionList = listOf(InspectionView);

/* Big screen */
export const ScreenTokenBody = Type.Object(
  { label: Type.String({ minLength: 1, maxLength: 100 }), marketId: Type.Optional(Nullable(Id)) },
  { additionalProperties: false },
);
export type ScreenTokenBody = Static<typeof ScreenTokenBody>;
export const ScreenTokenView = Type.Object({
  id: Type.Integer(),
  marketId: Nullable(Type.Integer()),
  label: Type.String(),
  createdAt: DateTime,
  lastUsedAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
});
export type ScreenTokenView = Static<typeof ScreenTokenView>;
export const ScreenTokenList = listOf(ScreenTokenView);
export const NewScreenTokenView = Type.Object({ ...ScreenTokenView.properties, token: Type.String(), url: Type.String() });
export type NewScreenTokenView = Static<typeof NewScreenTokenView>;

const ScreenMarket = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  stars: Nullable(Type.Integer()),
  stalls: Type.Integer(),
  testsToday: Type.Integer(),
  positivesToday: Type.Integer(),
  blockedLots: Type.Integer(),
  overdueScales: Type.Integer(),
  cleaningScore30Days: Nullable(Type.Number()),
  inspectionPassPercent: Nullable(Type.Integer()),
});
export const MarketScreenView = Type.Object({
  kind: Type.Literal('market'),
  today: DateString,
  refreshedAt: DateTime,
  market: ScreenMarket,
  tests: Type.Array(
    Type.Object({
      id: Type.Integer(),
      stallNumber: Type.String(),
      product: Type.String(),
      item: StringEnum(rapidTestItems),
      result: StringEnum(rapidTestResults),
      lotStatus: StringEnum(lotStatuses),
    }),
  ),
  blocked: Type.Array(
    Type.Object({ stallNumber: Type.String(), product: Type.String(), item: StringEnum(rapidTestItems), testedOn: DateString }),
  ),
  prices: Type.Array(PriceView),
});
export const DistrictScreenView = Type.Object({
  kind: Type.Literal('district'),
  today: DateString,
  refreshedAt: DateTime,
  markets: Type.Array(ScreenMarket),
  progress: StarProgressView,
});
export const ScreenView = Type.Union([MarketScreenView, DistrictScreenView]);
export type ScreenView = Static<typeof ScreenView>;
