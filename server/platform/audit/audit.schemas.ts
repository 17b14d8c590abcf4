import { type Static, Type } from 'typebox';
import { PagingQuery } from '../http/schemas.ts';

export const AuditQuery = Type.Object(
  {
    action: Type.Optional(Type.String({ maxLength: 60 })),
    username: Type.Optional(Type.String({ maxLength: 60 })),
    objectType: Type.Optional(Type.String({ maxLength: 40 })),
    objectId: Type.Optional(Type.String({ maxLength: 40 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    ...PagingQuery,
  },
  { additionalProperties: false },
);

export const AuditEventView = Type.Object({
  districtCode: Type.String(),
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  actorRoles: Type.Array(Type.String()),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
});

const BrokenLinkView = Type.Object({ districtCode: Type.String(), seq: Type.Integer(), reason: Type.String() });

export const ChainReportView = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  /** Every broken link (the first 100); brokenCount counts them all. */
  broken: Type.Array(BrokenLinkView),
  brokenCount: Type.Integer(),
});

export type AuditEventView = Static<typeof AuditEventView>;
export type ChainReportView = Static<typeof ChainReportView>;
