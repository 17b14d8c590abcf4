import { bureauStaffRoles, districtWideRoles } from '../../../shared/roles.ts';
import { actorContextOf } from '../http/context.ts';
import { fileResponse, type RoutePlugin, requireRole } from '../http/routes.ts';
import { annualReport, authorityName } from './annual-report.ts';
import { annualReportDocx } from './annual-report-docx.ts';
import type { FigureDefinition } from './figure-definition.ts';
import {
  AnnualReportQuery,
  AnnualReportView,
  FigureKeyParams,
  FigureRecordsQuery,
  FigureRecordsView,
  FigureSeriesQuery,
  FigureSeriesView,
  FiguresQuery,
  FiguresView,
} from './figures.schemas.ts';
import { figureSeries, listFigureRecords, listFigures } from './figures.service.ts';

/** Staff read figures; an inspector's figures and records cover their station's streets only (each module's scope). */
const figureReaders = bureauStaffRoles;

const reportReaders = districtWideRoles;
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The figures registry's HTTP side, over the figures every module declares (server/app.ts lists them). */
export function figureRoutes(figures: readonly FigureDefinition[]): RoutePlugin {
  return (app, platform) => {
    app.get(
      '/api/v1/figures',
      {
        preHandler: requireRole(...figureReaders),
        schema: { tags: ['figures'], querystring: FiguresQuery, response: { 200: FiguresView } },
      },
      (request) => listFigures(actorContextOf(platform, request), figures, request.query),
    );
    app.get(
      '/api/v1/figures/:key/records',
      {
        preHandler: requireRole(...figureReaders),
        schema: { tags: ['figures'], params: FigureKeyParams, querystring: FigureRecordsQuery, response: { 200: FigureRecordsView } },
      },
      (request) => listFigureRecords(actorContextOf(platform, request), figures, request.params.key, request.query),
    );
    app.get(
      '/api/v1/figures/:key/series',
      {
        preHandler: requireRole(...figureReaders),
        schema: { tags: ['figures'], params: FigureKeyParams, querystring: FigureSeriesQuery, response: { 200: FigureSeriesView } },
      },
      (request) => figureSeries(actorContextOf(platform, request), figures, request.params.key, request.query),
    );
    app.get(
      '/api/v1/reports/annual',
      {
        preHandler: requireRole(...reportReaders),
        schema: { tags: ['figures'], querystring: AnnualReportQuery, response: { 200: fileResponse(docxType, 'The work report, .docx') } },
      },
      async (request, reply) => {
        const ctx = actorContextOf(platform, request);
        const report = await annualReport(ctx, figures, request.query.year);
        const content = await annualReportDocx(report, await authorityName(ctx));
        const filename = `${request.query.year}年工作总结.docx`;
        return reply
          .header('content-type', docxType)
          .header(
            'content-disposition',
            `attachment; filename="annual-report-${request.query.year}.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
          )
          .send(content);
      },
    );
    app.get(
      '/api/v1/reports/annual/content',
      {
        preHandler: requireRole(...reportReaders),
        schema: { tags: ['figures'], querystring: AnnualReportQuery, response: { 200: AnnualReportView } },
      },
      async (request) => annualReport(actorContextOf(platform, request), figures, request.query.year),
    );
  };
}
