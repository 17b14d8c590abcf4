import { readFileSync } from 'node:fs';
import { Type } from 'typebox';
import { districtWideRoles, settingsRoles } from '../../../shared/roles.ts';
import { actorContextOf } from '../../platform/http/context.ts';
import { type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { IdParams, NoBody, NoContent } from '../../platform/http/schemas.ts';
import { publicLanguage } from '../../platform/public-html/html.ts';
import { drawNotFound } from './random-inspections.errors.ts';
import {
  AlertList,
  CommitDrawBody,
  ConflictBody,
  ConflictList,
  ConflictView,
  CreditClassSummary,
  DirectoryObjectList,
  DrawDocumentSchema,
  DrawView,
  InspectorCertificateBody,
  InspectorList,
  InspectorView,
  MatterBody,
  MatterList,
  MatterView,
  ObjectDirectoryQuery,
  PlanBody,
  PlanList,
  PlanListQuery,
  PlanView,
  SeedBody,
  TaskList,
  TaskListQuery,
  TaskResultBody,
  TaskView,
} from './random-inspections.schemas.ts';
import {
  creditClassSummary,
  declareConflict,
  listConflicts,
  listDirectoryObjects,
  listInspectors,
  removeConflict,
  setInspectorCertificate,
} from './service/directories.ts';
import { commitDraw, drawDocumentForStaff, executeDraw, getDraw, publishDraw, seedDraw } from './service/draws.ts';
import { createMatter, createPlan, getPlan, listMatters, listPlans } from './service/plans.ts';
import { publicDrawDocument, renderPublicDraw, renderPublicIndex, renderVerifyPage } from './service/public-pages.ts';
import { getTask, listAlerts, listTaskItems, publishTaskResult, recordTaskResult } from './service/tasks.ts';

const readers = districtWideRoles;
const managers = settingsRoles;
const prefix = '/api/v1/random-inspections';
const tags = ['random-inspections'];
const verifierScript = readFileSync(new URL('./verifier/draw-verifier.js', import.meta.url), 'utf8');
const verifyPageScript = readFileSync(new URL('./verifier/verify-page.js', import.meta.url), 'utf8');
const RefParams = Type.Object({ ref: Type.String({ pattern: '^[0-9]{6}-[0-9]{1,15}$' }) }, { additionalProperties: false });
const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 8 })) }, { additionalProperties: false });
const PublicIndexQuery = Type.Object(
  { lang: Type.Optional(Type.String({ maxLength: 8 })), district: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })) },
  { additionalProperties: false },
);

/** 双随机、一公开: directories, credit classes, plans, the draw ceremony, tasks, results, public pages. */
export const randomInspectionRoutes: RoutePlugin = (app, platform) => {
  const ctx = (request: Parameters<typeof actorContextOf>[1]) => actorContextOf(platform, request);

  // Directories and credit classes.
  app.get(`${prefix}/inspectors`, { preHandler: requireRole(...readers), schema: { tags, response: { 200: InspectorList } } }, (request) =>
    listInspectors(ctx(request)),
  );
  app.put(
    `${prefix}/inspectors/:id`,
    {
      preHandler: requireRole(...managers),
      schema: { tags, params: IdParams, body: InspectorCertificateBody, response: { 200: InspectorView } },
    },
    (request) => setInspectorCertificate(ctx(request), request.params.id, request.body),
  );
  app.get(
    `${prefix}/objects`,
    { preHandler: requireRole(...readers), schema: { tags, querystring: ObjectDirectoryQuery, response: { 200: DirectoryObjectList } } },
    (request) => listDirectoryObjects(ctx(request), request.query),
  );
  app.get(
    `${prefix}/credit-classes`,
    { preHandler: requireRole(...readers), schema: { tags, response: { 200: CreditClassSummary } } },
    (request) => creditClassSummary(ctx(request)),
  );
  app.get(`${prefix}/conflicts`, { preHandler: requireRole(...readers), schema: { tags, response: { 200: ConflictList } } }, (request) =>
    listConflicts(ctx(request)),
  );
  app.post(
    `${prefix}/conflicts`,
    { preHandler: requireRole(...managers), schema: { tags, body: ConflictBody, response: { 201: ConflictView } } },
    async (request, reply) => reply.code(201).send(await declareConflict(ctx(request), request.body)),
  );
  app.delete(
    `${prefix}/conflicts/:id`,
    { preHandler: requireRole(...managers), schema: { tags, params: IdParams, response: { 204: NoContent } } },
    async (request, reply) => {
      await removeConflict(ctx(request), request.params.id);
      return reply.code(204).send();
    },
  );

  // Matters and plans.
  app.get(`${prefix}/matters`, { preHandler: requireRole(...readers), schema: { tags, response: { 200: MatterList } } }, (request) =>
    listMatters(ctx(request)),
  );
  app.post(
    `${prefix}/matters`,
    { preHandler: requireRole(...managers), schema: { tags, body: MatterBody, response: { 201: MatterView } } },
    async (request, reply) => reply.code(201).send(await createMatter(ctx(request), request.body)),
  );
  app.get(
    `${prefix}/plans`,
    { preHandler: requireRole(...readers), schema: { tags, querystring: PlanListQuery, response: { 200: PlanList } } },
    (request) => listPlans(ctx(request), request.query),
  );
  app.post(
    `${prefix}/plans`,
    { preHandler: requireRole(...managers), schema: { tags, body: PlanBody, response: { 201: PlanView } } },
    async (request, reply) => reply.code(201).send(await createPlan(ctx(request), request.body)),
  );
  app.get(
    `${prefix}/plans/:id`,
    { preHandler: requireRole(...readers), schema: { tags, params: IdParams, response: { 200: PlanView } } },
    (request) => getPlan(ctx(request), request.params.id),
  );

  // The draw ceremony: commit → seed → draw → publish.
  app.post(
    `${prefix}/plans/:id/draws`,
    { preHandler: requireRole(...managers), schema: { tags, params: IdParams, body: CommitDrawBody, response: { 201: DrawView } } },
    async (request, reply) => reply.code(201).send(await commitDraw(ctx(request), request.params.id, request.body)),
  );
  app.get(
    `${prefix}/draws/:id`,
    { preHandler: requireRole(...readers), schema: { tags, params: IdParams, response: { 200: DrawView } } },
    (request) => getDraw(ctx(request), request.params.id),
  );
  app.get(
    `${prefix}/draws/:id/document`,
    { preHandler: requireRole(...readers), schema: { tags, params: IdParams, response: { 200: DrawDocumentSchema } } },
    (request) => drawDocumentForStaff(ctx(request), request.params.id),
  );
  app.post(
    `${prefix}/draws/:id/seed`,
    { preHandler: requireRole(...managers), schema: { tags, params: IdParams, body: SeedBody, response: { 200: DrawView } } },
    (request) => seedDraw(ctx(request), request.params.id, request.body),
  );
  app.post(
    `${prefix}/draws/:id/run`,
    { preHandler: requireRole(...managers), schema: { tags, params: IdParams, body: NoBody, response: { 200: DrawView } } },
    (request) => executeDraw(ctx(request), request.params.id),
  );
  app.post(
    `${prefix}/draws/:id/publish`,
    { preHandler: requireRole(...managers), schema: { tags, params: IdParams, body: NoBody, response: { 200: DrawView } } },
    (request) => publishDraw(ctx(request), request.params.id),
  );

  // Tasks, results, publication.
  app.get(
    `${prefix}/tasks`,
    { preHandler: requireRole(...readers, 'inspector'), schema: { tags, querystring: TaskListQuery, response: { 200: TaskList } } },
    (request) => listTaskItems(ctx(request), request.query),
  );
  app.get(
    `${prefix}/tasks/:id`,
    { preHandler: requireRole(...readers, 'inspector'), schema: { tags, params: IdParams, response: { 200: TaskView } } },
    (request) => getTask(ctx(request), request.params.id),
  );
  app.post(
    `${prefix}/tasks/:id/result`,
    {
      preHandler: requireRole(...managers, 'inspector'),
      schema: { tags, params: IdParams, body: TaskResultBody, response: { 200: TaskView } },
    },
    (request) => recordTaskResult(ctx(request), request.params.id, request.body),
  );
  app.post(
    `${prefix}/tasks/:id/publish`,
    { preHandler: requireRole(...managers), schema: { tags, params: IdParams, body: NoBody, response: { 200: TaskView } } },
    (request) => publishTaskResult(ctx(request), request.params.id),
  );
  app.get(`${prefix}/alerts`, { preHandler: requireRole(...readers), schema: { tags, response: { 200: AlertList } } }, (request) =>
    listAlerts(ctx(request)),
  );

  // Public side (no login): plans, draws with their verification data, results; the standalone verifier.
  app.get('/public/random-inspections', { schema: { hide: true, querystring: PublicIndexQuery } }, async (request, reply) => {
    const language = publicLanguage(request.query, request.headers['accept-language']);
    const page = await renderPublicIndex(platform.database.db, request.query.district ?? platform.config.ZHIJIAN_DISTRICT_CODE, language);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60').send(page);
  });
  app.get(
    '/public/draws/verify',
    { schema: { hide: true, querystring: Type.Object({ lang: Type.Optional(Type.String()), ref: Type.Optional(Type.String()) }) } },
    (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(renderVerifyPage(publicLanguage(request.query, request.headers['accept-language']))),
  );
  app.get('/public/draws/draw-verifier.js', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(verifierScript),
  );
  app.get('/public/draws/verify-page.js', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(verifyPageScript),
  );
  app.get('/public/draws/:ref', { schema: { hide: true, params: RefParams, querystring: LangQuery } }, async (request, reply) => {
    const page = await renderPublicDraw(
      platform.database.db,
      request.params.ref,
      publicLanguage(request.query, request.headers['accept-language']),
    );
    if (!page) throw drawNotFound();
    return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60').send(page);
  });
  app.get('/public/draws/:ref/verification.json', { schema: { hide: true, params: RefParams } }, async (request, reply) => {
    const document = await publicDrawDocument(platform.database.db, request.params.ref);
    if (!document) throw drawNotFound();
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="draw-${request.params.ref}.json"`)
      .header('cache-control', 'public, max-age=60')
      .send(JSON.stringify(document));
  });
};
