import { type Static, Type } from 'typebox';
import { certificateStates, warningLevels } from './rules/certificate-state.ts';

const IsoDate = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

export const CertificateStateSchema = Type.Enum(certificateStates);
export const WarningLevelSchema = Type.Enum(warningLevels);

export const CreateHandlerBody = Type.Object(
  {
    entityId: Id,
    name: Type.String({ minLength: 1, maxLength: 50 }),
    idNumber: Type.String({ pattern: '^[1-9][0-9]{16}[0-9Xx]$' }),
    post: Type.Optional(Type.String({ maxLength: 50 })),
    isFullTime: Type.Optional(Type.Boolean()),
    hiredOn: IsoDate,
  },
  { additionalProperties: false },
);
export type CreateHandlerBody = Static<typeof CreateHandlerBody>;

export const UpdateHandlerBody = Type.Object(
  {
    post: Type.Optional(Type.String({ maxLength: 50 })),
    isFullTime: Type.Optional(Type.Boolean()),
    leftOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateHandlerBody = Static<typeof UpdateHandlerBody>;

export const CertificateBody = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 64 }),
    institution: Type.String({ minLength: 1, maxLength: 100 }),
    examinedOn: IsoDate,
    /** When the certificate prints no expiry, the exam date + 1 year − 1 day. */
    validUntil: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type CertificateBody = Static<typeof CertificateBody>;

export const RevealBody = Type.Object({ reason: Type.String({ minLength: 4, maxLength: 200 }) }, { additionalProperties: false });

export const HandlerQuery = Type.Object(
  {
    entityId: Type.Optional(Id),
    state: Type.Optional(CertificateStateSchema),
    isEmployed: Type.Optional(Type.Boolean()),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type HandlerQuery = Static<typeof HandlerQuery>;

export const CertificateView = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  institution: Type.String(),
  examinedOn: Type.String(),
  validUntil: Type.String(),
});

export const HandlerView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  streetCode: Type.String(),
  name: Type.String(),
  idNumberMasked: Type.String(),
  post: Type.String(),
  isFullTime: Type.Boolean(),
  hiredOn: Type.String(),
  leftOn: Type.Union([Type.String(), Type.Null()]),
  certificateValidUntil: Type.Union([Type.String(), Type.Null()]),
  certificateState: CertificateStateSchema,
  /** Other shops where the same ID number is employed now (by blind index), within the reader's scope. */
  otherShops: Type.Integer(),
  certificates: Type.Optional(Type.Array(CertificateView)),
});
export type HandlerView = Static<typeof HandlerView>;
export const HandlerList = Type.Object({ items: Type.Array(HandlerView), total: Type.Integer() });

export const RevealView = Type.Object({ idNumber: Type.String() });

export const ImportBody = Type.Object(
  {
    entityId: Id,
    /** The .xlsx file, base64 (≤ 700 KB decoded). Columns: 姓名, 身份证号, 岗位, 入职日期, 健康证编号, 发证机构, 体检日期, 有效期至. */
    fileBase64: Type.String({ minLength: 4, maxLength: 1_000_000 }),
  },
  { additionalProperties: false },
);
export const ImportResult = Type.Object({
  imported: Type.Integer(),
  certificates: Type.Integer(),
});

export const WarningQuery = Type.Object(
  {
    level: Type.Optional(WarningLevelSchema),
    entityId: Type.Optional(Id),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export const WarningView = Type.Object({
  id: Type.Integer(),
  handlerId: Type.Integer(),
  handlerName: Type.String(),
  entityId: Type.Integer(),
  streetCode: Type.String(),
  level: WarningLevelSchema,
  validUntil: Type.Union([Type.String(), Type.Null()]),
  openedOn: Type.String(),
});
export type WarningView = Static<typeof WarningView>;
export const WarningList = Type.Object({ items: Type.Array(WarningView), total: Type.Integer() });

export const statisticsGroupings = ['street', 'station', 'industry', 'entity'] as const;
export const StatisticsQuery = Type.Object(
  { date: Type.Optional(IsoDate), groupBy: Type.Enum(statisticsGroupings, { default: 'street' }) },
  { additionalProperties: false },
);
export const StatisticsRow = Type.Object({
  key: Type.String(),
  label: Type.String(),
  employed: Type.Integer(),
  valid: Type.Integer(),
  expiring: Type.Integer(),
  expired: Type.Integer(),
  missing: Type.Integer(),
  /** 持证率 in basis points (10000 = 100.00%); null with nobody employed. */
  complianceBasisPoints: Type.Union([Type.Integer(), Type.Null()]),
});
export type StatisticsRow = Static<typeof StatisticsRow>;
export const StatisticsView = Type.Object({
  date: Type.String(),
  groupBy: Type.String(),
  rows: Type.Array(StatisticsRow),
  total: StatisticsRow,
});
export type StatisticsView = Static<typeof StatisticsView>;

export const ContactBody = Type.Object(
  { entityId: Id, phone: Type.String({ pattern: '^1[3-9][0-9]{9}$' }) },
  { additionalProperties: false },
);
export const ContactView = Type.Object({ entityId: Type.Integer(), phoneMasked: Type.String() });

export const NoticeQuery = Type.Object(
  { page: Type.Integer({ minimum: 1, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) },
  { additionalProperties: false },
);
export const NoticeView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  kind: Type.String(),
  body: Type.String(),
  createdAt: Type.String(),
});
export const NoticeList = Type.Object({ items: Type.Array(NoticeView), total: Type.Integer() });

// ── Stage 3: templates, inspections, grades, due lists ───────────────────────────────────────────
const Tenths = Type.Integer({ minimum: 0, maximum: 100 });
const Paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

export const TemplateItemBody = Type.Object(
  {
    category: Type.String({ minLength: 1, maxLength: 50 }),
    text: Type.String({ minLength: 1, maxLength: 300 }),
    isKey: Type.Boolean(),
    passTenths: Type.Optional(Tenths),
    partialTenths: Type.Optional(Tenths),
    failTenths: Type.Optional(Tenths),
  },
  { additionalProperties: false },
);
export const CreateTemplateBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), items: Type.Array(TemplateItemBody, { minItems: 1, maxItems: 200 }) },
  { additionalProperties: false },
);
export type CreateTemplateBody = Static<typeof CreateTemplateBody>;
export const UpdateTemplateBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    isActive: Type.Optional(Type.Boolean()),
    isDefault: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTemplateBody = Static<typeof UpdateTemplateBody>;
export const TemplateView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  isDefault: Type.Boolean(),
  isActive: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      position: Type.Integer(),
      category: Type.String(),
      text: Type.String(),
      isKey: Type.Boolean(),
      passTenths: Type.Integer(),
      partialTenths: Type.Integer(),
      failTenths: Type.Integer(),
    }),
  ),
});
export type TemplateView = Static<typeof TemplateView>;
export const TemplateList = Type.Object({ items: Type.Array(TemplateView), total: Type.Integer() });

export const inspectionKindValues = ['routine', 'flying', 're-inspection'] as const;
export const answerResultValues = ['pass', 'partial', 'fail', 'na'] as const;
export const outcomeValues = ['compliant', 'basically-compliant', 'non-compliant'] as const;

/** Longest data URL accepted by the schema: a little over 5 MB in base64, so the service can name the field. */
export const inspectionFileDataUrlMax = 7_200_000;

export const CreateInspectionBody = Type.Object(
  {
    entityId: Id,
    templateId: Type.Optional(Id),
    kind: Type.Enum(inspectionKindValues),
    inspectedOn: Type.Optional(IsoDate),
    inspectorIds: Type.Array(Id, { minItems: 2, maxItems: 10 }),
    answers: Type.Array(
      Type.Object(
        { itemId: Id, result: Type.Enum(answerResultValues), note: Type.Optional(Type.String({ maxLength: 300 })) },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
    remarks: Type.Optional(Type.String({ maxLength: 1000 })),
    rectification: Type.Optional(
      Type.Object({ deadline: IsoDate, requirements: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
    ),
    rectificationOrderId: Type.Optional(Id),
    /** Typed names, stamped with the server time on save. */
    inspectorSignature: Type.String({ minLength: 1, maxLength: 50 }),
    operatorSignature: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    operatorRefused: Type.Optional(Type.Boolean()),
    /** Generated by the client once per submission; resending the same key returns the inspection already saved. */
    idempotencyKey: Type.Optional(Type.String({ format: 'uuid' })),
    /**
     * Photos taken during the inspection, as `data:image/jpeg|png;base64,…` URLs (the phone downscales them to
     * about 1600 px), saved with the inspection in the same transaction. The server checks the first bytes and
     * at most 5 MB each; the schema only bounds the text.
     */
    photos: Type.Optional(
      Type.Array(
        Type.Object(
          { itemId: Type.Optional(Id), dataUrl: Type.String({ minLength: 1, maxLength: inspectionFileDataUrlMax }) },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
    /** Drawn signatures (PNG data URLs from the signature pad), beside the typed names. */
    inspectorSignatureImage: Type.Optional(Type.String({ minLength: 1, maxLength: inspectionFileDataUrlMax })),
    operatorSignatureImage: Type.Optional(Type.String({ minLength: 1, maxLength: inspectionFileDataUrlMax })),
  },
  { additionalProperties: false },
);
export type CreateInspectionBody = Static<typeof CreateInspectionBody>;

export const InspectionView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  streetCode: Type.String(),
  templateId: Type.Integer(),
  kind: Type.Enum(inspectionKindValues),
  inspectedOn: Type.String(),
  inspectorIds: Type.Array(Type.Integer()),
  itemsInspected: Type.Integer(),
  scoreTenths: NullableInt,
  failedKeyItems: Type.Integer(),
  dynamicGrade: NullableString,
  outcome: Type.Enum(outcomeValues),
  remarks: Type.String(),
  inspectorSignature: Type.String(),
  operatorSignature: NullableString,
  operatorRefused: Type.Boolean(),
  signedAt: Type.String(),
  rectificationOrderId: NullableInt,
  answers: Type.Optional(Type.Array(Type.Object({ itemId: Type.Integer(), result: Type.String(), note: Type.String() }))),
  /** Photos and drawn signatures (without content; download each from /food-inspections/:id/files/:fileId). */
  files: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.Integer(),
        kind: Type.Enum(['photo', 'inspector-signature', 'operator-signature'] as const),
        itemId: NullableInt,
        contentType: Type.String(),
        size: Type.Integer(),
      }),
    ),
  ),
  rectification: Type.Optional(
    Type.Union([
      Type.Object({
        id: Type.Integer(),
        deadline: Type.String(),
        requirements: Type.String(),
        closedOn: NullableString,
        outcome: NullableString,
      }),
      Type.Null(),
    ]),
  ),
});
export type InspectionView = Static<typeof InspectionView>;
export const InspectionList = Type.Object({ items: Type.Array(InspectionView), total: Type.Integer() });
export const InspectionQuery = Type.Object(
  { entityId: Type.Optional(Id), inspectorId: Type.Optional(Id), from: Type.Optional(IsoDate), to: Type.Optional(IsoDate), ...Paging },
  { additionalProperties: false },
);
export type InspectionQuery = Static<typeof InspectionQuery>;

export const RectificationQuery = Type.Object(
  { entityId: Type.Optional(Id), isOpen: Type.Optional(Type.Boolean()), ...Paging },
  { additionalProperties: false },
);
export const RectificationList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      entityId: Type.Integer(),
      inspectionId: Type.Integer(),
      deadline: Type.String(),
      requirements: Type.String(),
      closedOn: NullableString,
      outcome: NullableString,
      isOverdue: Type.Boolean(),
    }),
  ),
  total: Type.Integer(),
});

export const DueQuery = Type.Object(
  { state: Type.Enum(['overdue', 'due'] as const, { default: 'due' }), stationId: Type.Optional(Id), ...Paging },
  { additionalProperties: false },
);
export type DueQuery = Static<typeof DueQuery>;
export const DueView = Type.Object({
  entityId: Type.Integer(),
  entityName: Type.String(),
  address: Type.String(),
  streetCode: Type.String(),
  riskGrade: Type.String(),
  dynamicGrade: NullableString,
  lastInspectedOn: NullableString,
  nextDueOn: Type.String(),
  state: Type.Enum(['overdue', 'due-soon', 'scheduled'] as const),
});
export type DueView = Static<typeof DueView>;
export const DueList = Type.Object({ items: Type.Array(DueView), total: Type.Integer() });

export const GradeView = Type.Object({
  entityId: Type.Integer(),
  entityName: Type.String(),
  grade: Type.Union([
    Type.Object({
      dynamicGrade: NullableString,
      dynamicScoreTenths: NullableInt,
      blackoutReason: NullableString,
      annualGrade: NullableString,
      annualMeanTenths: NullableInt,
      riskGrade: Type.String(),
      riskPoints: Type.Integer(),
      lastInspectedOn: NullableString,
      lastOutcome: NullableString,
      nextDueOn: Type.String(),
      ruleSetId: Type.String(),
    }),
    Type.Null(),
  ]),
  history: Type.Array(
    Type.Object({
      id: Type.Integer(),
      changedOn: Type.String(),
      dynamicGrade: NullableString,
      annualGrade: NullableString,
      riskGrade: Type.String(),
      nextDueOn: Type.String(),
      reason: Type.String(),
      inspectionId: NullableInt,
    }),
  ),
});

export const ConflictBody = Type.Object(
  { entityId: Id, reason: Type.String({ minLength: 2, maxLength: 200 }) },
  { additionalProperties: false },
);
export const ConflictView = Type.Object({ entityId: Type.Integer(), inspectorId: Type.Integer(), reason: Type.String() });

// ── Stage 3b: supervision data comparison ─────────────────────────────────────────────────────────
export const comparisonRuleValues = [
  'staff-certificate',
  'licence-invalid',
  'upload-contradicts-registry',
  'rectification-overdue',
  'person-at-too-many-shops',
  'cancelled-entity-active',
] as const;
export const findingStatusValues = ['open', 'handled', 'dismissed', 'resolved'] as const;
export const FindingQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(findingStatusValues)),
    rule: Type.Optional(Type.Enum(comparisonRuleValues)),
    entityId: Type.Optional(Id),
    stationId: Type.Optional(Id),
    ...Paging,
  },
  { additionalProperties: false },
);
export type FindingQuery = Static<typeof FindingQuery>;
export const FindingView = Type.Object({
  id: Type.Integer(),
  rule: Type.Enum(comparisonRuleValues),
  key: Type.String(),
  entityId: Type.Integer(),
  streetCode: Type.String(),
  stationId: NullableInt,
  detail: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
  status: Type.Enum(findingStatusValues),
  openedOn: Type.String(),
  closedOn: NullableString,
  handleReason: NullableString,
});
export type FindingView = Static<typeof FindingView>;
export const FindingList = Type.Object({ items: Type.Array(FindingView), total: Type.Integer() });
export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });
export const ComparisonRunList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      trigger: Type.String(),
      runOn: Type.String(),
      entities: Type.Integer(),
      opened: Type.Integer(),
      resolved: Type.Integer(),
    }),
  ),
  total: Type.Integer(),
});

// ── Stage 4: operator portal ──────────────────────────────────────────────────────────────────────
export const UploadBody = Type.Object(
  {
    entityId: Id,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    address: Type.String({ minLength: 1, maxLength: 200 }),
    licenceNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    openingHours: Type.Optional(Type.String({ maxLength: 100 })),
    seats: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    /** Square metres, two decimals at most. */
    kitchenAreaM2: Type.Optional(Type.Number({ minimum: 0, maximum: 100000, multipleOf: 0.01 })),
    personInCharge: Type.Optional(Type.String({ maxLength: 50 })),
    supplySources: Type.Optional(Type.String({ maxLength: 1000 })),
    photos: Type.Optional(
      Type.Array(
        Type.Object(
          { kind: Type.Enum(['licence', 'kitchen', 'dining-room'] as const), dataUrl: Type.String({ maxLength: 700_000 }) },
          { additionalProperties: false },
        ),
        { maxItems: 6 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type UploadBody = Static<typeof UploadBody>;
export const uploadStatusValues = ['submitted', 'approved', 'returned', 'superseded'] as const;
export const UploadView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  version: Type.Integer(),
  status: Type.Enum(uploadStatusValues),
  name: Type.String(),
  address: Type.String(),
  licenceNumber: NullableString,
  openingHours: Type.String(),
  seats: NullableInt,
  kitchenAreaM2: NullableString,
  personInCharge: Type.String(),
  supplySources: Type.String(),
  photos: Type.Array(Type.Object({ kind: Type.String(), dataUrl: Type.String() })),
  submittedAt: Type.String(),
  reviewReason: NullableString,
  differences: Type.Array(Type.Object({ field: Type.String(), uploaded: Type.String(), registered: NullableString })),
});
export const UploadList = Type.Object({ items: Type.Array(UploadView), total: Type.Integer() });
export const UploadQuery = Type.Object(
  { entityId: Type.Optional(Id), status: Type.Optional(Type.Enum(uploadStatusValues)), ...Paging },
  { additionalProperties: false },
);
export const ReturnBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });

export const AppealBody = Type.Object(
  {
    inspectionId: Id,
    grounds: Type.String({ minLength: 4, maxLength: 2000 }),
    /** The operator's right to reply, published beside the grade. */
    operatorReply: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type AppealBody = Static<typeof AppealBody>;
export const DecideAppealBody = Type.Object(
  { outcome: Type.Enum(['upheld', 'rejected'] as const), reason: Type.String({ minLength: 2, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type DecideAppealBody = Static<typeof DecideAppealBody>;
export const AppealView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  inspectionId: Type.Integer(),
  grounds: Type.String(),
  operatorReply: Type.String(),
  status: Type.Enum(['open', 'upheld', 'rejected'] as const),
  officerId: NullableInt,
  outcomeReason: NullableString,
  submittedOn: Type.String(),
  decidedOn: NullableString,
});
export const AppealList = Type.Object({ items: Type.Array(AppealView), total: Type.Integer() });
export const AppealQuery = Type.Object(
  { status: Type.Optional(Type.Enum(['open', 'upheld', 'rejected'] as const)), ...Paging },
  { additionalProperties: false },
);
export const ReinspectionBody = Type.Object(
  { rectificationOrderId: Id, statement: Type.String({ minLength: 4, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type ReinspectionBody = Static<typeof ReinspectionBody>;
export const ReinspectionView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  rectificationOrderId: Type.Integer(),
  statement: Type.String(),
  status: Type.String(),
  requestedOn: Type.String(),
});
export const ReinspectionList = Type.Object({ items: Type.Array(ReinspectionView), total: Type.Integer() });
export const PagingQuery = Type.Object({ ...Paging }, { additionalProperties: false });

// ── Operator self-registration 经营者自助注册 (signed out → station approves) ──────────────────────
export const RegistrationBody = Type.Object(
  {
    creditCode: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$' }),
    licenceNumber: Type.String({ minLength: 1, maxLength: 64 }),
    applicantName: Type.String({ minLength: 1, maxLength: 50 }),
    phone: Type.String({ pattern: '^1[3-9][0-9]{9}$' }),
    username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,39}$' }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);
export type RegistrationBody = Static<typeof RegistrationBody>;
export const RegistrationReceipt = Type.Object({ id: Type.Integer(), status: Type.Literal('pending') });

export const applicationStatusValues = ['pending', 'approved', 'rejected'] as const;
export const ApplicationQuery = Type.Object(
  { ...Paging, status: Type.Optional(Type.Enum(applicationStatusValues)) },
  { additionalProperties: false },
);
export type ApplicationQuery = Static<typeof ApplicationQuery>;
export const ApplicationView = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityName: Type.String(),
  creditCode: Type.String(),
  streetCode: Type.String(),
  applicantName: Type.String(),
  phoneMasked: Type.String(),
  username: Type.String(),
  /** The username is an existing operator account: approval binds the shop to it instead of creating one. */
  bindsExistingAccount: Type.Boolean(),
  status: Type.Enum(applicationStatusValues),
  rejectReason: NullableString,
  userId: NullableInt,
  createdAt: Type.String(),
  decidedAt: NullableString,
});
export type ApplicationView = Static<typeof ApplicationView>;
export const ApplicationList = Type.Object({ items: Type.Array(ApplicationView), total: Type.Integer() });
export const PhoneView = Type.Object({ phone: Type.String() });

export const InspectionFileParams = Type.Object(
  {
    id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    fileId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  },
  { additionalProperties: false },
);
export type InspectionFileParams = Static<typeof InspectionFileParams>;
