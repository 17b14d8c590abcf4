import { PassThrough } from 'node:stream';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { bureauStaffRoles, districtWideRoles, registryReaderRoles, settingsRoles } from '../../../shared/roles.ts';
import { invalidRequest } from '../../platform/errors/problem.ts';
import { actorContextOf } from '../../platform/http/context.ts';
import { fileResponse, IdParams, listOf, NoBody, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import {
  acceptSpreadsheetUploads,
  spreadsheetContentTypes,
  spreadsheetUploadLimit,
  uploadedSpreadsheet,
} from '../../platform/spreadsheets/upload.ts';
import {
  CreateEntityBody,
  EntityList,
  EntitySearchQuery,
  EntityView,
  ImportBatchView,
  type ImportColumns,
  ImportColumns as ImportColumnsSchema,
  ImportMappingBody,
  ImportMappingView,
  ImportQuery,
  ImportRowsQuery,
  ImportRowView,
  RevealBody,
  RevealView,
  StatisticsQuery,
  StatisticsView,
  StatusChangeBody,
  TimelineView,
  UpdateEntityBody,
} from './registry.schemas.ts';
import { getEntity, revealEntityField } from './service/entity-page.ts';
import { changeEntityStatus, createEntity, updateEntity } from './service/entity-writes.ts';
import { exportEntities } from './service/export-entities.ts';
import {
  commitImport,
  dryRunImport,
  getImportBatch,
  importErrorReport,
  listImportMappings,
  listImportRows,
  saveImportMapping,
} from './service/imports.ts';
import { searchEntities } from './service/search-entities.ts';
import { registryStatistics } from './service/statistics.ts';
import { entityTimeline } from './service/timeline.ts';

const { page: _page, pageSize: _pageSize, ...filterProperties } = EntitySearchQuery.properties;
const ExportQuery = Type.Object(filterProperties, { additionalProperties: false });
const columnsValidator = Compile(ImportColumnsSchema);

function parseColumns(text: string | undefined): ImportColumns | undefined {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!columnsValidator.Check(parsed)) {
    throw invalidRequest({}, [
      {
        in: 'querystring',
        field: 'columns',
        code: 'invalid',
        message: { 'zh-CN': '列映射格式无效', en: 'The column mapping is not valid' },
      },
    ]);
  }
  return parsed as ImportColumns;
}

export const registryRoutes: RoutePlugin = (app, platform) => {
  const tags = ['registry'];
  /** Who may look entities up; operators and market managers see only their own (scopeWhere). */
  const readers = { preHandler: requireRole(...registryReaderRoles) };
  const registrars = { preHandler: requireRole(...settingsRoles) };
  const revealers = { preHandler: requireRole(...bureauStaffRoles) };

  acceptSpreadsheetUploads(app);

  app.get('/api/v1/entities', { ...readers, schema: { tags, querystring: EntitySearchQuery, response: { 200: EntityList } } }, (request) =>
    searchEntities(actorContextOf(platform, request), request.query),
  );
  app.get(
    '/api/v1/entities/export.xlsx',
    {
      preHandler: requireRole(...bureauStaffRoles),
      schema: { tags, querystring: ExportQuery, response: { 200: fileResponse(spreadsheetContentTypes.xlsx, 'The entities as .xlsx') } },
    },
    async (request, reply) => {
      const ctx = actorContextOf(platform, request);
      const output = new PassThrough();
      exportEntities(ctx, request.query, output).catch((error: unknown) => {
        request.log.error({ err: error }, 'entity export failed');
        output.destroy(error as Error);
      });
      return reply
        .type(spreadsheetContentTypes.xlsx)
        .header('content-disposition', `attachment; filename="entities.xlsx"; filename*=UTF-8''${encodeURIComponent('市场主体.xlsx')}`)
        .send(output);
    },
  );
  app.post(
    '/api/v1/entities',
    { ...registrars, schema: { tags, body: CreateEntityBody, response: { 201: EntityView } } },
    async (request, reply) => reply.status(201).send(await createEntity(actorContextOf(platform, request), request.body)),
  );
  app.get('/api/v1/entities/:id', { ...readers, schema: { tags, params: IdParams, response: { 200: EntityView } } }, (request) =>
    getEntity(actorContextOf(platform, request), request.params.id),
  );
  app.patch(
    '/api/v1/entities/:id',
    { ...registrars, schema: { tags, params: IdParams, body: UpdateEntityBody, response: { 200: EntityView } } },
    (request) => updateEntity(actorContextOf(platform, request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/entities/:id/status',
    { ...registrars, schema: { tags, params: IdParams, body: StatusChangeBody, response: { 200: EntityView } } },
    (request) => changeEntityStatus(actorContextOf(platform, request), request.params.id, request.body),
  );
  app.get('/api/v1/entities/:id/timeline', { ...readers, schema: { tags, params: IdParams, response: { 200: TimelineView } } }, (request) =>
    entityTimeline(actorContextOf(platform, request), request.params.id),
  );
  app.post(
    '/api/v1/entities/:id/reveal',
    { ...revealers, schema: { tags, params: IdParams, body: RevealBody, response: { 200: RevealView } } },
    (request) => revealEntityField(actorContextOf(platform, request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/registry/statistics',
    {
      preHandler: requireRole(...districtWideRoles),
      schema: { tags, querystring: StatisticsQuery, response: { 200: StatisticsView } },
    },
    (request) => registryStatistics(actorContextOf(platform, request), request.query),
  );

  app.post(
    '/api/v1/registry/imports',
    { ...registrars, bodyLimit: spreadsheetUploadLimit, schema: { tags, querystring: ImportQuery, response: { 201: ImportBatchView } } },
    async (request, reply) => {
      const batch = await dryRunImport(actorContextOf(platform, request), {
        ...uploadedSpreadsheet(request),
        filename: request.query.filename,
        ...(request.query.mappingId !== undefined ? { mappingId: request.query.mappingId } : {}),
        ...(request.query.columns !== undefined ? { columns: parseColumns(request.query.columns) } : {}),
      });
      return reply.status(201).send(batch);
    },
  );
  app.get(
    '/api/v1/registry/imports/:id',
    { ...registrars, schema: { tags, params: IdParams, response: { 200: ImportBatchView } } },
    (request) => getImportBatch(actorContextOf(platform, request), request.params.id),
  );
  app.get(
    '/api/v1/registry/imports/:id/rows',
    { ...registrars, schema: { tags, params: IdParams, querystring: ImportRowsQuery, response: { 200: listOf(ImportRowView) } } },
    (request) => listImportRows(actorContextOf(platform, request), request.params.id, request.query),
  );
  app.post(
    '/api/v1/registry/imports/:id/commit',
    { ...registrars, schema: { tags, params: IdParams, body: Type.Optional(NoBody), response: { 200: ImportBatchView } } },
    (request) => commitImport(actorContextOf(platform, request), request.params.id),
  );
  app.get(
    '/api/v1/registry/imports/:id/errors.csv',
    { ...registrars, schema: { tags, params: IdParams, response: { 200: fileResponse('text/csv', 'The rows in error, CSV') } } },
    async (request, reply) => {
      const report = await importErrorReport(actorContextOf(platform, request), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-errors.csv"; filename*=UTF-8''${encodeURIComponent(report.filename)}`)
        .send(report.csv);
    },
  );
  app.get(
    '/api/v1/registry/import-mappings',
    { ...registrars, schema: { tags, response: { 200: Type.Object({ items: Type.Array(ImportMappingView) }) } } },
    async (request) => ({ items: await listImportMappings(actorContextOf(platform, request)) }),
  );
  app.post(
    '/api/v1/registry/import-mappings',
    { ...registrars, schema: { tags, body: ImportMappingBody, response: { 200: ImportMappingView } } },
    (request) => saveImportMapping(actorContextOf(platform, request), request.body),
  );
};
