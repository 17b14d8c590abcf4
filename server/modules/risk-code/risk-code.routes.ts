import { Readable } from 'node:stream';
import { bureauStaffRoles, settingsRoles, staffAndOperatorRoles } from '../../../shared/roles.ts';
import { actorContextOf, contextOf } from '../../platform/http/context.ts';
import { fileResponse, IdParams, NoContent, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { publicLanguage } from '../../platform/public-html/html.ts';
import {
  AreaBody,
  AreaPatch,
  CategoryBody,
  ColourMapSchema,
  ColourTableBody,
  ColourTableList,
  ColourTableVersionView,
  EntityColourView,
  MapAreaList,
  MapAreaSchema,
  MapQuery,
  OpenExportQuery,
  OpenRatingList,
  OpenRatingsQuery,
  PagingOnly,
  ProductBody,
  ProductList,
  ProductView,
  PublicPageQuery,
  ReasonBody,
  StickerQuery,
  TileParams,
  TokenParams,
  TokenView,
} from './risk-code.schemas.ts';
import { colourMap, createArea, deleteArea, listAreas, updateArea } from './service/colour-map.ts';
import { colourTableList, saveColourTable } from './service/colour-table.ts';
import { mapTile } from './service/map-tiles.ts';
import { exportColumns, exportRows, jsonChunks, ratingsCsv, ratingsCsvStream } from './service/open-data-export.ts';
import { publicCodePage } from './service/public-page.ts';
import {
  colourOf,
  createProduct,
  getProduct,
  listProducts,
  openData,
  productView,
  publicUrl,
  qrPng,
  qrSvg,
  reissueToken,
  revokeProduct,
  revokeToken,
  setManagementCategory,
  stickers,
} from './service/subjects.ts';

const staff = requireRole(...bureauStaffRoles);
const publicRate = { rateLimit: { max: 600, timeWindow: '1 minute', allowList: ['127.0.0.1', '::1', '::ffff:127.0.0.1'] } };

const tags = ['risk-code'];
const csvFile = fileResponse('text/csv', 'CSV, UTF-8 with BOM, CRLF');

export const riskCodeRoutes: RoutePlugin = async (app, platform) => {
  const base = () => platform.config.ZHIJIAN_PUBLIC_URL ?? '';

  app.get(
    '/api/v1/risk-code/colour-tables',
    { schema: { tags, response: { 200: ColourTableList } }, preHandler: requireRole() },
    async (request) => colourTableList(actorContextOf(platform, request)),
  );
  app.post(
    '/api/v1/risk-code/colour-tables',
    { schema: { tags, body: ColourTableBody, response: { 201: ColourTableVersionView } }, preHandler: requireRole(...settingsRoles) },
    async (request, reply) => reply.status(201).send(await saveColourTable(actorContextOf(platform, request), request.body)),
  );
  app.get(
    '/api/v1/risk-code/entities/:id',
    { schema: { tags, params: IdParams, response: { 200: EntityColourView } }, preHandler: requireRole() },
    async (request) => colourOf(actorContextOf(platform, request), request.params.id),
  );
  app.put(
    '/api/v1/risk-code/entities/:id/category',
    {
      schema: { tags, params: IdParams, body: CategoryBody, response: { 200: EntityColourView } },
      preHandler: requireRole(...settingsRoles),
    },
    async (request) => setManagementCategory(actorContextOf(platform, request), request.params.id, request.body.managementCategory),
  );
  app.post(
    '/api/v1/risk-code/entities/:id/reissue',
    { schema: { tags, params: IdParams, body: ReasonBody, response: { 200: TokenView } }, preHandler: requireRole(...settingsRoles) },
    async (request) => reissueToken(actorContextOf(platform, request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/v1/risk-code/entities/:id/revoke',
    { schema: { tags, params: IdParams, body: ReasonBody, response: { 200: TokenView } }, preHandler: requireRole(...settingsRoles) },
    async (request) => revokeToken(actorContextOf(platform, request), request.params.id, request.body.reason),
  );
  app.get(
    '/api/v1/risk-code/map',
    { schema: { tags, querystring: MapQuery, response: { 200: ColourMapSchema } }, preHandler: staff },
    async (request) =>
      colourMap(actorContextOf(platform, request), request.query, { hasTiles: Boolean(platform.config.ZHIJIAN_MAP_TILE_URL) }),
  );
  app.get('/api/v1/risk-code/map/areas', { schema: { tags, response: { 200: MapAreaList } }, preHandler: staff }, async (request) =>
    listAreas(actorContextOf(platform, request)),
  );
  app.post(
    '/api/v1/risk-code/map/areas',
    { schema: { tags, body: AreaBody, response: { 201: MapAreaSchema } }, preHandler: requireRole(...settingsRoles) },
    async (request, reply) => reply.status(201).send(await createArea(actorContextOf(platform, request), request.body)),
  );
  app.put(
    '/api/v1/risk-code/map/areas/:id',
    { schema: { tags, params: IdParams, body: AreaPatch, response: { 200: MapAreaSchema } }, preHandler: requireRole(...settingsRoles) },
    async (request) => updateArea(actorContextOf(platform, request), request.params.id, request.body),
  );
  app.delete(
    '/api/v1/risk-code/map/areas/:id',
    { schema: { tags, params: IdParams, response: { 204: NoContent } }, preHandler: requireRole(...settingsRoles) },
    async (request, reply) => {
      await deleteArea(actorContextOf(platform, request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/v1/risk-code/map/tiles/:z/:x/:y',
    {
      schema: { tags, params: TileParams, response: { 200: fileResponse(['image/png', 'image/jpeg', 'image/webp'], 'A map tile') } },
      preHandler: staff,
    },
    async (request, reply) => {
      const tile = await mapTile(platform.config.ZHIJIAN_MAP_TILE_URL, request.params);
      return reply.header('content-type', tile.contentType).header('cache-control', 'private, max-age=86400').send(tile.body);
    },
  );
  app.get(
    '/api/v1/risk-code/stickers',
    {
      schema: { tags, querystring: StickerQuery, response: { 200: fileResponse('text/html', 'A6 door stickers, one printable page') } },
      // Staff print a street's stickers; an operator prints their own shop's (the subjects are scoped to the reader).
      preHandler: requireRole(...staffAndOperatorRoles),
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .send(await stickers(actorContextOf(platform, request), request.query, base())),
  );
  app.get(
    '/api/v1/risk-code/products',
    { schema: { tags, querystring: PagingOnly, response: { 200: ProductList } }, preHandler: requireRole() },
    async (request) => listProducts(actorContextOf(platform, request), request.query),
  );
  app.post(
    '/api/v1/risk-code/products',
    { schema: { tags, body: ProductBody, response: { 201: ProductView } }, preHandler: requireRole(...settingsRoles) },
    async (request, reply) => reply.status(201).send(await createProduct(actorContextOf(platform, request), request.body)),
  );
  app.get(
    '/api/v1/risk-code/products/:id',
    { schema: { tags, params: IdParams, response: { 200: ProductView } }, preHandler: requireRole() },
    async (request) => productView(await getProduct(actorContextOf(platform, request), request.params.id)),
  );
  app.post(
    '/api/v1/risk-code/products/:id/revoke',
    { schema: { tags, params: IdParams, response: { 200: ProductView } }, preHandler: requireRole(...settingsRoles) },
    async (request) => revokeProduct(actorContextOf(platform, request), request.params.id),
  );

  // Open data: published colours with stable business identifiers, no personal data.
  const openTags = ['open data'];
  app.get(
    '/api/open/v1/ratings',
    {
      schema: {
        tags: openTags,
        summary: 'Published five-colour ratings (paged; format=csv for a bulk page)',
        querystring: OpenRatingsQuery,
        response: {
          200: { description: 'A page of ratings', content: { 'application/json': { schema: OpenRatingList }, ...csvFile.content } },
        },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await openData(contextOf(platform, request), request.query);
      reply.header('cache-control', 'public, max-age=300');
      if (request.query.format !== 'csv') return reply.header('content-type', 'application/json; charset=utf-8').send(result);
      return reply.header('content-type', 'text/csv; charset=utf-8').send(ratingsCsv(result.items));
    },
  );
  // Bulk export of the whole district (streamed, a few requests a minute per client).
  const exportRate = { rateLimit: { max: 6, timeWindow: '1 minute' } };
  app.get(
    '/api/open/v1/ratings/export.csv',
    {
      schema: {
        tags: openTags,
        summary: 'Bulk export: every published rating of a district as CSV (UTF-8 with BOM, CRLF), streamed',
        description: `Columns: ${exportColumns.join(', ')} (creditCode and pageToken are stable identifiers). No personal data. Rate-limited to 6 requests a minute per client.`,
        querystring: OpenExportQuery,
        response: { 200: csvFile },
      },
      config: exportRate,
    },
    async (request, reply) => {
      const { district } = request.query;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ratings-${district}.csv"`)
        .header('cache-control', 'public, max-age=300')
        .send(ratingsCsvStream(exportRows(contextOf(platform, request), district)));
    },
  );
  app.get(
    '/api/open/v1/ratings/export.json',
    {
      schema: {
        tags: openTags,
        summary: 'Bulk export: every published rating of a district as one JSON document, streamed',
        description: `\`{"district", "generatedAt", "items": [{${exportColumns.join(', ')}}]}\`. No personal data. Rate-limited to 6 requests a minute per client.`,
        querystring: OpenExportQuery,
        response: { 200: fileResponse('application/json', 'One JSON document, streamed') },
      },
      config: exportRate,
    },
    async (request, reply) => {
      const { district } = request.query;
      const ctx = contextOf(platform, request);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="ratings-${district}.json"`)
        .header('cache-control', 'public, max-age=300')
        .send(Readable.from(jsonChunks(exportRows(ctx, district), { district, generatedAt: ctx.clock.now().toISOString() })));
    },
  );

  // The public code page: no session (the session hook runs for /api/ only), cached, ETag, rate-limited.
  app.get(
    '/p/:token',
    { schema: { hide: true, params: TokenParams, querystring: PublicPageQuery }, config: publicRate },
    async (request, reply) => {
      const language = publicLanguage(request.query, request.headers['accept-language']);
      const page = await publicCodePage(contextOf(platform, request), request.params.token, language);
      reply.header('content-type', 'text/html; charset=utf-8').header('vary', 'Accept-Language');
      if (page.status !== 200) return reply.status(page.status).header('cache-control', 'no-store').send(page.html);
      reply.header('cache-control', 'public, max-age=60').header('etag', page.etag);
      if (request.headers['if-none-match'] === page.etag) return reply.status(304).send();
      return reply.send(page.html);
    },
  );
  app.get('/p/:token/qr.svg', { schema: { hide: true, params: TokenParams }, config: publicRate }, async (request, reply) =>
    reply
      .header('content-type', 'image/svg+xml')
      .header('cache-control', 'public, max-age=86400')
      .send(await qrSvg(publicUrl(base(), request.params.token))),
  );
  app.get('/p/:token/qr.png', { schema: { hide: true, params: TokenParams }, config: publicRate }, async (request, reply) =>
    reply
      .header('content-type', 'image/png')
      .header('cache-control', 'public, max-age=86400')
      .send(await qrPng(publicUrl(base(), request.params.token))),
  );
};
