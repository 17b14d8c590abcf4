import type { FastifyRequest } from 'fastify';
import { bureauStaffRoles, caseWorkerAndOperatorRoles, caseWorkerRoles, settingsRoles } from '../../../shared/roles.ts';
import { actorContextOf, contextOf } from '../../platform/http/context.ts';
import { IdParams, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { html, publicLanguage, publicPage } from '../../platform/public-html/html.ts';
import {
  createEvaluation,
  criteriaToday,
  decideAppeal,
  districtSnapshots,
  fileAppeal,
  getAppeal,
  listAppeals,
  listEvaluations,
  listSnapshots,
  membershipsToday,
  publishSnapshot,
  saveCriteria,
} from './service/workshops.ts';
import {
  AppealBody,
  AppealDecisionBody,
  AppealList,
  AppealViewSchema,
  CriteriaBody,
  CriteriaViewSchema,
  EvaluationBody,
  EvaluationList,
  EvaluationQuery,
  EvaluationViewSchema,
  MembershipList,
  PagingOnly,
  PublicListParams,
  PublicListQuery,
  SnapshotBody,
  SnapshotList,
  SnapshotViewSchema,
} from './workshops.schemas.ts';

const tags = ['workshops'];
const staff = requireRole(...bureauStaffRoles);

export const workshopRoutes: RoutePlugin = async (app, platform) => {
  const ctx = (request: FastifyRequest) => actorContextOf(platform, request);
  app.get('/api/v1/workshops/criteria', { schema: { tags, response: { 200: CriteriaViewSchema } }, preHandler: requireRole() }, (request) =>
    criteriaToday(ctx(request)),
  );
  app.post(
    '/api/v1/workshops/criteria',
    { schema: { tags, body: CriteriaBody, response: { 201: CriteriaViewSchema } }, preHandler: requireRole(...settingsRoles) },
    async (request, reply) => reply.status(201).send(await saveCriteria(ctx(request), request.body)),
  );
  app.post(
    '/api/v1/workshops/evaluations',
    {
      schema: { tags, body: EvaluationBody, response: { 201: EvaluationViewSchema } },
      preHandler: requireRole(...caseWorkerRoles),
    },
    async (request, reply) => reply.status(201).send(await createEvaluation(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/workshops/evaluations',
    { schema: { tags, querystring: EvaluationQuery, response: { 200: EvaluationList } }, preHandler: requireRole() },
    (request) => listEvaluations(ctx(request), request.query),
  );
  app.get('/api/v1/workshops/memberships', { schema: { tags, response: { 200: MembershipList } }, preHandler: staff }, (request) =>
    membershipsToday(ctx(request)),
  );
  app.post(
    '/api/v1/workshops/snapshots',
    { schema: { tags, body: SnapshotBody, response: { 201: SnapshotViewSchema } }, preHandler: requireRole(...settingsRoles) },
    async (request, reply) => reply.status(201).send(await publishSnapshot(ctx(request), request.body)),
  );
  app.get('/api/v1/workshops/snapshots', { schema: { tags, response: { 200: SnapshotList } }, preHandler: requireRole() }, (request) =>
    districtSnapshots(ctx(request)),
  );
  app.post(
    '/api/v1/workshops/appeals',
    {
      schema: { tags, body: AppealBody, response: { 201: AppealViewSchema } },
      // The operator appeals for their own workshop; staff may enter one received on paper. A leader only reads.
      preHandler: requireRole(...caseWorkerAndOperatorRoles),
    },
    async (request, reply) => reply.status(201).send(await fileAppeal(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/workshops/appeals',
    { schema: { tags, querystring: PagingOnly, response: { 200: AppealList } }, preHandler: requireRole() },
    (request) => listAppeals(ctx(request), request.query),
  );
  app.get(
    '/api/v1/workshops/appeals/:id',
    { schema: { tags, params: IdParams, response: { 200: AppealViewSchema } }, preHandler: requireRole() },
    (request) => getAppeal(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/workshops/appeals/:id/decision',
    {
      schema: { tags, params: IdParams, body: AppealDecisionBody, response: { 200: AppealViewSchema } },
      preHandler: requireRole(...settingsRoles),
    },
    (request) => decideAppeal(ctx(request), request.params.id, request.body),
  );
  // Public: the published lists of a district, newest first (immutable snapshots).
  app.get(
    '/public/workshop-lists/:district',
    {
      schema: { hide: true, params: PublicListParams, querystring: PublicListQuery },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const language = publicLanguage(request.query, request.headers['accept-language']);
      const { district } = request.params;
      const snapshots = (await listSnapshots(contextOf(platform, request), district)).slice(0, 12);
      const en = language === 'en';
      const body = snapshots.length
        ? html`${snapshots.map(
            (
              snapshot,
            ) => html`<section><h2>${snapshot.period} ${en ? 'lists' : '红黑榜'}</h2><p class="muted">${en ? 'Published' : '发布日期'} ${snapshot.publishedOn}</p>
<table>${snapshot.entries.map((entry) => html`<tr><td>${entry.list === 'red' ? (en ? 'Red' : '红榜') : en ? 'Black' : '黑榜'}</td><td>${entry.name}</td><td class="muted">${entry.reasons.map((reason) => reason[language]).join('；')}</td></tr>`)}</table></section>`,
          )}`
        : html`<section><p>${en ? 'No lists published yet.' : '尚未发布红黑榜。'}</p></section>`;
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(
          publicPage({
            language,
            title: en ? 'Small food workshops: red and black lists' : '食品小作坊红黑榜',
            body,
            path: `/public/workshop-lists/${district}`,
          }),
        );
    },
  );
};
