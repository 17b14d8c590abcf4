import type { FastifyRequest } from 'fastify';
import { formatYuan } from '../../../shared/money.ts';
import {
  bureauStaffRoles,
  caseWorkerAndOperatorRoles,
  caseWorkerRoles,
  settingsRoles,
  staffAndOperatorRoles,
} from '../../../shared/roles.ts';
import { invalidRequest } from '../../platform/errors/problem.ts';
import { actorContextOf, contextOf } from '../../platform/http/context.ts';
import { fileResponse, IdParams, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { html, publicLanguage, publicPage } from '../../platform/public-html/html.ts';
import { spreadsheetContentTypes } from '../registry/index.ts';
import {
  AnnualReportList,
  AnnualReportQuery,
  AnnualReportView,
  FilingBody,
  FilingRateView,
  ImportQuery,
  ImportResult,
  ListingBody,
  ListingList,
  ListingQuery,
  ListingView,
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
  SeriousFromListingBody,
  SeriousList,
  SeriousQuery,
  SeriousView,
} from './credit.schemas.ts';
import { createListing, getListing, listListings, removeListing } from './service/abnormal-listings.ts';
import { importFilings } from './service/annual-report-import.ts';
import { filingRates, listAnnualReports, recordFiling, remindInScope } from './service/annual-reports.ts';
import { listingDecisionDocx } from './service/listing-decision.ts';
import { publicCreditRecord } from './service/public-record.ts';
import { applyForRepair, decideRepair, getRepair, listRepairs } from './service/repairs.ts';
import { getSerious, listFromAbnormal, listSerious } from './service/serious-violations.ts';

const tags = ['credit'];
const readers = requireRole(...staffAndOperatorRoles);
/** Station and section staff act on the lists; a leader reads. */
const officers = requireRole(...caseWorkerRoles);
const importBodyLimit = 20 * 1024 * 1024;
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const creditRoutes: RoutePlugin = (app, platform) => {
  const ctx = (request: FastifyRequest) => actorContextOf(platform, request);
  for (const contentType of Object.values(spreadsheetContentTypes)) {
    if (!app.hasContentTypeParser(contentType)) {
      app.addContentTypeParser(contentType, { parseAs: 'buffer', bodyLimit: importBodyLimit }, (_request, body, done) => done(null, body));
    }
  }

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
    '/api/v1/credit/annual-reports/import',
    {
      preHandler: requireRole(...settingsRoles),
      bodyLimit: importBodyLimit,
      schema: { tags, querystring: ImportQuery, response: { 200: ImportResult } },
    },
    async (request) => {
      const contentType = String(request.headers['content-type'] ?? '')
        .split(';')[0]
        ?.trim();
      const kind = contentType === spreadsheetContentTypes.xlsx ? 'xlsx' : contentType === spreadsheetContentTypes.csv ? 'csv' : undefined;
      if (!kind || !Buffer.isBuffer(request.body))
        throw invalidRequest({}, [
          { in: 'body', field: '', code: 'content_type', message: { 'zh-CN': '请上传 csv 或 xlsx 文件', en: 'Upload a csv or xlsx file' } },
        ]);
      return importFilings(ctx(request), {
        file: request.body,
        kind,
        filename: request.query.filename,
        reportYear: request.query.reportYear,
      });
    },
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

  /* Public credit record: a no-script page per entity, no personal data. */
  app.get(
    '/public/credit/:district/:creditCode',
    {
      schema: { hide: true, params: PublicRecordParams, querystring: PublicRecordQuery },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const language = publicLanguage(request.query, request.headers['accept-language']);
      const en = language === 'en';
      const { district, creditCode } = request.params;
      const record = await publicCreditRecord(contextOf(platform, request), district, creditCode);
      const path = `/public/credit/${district}/${creditCode}`;
      const title = en ? 'Credit record' : '信用记录';
      if (!record) {
        return reply
          .status(404)
          .header('content-type', 'text/html; charset=utf-8')
          .send(
            publicPage({
              language,
              title,
              path,
              body: html`<section><p>${en ? 'No credit record for this code.' : '未找到该统一社会信用代码的信用记录。'}</p></section>`,
            }),
          );
      }
      const stateText: Record<string, [string, string]> = {
        filed_on_time: ['已按期报送', 'Filed on time'],
        filed_late: ['逾期补报', 'Filed late'],
        not_yet_due: ['报送期内未报', 'Not yet filed (window open)'],
        overdue: ['未报送', 'Not filed'],
      };
      const body = html`<section><h2>${record.name}</h2><p class="muted">${en ? 'Unified social credit code' : '统一社会信用代码'} ${record.creditCode}</p><p>${record.address}</p></section>
<section><h2>${en ? 'Annual reports' : '年度报告'}</h2><table>${record.reports.map(
        (report) =>
          html`<tr><td>${String(report.reportYear)}${en ? '' : '年度'}</td><td>${(stateText[report.state] ?? ['', ''])[en ? 1 : 0]}</td><td class="muted">${report.filedOn ?? ''}</td></tr>`,
      )}</table></section>
<section><h2>${en ? 'Abnormal-operation list' : '经营异常名录'}</h2>${
        record.abnormal.length
          ? html`<table>${record.abnormal.map(
              (item) =>
                html`<tr><td>${item.measure === 'listing' ? (en ? 'Listed' : '列入经营异常名录') : en ? 'Marked abnormal' : '标记为经营异常状态'}</td><td>${item.reason[language]}</td><td class="muted">${item.decidedOn} ${item.decisionNumber}<br>${item.legalBasis}</td></tr>`,
            )}</table>`
          : html`<p>${en ? 'Not listed.' : '未列入。'}</p>`
      }</section>
<section><h2>${en ? 'Serious-violation list' : '严重违法失信名单'}</h2>${
        record.serious.length
          ? html`<table>${record.serious.map(
              (item) =>
                html`<tr><td>${en ? 'Listed' : '列入'} ${item.listedOn}</td><td>${en ? 'until' : '届满'} ${item.termEndsOn}</td><td class="muted">${item.decisionNumber}</td></tr>`,
            )}</table>`
          : html`<p>${en ? 'Not listed.' : '未列入。'}</p>`
      }</section>
<section><h2>${en ? 'Administrative penalties' : '行政处罚信息'}</h2>${
        record.penalties.length
          ? html`<table>${record.penalties.map(
              (item) =>
                html`<tr><td>${item.decisionNumber}</td><td>${item.decidedOn}</td><td>${item.amountFen > 0n ? `${formatYuan(item.amountFen)} ${en ? 'yuan' : '元'}` : ''}</td><td class="muted">${en ? 'Published' : '公示'} ${item.publishedOn}</td></tr>`,
            )}</table>`
          : html`<p>${en ? 'None published.' : '无公示的行政处罚。'}</p>`
      }</section>`;
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(publicPage({ language, title: `${title} · ${record.name}`, body, path }));
    },
  );
};
