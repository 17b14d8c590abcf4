import { type Static, Type } from 'typebox';
import { RoleSchema } from '../auth/auth.schemas.ts';
import { PagingQuery } from '../http/schemas.ts';

const Username = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,39}$', description: 'lower-case letters, digits, . _ -; 3–40 characters' });
const DisplayName = Type.String({ minLength: 1, maxLength: 60 });
const Roles = Type.Array(RoleSchema, { minItems: 1, maxItems: 10, uniqueItems: true });
const OrgUnitId = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]);
const EntityIds = Type.Array(Type.Integer({ minimum: 1 }), {
  maxItems: 50,
  uniqueItems: true,
  description: 'the market entities an operator or market manager acts for',
});

export const CreateUserBody = Type.Object(
  { username: Username, displayName: DisplayName, roles: Roles, orgUnitId: Type.Optional(OrgUnitId), entityIds: Type.Optional(EntityIds) },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    roles: Type.Optional(Roles),
    orgUnitId: Type.Optional(OrgUnitId),
    entityIds: Type.Optional(EntityIds),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const UserListQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 60 })), role: Type.Optional(RoleSchema), ...PagingQuery },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleSchema),
  orgUnitId: Type.Union([Type.Integer(), Type.Null()]),
  orgUnitName: Type.Union([Type.String(), Type.Null()]),
  isDisabled: Type.Boolean(),
  isLocked: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  entityIds: Type.Array(Type.Integer()),
  createdAt: Type.String({ format: 'date-time' }),
});
export type UserView = Static<typeof UserView>;

export const CreatedUserView = Type.Object({ user: UserView, initialPassword: Type.String() });
export const InitialPasswordView = Type.Object({ initialPassword: Type.String() });
