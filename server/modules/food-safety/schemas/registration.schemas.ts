/** Operator self-registration 经营者自助注册 (signed out → the station approves) and inspection file parameters. */
import { type Static, Type } from 'typebox';
import { applicationStatuses } from '../../../../shared/vocabularies/food-safety.ts';
import { PagingQuery } from '../../../platform/http/schemas.ts';
import { NullableInt, NullableString } from './fields.schemas.ts';

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

export const ApplicationQuery = Type.Object(
  { ...PagingQuery, status: Type.Optional(Type.Enum(applicationStatuses)) },
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
  status: Type.Enum(applicationStatuses),
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
