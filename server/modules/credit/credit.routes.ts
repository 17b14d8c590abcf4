import type { FastifyRequest } from 'fastify';
import { normaliseCreditCode, validateCreditCode } from '../../../shared/credit-code.ts';
import {
  bureauStaffRoles,
  caseWorkerAndOperatorRoles,
  caseWorkerRoles,
  settingsRoles,
  staffAndOperatorRoles,
} from '../../../shared/roles.ts';
import { actorContextOf, contextOf } from '../../platform/http/context.ts';
import { fileResponse, IdParams, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { publicLanguage } from '../../platform/public-html/html.ts';
import { acceptSpreadsheetUploads, spreadsheetUploadLimit, uploadedSpreadsheet } from '../../platform/spreadsheets/upload.ts';
import {
  AnnualReportList,
  AnnualReportQuery,
  AnnualReportView,
  FilingBody,
  FilingRateView,
  ImportBatchView,
  ImportQuery,
  ListingBody,
  ListingList,
  ListingQuery,
  ListingView,
  ObjectionAcceptanceBody,
  ObjectionBody,
  ObjectionDecisionBody,
  ObjectionList,
  ObjectionQuery,
  ObjectionView,
  PublicRecordParams,
  PublicRecordQuery,
  RateQuery,
  ReminderBody,
  ReminderResult,
  RemovalBody,
  RepairBody,
  RepairDecisionBody,
  RepairList,
  RepairQuery,
  RepairView,
  SeriousFromCaseBody,
  SeriousFromListingBody,
  SeriousList,
  SeriousQuery,
  SeriousView,
} from './credit.schemas.ts';
import { createListing, getListing, listListings, removeListing } from './service/abnormal-listings.ts';
import { commitFilingImport, dryRunFilingImport, getFilingImport } from './service/annual-report-import.ts';
import { filingRates, listAnnualReports, recordFiling, remindInScope } from './service/annual-reports.ts';
import { listingDecisionDocx } from './service/listing-decision.ts';
import { acceptObjection, decideObjection, fileObjection, getObjection, listObjections } from './service/objections.ts';
import { creditRecordPage, noCreditRecordPage } from './service/public-page.ts';
import { publicCreditRecord } from './service/public-record.ts';
import { applyForRepair, decideRepair, getRepair, listRepairs } from './service/repairs.ts';
import { getSerious, listFromAbnormal, listFromCase, listSerious } from './service/serious-violations.ts';

const tags = ['credit'];
const readers = requireRole(...staffAndOperatorRoles);
/** Station and section staff act on the lists; a leader reads. */
const officers = requireRole(...caseWorkerRoles);
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const creditRoutes: RoutePlugin = (app, platform) => {
  const ctx = (request: FastifyRequest) => actorContextOf(platform, request);
  acceptSpreadsheetUploads(app);

  /* Annual reports 企业年报 */
  app.get(
    '/api/v1/credit/annual-reports',
    { preHandler: readers, schema: { tags, querystring: AnnualReportQuery, response: { 200: AnnualReportList } } },
    (request) => listAnnualReports(ctx(request), request.query),
  );
  app.post(
    '/api/v1/credit/annual-reports',
    {
      // The operator files for their own business; staff enter a paper report or one confirmed by the registration system.
      preHandler: requireRole(...caseWorkerAndOperatorRoles),
      schema: { tags, body: FilingBody, response: { 200: AnnualReportView } },
    },
    (request) => recordFiling(ctx(request), request.body),
  );
  app.get(
    '/api/v1/credit/annual-reports/rates',
    {
      preHandler: requireRole(...bureauStaffRoles),
      schema: { tags, querystring: RateQuery, response: { 200: FilingRateView } },
    },
    (request) => filingRates(ctx(request), request.query.reportYear),
  );
  app.post(
    '/api/v1/credit/annual-reports/reminders',
    { preHandler: officers, schema: { tags, body: ReminderBody, response: { 200: ReminderResult } } },
    (request) => remindInScope(ctx(request), request.body.reportYear),
  );
  app.post(
    '/api/v1/credit/annual-reports/imports',
    {
      preHandler: requireRole(...settingsRoles),
      bodyLimit: spreadsheetUploadLimit,
      schema: { tags, querystring: ImportQuery, response: { 201: ImportBatchView } },
    },
    async (request, reply) => {
      const batch = await dryRunFilingImport(ctx(request), {
        ...uploadedSpreadsheet(request),
        filename: request.query.filename,
        reportYear: request.query.reportYear,
      });
      return reply.status(201).send(batch);
    },
  );
  app.get(
    '/api/v1/credit/annual-reports/imports/:id',
    { preHandler: requireRole(...settingsRoles), schema: { tags, params: IdParams, response: { 200: ImportBatchView } } },
    (request) => getFilingImport(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/credit/annual-reports/imports/:id/commit',
    { preHandler: requireRole(...settingsRoles), schema: { tags, params: IdParams, response: { 200: ImportBatchView } } },
    (request) => commitFilingImport(ctx(request), request.params.id),
  );

  /* Abnormal-operation list 经营异常名录 */
  app.get(
    '/api/v1/credit/abnormal-listings',
    { preHandler: readers, schema: { tags, querystring: ListingQuery, response: { 200: ListingList } } },
    (request) => listListings(ctx(request), request.query),
  );
  app.post(
    '/api/v1/credit/abnormal-listings',
    { preHandler: officers, schema: { tags, body: ListingBody, response: { 201: ListingView } } },
    async (request, reply) => reply.status(201).send(await createListing(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/credit/abnormal-listings/:id',
    { preHandler: readers, schema: { tags, params: IdParams, response: { 200: ListingView } } },
    (request) => getListing(ctx(request), request.params.id),
  );
  app.get(
    '/api/v1/credit/abnormal-listings/:id/decision.docx',
    { preHandler: readers, schema: { tags, params: IdParams, response: { 200: fileResponse(docxType, 'The listing decision, .docx') } } },
    async (request, reply) => {
      const document = await listingDecisionDocx(ctx(request), request.params.id);
      return reply
        .header('content-type', docxType)
        .header('content-disposition', `attachment; filename="decision.docx"; filename*=UTF-8''${encodeURIComponent(document.filename)}`)
        .send(document.content);
    },
  );
  app.post(
    '/api/v1/credit/abnormal-listings/:id/removal',
    { preHandler: officers, schema: { tags, params: IdParams, body: RemovalBody, response: { 200: ListingView } } },
    (request) => removeListing(ctx(request), request.params.id, request.body),
  );

  /* Serious-violation list 严重违法失信名单 */
  app.get(
    '/api/v1/credit/serious-violations',
    { preHandler: readers, schema: { tags, querystring: SeriousQuery, response: { 200: SeriousList } } },
    (request) => listSerious(ctx(request), request.query),
  );
  app.post(
    '/api/v1/credit/serious-violations',
    { preHandler: requireRole(...settingsRoles), schema: { tags, body: SeriousFromListingBody, response: { 201: SeriousView } } },
    async (request, reply) => reply.status(201).send(await listFromAbnormal(ctx(request), request.body)),
  );
  app.post(
    '/api/v1/credit/serious-violations/from-case',
    { preHandler: requireRole(...settingsRoles), schema: { tags, body: SeriousFromCaseBody, response: { 201: SeriousView } } },
    async (request, reply) => reply.status(201).send(await listFromCase(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/credit/serious-violations/:id',
    { preHandler: readers, schema: { tags, params: IdParams, response: { 200: SeriousView } } },
    (request) => getSerious(ctx(request), request.params.id),
  );

  /* Credit repair 信用修复 */
  app.get(
    '/api/v1/credit/repairs',
    { preHandler: readers, schema: { tags, querystring: RepairQuery, response: { 200: RepairList } } },
    (request) => listRepairs(ctx(request), request.query),
  );
  app.post(
    '/api/v1/credit/repairs',
    {
      preHandler: requireRole(...caseWorkerAndOperatorRoles),
      schema: { tags, body: RepairBody, response: { 201: RepairView } },
    },
    async (request, reply) => reply.status(201).send(await applyForRepair(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/credit/repairs/:id',
    { preHandler: readers, schema: { tags, params: IdParams, response: { 200: RepairView } } },
    (request) => getRepair(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/credit/repairs/:id/decision',
    { preHandler: officers, schema: { tags, params: IdParams, body: RepairDecisionBody, response: { 200: RepairView } } },
    (request) => decideRepair(ctx(request), request.params.id, request.body),
  );

  /* Objections 异议 */
  app.get(
    '/api/v1/credit/objections',
    { preHandler: readers, schema: { tags, querystring: ObjectionQuery, response: { 200: ObjectionList } } },
    (request) => listObjections(ctx(request), request.query),
  );
  app.post(
    '/api/v1/credit/objections',
    {
      preHandler: requireRole('admin', 'section', 'inspector', 'operator'),
      schema: { tags, body: ObjectionBody, response: { 201: ObjectionView } },
    },
    async (request, reply) => reply.status(201).send(await fileObjection(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/credit/objections/:id',
    { preHandler: readers, schema: { tags, params: IdParams, response: { 200: ObjectionView } } },
    (request) => getObjection(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/credit/objections/:id/acceptance',
    { preHandler: officers, schema: { tags, params: IdParams, body: ObjectionAcceptanceBody, response: { 200: ObjectionView } } },
    (request) => acceptObjection(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/credit/objections/:id/decision',
    { preHandler: officers, schema: { tags, params: IdParams, body: ObjectionDecisionBody, response: { 200: ObjectionView } } },
    (request) => decideObjection(ctx(request), request.params.id, request.body),
  );

  /* Public credit record: a no-script page per entity, no personal data; a code without a record gets a page too. */
  app.get(
    '/public/credit/:district/:creditCode',
    {
      schema: {
        hide: true,
        params: PublicRecordParams,
        querystring: PublicRecordQuery,
        response: {
          200: fileResponse('text/html', 'The public credit record of the business: lists it is on, reports filed; no script'),
          404: fileResponse('text/html', 'The page saying no record is kept for the code, or that the code is not valid'),
        },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const language = publicLanguage(request.query, request.headers['accept-language']);
      const district = request.params.district;
      const creditCode = normaliseCreditCode(request.params.creditCode);
      const path = `/public/credit/${district}/${encodeURIComponent(creditCode)}`;
      const check = validateCreditCode(creditCode);
      const record = check.ok ? await publicCreditRecord(contextOf(platform, request), district, creditCode) : null;
      reply.header('content-type', 'text/html; charset=utf-8');
      if (!record) {
        const problem = check.ok ? 'unknown' : check.reason === 'check_character' ? 'check_character' : 'malformed';
        return reply.status(404).send(noCreditRecordPage(creditCode, problem, language, path));
      }
      return reply.header('cache-control', 'public, max-age=60').send(creditRecordPage(record, language, path));
    },
  );
};
