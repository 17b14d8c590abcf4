/**
 * The five-colour API's HTTP contract: request and response schemas (the response schemas whitelist fields), and
 * the types the server's signatures and the web (which may import only *.schemas.ts from the server) take from them.
 */
import { type Static, Type } from 'typebox';
import { inspectionOutcomes } from '../../../shared/inspection-result.ts';
import { annualGrades, dynamicGrades, riskGrades } from '../../../shared/vocabularies/food-safety.ts';
import { areaKinds } from '../../../shared/vocabularies/risk-code.ts';
import { DateString, DateTime, listOf, Nullable } from '../../platform/http/schemas.ts';
import { colours, riskLevels } from './rules/risk-colour.ts';

export type { LngLat } from './rules/area-outline.ts';
export type { Colour, ColourCells, ColourEscalations, ColourTable, RiskLevel } from './rules/risk-colour.ts';
export { areaKinds };

const StreetCode = Type.String({ pattern: '^[0-9]{9}$' });
const DistrictCode = Type.String({ pattern: '^[0-9]{6}$' });

export type AreaKind = (typeof areaKinds)[number];

export const ColourSchema = Type.Enum(colours);
const RiskLevelSchema = Type.Enum(riskLevels);
const LngLatSchema = Type.Array(Type.Number(), { minItems: 2, maxItems: 2 });

/* Colour tables */
const ColourRow = Type.Object(
  { A: ColourSchema, B: ColourSchema, C: ColourSchema, D: ColourSchema, U: ColourSchema },
  { additionalProperties: false },
);
const Cells = Type.Record(Type.String({ pattern: '^[a-z_]{1,60}$' }), ColourRow);
const Escalations = Type.Object(
  {
    nonCompliantInspection: ColourSchema,
    openRectification: ColourSchema,
    certificateBelowBasisPoints: Nullable(Type.Integer({ minimum: 0, maximum: 10_000 })),
    certificateFloor: ColourSchema,
    complaintsAtLeast: Nullable(Type.Integer({ minimum: 1, maximum: 1000 })),
    complaintFloor: ColourSchema,
    failedSample: ColourSchema,
    penaltyCase: ColourSchema,
    majorCase: ColourSchema,
    abnormalListing: Type.Optional(ColourSchema),
    seriousViolation: Type.Optional(ColourSchema),
  },
  { additionalProperties: false },
);
export const ColourTableBody = Type.Object(
  { effectiveFrom: DateString, cells: Cells, escalations: Escalations, note: Type.String({ maxLength: 500, default: '' }) },
  { additionalProperties: false },
);
export type ColourTableInput = Static<typeof ColourTableBody>;
export const ColourTableVersionView = Type.Object({
  id: Type.Integer({ minimum: 0 }),
  effectiveFrom: DateString,
  cells: Cells,
  escalations: Escalations,
  note: Type.String(),
  isDefault: Type.Boolean(),
});
/** GET /api/v1/risk-code/colour-tables: each version (id 0, isDefault: the documented default table). */
export type ColourTableVersion = Omit<Static<typeof ColourTableVersionView>, 'cells' | 'escalations'> &
  import('./rules/risk-colour.ts').ColourTable;
export const ColourTableList = Type.Object({ ...listOf(ColourTableVersionView).properties, isBureauSetting: Type.Boolean() });

/* One unit's colour */
export const CategoryBody = Type.Object(
  { managementCategory: Type.String({ pattern: '^[a-z_]{1,60}$' }) },
  { additionalProperties: false },
);
export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });
const FactsView = Type.Object({
  managementCategory: Type.Optional(Nullable(Type.String())),
  dynamicGrade: Type.Optional(Nullable(Type.Enum(dynamicGrades))),
  annualGrade: Type.Optional(Nullable(Type.Enum(annualGrades))),
  riskGrade: Type.Optional(Nullable(Type.Enum(riskGrades))),
  latestInspection: Type.Optional(Nullable(Type.Object({ on: DateString, result: Type.Enum(inspectionOutcomes) }))),
  openRectifications: Type.Optional(Type.Integer()),
  certificateComplianceBasisPoints: Type.Optional(Nullable(Type.Integer())),
  complaints12m: Type.Optional(Type.Integer()),
  failedSamples12m: Type.Optional(Type.Integer()),
  penaltyCases12m: Type.Optional(Type.Integer()),
  majorCases12m: Type.Optional(Type.Integer()),
});
export const EntityColourView = Type.Object({
  entityId: Type.Integer(),
  name: Nullable(Type.String()),
  token: Nullable(Type.String()),
  managementCategory: Nullable(Type.String()),
  colour: Nullable(ColourSchema),
  riskLevel: Nullable(RiskLevelSchema),
  computedAt: Nullable(DateTime),
  /** The facts the colour was computed from (an absent key: its module does not publish it yet). */
  facts: FactsView,
  tableIsBureauSetting: Type.Boolean(),
  explanation: Nullable(
    Type.Object({
      summary: Type.String(),
      reasons: Type.Array(Type.String()),
      unknown: Type.Array(Type.String()),
      toImprove: Type.Array(Type.String()),
    }),
  ),
  history: Type.Array(
    Type.Object({
      fromColour: Nullable(ColourSchema),
      toColour: ColourSchema,
      trigger: Type.String(),
      changedAt: DateTime,
      reasons: Type.Array(Type.String()),
    }),
  ),
});
export const TokenView = Type.Object({ entityId: Type.Integer(), token: Nullable(Type.String()) });

/* The map 五色图 */
export const AreaBody = Type.Object(
  {
    kind: Type.Enum(areaKinds),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    streetCode: Type.Optional(Nullable(StreetCode)),
    /** One closed ring [[lng, lat], …], first point not repeated. */
    outline: Type.Array(LngLatSchema, { minItems: 3, maxItems: 2000 }),
  },
  { additionalProperties: false },
);
export const AreaPatch = Type.Partial(AreaBody, { minProperties: 1 });
export type AreaInput = Static<typeof AreaBody>;
const MapAreaView = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(areaKinds),
  name: Type.String(),
  streetCode: Nullable(Type.String()),
  outline: Type.Array(LngLatSchema),
});
export const MapAreaSchema = MapAreaView;
export type MapArea = Omit<Static<typeof MapAreaView>, 'outline'> & { outline: import('./rules/area-outline.ts').LngLat[] };
export const MapAreaList = listOf(MapAreaView);
export const MapQuery = Type.Object(
  { streetCode: Type.Optional(StreetCode), areaId: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
const MapPointView = Type.Object({
  entityId: Type.Integer(),
  name: Type.String(),
  address: Type.String(),
  streetCode: Type.String(),
  colour: Nullable(ColourSchema),
  inspectedAndCoded: Type.Boolean(),
  latestInspectionOn: Nullable(DateString),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
});
export type MapPoint = Static<typeof MapPointView>;
export const ColourMapSchema = Type.Object({
  area: Nullable(MapAreaView),
  areas: Type.Array(MapAreaView),
  bounds: Nullable(Type.Object({ west: Type.Number(), south: Type.Number(), east: Type.Number(), north: Type.Number() })),
  streets: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() })),
  points: Type.Array(MapPointView),
  counts: Type.Object({
    green: Type.Integer({ minimum: 0 }),
    blue: Type.Integer({ minimum: 0 }),
    yellow: Type.Integer({ minimum: 0 }),
    orange: Type.Integer({ minimum: 0 }),
    black: Type.Integer({ minimum: 0 }),
  }),
  total: Type.Integer({ minimum: 0 }),
  /** Share of units inspected and coded, in basis points: 10000 = 100% (the pilot-street case). */
  coverageBasisPoints: Type.Integer({ minimum: 0, maximum: 10_000 }),
  /** The operator configured a tile server (ZHIJIAN_MAP_TILE_URL): tiles come through /map/tiles. */
  hasTiles: Type.Boolean(),
});
/** GET /api/v1/risk-code/map: a street, an area or the whole district. */
export type ColourMapView = Omit<Static<typeof ColourMapSchema>, 'area' | 'areas' | 'counts'> & {
  area: MapArea | null;
  areas: MapArea[];
  counts: Record<import('./rules/risk-colour.ts').Colour, number>;
};
export const TileParams = Type.Object({
  z: Type.Integer({ minimum: 0, maximum: 19 }),
  x: Type.Integer({ minimum: 0 }),
  y: Type.Integer({ minimum: 0 }),
});
export const StickerQuery = Type.Object(
  { entityId: Type.Optional(Type.Integer({ minimum: 1 })), streetCode: Type.Optional(StreetCode) },
  { additionalProperties: false },
);

/* Certified products 品字码 */
export const ProductBody = Type.Object(
  {
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
    firmName: Type.String({ minLength: 1, maxLength: 200 }),
    firmCreditCode: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' }),
    productName: Type.String({ minLength: 1, maxLength: 200 }),
    certificateNumber: Type.String({ minLength: 1, maxLength: 60 }),
    issuer: Type.String({ minLength: 1, maxLength: 200 }),
    validUntil: DateString,
    standard: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type ProductInput = Static<typeof ProductBody>;
export const ProductView = Type.Object({
  id: Type.Integer(),
  entityId: Nullable(Type.Integer()),
  firmName: Type.String(),
  firmCreditCode: Type.String(),
  productName: Type.String(),
  certificateNumber: Type.String(),
  issuer: Type.String(),
  validUntil: DateString,
  standard: Type.String(),
  token: Nullable(Type.String()),
});
export const ProductList = listOf(ProductView);
export const PagingOnly = Type.Object(
  { page: Type.Integer({ minimum: 1, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) },
  { additionalProperties: false },
);

/* Open data: published colours with stable business identifiers, no personal data. */
export const OpenRatingsQuery = Type.Object(
  { district: DistrictCode, ...PagingOnly.properties, format: Type.Optional(Type.Enum(['json', 'csv'] as const)) },
  { additionalProperties: false },
);
export const OpenExportQuery = Type.Object({ district: DistrictCode }, { additionalProperties: false });
export const OpenRatingView = Type.Object({
  creditCode: Type.String(),
  pageToken: Type.String(),
  name: Type.String(),
  licenceNumber: Nullable(Type.String()),
  address: Type.String(),
  streetCode: Type.String(),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  colour: ColourSchema,
  riskGrade: Nullable(Type.String()),
  dynamicGrade: Nullable(Type.String()),
  latestInspectionOn: Nullable(DateString),
  ratedAt: Nullable(DateTime),
});
/** One published rating (the page, the bulk CSV and the bulk JSON share it). */
export type OpenRating = Static<typeof OpenRatingView>;
export const OpenRatingList = listOf(OpenRatingView);
export const TokenParams = Type.Object({ token: Type.String({ maxLength: 64 }) });
export const PublicPageQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 16 })) });
