import { actorContextOf } from '../http/context.ts';
import { listOf, NoBody, type RoutePlugin, requireRole } from '../http/routes.ts';
import { AuditEventView, AuditQuery, ChainReportView } from './audit.schemas.ts';
import { searchAudit, verifyAuditChain } from './audit.service.ts';
import { anchorFileOf, readAnchors } from './audit-anchors.ts';

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
      return verifyAuditChain(ctx.db, ctx.crypto, {
        districtCodes: ctx.actor.districtCodes,
        anchors: readAnchors(anchorFileOf(platform.config)),
      });
    },
  );
};
