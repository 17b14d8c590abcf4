import { type Static, type TOptional, type TSchema, Type } from 'typebox';
import {
  businessCategories,
  entityKinds,
  entityStatuses,
  importActions,
  importFields,
  licenceKinds,
} from '../../../shared/vocabularies/registry.ts';
import { PagingQuery } from '../../platform/http/routes.ts';
import { DateString, Nullable, StringEnum } from '../../platform/http/schemas.ts';

export { businessCategories, entityKinds, entityStatuses, importActions, importFields, licenceKinds };

export type EntityKind = (typeof entityKinds)[number];
export type EntityStatus = (typeof entityStatuses)[number];
export type BusinessCategory = (typeof businessCategories)[number];
export type LicenceKind = (typeof licenceKinds)[number];
export const licenceStatuses = ['valid', 'suspended', 'revoked', 'cancelled'] as const;
export type ImportAction = (typeof importActions)[number];

/** Why a row of an imported file was rejected: the column, a stable code and a message in both languages. */
export interface ImportReason {
  field: string;
  code: string;
  message: { 'zh-CN': string; en: string };
}

export const EntityKindSchema = StringEnum(entityKinds);
export const EntityStatusSchema = StringEnum(entityStatuses);
export const BusinessCategorySchema = StringEnum(businessCategories);
export const LicenceKindSchema = StringEnum(licenceKinds);
const Decimal = Type.String({ pattern: '^-?\\d+(\\.\\d+)?$' });
/** Degrees as numeric(9, 6) holds them: at most three integer and six decimal digits. */
const Longitude = Type.String({ pattern: '^-?\\d{1,3}(\\.\\d{1,6})?$', description: 'degrees east, e.g. 121.55' });
const Latitude = Type.String({ pattern: '^-?\\d{1,2}(\\.\\d{1,6})?$', description: 'degrees north, e.g. 29.87' });

export const EntitySearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'name, address, credit code or licence number' })),
    kind: Type.Optional(EntityKindSchema),
    industry: Type.Optional(Type.String({ pattern: '^[A-T]([0-9]{2})?$', description: 'GB/T 4754 section or division' })),
    street: Type.Optional(Type.String({ pattern: '^[0-9]{9}$' })),
    station: Type.Optional(Type.Integer({ minimum: 1 })),
    status: Type.Optional(EntityStatusSchema),
    category: Type.Optional(BusinessCategorySchema),
    licenceKind: Type.Optional(LicenceKindSchema),
    expiringWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
    ...PagingQuery,
  },
  { additionalProperties: false },
);
export type EntitySearchQuery = Static<typeof EntitySearchQuery>;
export type EntityFilter = Omit<EntitySearchQuery, 'page' | 'pageSize'>;

export const EntityListItem = Type.Object({
  id: Type.Integer(),
  creditCode: Type.String(),
  name: Type.String(),
  kind: EntityKindSchema,
  legalRepName: Type.String(),
  industryCode: Type.String(),
  status: EntityStatusSchema,
  foundedOn: DateString,
  address: Type.String(),
  streetCode: Type.String(),
  businessCategory: BusinessCategorySchema,
});
export type EntityListItem = Static<typeof EntityListItem>;

export const EntityList = Type.Object({
  items: Type.Array(EntityListItem),
  total: Type.Integer({ minimum: 0 }),
  /** True when more rows matched than were counted (see docs/decisions/0004-registry-search.md). */
  totalIsCapped: Type.Boolean(),
});
export type EntityList = Static<typeof EntityList>;

export const LicenceView = Type.Object({
  id: Type.Integer(),
  kind: LicenceKindSchema,
  number: Type.String(),
  issuer: Type.String(),
  issuedOn: DateString,
  validUntil: Nullable(DateString),
  scopeItems: Type.Array(Type.String()),
  status: StringEnum(licenceStatuses),
});
export type LicenceView = Static<typeof LicenceView>;

export const PremisesView = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  address: Type.String(),
  streetCode: Type.String(),
  communityCode: Nullable(Type.String()),
  lng: Nullable(Decimal),
  lat: Nullable(Decimal),
  isRegisteredAddress: Type.Boolean(),
});

export const StatusHistoryView = Type.Object({
  status: EntityStatusSchema,
  since: DateString,
  reason: Type.String(),
});

export const EntityView = Type.Object({
  id: Type.Integer(),
  districtCode: Type.String(),
  creditCode: Type.String(),
  name: Type.String(),
  kind: EntityKindSchema,
  legalRepName: Type.String(),
  legalRepIdMasked: Nullable(Type.String()),
  phoneMasked: Nullable(Type.String()),
  industryCode: Type.String(),
  registeredCapitalWan: Nullable(Decimal),
  foundedOn: DateString,
  status: EntityStatusSchema,
  statusSince: DateString,
  endedOn: Nullable(DateString),
  address: Type.String(),
  streetCode: Type.String(),
  streetName: Type.String(),
  communityCode: Nullable(Type.String()),
  lng: Nullable(Decimal),
  lat: Nullable(Decimal),
  businessCategory: BusinessCategorySchema,
  revision: Type.Integer(),
  licences: Type.Array(LicenceView),
  premises: Type.Array(PremisesView),
  statusHistory: Type.Array(StatusHistoryView),
});
export type EntityView = Static<typeof EntityView>;

export const TimelineEventView = Type.Object({
  kind: Type.String(),
  at: Type.String({ format: 'date-time' }),
  title: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }),
  refType: Nullable(Type.String()),
  refId: Nullable(Type.String()),
});
export type TimelineEventView = Static<typeof TimelineEventView>;
export const TimelineView = Type.Object({ items: Type.Array(TimelineEventView) });

export const revealableFields = ['legalRepIdNumber', 'phone'] as const;
export const RevealBody = Type.Object(
  {
    field: StringEnum(revealableFields),
    reason: Type.String({ minLength: 2, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type RevealBody = Static<typeof RevealBody>;
export const RevealView = Type.Object({ field: Type.String(), value: Nullable(Type.String()) });

const entityFields = {
  creditCode: Type.String({ minLength: 18, maxLength: 18 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: EntityKindSchema,
  legalRepName: Type.String({ maxLength: 50 }),
  legalRepIdNumber: Nullable(Type.String({ pattern: '^[0-9]{17}[0-9Xx]$' })),
  phone: Nullable(Type.String({ pattern: '^[0-9+\\- ]{5,20}$' })),
  industryCode: Type.String({ pattern: '^[A-T][0-9]{2}$' }),
  registeredCapitalWan: Nullable(Type.String({ pattern: '^\\d{1,12}(\\.\\d{1,4})?$' })),
  foundedOn: DateString,
  address: Type.String({ maxLength: 300 }),
  streetCode: Type.String({ pattern: '^[0-9]{9}$' }),
  communityCode: Nullable(Type.String({ pattern: '^[0-9]{12}$' })),
  lng: Nullable(Longitude),
  lat: Nullable(Latitude),
  businessCategory: BusinessCategorySchema,
};
export const CreateEntityBody = Type.Object(
  {
    ...entityFields,
    legalRepIdNumber: Type.Optional(entityFields.legalRepIdNumber),
    phone: Type.Optional(entityFields.phone),
    registeredCapitalWan: Type.Optional(entityFields.registeredCapitalWan),
    communityCode: Type.Optional(entityFields.communityCode),
    lng: Type.Optional(entityFields.lng),
    lat: Type.Optional(entityFields.lat),
    businessCategory: Type.Optional(entityFields.businessCategory),
  },
  { additionalProperties: false },
);
export type CreateEntityBody = Static<typeof CreateEntityBody>;

const { creditCode: _creditCode, ...updatableFields } = entityFields;
function allOptional<T extends Record<string, TSchema>>(properties: T): { [K in keyof T]: TOptional<T[K]> } {
  return Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, Type.Optional(schema)])) as {
    [K in keyof T]: TOptional<T[K]>;
  };
}
export const UpdateEntityBody = Type.Object(
  {
    ...allOptional(updatableFields),
    revision: Type.Integer({ minimum: 1, description: 'the revision read; a concurrent change gives 409' }),
  },
  { additionalProperties: false },
);
export type UpdateEntityBody = Static<typeof UpdateEntityBody>;

export const StatusChangeBody = Type.Object(
  {
    status: EntityStatusSchema,
    since: DateString,
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type StatusChangeBody = Static<typeof StatusChangeBody>;

export const StatisticsQuery = Type.Object({ asOf: DateString }, { additionalProperties: false });
const CountWithGrowth = Type.Object({
  key: Type.String(),
  count: Type.Integer(),
  countYearEarlier: Type.Integer(),
  /** Percentage, exactly rounded half away from zero to 2 decimals; null when the year-earlier count is 0. */
  growthPercent: Nullable(Type.Number()),
});
export type CountWithGrowth = Static<typeof CountWithGrowth>;
export const StatisticsView = Type.Object({
  asOf: DateString,
  yearEarlier: DateString,
  total: CountWithGrowth,
  byKind: Type.Array(CountWithGrowth),
  byIndustrySection: Type.Array(CountWithGrowth),
  byStreet: Type.Array(CountWithGrowth),
  byStatus: Type.Array(Type.Object({ key: EntityStatusSchema, count: Type.Integer() })),
});
export type StatisticsView = Static<typeof StatisticsView>;

export type ImportField = (typeof importFields)[number];
/** header in the file → registry field. */
export const ImportColumns = Type.Record(Type.String({ maxLength: 100 }), StringEnum(importFields));
export type ImportColumns = Record<string, ImportField>;

export const ImportQuery = Type.Object(
  {
    filename: Type.String({ minLength: 1, maxLength: 200 }),
    mappingId: Type.Optional(Type.Integer({ minimum: 1 })),
    columns: Type.Optional(Type.String({ maxLength: 4000, description: 'JSON object: header → field' })),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;

const Reason = Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() });
export const ImportRowView = Type.Object({
  rowNumber: Type.Integer(),
  action: StringEnum(importActions),
  creditCode: Nullable(Type.String()),
  name: Nullable(Type.String()),
  changed: Type.Array(Type.String()),
  reasons: Type.Array(Reason),
});
export type ImportRowView = Static<typeof ImportRowView>;

export const ImportBatchView = Type.Object({
  id: Type.Integer(),
  filename: Type.String(),
  status: StringEnum(['dry_run', 'committed'] as const),
  columns: Type.Record(Type.String(), Type.String()),
  unmappedHeaders: Type.Array(Type.String()),
  rowCount: Type.Integer(),
  newCount: Type.Integer(),
  updatedCount: Type.Integer(),
  unchangedCount: Type.Integer(),
  rejectedCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  committedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type ImportBatchView = Static<typeof ImportBatchView>;

export const ImportRowsQuery = Type.Object(
  { action: Type.Optional(StringEnum(importActions)), ...PagingQuery },
  { additionalProperties: false },
);
export type ImportRowsQuery = Static<typeof ImportRowsQuery>;

export const ImportMappingBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), columns: ImportColumns },
  { additionalProperties: false },
);
export type ImportMappingBody = Static<typeof ImportMappingBody>;
export const ImportMappingView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  columns: Type.Record(Type.String(), Type.String()),
});

export const ErrorReportQuery = Type.Object({}, { additionalProperties: false });
