import { type Static, Type } from 'typebox';
import { roles } from '../../../shared/roles.ts';

export const RoleSchema = Type.Enum(roles);

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const TotpBody = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false });

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const MeView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  districtCode: Type.String(),
  districtName: Type.String(),
  roles: Type.Array(RoleSchema),
  orgUnitId: Type.Union([Type.Integer(), Type.Null()]),
  orgUnitName: Type.Union([Type.String(), Type.Null()]),
  totpEnabled: Type.Boolean(),
  language: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]),
  mustChangePassword: Type.Boolean(),
});
export type MeView = Static<typeof MeView>;

export const SignInResult = Type.Union([
  Type.Object({ status: Type.Literal('signed_in'), user: MeView }),
  Type.Object({ status: Type.Union([Type.Literal('totp_required'), Type.Literal('totp_enrolment_required')]) }),
]);

export const TotpEnrolmentView = Type.Object({
  secret: Type.String(),
  otpauthUri: Type.String(),
  qrSvg: Type.String(),
});
