import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { actorContextOf, contextOf } from '../../platform/http/context.ts';
import { IdParams, PagingQuery, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { publicLanguage } from '../../platform/public-html/html.ts';
import { colours, riskLevels } from './rules/risk-colour.ts';
import { colourMap, createArea, deleteArea, listAreas, updateArea } from './service/colour-map.ts';
import { listColourTables, saveColourTable } from './service/colour-table.ts';
import { mapTile } from './service/map-tiles.ts';
import { csvChunks, exportRows, jsonChunks } from './service/open-data-export.ts';
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
  setTileUrl,
  stickers,
} from './service/subjects.ts';

const ColourSchema = Type.Enum(colours);
const Row = Type.Object(Object.fromEntries(riskLevels.map((level) => [level, ColourSchema])), { additionalProperties: false });
const Escalations = Type.Object(
  {
    nonCompliantInspection: ColourSchema,
    openRectification: ColourSchema,
    certificateBelowBasisPoints: Type.Union([Type.Integer({ minimum: 0, maximum: 10_000 }), Type.Null()]),
    certificateFloor: ColourSchema,
    complaintsAtLeast: Type.Union([Type.Integer({ minimum: 1, maximum: 1000 }), Type.Null()]),
    complaintFloor: ColourSchema,
    failedSample: ColourSchema,
    penaltyCase: ColourSchema,
    majorCase: ColourSchema,
  },
  { additionalProperties: false },
);
const TableBody = Type.Object(
  {
    effectiveFrom: Type.String({ format: 'date' }),
    cells: Type.Record(Type.String({ pattern: '^[a-z_]{1,60}$' }), Row),
    escalations: Escalations,
    note: Type.String({ maxLength: 500, default: '' }),
  },
  { additionalProperties: false },
);
const Reason = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });
const ProductBody = Type.Object(
  {
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
    firmName: Type.String({ minLength: 1, maxLength: 200 }),
    firmCreditCode: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' }),
    productName: Type.String({ minLength: 1, maxLength: 200 }),
    certificateNumber: Type.String({ minLength: 1, maxLength: 60 }),
    issuer: Type.String({ minLength: 1, maxLength: 200 }),
    validUntil: Type.String({ format: 'date' }),
    standard: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
const AreaBody = Type.Object(
  {
    kind: Type.Enum(['street', 'pedestrian_street', 'complex'] as const),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    streetCode: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{9}$' }), Type.Null()])),
    /** One closed ring [[lng, lat], …], first point not repeated. */
    outline: Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }), { minItems: 3, maxItems: 2000 }),
  },
  { additionalProperties: false },
);
const TokenParams = Type.Object({ token: Type.String({ maxLength: 64 }) });
const staff = requireRole('admin', 'leader', 'section', 'inspector');
const publicRate = { rateLimit: { max: 600, timeWindow: '1 minute', allowList: ['127.0.0.1', '::1', '::ffff:127.0.0.1'] } };

export const riskCodeRoutes: RoutePlugin = async (app, platform) => {
  const base = () => platform.config.ZHIJIAN_PUBLIC_URL ?? '';

  app.get('/api/v1/risk-code/colour-tables', { preHandler: requireRole() }, async (request) => {
    const ctx = actorContextOf(platform, request);
    const items = await listColourTables(ctx, ctx.actor.districtCode);
    return { items, total: items.length, isBureauSetting: true };
  });
  app.post(
    '/api/v1/risk-code/colour-tables',
    { schema: { body: TableBody }, preHandler: requireRole('admin', 'section') },
    async (request, reply) => reply.status(201).send(await saveColourTable(actorContextOf(platform, request), request.body as never)),
  );
  app.get('/api/v1/risk-code/entities/:id', { schema: { params: IdParams }, preHandler: requireRole() }, async (request) =>
    colourOf(actorContextOf(platform, request), request.params.id),
  );
  app.put(
    '/api/v1/risk-code/entities/:id/category',
    {
      schema: {
        params: IdParams,
        body: Type.Object({ managementCategory: Type.String({ pattern: '^[a-z_]{1,60}$' }) }, { additionalProperties: false }),
      },
      preHandler: requireRole('admin', 'section'),
    },
    async (request) => setManagementCategory(actorContextOf(platform, request), request.params.id, request.body.managementCategory),
  );
  app.post(
    '/api/v1/risk-code/entities/:id/reissue',
    { schema: { params: IdParams, body: Reason }, preHandler: requireRole('admin', 'section') },
    async (request) => reissueToken(actorContextOf(platform, request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/v1/risk-code/entities/:id/revoke',
    { schema: { params: IdParams, body: Reason }, preHandler: requireRole('admin', 'section') },
    async (request) => revokeToken(actorContextOf(platform, request), request.params.id, request.body.reason),
  );
  app.get(
    '/api/v1/risk-code/map',
    {
      schema: {
        querystring: Type.Object(
          { streetCode: Type.Optional(Type.String({ pattern: '^[0-9]{9}$' })), areaId: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
      },
      preHandler: staff,
    },
    async (request) => colourMap(actorContextOf(platform, request), request.query),
  );
  app.get('/api/v1/risk-code/map/areas', { preHandler: staff }, async (request) => listAreas(actorContextOf(platform, request)));
  app.post(
    '/api/v1/risk-code/map/areas',
    { schema: { body: AreaBody }, preHandler: requireRole('admin', 'section') },
    async (request, reply) => reply.status(201).send(await createArea(actorContextOf(platform, request), request.body)),
  );
  app.put(
    '/api/v1/risk-code/map/areas/:id',
    { schema: { params: IdParams, body: Type.Partial(AreaBody, { minProperties: 1 }) }, preHandler: requireRole('admin', 'section') },
    async (request) => updateArea(actorContextOf(platform, request), request.params.id, request.body),
  );
  app.delete(
    '/api/v1/risk-code/map/areas/:id',
    { schema: { params: IdParams }, preHandler: requireRole('admin', 'section') },
    async (request, reply) => {
      await deleteArea(actorContextOf(platform, request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.put(
    '/api/v1/risk-code/map/tile-url',
    {
      schema: {
        body: Type.Object(
          {
            // An https slippy-map template with all three of {z}, {x} and {y}.
            tileUrl: Type.Union([
              Type.String({ pattern: '^(?=.*\\{z\\})(?=.*\\{x\\})(?=.*\\{y\\})https://[^\\s]+$', maxLength: 500 }),
              Type.Null(),
            ]),
          },
          { additionalProperties: false },
        ),
      },
      preHandler: requireRole('admin', 'section'),
    },
    async (request) => setTileUrl(actorContextOf(platform, request), request.body.tileUrl),
  );
  app.get(
    '/api/v1/risk-code/map/tiles/:z/:x/:y',
    {
      schema: {
        params: Type.Object({
          z: Type.Integer({ minimum: 0, maximum: 19 }),
          x: Type.Integer({ minimum: 0 }),
          y: Type.Integer({ minimum: 0 }),
        }),
      },
      preHandler: staff,
    },
    async (request, reply) => {
      const ctx = actorContextOf(platform, request);
      const tile = await mapTile(ctx, ctx.actor.districtCode, request.params);
      return reply.header('content-type', tile.contentType).header('cache-control', 'private, max-age=86400').send(tile.body);
    },
  );
  app.get(
    '/api/v1/risk-code/stickers',
    {
      schema: {
        querystring: Type.Object(
          { entityId: Type.Optional(Type.Integer({ minimum: 1 })), streetCode: Type.Optional(Type.String({ pattern: '^[0-9]{9}$' })) },
          { additionalProperties: false },
        ),
      },
      preHandler: staff,
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .send(await stickers(actorContextOf(platform, request), request.query, base())),
  );
  app.get(
    '/api/v1/risk-code/products',
    { schema: { querystring: Type.Object(PagingQuery, { additionalProperties: false }) }, preHandler: requireRole() },
    async (request) => listProducts(actorContextOf(platform, request), request.query as { page: number; pageSize: number }),
  );
  app.post(
    '/api/v1/risk-code/products',
    { schema: { body: ProductBody }, preHandler: requireRole('admin', 'section') },
    async (request, reply) => reply.status(201).send(await createProduct(actorContextOf(platform, request), request.body)),
  );
  app.get('/api/v1/risk-code/products/:id', { schema: { params: IdParams }, preHandler: requireRole() }, async (request) =>
    productView(await getProduct(actorContextOf(platform, request), request.params.id)),
  );
  app.post(
    '/api/v1/risk-code/products/:id/revoke',
    { schema: { params: IdParams }, preHandler: requireRole('admin', 'section') },
    async (request) => revokeProduct(actorContextOf(platform, request), request.params.id),
  );

  // Open data: published colours with stable business identifiers, no personal data.
  const OpenQuery = Type.Object(
    { district: Type.String({ pattern: '^[0-9]{6}$' }), ...PagingQuery, format: Type.Optional(Type.Enum(['json', 'csv'] as const)) },
    { additionalProperties: false },
  );
  app.get(
    '/api/open/v1/ratings',
    {
      schema: { tags: ['open data'], summary: 'Published five-colour ratings (paged; format=csv for a bulk page)', querystring: OpenQuery },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const query = request.query as { district: string; page: number; pageSize: number; format?: 'json' | 'csv' };
      const result = await openData(contextOf(platform, request), query);
      reply.header('cache-control', 'public, max-age=300');
      if (query.format !== 'csv') return result;
      const columns = [
        'creditCode',
        'name',
        'licenceNumber',
        'address',
        'streetCode',
        'lng',
        'lat',
        'colour',
        'riskGrade',
        'dynamicGrade',
        'latestInspectionOn',
        'ratedAt',
      ] as const;
      const cell = (value: unknown) => (value === null || value === undefined ? '' : `"${String(value).replace(/"/g, '""')}"`);
      const csv = [columns.join(','), ...result.items.map((item) => columns.map((column) => cell(item[column])).join(','))].join('\r\n');
      return reply.header('content-type', 'text/csv; charset=utf-8').send(`\uFEFF${csv}\r\n`);
    },
  );
  // Bulk export of the whole district (streamed, a few requests a minute per client).
  const ExportQuery = Type.Object({ district: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false });
  const exportRate = { rateLimit: { max: 6, timeWindow: '1 minute' } };
  app.get(
    '/api/open/v1/ratings/export.csv',
    {
      schema: {
        tags: ['open data'],
        summary: 'Bulk export: every published rating of a district as CSV (UTF-8 with BOM, CRLF), streamed',
        description:
          'Columns: creditCode, pageToken (stable identifiers), name, licenceNumber, address, streetCode, lng, lat, colour, riskGrade, dynamicGrade, latestInspectionOn, ratedAt. No personal data. Rate-limited to 6 requests a minute per client.',
        querystring: ExportQuery,
      },
      config: exportRate,
    },
    async (request, reply) => {
      const { district } = request.query as { district: string };
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ratings-${district}.csv"`)
        .header('cache-control', 'public, max-age=300')
        .send(Readable.from(csvChunks(exportRows(contextOf(platform, request), district))));
    },
  );
  app.get(
    '/api/open/v1/ratings/export.json',
    {
      schema: {
        tags: ['open data'],
        summary: 'Bulk export: every published rating of a district as one JSON document, streamed',
        description:
          '`{"district", "generatedAt", "items": [{creditCode, pageToken, name, licenceNumber, address, streetCode, lng, lat, colour, riskGrade, dynamicGrade, latestInspectionOn, ratedAt}]}`. No personal data. Rate-limited to 6 requests a minute per client.',
        querystring: ExportQuery,
      },
      config: exportRate,
    },
    async (request, reply) => {
      const { district } = request.query as { district: string };
      const ctx = contextOf(platform, request);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="ratings-${district}.json"`)
        .header('cache-control', 'public, max-age=300')
        .send(Readable.from(jsonChunks(exportRows(ctx, district), { district, generatedAt: ctx.clock.now().toISOString() })));
    },
  );

  // The public code page: no session (the session hook runs for /api/ only), cached, ETag, rate-limited.
  app.get('/p/:token', { schema: { hide: true, params: TokenParams }, config: publicRate }, async (request, reply) => {
    const query = request.query as { lang?: string };
    const language = publicLanguage(query, request.headers['accept-language']);
    const page = await publicCodePage(contextOf(platform, request), request.params.token, language);
    reply.header('content-type', 'text/html; charset=utf-8').header('vary', 'Accept-Language');
    if (page.status !== 200) return reply.status(page.status).header('cache-control', 'no-store').send(page.html);
    reply.header('cache-control', 'public, max-age=60').header('etag', page.etag);
    if (request.headers['if-none-match'] === page.etag) return reply.status(304).send();
    return reply.send(page.html);
  });
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
