import { Type } from 'typebox';
import { actorContextOf, contextOf } from '../../platform/http/context.ts';
import { IdParams, PagingQuery, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { html, publicLanguage, publicPage } from '../../platform/public-html/html.ts';
import {
  createEvaluation,
  criteriaInForce,
  currentMemberships,
  decideAppeal,
  fileAppeal,
  getAppeal,
  listAppeals,
  listEvaluations,
  listSnapshots,
  publishSnapshot,
  saveCriteria,
} from './service/workshops.ts';

const DateString = Type.String({ format: 'date' });
const Item = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z_]{1,40}$' }),
    zh: Type.String({ minLength: 1, maxLength: 100 }),
    en: Type.String({ minLength: 1, maxLength: 100 }),
    critical: Type.Boolean(),
  },
  { additionalProperties: false },
);
const Criteria = Type.Object(
  {
    items: Type.Array(Item, { minItems: 1, maxItems: 40 }),
    redMinPercent: Type.Integer({ minimum: 0, maximum: 100 }),
    blackBelowPercent: Type.Integer({ minimum: 0, maximum: 100 }),
    evaluationValidMonths: Type.Integer({ minimum: 1, maximum: 36 }),
  },
  { additionalProperties: false },
);
const chinaDay = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export const workshopRoutes: RoutePlugin = async (app, platform) => {
  app.get('/api/v1/workshops/criteria', { preHandler: requireRole() }, async (request) => {
    const ctx = actorContextOf(platform, request);
    return criteriaInForce(ctx, ctx.actor.districtCode, chinaDay(ctx.clock.now()));
  });
  app.post(
    '/api/v1/workshops/criteria',
    {
      schema: { body: Type.Object({ effectiveFrom: DateString, criteria: Criteria }, { additionalProperties: false }) },
      preHandler: requireRole('admin', 'section'),
    },
    async (request, reply) => reply.status(201).send(await saveCriteria(actorContextOf(platform, request), request.body)),
  );
  app.post(
    '/api/v1/workshops/evaluations',
    {
      schema: {
        body: Type.Object(
          {
            entityId: Type.Integer({ minimum: 1 }),
            evaluatedOn: DateString,
            answers: Type.Record(Type.String(), Type.Boolean()),
            note: Type.String({ maxLength: 1000, default: '' }),
          },
          { additionalProperties: false },
        ),
      },
      preHandler: requireRole('inspector', 'section', 'admin'),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createEvaluation(
            actorContextOf(platform, request),
            request.body as { entityId: number; evaluatedOn: string; answers: Record<string, boolean>; note: string },
          ),
        ),
  );
  app.get(
    '/api/v1/workshops/evaluations',
    {
      schema: {
        querystring: Type.Object(
          { ...PagingQuery, entityId: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
      },
      preHandler: requireRole(),
    },
    async (request) =>
      listEvaluations(actorContextOf(platform, request), request.query as { entityId?: number; page: number; pageSize: number }),
  );
  app.get('/api/v1/workshops/memberships', { preHandler: requireRole('admin', 'leader', 'section', 'inspector') }, async (request) => {
    const ctx = actorContextOf(platform, request);
    const streets = ctx.actor.isDistrictWide ? undefined : ctx.actor.streetCodes;
    const items = await currentMemberships(ctx, ctx.actor.districtCode, chinaDay(ctx.clock.now()), streets);
    return { items, total: items.length };
  });
  app.post(
    '/api/v1/workshops/snapshots',
    {
      schema: { body: Type.Object({ period: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }) }, { additionalProperties: false }) },
      preHandler: requireRole('admin', 'section'),
    },
    async (request, reply) => reply.status(201).send(await publishSnapshot(actorContextOf(platform, request), request.body)),
  );
  app.get('/api/v1/workshops/snapshots', { preHandler: requireRole() }, async (request) => {
    const ctx = actorContextOf(platform, request);
    const items = await listSnapshots(ctx, ctx.actor.districtCode);
    return { items, total: items.length };
  });
  app.post(
    '/api/v1/workshops/appeals',
    {
      schema: {
        body: Type.Object(
          {
            entityId: Type.Integer({ minimum: 1 }),
            snapshotId: Type.Optional(Type.Integer({ minimum: 1 })),
            reason: Type.String({ minLength: 2, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
      },
      preHandler: requireRole(),
    },
    async (request, reply) => reply.status(201).send(await fileAppeal(actorContextOf(platform, request), request.body)),
  );
  app.get(
    '/api/v1/workshops/appeals',
    { schema: { querystring: Type.Object(PagingQuery, { additionalProperties: false }) }, preHandler: requireRole() },
    async (request) => listAppeals(actorContextOf(platform, request), request.query as { page: number; pageSize: number }),
  );
  app.get('/api/v1/workshops/appeals/:id', { schema: { params: IdParams }, preHandler: requireRole() }, async (request) =>
    getAppeal(actorContextOf(platform, request), request.params.id),
  );
  app.post(
    '/api/v1/workshops/appeals/:id/decision',
    {
      schema: {
        params: IdParams,
        body: Type.Object(
          { status: Type.Enum(['upheld', 'rejected'] as const), decisionNote: Type.String({ maxLength: 2000 }) },
          { additionalProperties: false },
        ),
      },
      preHandler: requireRole('admin', 'section'),
    },
    async (request) =>
      decideAppeal(
        actorContextOf(platform, request),
        request.params.id,
        request.body as { status: 'upheld' | 'rejected'; decisionNote: string },
      ),
  );
  // Public: the published lists of a district, newest first (immutable snapshots).
  app.get(
    '/public/workshop-lists/:district',
    {
      schema: { hide: true, params: Type.Object({ district: Type.String({ pattern: '^[0-9]{6}$' }) }) },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const language = publicLanguage(request.query as { lang?: string }, request.headers['accept-language']);
      const district = (request.params as { district: string }).district;
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
