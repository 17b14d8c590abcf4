import { bureauStaffRoles, caseWorkerAndOperatorRoles, staffAndOperatorRoles } from '../../../shared/roles.ts';
import { actorContextOf, contextOf } from '../../platform/http/context.ts';
import { IdParams, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { fileResponse } from '../../platform/http/schemas.ts';
import { publicLanguage } from '../../platform/public-html/html.ts';
import {
  BatchBody,
  BatchDetailSchema,
  BatchList,
  BatchPatchBody,
  BatchQuery,
  BatchViewSchema,
  CertificateBody,
  CodeLookupSchema,
  CodeParams,
  EpcisBody,
  EpcisDocumentSchema,
  EpcisResult,
  EventBody,
  EventCreated,
  FindingList,
  FindingQuery,
  Fsma204Query,
  PublicPageQuery,
  TraceQuery,
  TraceViewSchema,
} from './cold-chain.schemas.ts';
import { addCertificate, batchDetail, certificateContent, createBatch, listBatches, markSellable, updateBatch } from './service/batches.ts';
import { lookupCode } from './service/codes.ts';
import { captureEpcis, recordEvent } from './service/events.ts';
import { batchEpcisDocument, fsma204Spreadsheet } from './service/exports.ts';
import { listFindings } from './service/findings.ts';
import { publicTracePage } from './service/public-page.ts';
import { traceCode } from './service/trace.ts';

const tags = ['cold-chain'];
const readers = { preHandler: requireRole(...staffAndOperatorRoles) };
const writers = { preHandler: requireRole(...caseWorkerAndOperatorRoles) };
const publicRate = { rateLimit: { max: 600, timeWindow: '1 minute', allowList: ['127.0.0.1', '::1', '::ffff:127.0.0.1'] } };
const prefix = '/api/v1/cold-chain';

/** 进口冷链追溯: batches and certificates, events by form, scan or EPCIS 2.0, trace, the closed loop's findings, the consumer page. */
export const coldChainRoutes: RoutePlugin = (app, platform) => {
  app.get(`${prefix}/batches`, { ...readers, schema: { tags, querystring: BatchQuery, response: { 200: BatchList } } }, (request) =>
    listBatches(actorContextOf(platform, request), request.query),
  );
  app.post(
    `${prefix}/batches`,
    { ...writers, schema: { tags, body: BatchBody, response: { 201: BatchViewSchema } } },
    async (request, reply) => reply.status(201).send(await createBatch(actorContextOf(platform, request), request.body)),
  );
  app.get(`${prefix}/batches/:id`, { ...readers, schema: { tags, params: IdParams, response: { 200: BatchDetailSchema } } }, (request) =>
    batchDetail(actorContextOf(platform, request), request.params.id),
  );
  app.patch(
    `${prefix}/batches/:id`,
    { ...writers, schema: { tags, params: IdParams, body: BatchPatchBody, response: { 200: BatchViewSchema } } },
    (request) => updateBatch(actorContextOf(platform, request), request.params.id, request.body),
  );
  app.post(
    `${prefix}/batches/:id/certificates`,
    { ...writers, bodyLimit: 7_500_000, schema: { tags, params: IdParams, body: CertificateBody, response: { 200: BatchDetailSchema } } },
    (request) => addCertificate(actorContextOf(platform, request), request.params.id, request.body),
  );
  app.post(
    `${prefix}/batches/:id/sellable`,
    { ...writers, schema: { tags, params: IdParams, response: { 200: BatchViewSchema } } },
    (request) => markSellable(actorContextOf(platform, request), request.params.id),
  );
  app.get(
    `${prefix}/certificates/:id`,
    {
      ...readers,
      schema: {
        tags,
        params: IdParams,
        response: { 200: fileResponse(['application/pdf', 'image/jpeg', 'image/png'], 'The certificate file') },
      },
    },
    async (request, reply) => {
      const file = await certificateContent(actorContextOf(platform, request), request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `inline; filename="${file.kind}"`)
        .send(file.content);
    },
  );
  app.post(`${prefix}/events`, { ...writers, schema: { tags, body: EventBody, response: { 201: EventCreated } } }, async (request, reply) =>
    reply.status(201).send(await recordEvent(actorContextOf(platform, request), request.body)),
  );
  app.post(
    `${prefix}/epcis`,
    { ...writers, bodyLimit: 4 * 1024 * 1024, schema: { tags, body: EpcisBody, response: { 201: EpcisResult } } },
    async (request, reply) => reply.status(201).send(await captureEpcis(actorContextOf(platform, request), request.body)),
  );
  app.get(`${prefix}/codes/:code`, { ...readers, schema: { tags, params: CodeParams, response: { 200: CodeLookupSchema } } }, (request) =>
    lookupCode(actorContextOf(platform, request), request.params.code),
  );
  app.get(
    `${prefix}/trace/:code`,
    {
      preHandler: requireRole(...bureauStaffRoles),
      schema: { tags, params: CodeParams, querystring: TraceQuery, response: { 200: TraceViewSchema } },
    },
    (request) => traceCode(actorContextOf(platform, request), request.params.code, request.query.direction),
  );
  app.get(
    `${prefix}/batches/:id/epcis`,
    { ...readers, schema: { tags, params: IdParams, response: { 200: EpcisDocumentSchema } } },
    async (request, reply) => {
      const document = await batchEpcisDocument(actorContextOf(platform, request), request.params.id);
      return reply.header('content-disposition', `attachment; filename="epcis-batch-${request.params.id}.json"`).send(document);
    },
  );
  app.get(
    `${prefix}/fsma204.xlsx`,
    {
      ...readers,
      schema: {
        tags,
        querystring: Fsma204Query,
        response: {
          200: fileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'FSMA 204 sortable spreadsheet'),
        },
      },
    },
    async (request, reply) => {
      const file = await fsma204Spreadsheet(actorContextOf(platform, request), request.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="fsma204-${request.query.from}-${request.query.to}.xlsx"`)
        .send(file);
    },
  );
  app.get(`${prefix}/findings`, { ...readers, schema: { tags, querystring: FindingQuery, response: { 200: FindingList } } }, (request) =>
    listFindings(actorContextOf(platform, request), request.query),
  );
  // The consumer page: no session (the session hook runs for /api/ only), no script, rate-limited.
  app.get(
    '/t/:code',
    {
      schema: {
        tags,
        params: CodeParams,
        querystring: PublicPageQuery,
        response: {
          200: fileResponse('text/html', 'The consumer page of the code: origin, holders, certificates; no script'),
          404: fileResponse('text/html', 'The consumer page saying the code is unknown'),
        },
      },
      config: publicRate,
    },
    async (request, reply) => {
      const language = publicLanguage(request.query, request.headers['accept-language']);
      const page = await publicTracePage(contextOf(platform, request), request.params.code, language);
      return reply
        .status(page.status)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', page.status === 200 ? 'public, max-age=60' : 'no-store')
        .send(page.html);
    },
  );
};
