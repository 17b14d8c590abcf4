import { bureauStaffRoles, settingsRoles } from '../../../shared/roles.ts';
import { actorContextOf } from '../../platform/http/context.ts';
import { fileResponse, IdParams, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import {
  AdvanceCaseBody,
  CaseDocumentQuery,
  CaseDocumentVersion,
  CaseList,
  CaseListQuery,
  CaseStatisticsQuery,
  CaseStatisticsView,
  CaseView,
  CorrectDocumentBody,
  DatedNoteBody,
  ExtendCaseBody,
  MajorCriteriaBody,
  MajorCriteriaView,
  OpenCaseBody,
  PenaltiesBody,
} from './enforcement.schemas.ts';
import { caseDocument, correctCaseDocument } from './service/case-documents.ts';
import { currentMajorCriteria, getCase, listCases } from './service/case-queries.ts';
import { caseStatistics } from './service/case-statistics.ts';
import {
  advanceCase,
  extendCaseDeadline,
  openCase,
  publishCase,
  setCasePenalties,
  setMajorCriteria,
  transferCaseToPolice,
} from './service/case-writes.ts';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const enforcementRoutes: RoutePlugin = (app, platform) => {
  const tags = ['enforcement'];
  /** Bureau staff; an inspector sees the cases of their station (caseScope). Operators never see case files. */
  const staff = { preHandler: requireRole(...bureauStaffRoles) };
  const settings = { preHandler: requireRole(...settingsRoles) };
  const ctx = (request: Parameters<typeof actorContextOf>[1]) => actorContextOf(platform, request);

  app.get('/api/v1/cases', { schema: { tags, querystring: CaseListQuery, response: { 200: CaseList } }, ...staff }, (request) =>
    listCases(ctx(request), request.query),
  );
  app.post('/api/v1/cases', { schema: { tags, body: OpenCaseBody, response: { 201: CaseView } }, ...staff }, async (request, reply) => {
    const created = await openCase(ctx(request), request.body);
    return reply.status(201).send(await getCase(ctx(request), created.id));
  });
  app.get(
    '/api/v1/cases/statistics',
    { schema: { tags, querystring: CaseStatisticsQuery, response: { 200: CaseStatisticsView } }, ...staff },
    (request) => caseStatistics(ctx(request), request.query),
  );
  app.get('/api/v1/cases/major-criteria', { schema: { tags, response: { 200: MajorCriteriaView } }, ...staff }, (request) =>
    currentMajorCriteria(ctx(request)),
  );
  app.put(
    '/api/v1/cases/major-criteria',
    { schema: { tags, body: MajorCriteriaBody, response: { 200: MajorCriteriaView } }, ...settings },
    async (request) => {
      await setMajorCriteria(ctx(request), request.body);
      return currentMajorCriteria(ctx(request));
    },
  );
  app.get('/api/v1/cases/:id', { schema: { tags, params: IdParams, response: { 200: CaseView } }, ...staff }, (request) =>
    getCase(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/cases/:id/advance',
    { schema: { tags, params: IdParams, body: AdvanceCaseBody, response: { 200: CaseView } }, ...staff },
    async (request) => {
      await advanceCase(ctx(request), request.params.id, request.body);
      return getCase(ctx(request), request.params.id);
    },
  );
  app.post(
    '/api/v1/cases/:id/extend',
    { schema: { tags, params: IdParams, body: ExtendCaseBody, response: { 200: CaseView } }, ...staff },
    async (request) => {
      await extendCaseDeadline(ctx(request), request.params.id, request.body);
      return getCase(ctx(request), request.params.id);
    },
  );
  app.put(
    '/api/v1/cases/:id/penalties',
    { schema: { tags, params: IdParams, body: PenaltiesBody, response: { 200: CaseView } }, ...staff },
    async (request) => {
      await setCasePenalties(ctx(request), request.params.id, request.body);
      return getCase(ctx(request), request.params.id);
    },
  );
  app.post(
    '/api/v1/cases/:id/publish',
    { schema: { tags, params: IdParams, body: DatedNoteBody, response: { 200: CaseView } }, ...staff },
    async (request) => {
      await publishCase(ctx(request), request.params.id, request.body);
      return getCase(ctx(request), request.params.id);
    },
  );
  app.post(
    '/api/v1/cases/:id/police-transfer',
    { schema: { tags, params: IdParams, body: DatedNoteBody, response: { 200: CaseView } }, ...staff },
    async (request) => {
      await transferCaseToPolice(ctx(request), request.params.id, request.body);
      return getCase(ctx(request), request.params.id);
    },
  );
  app.get(
    '/api/v1/cases/:id/document',
    {
      schema: { tags, params: IdParams, querystring: CaseDocumentQuery, response: { 200: fileResponse(docxType, 'The document, .docx') } },
      ...staff,
    },
    async (request, reply) => {
      const { filename, content } = await caseDocument(
        ctx(request),
        request.params.id,
        request.query.kind ?? 'filing',
        request.query.version,
      );
      return reply
        .header('content-type', docxType)
        .header('content-disposition', `attachment; filename="case.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(content);
    },
  );
  app.post(
    '/api/v1/cases/:id/document/corrections',
    { schema: { tags, params: IdParams, body: CorrectDocumentBody, response: { 201: CaseDocumentVersion } }, ...staff },
    async (request, reply) => reply.code(201).send(await correctCaseDocument(ctx(request), request.params.id, request.body)),
  );
};
