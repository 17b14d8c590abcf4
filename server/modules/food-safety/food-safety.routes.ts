import { actorContextOf } from '../../platform/http/context.ts';
import { IdParams, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import {
  CertificateBody,
  ContactBody,
  ContactView,
  CreateHandlerBody,
  HandlerList,
  HandlerQuery,
  HandlerView,
  ImportBody,
  ImportResult,
  NoticeList,
  NoticeQuery,
  RevealBody,
  RevealView,
  StatisticsQuery,
  StatisticsView,
  UpdateHandlerBody,
  WarningList,
  WarningQuery,
} from './food-safety.schemas.ts';
import { listWarnings } from './service/expiry-warnings.ts';
import { addCertificate, createHandler, getHandler, listHandlers, revealIdNumber, updateHandler } from './service/handlers.ts';
import { importHandlers } from './service/import-handlers.ts';
import { listNotices, setShopContact, staffStatistics } from './service/staff-statistics.ts';

const readers = ['admin', 'leader', 'section', 'inspector', 'operator'] as const;
const editors = ['section', 'inspector', 'operator'] as const;

export const foodSafetyRoutes: RoutePlugin = (app, platform) => {
  const ctx = (request: Parameters<typeof actorContextOf>[1]) => actorContextOf(platform, request);
  app.get(
    '/api/v1/food-handlers',
    { schema: { querystring: HandlerQuery, response: { 200: HandlerList } }, preHandler: requireRole(...readers) },
    (request) => listHandlers(ctx(request), request.query),
  );
  app.post(
    '/api/v1/food-handlers',
    { schema: { body: CreateHandlerBody, response: { 201: HandlerView } }, preHandler: requireRole(...editors) },
    async (request, reply) => reply.code(201).send(await createHandler(ctx(request), request.body)),
  );
  app.post(
    '/api/v1/food-handlers/import',
    { schema: { body: ImportBody, response: { 200: ImportResult } }, preHandler: requireRole(...editors), bodyLimit: 1_100_000 },
    (request) => importHandlers(ctx(request), request.body),
  );
  app.get(
    '/api/v1/food-handlers/:id',
    { schema: { params: IdParams, response: { 200: HandlerView } }, preHandler: requireRole(...readers) },
    (request) => getHandler(ctx(request), request.params.id),
  );
  app.patch(
    '/api/v1/food-handlers/:id',
    { schema: { params: IdParams, body: UpdateHandlerBody, response: { 200: HandlerView } }, preHandler: requireRole(...editors) },
    (request) => updateHandler(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/food-handlers/:id/certificates',
    { schema: { params: IdParams, body: CertificateBody, response: { 200: HandlerView } }, preHandler: requireRole(...editors) },
    (request) => addCertificate(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/food-handlers/:id/reveal-id-number',
    { schema: { params: IdParams, body: RevealBody, response: { 200: RevealView } }, preHandler: requireRole('section', 'inspector') },
    (request) => revealIdNumber(ctx(request), request.params.id, request.body.reason),
  );
  app.get(
    '/api/v1/health-certificate-warnings',
    { schema: { querystring: WarningQuery, response: { 200: WarningList } }, preHandler: requireRole(...readers) },
    (request) => listWarnings(ctx(request), request.query),
  );
  app.get(
    '/api/v1/food-handler-statistics',
    {
      schema: { querystring: StatisticsQuery, response: { 200: StatisticsView } },
      preHandler: requireRole('admin', 'leader', 'section', 'inspector'),
    },
    (request) => staffStatistics(ctx(request), request.query),
  );
  app.put(
    '/api/v1/food-safety-contacts',
    { schema: { body: ContactBody, response: { 200: ContactView } }, preHandler: requireRole(...editors) },
    (request) => setShopContact(ctx(request), request.body),
  );
  app.get(
    '/api/v1/food-safety-notices',
    { schema: { querystring: NoticeQuery, response: { 200: NoticeList } }, preHandler: requireRole('operator') },
    (request) => listNotices(ctx(request), request.query),
  );
};
