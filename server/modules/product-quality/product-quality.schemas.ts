/**
 * The product-quality API's HTTP contract (/api/v1/product-quality/…): request and response schemas (responses
 * whitelist fields), and the types the web takes from them.
 */
import { type Static, Type } from 'typebox';
import {
  catalogueFields,
  catalogueProductStatuses,
  cccExemptionReasons,
  cccExemptionStatuses,
  followUpResults,
  gradeChangeCauses,
  groupStandardStatuses,
  ipKinds,
  licenceStates,
  makerGrades,
  safetyProductGroups,
} from '../../../shared/vocabularies/product-quality.ts';
import { DateString, listOf, Nullable, PagingQuery, StringEnum } from '../../platform/http/schemas.ts';

const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Id = Type.Integer({ minimum: 1 });

/* Safety-related product makers 涉安类产品生产企业 */
export const MakerQuery = Type.Object(
  {
    grade: Type.Optional(StringEnum(makerGrades)),
    productGroup: Type.Optional(StringEnum(safetyProductGroups)),
    isDue: Type.Optional(Type.Boolean({ description: 'only makers whose routine inspection is due today or overdue' })),
    ...PagingQuery,
  },
  { additionalProperties: false },
);
export type MakerQuery = Static<typeof MakerQuery>;

export const MakerBody = Type.Object(
  {
    entityId: Id,
    productGroup: StringEnum(safetyProductGroups),
    products: Type.String({ minLength: 1, maxLength: 200 }),
    licenceRequired: Type.Boolean(),
    licenceNumber: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60 }))),
    licenceValidUntil: Type.Optional(Nullable(DateString)),
    lastInspectedOn: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false },
);
export type MakerBody = Static<typeof MakerBody>;

export const MakerUpdateBody = Type.Object(
  {
    products: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    licenceRequired: Type.Optional(Type.Boolean()),
    licenceNumber: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60 }))),
    licenceValidUntil: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MakerUpdateBody = Static<typeof MakerUpdateBody>;

const GradeReason = Type.Object({
  reason: StringEnum(['failed_samples', 'penalties', 'complaints', 'licence'] as const),
  points: Type.Integer(),
});
export const MakerView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  creditCode: Type.String(),
  streetCode: Type.String(),
  productGroup: StringEnum(safetyProductGroups),
  products: Type.String(),
  licenceState: StringEnum(licenceStates),
  licenceNumber: Nullable(Type.String()),
  licenceValidUntil: Nullable(DateString),
  facts: Type.Object({ failedSamples12m: Type.Integer(), penalties12m: Type.Integer(), complaints12m: Type.Integer() }),
  grade: StringEnum(makerGrades),
  points: Type.Integer(),
  reasons: Type.Array(GradeReason),
  inspectionIntervalMonths: Type.Integer(),
  lastInspectedOn: Nullable(DateString),
  nextInspectionDue: DateString,
  isDue: Type.Boolean(),
});
export type MakerView = Static<typeof MakerView>;
export const MakerList = Type.Object({
  items: Type.Array(MakerView),
  total: Type.Integer({ minimum: 0 }),
  byGrade: Type.Object({ A: Type.Integer(), B: Type.Integer(), C: Type.Integer(), D: Type.Integer() }),
  today: DateString,
});
export type MakerList = Static<typeof MakerList>;

export const GradeHistoryList = Type.Object({
  items: Type.Array(
    Type.Object({
      changedOn: DateString,
      oldGrade: Nullable(StringEnum(makerGrades)),
      newGrade: StringEnum(makerGrades),
      points: Type.Integer(),
      cause: StringEnum(gradeChangeCauses),
      reasons: Type.Array(GradeReason),
      facts: Type.Object({
        failedSamples12m: Type.Integer(),
        penalties12m: Type.Integer(),
        complaints12m: Type.Integer(),
        licence: StringEnum(licenceStates),
      }),
      /** The facts that differ from the row before (none on the first row). */
      changedFacts: Type.Array(Type.String()),
    }),
  ),
});
export type GradeHistoryList = Static<typeof GradeHistoryList>;

export const InspectionBody = Type.Object({ inspectedOn: DateString }, { additionalProperties: false });

export const GradeSettingView = Type.Object({
  source: Type.Literal('bureau_setting'),
  points: Type.Object({
    perFailedSample: Type.Integer(),
    failedSamplesCap: Type.Integer(),
    perPenalty: Type.Integer(),
    penaltiesCap: Type.Integer(),
    perComplaint: Type.Integer(),
    complaintsCap: Type.Integer(),
    licence: Type.Object({
      not_required: Type.Integer(),
      valid: Type.Integer(),
      expiring: Type.Integer(),
      expired: Type.Integer(),
      missing: Type.Integer(),
    }),
  }),
  thresholds: Type.Object({ B: Type.Integer(), C: Type.Integer(), D: Type.Integer() }),
  inspectionIntervalMonths: Type.Object({ A: Type.Integer(), B: Type.Integer(), C: Type.Integer(), D: Type.Integer() }),
});

/* CCC exemptions 免办3C */
export const ExemptionQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(cccExemptionStatuses)),
    isDue: Type.Optional(Type.Boolean({ description: 'only exemptions whose follow-up check is due today or overdue' })),
    ...PagingQuery,
  },
  { additionalProperties: false },
);
export type ExemptionQuery = Static<typeof ExemptionQuery>;
export const ExemptionBody = Type.Object(
  {
    entityId: Id,
    certificateNumber: Type.String({ minLength: 1, maxLength: 60 }),
    reason: StringEnum(cccExemptionReasons),
    scope: Type.String({ minLength: 1, maxLength: 500 }),
    quantity: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
    grantedOn: DateString,
    expiresOn: DateString,
  },
  { additionalProperties: false },
);
export type ExemptionBody = Static<typeof ExemptionBody>;
export const ExemptionUpdateBody = Type.Object(
  {
    certificateNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    reason: Type.Optional(StringEnum(cccExemptionReasons)),
    scope: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000 })),
    grantedOn: Type.Optional(DateString),
    expiresOn: Type.Optional(DateString),
    status: Type.Optional(StringEnum(['active', 'revoked'] as const)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ExemptionUpdateBody = Static<typeof ExemptionUpdateBody>;
export const FollowUpBody = Type.Object(
  { checkedOn: DateString, result: StringEnum(followUpResults), note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export type FollowUpBody = Static<typeof FollowUpBody>;
export const ExemptionView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  streetCode: Type.String(),
  certificateNumber: Type.String(),
  reason: StringEnum(cccExemptionReasons),
  scope: Type.String(),
  quantity: Type.Integer(),
  grantedOn: DateString,
  expiresOn: DateString,
  status: StringEnum(cccExemptionStatuses),
  followUps: Type.Array(Type.Object({ checkedOn: DateString, result: StringEnum(followUpResults), note: Type.String() })),
  followUpDue: Nullable(DateString),
  isDue: Type.Boolean(),
});
export type ExemptionView = Static<typeof ExemptionView>;
export const ExemptionList = listOf(ExemptionView);

/* 品字标 firms */
export const BrandFirmQuery = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });
export const BrandFirmView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  creditCode: Type.String(),
  streetCode: Type.String(),
  firstCertifiedOn: DateString,
  ledStandards: Type.Array(Type.String()),
  certificates: Type.Array(
    Type.Object({
      productName: Type.String(),
      certificateNumber: Type.String(),
      standard: Type.String(),
      issuedOn: DateString,
      validUntil: DateString,
      isExpiringSoon: Type.Boolean(),
      isExpired: Type.Boolean(),
    }),
  ),
});
export type BrandFirmView = Static<typeof BrandFirmView>;
export const BrandFirmList = Type.Object({
  items: Type.Array(BrandFirmView),
  total: Type.Integer(),
  newByYear: Type.Array(Type.Object({ year: Type.Integer(), firms: Type.Integer() })),
});
export type BrandFirmList = Static<typeof BrandFirmList>;

/* IP and brand statistics */
export const IpStatisticsQuery = Type.Object({ year: Year }, { additionalProperties: false });
export const IpKindRow = Type.Object({
  kind: StringEnum(ipKinds),
  /** Pieces for patents and trademarks, yuan (2 decimals, as text) for money kinds. */
  value: Type.String(),
  previous: Nullable(Type.String()),
  changePercent: Nullable(Type.Number()),
  firms: Type.Integer(),
});
export const IpStatisticsView = Type.Object({
  year: Type.Integer(),
  kinds: Type.Array(IpKindRow),
  topFirms: Type.Array(
    Type.Object({
      firmName: Type.String(),
      creditCode: Type.String(),
      /** The district registry entity the import matched (credit code, else exact name); null when none. */
      entityId: Nullable(Type.Integer()),
      inventionApplications: Type.Integer(),
      trademarkApplications: Type.Integer(),
    }),
  ),
});
export type IpStatisticsView = Static<typeof IpStatisticsView>;

export const IpImportQuery = Type.Object({ filename: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export const IpImportResult = Type.Object({
  rows: Type.Integer(),
  imported: Type.Integer(),
  rejected: Type.Integer(),
  errors: Type.Array(Type.Object({ rowNumber: Type.Integer(), field: Type.String(), message: Type.String() })),
  /** Rows written but not linked to a registry entity of the district (firm not found by credit code or name). */
  unlinked: Type.Integer(),
  warnings: Type.Array(Type.Object({ rowNumber: Type.Integer(), field: Type.String(), message: Type.String() })),
});
export type IpImportResult = Static<typeof IpImportResult>;

/* 团体标准 led by district firms */
export const GroupStandardQuery = Type.Object(
  {
    year: Type.Optional(Year),
    status: Type.Optional(StringEnum(groupStandardStatuses)),
    entityId: Type.Optional(Id),
    ...PagingQuery,
  },
  { additionalProperties: false },
);
export type GroupStandardQuery = Static<typeof GroupStandardQuery>;
/** Some text besides spaces (the table checks the trimmed length). */
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const StandardCode = Type.String({ minLength: 1, maxLength: 60, pattern: '\\S', description: 'e.g. T/ZZB 1234-2020' });
export const GroupStandardBody = Type.Object(
  {
    code: StandardCode,
    title: Text(200),
    association: Text(100),
    entityId: Id,
    publishedOn: DateString,
    implementedOn: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false },
);
export type GroupStandardBody = Static<typeof GroupStandardBody>;
export const GroupStandardUpdateBody = Type.Object(
  {
    code: Type.Optional(StandardCode),
    title: Type.Optional(Text(200)),
    association: Type.Optional(Text(100)),
    publishedOn: Type.Optional(DateString),
    implementedOn: Type.Optional(Nullable(DateString)),
    status: Type.Optional(StringEnum(groupStandardStatuses)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type GroupStandardUpdateBody = Static<typeof GroupStandardUpdateBody>;
export const GroupStandardView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  association: Type.String(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  streetCode: Type.String(),
  /** The 品字标 firm record when the leading entity is one. */
  brandFirmId: Nullable(Type.Integer()),
  publishedOn: DateString,
  implementedOn: Nullable(DateString),
  status: StringEnum(groupStandardStatuses),
});
export type GroupStandardView = Static<typeof GroupStandardView>;
export const GroupStandardList = Type.Object({
  items: Type.Array(GroupStandardView),
  total: Type.Integer({ minimum: 0 }),
  byYear: Type.Array(Type.Object({ year: Type.Integer(), standards: Type.Integer() })),
});
export type GroupStandardList = Static<typeof GroupStandardList>;

/* The catalogue of product-quality supervision sampling (docs/decisions/0041) */
export const CatalogueEditionList = Type.Object({
  /** National editions: declared counts and the categories their source names (no national product lists offline). */
  national: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      issuer: Type.String(),
      source: Type.String(),
      year: Type.Integer(),
      declaredCategories: Type.Integer(),
      declaredProducts: Type.Integer(),
      categories: Type.Array(Type.Object({ name: Type.String(), declaredProducts: Type.Integer() })),
    }),
  ),
  /** The district's own edition 本地区重点工业产品质量安全监管目录: its active products by category. */
  district: Type.Object({
    categories: Type.Integer(),
    products: Type.Integer(),
    retired: Type.Integer(),
    byCategory: Type.Array(Type.Object({ category: Type.String(), products: Type.Integer() })),
  }),
});
export type CatalogueEditionList = Static<typeof CatalogueEditionList>;

export const CatalogueProductQuery = Type.Object(
  {
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    /** Part of the product's name, a standard or a test item. */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    status: Type.Optional(StringEnum(catalogueProductStatuses)),
    ...PagingQuery,
  },
  { additionalProperties: false },
);
export type CatalogueProductQuery = Static<typeof CatalogueProductQuery>;
const CatalogueEntries = (maxItems: number) => Type.Array(Text(120), { minItems: 1, maxItems });
export const CatalogueProductBody = Type.Object(
  {
    category: Text(40),
    name: Text(60),
    /** e.g. GB 18584-2001 */
    standards: CatalogueEntries(20),
    testItems: CatalogueEntries(60),
  },
  { additionalProperties: false },
);
export type CatalogueProductBody = Static<typeof CatalogueProductBody>;
export const CatalogueProductUpdateBody = Type.Object(
  {
    category: Type.Optional(Text(40)),
    name: Type.Optional(Text(60)),
    standards: Type.Optional(CatalogueEntries(20)),
    testItems: Type.Optional(CatalogueEntries(60)),
    status: Type.Optional(StringEnum(catalogueProductStatuses)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CatalogueProductUpdateBody = Static<typeof CatalogueProductUpdateBody>;
export const CatalogueProductView = Type.Object({
  id: Type.Integer(),
  category: Type.String(),
  name: Type.String(),
  standards: Type.Array(Type.String()),
  testItems: Type.Array(Type.String()),
  status: StringEnum(catalogueProductStatuses),
});
export type CatalogueProductView = Static<typeof CatalogueProductView>;
export const CatalogueProductList = Type.Object({
  items: Type.Array(CatalogueProductView),
  total: Type.Integer({ minimum: 0 }),
  /** Every category of the district's catalogue with its active products (the filter's options). */
  categories: Type.Array(Type.Object({ category: Type.String(), products: Type.Integer() })),
});
export type CatalogueProductList = Static<typeof CatalogueProductList>;

export const CatalogueImportQuery = Type.Object(
  { filename: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const CatalogueImportResult = Type.Object({
  rows: Type.Integer(),
  /** Products added and products whose standards and test items the file replaced; both 0 when any row is bad. */
  added: Type.Integer(),
  updated: Type.Integer(),
  errors: Type.Array(Type.Object({ rowNumber: Type.Integer(), field: Type.String(), message: Type.String() })),
});
export type CatalogueImportResult = Static<typeof CatalogueImportResult>;

export const CataloguePlanQuery = Type.Object({ year: Year }, { additionalProperties: false });
const FieldCounts = Type.Object({ planned: Nullable(Type.Integer()), done: Type.Integer() });
export const CataloguePlanView = Type.Object({
  year: Type.Integer(),
  fields: Type.Array(StringEnum(catalogueFields)),
  /** The year's industrial plans with their targets per field and how far each is done. */
  plans: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      kind: Type.String(),
      byField: Type.Record(Type.String(), FieldCounts),
      targetBatches: Type.Integer(),
      doneBatches: Type.Integer(),
      completionPercent: Nullable(Type.String()),
    }),
  ),
  /** The district catalogue's categories and products with the batches planned (category targets) and done per field. */
  categories: Type.Array(
    Type.Object({
      category: Type.String(),
      byField: Type.Record(Type.String(), FieldCounts),
      products: Type.Array(
        Type.Object({
          id: Type.Integer(),
          name: Type.String(),
          status: StringEnum(catalogueProductStatuses),
          byField: Type.Record(Type.String(), Type.Integer()),
          batches: Type.Integer(),
        }),
      ),
    }),
  ),
  /** Batches of the year's industrial plans whose product is not in the district catalogue. */
  outsideCatalogue: Type.Integer(),
});
export type CataloguePlanView = Static<typeof CataloguePlanView>;
