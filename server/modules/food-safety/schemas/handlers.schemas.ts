/** Food handlers 从业人员, their health certificates, expiry warnings, staff statistics, the shop contact and notices. */
import { type Static, Type } from 'typebox';
import { DateString } from '../../../platform/http/schemas.ts';
import { certificateStates, warningLevels } from '../rules/certificate-state.ts';
import { Id } from './fields.schemas.ts';

export const CertificateStateSchema = Type.Enum(certificateStates);
export const WarningLevelSchema = Type.Enum(warningLevels);

export const CreateHandlerBody = Type.Object(
  {
    entityId: Id,
    name: Type.String({ minLength: 1, maxLength: 50 }),
    idNumber: Type.String({ pattern: '^[1-9][0-9]{16}[0-9Xx]$' }),
    post: Type.Optional(Type.String({ maxLength: 50 })),
    isFullTime: Type.Optional(Type.Boolean()),
    hiredOn: DateString,
  },
  { additionalProperties: false },
);
export type CreateHandlerBody = Static<typeof CreateHandlerBody>;

export const UpdateHandlerBody = Type.Object(
  {
    post: Type.Optional(Type.String({ maxLength: 50 })),
    isFullTime: Type.Optional(Type.Boolean()),
    leftOn: Type.Optional(DateString),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateHandlerBody = Static<typeof UpdateHandlerBody>;

export const CertificateBody = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 64 }),
    institution: Type.String({ minLength: 1, maxLength: 100 }),
    examinedOn: DateString,
    /** When the certificate prints no expiry, the exam date + 1 year − 1 day. */
    validUntil: Type.Optional(DateString),
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
  { date: Type.Optional(DateString), groupBy: Type.Enum(statisticsGroupings, { default: 'street' }) },
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
