import type { FastifyRequest } from 'fastify';
import { bureauStaffRoles, caseWorkerRoles, settingsRoles, staffAndOperatorRoles } from '../../../shared/roles.ts';
import { actorContextOf, contextOf } from '../../platform/http/context.ts';
import { fileResponse, IdParams, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { html, publicLanguage, publicPage } from '../../platform/public-html/html.ts';
import {
  DecisionBody,
  HolidayList,
  PublicParams,
  PublicQuery,
  SettingsBody,
  SettingsView,
  UnitBody,
  UnitList,
  UnitQuery,
  UnitView,
  WarningBody,
  WarningList,
  WarningView,
  YearlyReviewBody,
} from './consumer-confidence.schemas.ts';
import { reviewUnit } from './service/reviews.ts';
import {
  applyForUnit,
  decideUnit,
  getConfidenceSettings,
  getUnit,
  listUnits,
  publicUnits,
  saveConfidenceSettings,
} from './service/units.ts';
import {
  createWarning,
  getWarning,
  holidaysToWarn,
  listWarnings,
  publicWarnings,
  publishWarning,
  updateWarning,
} from './service/warnings.ts';

const tags = ['consumer-confidence'];
const readers = requireRole(...staffAndOperatorRoles);
/** The station reviews applications and does the yearly review. */
const reviewers = requireRole(...caseWorkerRoles);
/** Holiday warnings: the bureau reads them, the section writes and publishes them. */
const warningReaders = requireRole(...bureauStaffRoles);
const warningWriters = requireRole(...settingsRoles);

const kindNames = {
  model_shop: { 'zh-CN': '放心消费示范店', en: 'Model shops' },
  online_shop: { 'zh-CN': '放心消费网店', en: 'Online shops' },
  factory: { 'zh-CN': '放心工厂', en: 'Model factories' },
} as const;
const commitmentNames: Record<string, { 'zh-CN': string; en: string }> = {
  no_reason_return: { 'zh-CN': '无理由退货', en: 'no-reason returns' },
  first_responsibility: { 'zh-CN': '先行赔付', en: 'first responsibility for claims' },
  price_transparency: { 'zh-CN': '明码标价', en: 'clear prices' },
  quality_guarantee: { 'zh-CN': '质量承诺', en: 'quality guarantee' },
  quick_dispute: { 'zh-CN': '快速和解', en: 'quick settlement of disputes' },
};

/** 放心消费 units (issue 20): applications, the station's review, yearly reviews and removal, the public list. */
export const consumerConfidenceRoutes: RoutePlugin = async (app, platform) => {
  const ctx = (request: FastifyRequest) => actorContextOf(platform, request);
  app.get(
    '/api/v1/consumer-confidence/units',
    { schema: { tags, querystring: UnitQuery, response: { 200: UnitList } }, preHandler: readers },
    (request) => listUnits(ctx(request), request.query),
  );
  app.post(
    '/api/v1/consumer-confidence/units',
    { schema: { tags, body: UnitBody, response: { 201: UnitView } }, preHandler: readers },
    async (request, reply) => reply.status(201).send(await applyForUnit(ctx(request), request.body)),
  );
  app.get('/api/v1/consumer-confidence/settings', { schema: { tags, response: { 200: SettingsView } }, preHandler: readers }, (request) =>
    getConfidenceSettings(ctx(request)),
  );
  app.put(
    '/api/v1/consumer-confidence/settings',
    { schema: { tags, body: SettingsBody, response: { 200: SettingsBody } }, preHandler: requireRole(...settingsRoles) },
    (request) => saveConfidenceSettings(ctx(request), request.body),
  );
  app.get(
    '/api/v1/consumer-confidence/units/:id',
    { schema: { tags, params: IdParams, response: { 200: UnitView } }, preHandler: readers },
    (request) => getUnit(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/consumer-confidence/units/:id/decision',
    { schema: { tags, params: IdParams, body: DecisionBody, response: { 200: UnitView } }, preHandler: reviewers },
    (request) => decideUnit(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/consumer-confidence/units/:id/yearly-review',
    { schema: { tags, params: IdParams, body: YearlyReviewBody, response: { 200: UnitView } }, preHandler: reviewers },
    (request) => reviewUnit(ctx(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/consumer-confidence/holidays',
    { schema: { tags, response: { 200: HolidayList } }, preHandler: warningReaders },
    async (request) => {
      const items = await holidaysToWarn(ctx(request));
      return { items, total: items.length };
    },
  );
  app.get(
    '/api/v1/consumer-confidence/warnings',
    { schema: { tags, response: { 200: WarningList } }, preHandler: warningReaders },
    async (request) => {
      const items = await listWarnings(ctx(request));
      return { items, total: items.length };
    },
  );
  app.post(
    '/api/v1/consumer-confidence/warnings',
    { schema: { tags, body: WarningBody, response: { 201: WarningView } }, preHandler: warningWriters },
    async (request, reply) => reply.status(201).send(await createWarning(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/consumer-confidence/warnings/:id',
    { schema: { tags, params: IdParams, response: { 200: WarningView } }, preHandler: warningReaders },
    (request) => getWarning(ctx(request), request.params.id),
  );
  app.put(
    '/api/v1/consumer-confidence/warnings/:id',
    { schema: { tags, params: IdParams, body: WarningBody, response: { 200: WarningView } }, preHandler: warningWriters },
    (request) => updateWarning(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/consumer-confidence/warnings/:id/publish',
    { schema: { tags, params: IdParams, response: { 200: WarningView } }, preHandler: warningWriters },
    (request) => publishWarning(ctx(request), request.params.id),
  );
  app.get(
    '/public/consumer-confidence/:district',
    {
      schema: {
        tags,
        params: PublicParams,
        querystring: PublicQuery,
        response: { 200: fileResponse('text/html', 'The listed units, searchable') },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const language = publicLanguage(request.query, request.headers['accept-language']);
      const en = language === 'en';
      const units = await publicUnits(contextOf(platform, request), request.params.district, request.query.q);
      const warnings = await publicWarnings(contextOf(platform, request), request.params.district);
      const section = (kind: keyof typeof kindNames) => {
        const ofKind = units.filter((unit) => unit.kind === kind);
        return html`<section><h2>${kindNames[kind][language]}</h2>${
          ofKind.length
            ? html`<ul>${ofKind.map(
                (unit) =>
                  html`<li><strong>${unit.name}</strong><br><span class="muted">${unit.commitments.map((code) => commitmentNames[code]?.[language] ?? code).join(en ? ', ' : '、')}</span></li>`,
              )}</ul>`
            : html`<p class="muted">${en ? 'None found.' : '暂无。'}</p>`
        }</section>`;
      };
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(
          publicPage({
            language,
            title: en ? 'Consumer-confidence units' : '放心消费单位',
            body: html`${warnings.map(
              (warning) =>
                html`<section class="warn"><h2>${warning.title}</h2><p class="muted">${warning.holidayName} · ${en ? 'published' : '发布于'} ${warning.publishedOn ?? ''}</p>${warning.body
                  .split(/\n+/)
                  .map((paragraph) => html`<p>${paragraph}</p>`)}</section>`,
            )}<form method="get"><label>${en ? 'Search by name' : '按名称查询'} <input name="q" value="${request.query.q ?? ''}" maxlength="50"></label> <button type="submit">${en ? 'Search' : '查询'}</button></form>
              ${section('model_shop')}${section('online_shop')}${section('factory')}
              <p class="muted">${en ? 'Up to 200 units are shown; search to narrow the list.' : '最多显示200家，可按名称查询。'}</p>`,
            path: `/public/consumer-confidence/${request.params.district}`,
          }),
        );
    },
  );
};
