import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { todayInChina } from '../../../shared/calendar-day.ts';
import {
  bureauStaffRoles,
  marketCleaningRoles,
  marketInspectorRoles,
  marketKeeperRoles,
  marketReaderRoles,
  marketScreenRoles,
  marketTestingRoles,
  settingsRoles,
} from '../../../shared/roles.ts';
import { actorContextOf, contextOf } from '../../platform/http/context.ts';
import { fileResponse, IdParams, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { html, publicLanguage, publicPage } from '../../platform/public-html/html.ts';
import {
  CleaningBody,
  CleaningList,
  CleaningView,
  DayQuery,
  HandleLotBody,
  ImportBody,
  ImportResult,
  InspectionBody,
  InspectionList,
  InspectionView,
  MarketBody,
  MarketDetail,
  MarketList,
  MarketUpdateBody,
  NewScreenTokenView,
  PriceList,
  PricesBody,
  RapidTestBody,
  RapidTestList,
  RapidTestQuery,
  RapidTestView,
  ScaleBody,
  ScaleList,
  ScaleView,
  ScreenTokenBody,
  ScreenTokenList,
  ScreenTokenView,
  ScreenView,
  SettingsBody,
  SettingsView,
  StallBody,
  StallList,
  StallUpdateBody,
  StallView,
  StarProgressView,
  StarRatingBody,
  StarRatingList,
  StarRatingView,
} from './markets.schemas.ts';
import { listInspections, recordInspection } from './service/inspections.ts';
import { getMarket, listMarkets, registerMarket, updateMarket } from './service/markets.ts';
import { listPrices, reportPrices } from './service/prices.ts';
import { publicMarketPage } from './service/public-page.ts';
import { getRapidTest, handleRapidTestLot, importDeviceCsv, listRapidTests, recordRapidTest } from './service/rapid-tests.ts';
import { createMarketScreenToken, listMarketScreenTokens, marketScreenData, revokeMarketScreenToken } from './service/screen.ts';
import { getMarketSettings, saveMarketSettings } from './service/settings.ts';
import { createStall, listStalls, updateStall } from './service/stalls.ts';
import { assessMarket, listStarRatings, starTargetProgress } from './service/stars.ts';
import { listCleaning, listScales, recordCleaning, registerScale } from './service/upkeep.ts';

const tags = ['markets'];
const readers = requireRole(...marketReaderRoles);
const keepers = requireRole(...marketKeeperRoles);
const testers = requireRole(...marketTestingRoles);
const cleaners = requireRole(...marketCleaningRoles);
const inspectors = requireRole(...marketInspectorRoles);
const settingsKeepers = requireRole(...settingsRoles);
const PublicParams = Type.Object(
  { district: Type.String({ pattern: '^[0-9]{6}$' }), market: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) },
  { additionalProperties: false },
);
const PublicQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });

/** Smart farmers' markets (issue 20): markets, stalls, rapid tests and lots, prices, scales, cleaning, stars, big screen. */
export const marketRoutes: RoutePlugin = async (app, platform) => {
  const ctx = (request: FastifyRequest) => actorContextOf(platform, request);
  app.get('/api/v1/markets', { schema: { tags, response: { 200: MarketList } }, preHandler: readers }, (request) =>
    listMarkets(ctx(request)),
  );
  app.post(
    '/api/v1/markets',
    { schema: { tags, body: MarketBody, response: { 201: MarketDetail } }, preHandler: settingsKeepers },
    async (request, reply) => reply.status(201).send(await registerMarket(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/markets/settings',
    { schema: { tags, querystring: DayQuery, response: { 200: SettingsView } }, preHandler: readers },
    (request) => getMarketSettings(ctx(request), request.query.on ?? todayInChina(platform.clock.now())),
  );
  app.put(
    '/api/v1/markets/settings',
    { schema: { tags, body: SettingsBody, response: { 200: SettingsView } }, preHandler: settingsKeepers },
    (request) => saveMarketSettings(ctx(request), request.body),
  );
  app.get(
    '/api/v1/markets/star-progress',
    { schema: { tags, querystring: DayQuery, response: { 200: StarProgressView } }, preHandler: requireRole(...bureauStaffRoles) },
    (request) => starTargetProgress(ctx(request), request.query.on),
  );
  app.get('/api/v1/markets/:id', { schema: { tags, params: IdParams, response: { 200: MarketDetail } }, preHandler: readers }, (request) =>
    getMarket(ctx(request), request.params.id),
  );
  app.put(
    '/api/v1/markets/:id',
    { schema: { tags, params: IdParams, body: MarketUpdateBody, response: { 200: MarketDetail } }, preHandler: settingsKeepers },
    (request) => updateMarket(ctx(request), request.params.id, request.body),
  );
  app.put(
    '/api/v1/markets/stalls/:id',
    { schema: { tags, params: IdParams, body: StallUpdateBody, response: { 200: StallView } }, preHandler: keepers },
    (request) => updateStall(ctx(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/markets/:id/inspections',
    { schema: { tags, params: IdParams, response: { 200: InspectionList } }, preHandler: readers },
    (request) => listInspections(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/markets/:id/inspections',
    { schema: { tags, params: IdParams, body: InspectionBody, response: { 201: InspectionView } }, preHandler: inspectors },
    async (request, reply) => reply.status(201).send(await recordInspection(ctx(request), request.params.id, request.body)),
  );
  app.get(
    '/api/v1/markets/:id/stalls',
    { schema: { tags, params: IdParams, response: { 200: StallList } }, preHandler: readers },
    (request) => listStalls(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/markets/:id/stalls',
    { schema: { tags, params: IdParams, body: StallBody, response: { 201: StallView } }, preHandler: keepers },
    async (request, reply) => reply.status(201).send(await createStall(ctx(request), request.params.id, request.body)),
  );
  app.get(
    '/api/v1/markets/:id/rapid-tests',
    { schema: { tags, params: IdParams, querystring: RapidTestQuery, response: { 200: RapidTestList } }, preHandler: readers },
    (request) => listRapidTests(ctx(request), request.params.id, request.query),
  );
  app.post(
    '/api/v1/markets/:id/rapid-tests',
    { schema: { tags, params: IdParams, body: RapidTestBody, response: { 201: RapidTestView } }, preHandler: testers },
    async (request, reply) => reply.status(201).send(await recordRapidTest(ctx(request), request.params.id, request.body)),
  );
  app.post(
    '/api/v1/markets/:id/rapid-tests/import',
    { schema: { tags, params: IdParams, body: ImportBody, response: { 200: ImportResult } }, preHandler: testers },
    (request) => importDeviceCsv(ctx(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/markets/rapid-tests/:id',
    { schema: { tags, params: IdParams, response: { 200: RapidTestView } }, preHandler: readers },
    (request) => getRapidTest(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/markets/rapid-tests/:id/handle',
    { schema: { tags, params: IdParams, body: HandleLotBody, response: { 200: RapidTestView } }, preHandler: testers },
    (request) => handleRapidTestLot(ctx(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/markets/:id/prices',
    { schema: { tags, params: IdParams, querystring: DayQuery, response: { 200: PriceList } }, preHandler: readers },
    (request) => listPrices(ctx(request), request.params.id, request.query.on),
  );
  app.post(
    '/api/v1/markets/:id/prices',
    { schema: { tags, params: IdParams, body: PricesBody, response: { 200: PriceList } }, preHandler: keepers },
    (request) => reportPrices(ctx(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/markets/:id/scales',
    { schema: { tags, params: IdParams, response: { 200: ScaleList } }, preHandler: readers },
    (request) => listScales(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/markets/:id/scales',
    { schema: { tags, params: IdParams, body: ScaleBody, response: { 201: ScaleView } }, preHandler: keepers },
    async (request, reply) => reply.status(201).send(await registerScale(ctx(request), request.params.id, request.body)),
  );
  app.get(
    '/api/v1/markets/:id/cleaning',
    { schema: { tags, params: IdParams, response: { 200: CleaningList } }, preHandler: readers },
    (request) => listCleaning(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/markets/:id/cleaning',
    { schema: { tags, params: IdParams, body: CleaningBody, response: { 201: CleaningView } }, preHandler: cleaners },
    async (request, reply) => reply.status(201).send(await recordCleaning(ctx(request), request.params.id, request.body)),
  );
  app.get(
    '/api/v1/markets/:id/star-ratings',
    { schema: { tags, params: IdParams, response: { 200: StarRatingList } }, preHandler: readers },
    (request) => listStarRatings(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/markets/:id/star-ratings',
    { schema: { tags, params: IdParams, body: StarRatingBody, response: { 201: StarRatingView } }, preHandler: settingsKeepers },
    async (request, reply) => reply.status(201).send(await assessMarket(ctx(request), request.params.id, request.body)),
  );
  // The big screen: tokens made by staff or the market's manager; the kiosk sends its token in a header (decision 0022).
  const screenKeepers = requireRole(...marketScreenRoles);
  app.get('/api/v1/markets/screen-tokens', { schema: { tags, response: { 200: ScreenTokenList } }, preHandler: screenKeepers }, (request) =>
    listMarketScreenTokens(ctx(request)),
  );
  app.post(
    '/api/v1/markets/screen-tokens',
    { schema: { tags, body: ScreenTokenBody, response: { 201: NewScreenTokenView } }, preHandler: screenKeepers },
    async (request, reply) => reply.status(201).send(await createMarketScreenToken(ctx(request), request.body)),
  );
  app.post(
    '/api/v1/markets/screen-tokens/:id/revoke',
    { schema: { tags, params: IdParams, response: { 200: ScreenTokenView } }, preHandler: screenKeepers },
    (request) => revokeMarketScreenToken(ctx(request), request.params.id),
  );
  app.get('/api/screen/v1/markets', { schema: { tags, response: { 200: ScreenView } } }, (request) => {
    const header = request.headers['x-screen-token'];
    return marketScreenData(contextOf(platform, request), typeof header === 'string' ? header : undefined);
  });
  // 快检结果公示: the market's public page, no script, no person.
  app.get(
    '/public/markets/:district/:market',
    {
      schema: {
        tags,
        params: PublicParams,
        querystring: PublicQuery,
        response: { 200: fileResponse('text/html', 'The market’s public page') },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const language = publicLanguage(request.query, request.headers['accept-language']);
      const en = language === 'en';
      const page = await publicMarketPage(contextOf(platform, request), request.params.district, request.params.market);
      const resultText = (result: string) => (result === 'positive' ? (en ? 'Positive' : '阳性') : en ? 'Negative' : '阴性');
      const lotText = (status: string) =>
        status === 'blocked'
          ? en
            ? 'Blocked, not for sale'
            : '已封存，禁止销售'
          : status === 'destroyed'
            ? en
              ? 'Destroyed'
              : '已销毁'
            : en
              ? 'On sale'
              : '正常销售';
      const stars = page.summary.stars ? '★'.repeat(page.summary.stars) : en ? 'not rated' : '未评定';
      const today = page.tests.filter((test) => test.testedOn === page.today);
      const blocked = page.tests.filter((test) => test.lotStatus === 'blocked');
      const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toFixed(2));
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(
          publicPage({
            language,
            title: `${page.summary.name} · ${en ? 'Rapid test results' : '快检结果公示'}`,
            body: html`<p>${page.summary.address} · ${en ? 'Stars' : '星级'}: ${stars} · ${page.today}</p>
              <section><h2>${en ? 'Lots blocked now' : '当前封存批次'}</h2>${
                blocked.length
                  ? html`<ul>${blocked.map((test) => html`<li>${en ? 'Stall' : '摊位'} ${test.stallNumber} · ${test.product} · ${test.testedOn}</li>`)}</ul>`
                  : html`<p class="muted">${en ? 'None.' : '无。'}</p>`
              }</section>
              <section><h2>${en ? 'Today’s rapid tests' : '今日快检'} (${today.length})</h2>${
                today.length
                  ? html`<table><thead><tr><th>${en ? 'Stall' : '摊位'}</th><th>${en ? 'Product' : '品名'}</th><th>${en ? 'Result' : '结果'}</th><th>${en ? 'Lot' : '批次'}</th></tr></thead><tbody>${today.map(
                      (test) =>
                        html`<tr><td>${test.stallNumber}</td><td>${test.product}</td><td>${resultText(test.result)}</td><td>${lotText(test.lotStatus)}</td></tr>`,
                    )}</tbody></table>`
                  : html`<p class="muted">${en ? 'No tests yet today.' : '今日暂无快检。'}</p>`
              }</section>
              <section><h2>${en ? 'Prices today (yuan)' : '今日价格（元）'}</h2><ul>${page.prices.map((price) => html`<li>${price.product}: ${yuan(price.priceFen)}</li>`)}</ul></section>`,
            path: `/public/markets/${request.params.district}/${request.params.market}`,
          }),
        );
    },
  );
};
