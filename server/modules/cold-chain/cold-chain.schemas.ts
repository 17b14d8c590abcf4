/**
 * The cold-chain API's HTTP contract: request and response schemas (responses whitelist fields), and the types the
 * web takes from them.
 */
import { type Static, Type } from 'typebox';
import {
  certificateKinds,
  coldChainCategories,
  coldChainSteps,
  coldChainUnits,
  eventSources,
  findingKinds,
  findingStates,
} from '../../../shared/vocabularies/cold-chain.ts';
import { DateString, DateTime, listOf, Nullable, PagingQuery } from '../../platform/http/schemas.ts';
import { traceCodePattern } from './rules/trace-code.ts';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Quantity = Type.Number({ exclusiveMinimum: 0, maximum: 1e10, multipleOf: 0.001 });
export const TraceCode = Type.String({ pattern: traceCodePattern, description: '追溯码: district (6 digits) + 10 characters' });
const StreetCode = Type.String({ pattern: '^[0-9]{9}$' });

export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });

export const BatchBody = Type.Object(
  {
    customsDeclarationNo: Type.String({ pattern: '^[0-9]{18}$', description: '报关单号: 18 digits' }),
    originCountry: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
    product: Text(100),
    category: Type.Enum(coldChainCategories),
    lot: Text(40),
    quantity: Quantity,
    unit: Type.Enum(coldChainUnits),
    firstHolderEntityId: Type.Integer({ minimum: 1 }),
    arrivedOn: DateString,
  },
  { additionalProperties: false },
);
export type BatchInput = Static<typeof BatchBody>;

export const BatchPatchBody = Type.Partial(
  Type.Object({
    originCountry: BatchBody.properties.originCountry,
    product: Text(100),
    lot: Text(40),
    category: Type.Enum(coldChainCategories),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type BatchPatch = Static<typeof BatchPatchBody>;

export const BatchQuery = Type.Object(
  {
    ...PagingQuery,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    category: Type.Optional(Type.Enum(coldChainCategories)),
    sellable: Type.Optional(Type.Enum(['yes', 'no'])),
    streetCode: Type.Optional(StreetCode),
  },
  { additionalProperties: false },
);
export type BatchFilter = Static<typeof BatchQuery>;

export const CertificateMeta = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(certificateKinds),
  number: Type.String(),
  issuedOn: DateString,
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
});
export type CertificateView = Static<typeof CertificateMeta>;

export const BatchViewSchema = Type.Object({
  id: Type.Integer(),
  traceCode: Type.String(),
  customsDeclarationNo: Type.String(),
  originCountry: Type.String(),
  product: Type.String(),
  category: Type.Enum(coldChainCategories),
  lot: Type.String(),
  quantity: Type.String(),
  unit: Type.Enum(coldChainUnits),
  firstHolderEntityId: Type.Integer(),
  firstHolderName: Type.String(),
  streetCode: Type.String(),
  arrivedOn: DateString,
  isSellable: Type.Boolean(),
  sellableSince: Nullable(DateString),
  certificateKinds: Type.Array(Type.Enum(certificateKinds)),
});
export type BatchView = Static<typeof BatchViewSchema>;
export const BatchList = listOf(BatchViewSchema);

export const EventViewSchema = Type.Object({
  id: Type.Integer(),
  districtCode: Type.String(),
  eventId: Type.String(),
  eventType: Type.String(),
  action: Nullable(Type.String()),
  step: Type.Enum(coldChainSteps),
  bizStep: Type.String(),
  disposition: Nullable(Type.String()),
  eventTime: DateTime,
  code: Type.String(),
  quantity: Type.String(),
  unit: Type.Enum(coldChainUnits),
  holderEntityId: Type.Integer(),
  holderName: Type.String(),
  counterpartName: Nullable(Type.String()),
  outputCodes: Type.Array(Type.String()),
  referenceDocument: Nullable(Type.String()),
  source: Type.Enum(eventSources),
});
export type EventView = Static<typeof EventViewSchema>;

export const LotViewSchema = Type.Object({
  code: Type.String(),
  parentCode: Nullable(Type.String()),
  product: Type.String(),
  quantity: Type.String(),
  unit: Type.Enum(coldChainUnits),
  depth: Type.Integer(),
});

export const BalanceViewSchema = Type.Object({
  code: Type.String(),
  holderEntityId: Type.Integer(),
  holderName: Type.String(),
  received: Type.String(),
  out: Type.String(),
  disposed: Type.String(),
  stock: Type.String(),
  isStockCounted: Type.Boolean(),
});
export type BalanceView = Static<typeof BalanceViewSchema>;

export const BatchDetailSchema = Type.Object({
  batch: BatchViewSchema,
  certificates: Type.Array(CertificateMeta),
  missingCertificates: Type.Array(Type.Enum(certificateKinds)),
  lots: Type.Array(LotViewSchema),
  events: Type.Array(EventViewSchema),
  balances: Type.Array(BalanceViewSchema),
});
export type BatchDetail = Static<typeof BatchDetailSchema>;

export const CertificateBody = Type.Object(
  {
    kind: Type.Enum(certificateKinds),
    number: Text(60),
    issuedOn: DateString,
    dataUrl: Type.String({ maxLength: 7_200_000, description: 'data:application/pdf;base64,… (PDF, JPEG or PNG, at most 5 MB)' }),
  },
  { additionalProperties: false },
);
export type CertificateInput = Static<typeof CertificateBody>;

export const EventBody = Type.Object(
  {
    step: Type.Enum(coldChainSteps),
    /** The code as scanned or typed (a URL ending in /t/<code> is accepted). */
    code: Type.String({ minLength: 1, maxLength: 300 }),
    quantity: Type.Number({ minimum: 0, maximum: 1e10, multipleOf: 0.001 }),
    holderEntityId: Type.Integer({ minimum: 1 }),
    /** Ship: the destination; receive: the source (optional). */
    counterpartCreditCode: Type.Optional(Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' })),
    counterpartDistrictCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    /** Split, aggregate, transform: the quantity of each new lot (codes are issued by the platform). */
    outputQuantities: Type.Optional(Type.Array(Quantity, { minItems: 1, maxItems: 50 })),
    outputProduct: Type.Optional(Text(100)),
    eventTime: Type.Optional(DateTime),
    referenceDocument: Type.Optional(Type.String({ maxLength: 200 })),
    via: Type.Enum(['form', 'scan']),
  },
  { additionalProperties: false },
);
export type EventInput = Static<typeof EventBody>;

export const EventCreated = Type.Object({ event: EventViewSchema, outputCodes: Type.Array(Type.String()) });

export const EpcisBody = Type.Object({}, { additionalProperties: true, description: 'An EPCIS 2.0 JSON EPCISDocument' });
export const EpcisResult = Type.Object({ stored: Type.Integer(), eventIds: Type.Array(Type.String()) });

export const CodeLookupSchema = Type.Object({
  code: Type.String(),
  rootCode: Type.String(),
  districtCode: Type.String(),
  product: Type.String(),
  quantity: Type.String(),
  unit: Type.Enum(coldChainUnits),
  originCountry: Nullable(Type.String()),
  isSellable: Nullable(Type.Boolean()),
});
export type CodeLookup = Static<typeof CodeLookupSchema>;

export const TraceQuery = Type.Object(
  { direction: Type.Enum(['back', 'forward', 'both'], { default: 'both' }) },
  { additionalProperties: false },
);
export const TraceViewSchema = Type.Object({
  code: Type.String(),
  lots: Type.Array(LotViewSchema),
  events: Type.Array(EventViewSchema),
  holders: Type.Array(Type.Object({ districtCode: Type.String(), entityId: Type.Integer(), name: Type.String() })),
  isTruncated: Type.Boolean(),
});
export type TraceView = Static<typeof TraceViewSchema>;

export const FindingQuery = Type.Object(
  {
    ...PagingQuery,
    kind: Type.Optional(Type.Enum(findingKinds)),
    state: Type.Enum(findingStates, { default: 'open' }),
    streetCode: Type.Optional(StreetCode),
  },
  { additionalProperties: false },
);
export type FindingFilter = Static<typeof FindingQuery>;
export const FindingViewSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(findingKinds),
  code: Type.String(),
  holderEntityId: Type.Integer(),
  holderName: Type.String(),
  streetCode: Type.String(),
  amount: Type.String(),
  unit: Type.String(),
  openedOn: DateString,
  closedOn: Nullable(DateString),
});
export type FindingView = Static<typeof FindingViewSchema>;
export const FindingList = listOf(FindingViewSchema);

export const PublicPageQuery = Type.Object({ lang: Type.Optional(Type.Enum(['zh-CN', 'zh', 'en'])) }, { additionalProperties: false });

export const Fsma204Query = Type.Object({ from: DateString, to: DateString }, { additionalProperties: false });
export const EpcisDocumentSchema = Type.Object(
  { type: Type.Literal('EPCISDocument'), schemaVersion: Type.String(), creationDate: DateTime },
  { additionalProperties: true, description: 'An EPCIS 2.0 JSON EPCISDocument of the batch and its lots' },
);
