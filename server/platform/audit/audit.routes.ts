import { Type } from 'typebox';
import { actorContextOf } from '../http/context.ts';
import { listOf, NoBody, PagingQuery, type RoutePlugin, requireRole } from '../http/routes.ts';
import { searchAudit, verifyAuditChain } from './audit.service.ts';

const AuditQuery = Type.Object(
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

const AuditEventView = Type.Object({
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

const ChainReportView = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBroken: Type.Optional(Type.Object({ districtCode: Type.String(), seq: Type.Integer(), reason: Type.String() })),
});

export const auditRoutes: RoutePlugin = (app, platform) => {
  app.get(
    '/api/v1/audit',
    { preHandler: requireRole('admin'), schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: listOf(AuditEventView) } } },
    async (request) => {
      const page = await searchAudit(actorContextOf(platform, request), request.query);
      return { items: page.items.map((event) => ({ ...event, at: event.at.toISOString() })), total: page.total };
    },
  );
  app.post(
    '/api/v1/audit/verify',
    { preHandler: requireRole('admin'), schema: { tags: ['audit'], body: NoBody, response: { 200: ChainReportView } } },
    (request) => {
      const ctx = actorContextOf(platform, request);
      return verifyAuditChain(ctx.db, ctx.crypto, { districtCodes: ctx.actor.districtCodes });
    },
  );
};
