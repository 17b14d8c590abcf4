import { bureauStaffRoles, caseWorkerRoles, districtWideRoles, fieldStaffRoles, staffAndOperatorRoles } from '../../../shared/roles.ts';
import { actorContextOf, contextOf } from '../../platform/http/context.ts';
import { fileResponse, IdParams, NoBody, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import {
  AppealBody,
  AppealList,
  AppealQuery,
  AppealView,
  ApplicationList,
  ApplicationQuery,
  ApplicationView,
  CertificateBody,
  ComparisonRunList,
  ConflictBody,
  ConflictView,
  ConsistencyQuery,
  ContactBody,
  ContactView,
  CreateHandlerBody,
  CreateInspectionBody,
  CreateTemplateBody,
  DecideAppealBody,
  DueList,
  DueQuery,
  FindingList,
  FindingQuery,
  FindingView,
  GradeView,
  HandlerList,
  HandlerQuery,
  HandlerView,
  ImportBody,
  ImportResult,
  InspectionFileParams,
  InspectionList,
  InspectionQuery,
  InspectionView,
  InspectorConsistencyView,
  inspectionFileDataUrlMax,
  NoticeList,
  NoticeQuery,
  PhoneView,
  ReasonBody,
  RectificationList,
  RectificationQuery,
  RegistrationBody,
  RegistrationReceipt,
  ReinspectionBody,
  ReinspectionList,
  ReinspectionQuery,
  ReinspectionView,
  ReturnBody,
  RevealBody,
  RevealView,
  StatisticsQuery,
  StatisticsView,
  TemplateList,
  TemplateView,
  UpdateHandlerBody,
  UpdateTemplateBody,
  UploadBody,
  UploadList,
  UploadQuery,
  UploadView,
  WarningList,
  WarningQuery,
} from './food-safety.schemas.ts';
import { closeFinding, getFinding, listComparisonRuns, listFindings } from './service/comparison.ts';
import { declareConflict, gradeHistoryOf, listDue, listRectifications } from './service/due-lists.ts';
import { listWarnings } from './service/expiry-warnings.ts';
import { addCertificate, createHandler, getHandler, listHandlers, revealIdNumber, updateHandler } from './service/handlers.ts';
import { importHandlers } from './service/import-handlers.ts';
import { inspectionRecordHtml } from './service/inspection-record.ts';
import { createInspection, downloadInspectionFile, getInspection, listInspections } from './service/inspections.ts';
import { inspectorConsistency } from './service/inspector-consistency.ts';
import {
  decideAppeal,
  getAppeal,
  getUpload,
  listAppeals,
  listReinspectionRequests,
  listUploads,
  requestReinspection,
  reviewUpload,
  submitAppeal,
  submitUpload,
} from './service/operator-portal.ts';
import {
  approveApplication,
  getApplication,
  listApplications,
  rejectApplication,
  revealApplicantPhone,
  submitRegistration,
} from './service/operator-registration.ts';
import { listNotices, setShopContact, staffStatistics } from './service/staff-statistics.ts';
import { createTemplate, getTemplate, listTemplates, updateTemplate } from './service/templates.ts';

const readers = staffAndOperatorRoles;
const editors = [...fieldStaffRoles, 'operator'] as const;

export const foodSafetyRoutes: RoutePlugin = (app, platform) => {
  const ctx = (request: Parameters<typeof actorContextOf>[1]) => actorContextOf(platform, request);
  app.get(
    '/api/v1/food-safety/inspector-consistency',
    {
      schema: { querystring: ConsistencyQuery, response: { 200: InspectorConsistencyView } },
      preHandler: requireRole(...districtWideRoles),
    },
    (request) => inspectorConsistency(ctx(request), request.query.year),
  );
  app.get(
    '/api/v1/food-handlers',
    { schema: { querystring: HandlerQuery, response: { 200: HandlerList } }, preHandler: requireRole(...readers) },
    (request) => listHandlers(ctx(request), request.query),
  );
  app.post(
    '/api/v1/food-handlers',
    { schema: { body: CreateHandlerBody, response: { 201: HandlerView } }, preHandler: requireRole(...editors) },
    async (request, reply) => reply.code(201).send(await createHandler(ctx(request), request.body)),
  );
  app.post(
    '/api/v1/food-handlers/import',
    { schema: { body: ImportBody, response: { 200: ImportResult } }, preHandler: requireRole(...editors), bodyLimit: 1_100_000 },
    (request) => importHandlers(ctx(request), request.body),
  );
  app.get(
    '/api/v1/food-handlers/:id',
    { schema: { params: IdParams, response: { 200: HandlerView } }, preHandler: requireRole(...readers) },
    (request) => getHandler(ctx(request), request.params.id),
  );
  app.patch(
    '/api/v1/food-handlers/:id',
    { schema: { params: IdParams, body: UpdateHandlerBody, response: { 200: HandlerView } }, preHandler: requireRole(...editors) },
    (request) => updateHandler(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/food-handlers/:id/certificates',
    { schema: { params: IdParams, body: CertificateBody, response: { 200: HandlerView } }, preHandler: requireRole(...editors) },
    (request) => addCertificate(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/food-handlers/:id/reveal-id-number',
    { schema: { params: IdParams, body: RevealBody, response: { 200: RevealView } }, preHandler: requireRole(...fieldStaffRoles) },
    (request) => revealIdNumber(ctx(request), request.params.id, request.body.reason),
  );
  app.get(
    '/api/v1/health-certificate-warnings',
    { schema: { querystring: WarningQuery, response: { 200: WarningList } }, preHandler: requireRole(...readers) },
    (request) => listWarnings(ctx(request), request.query),
  );
  app.get(
    '/api/v1/food-handler-statistics',
    {
      schema: { querystring: StatisticsQuery, response: { 200: StatisticsView } },
      preHandler: requireRole(...bureauStaffRoles),
    },
    (request) => staffStatistics(ctx(request), request.query),
  );
  app.put(
    '/api/v1/food-safety-contacts',
    { schema: { body: ContactBody, response: { 200: ContactView } }, preHandler: requireRole(...editors) },
    (request) => setShopContact(ctx(request), request.body),
  );
  app.get(
    '/api/v1/food-safety-notices',
    { schema: { querystring: NoticeQuery, response: { 200: NoticeList } }, preHandler: requireRole('operator') },
    (request) => listNotices(ctx(request), request.query),
  );

  // ── Stage 3: checklist templates (section staff), inspections, grades, due lists ──
  const staff = bureauStaffRoles;
  app.get('/api/v1/inspection-templates', { schema: { response: { 200: TemplateList } }, preHandler: requireRole(...staff) }, (request) =>
    listTemplates(ctx(request)),
  );
  app.post(
    '/api/v1/inspection-templates',
    { schema: { body: CreateTemplateBody, response: { 201: TemplateView } }, preHandler: requireRole('section') },
    async (request, reply) => reply.code(201).send(await createTemplate(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/inspection-templates/:id',
    { schema: { params: IdParams, response: { 200: TemplateView } }, preHandler: requireRole(...staff) },
    (request) => getTemplate(ctx(request), request.params.id),
  );
  app.patch(
    '/api/v1/inspection-templates/:id',
    { schema: { params: IdParams, body: UpdateTemplateBody, response: { 200: TemplateView } }, preHandler: requireRole('section') },
    (request) => updateTemplate(ctx(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/food-inspections',
    { schema: { querystring: InspectionQuery, response: { 200: InspectionList } }, preHandler: requireRole(...readers) },
    (request) => listInspections(ctx(request), request.query),
  );
  app.post(
    '/api/v1/food-inspections',
    {
      schema: { body: CreateInspectionBody, response: { 201: InspectionView } },
      preHandler: requireRole(...fieldStaffRoles),
      // Up to 6 photos and 2 signatures as data URLs (≤ 5 MB each, checked in the service); a phone sends ~1600 px JPEGs.
      bodyLimit: 8 * inspectionFileDataUrlMax + 1_000_000,
    },
    async (request, reply) => reply.code(201).send(await createInspection(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/food-inspections/:id',
    { schema: { params: IdParams, response: { 200: InspectionView } }, preHandler: requireRole(...readers) },
    (request) => getInspection(ctx(request), request.params.id),
  );
  app.get(
    '/api/v1/food-inspections/:id/record',
    {
      schema: { params: IdParams, response: { 200: fileResponse('text/html', 'The printable inspection record') } },
      preHandler: requireRole(...readers),
    },
    async (request, reply) => reply.type('text/html; charset=utf-8').send(await inspectionRecordHtml(ctx(request), request.params.id)),
  );
  // A photo or drawn signature of the inspection: its station's staff and the shop's operator; each download audited.
  app.get(
    '/api/v1/food-inspections/:id/files/:fileId',
    {
      schema: { params: InspectionFileParams, response: { 200: fileResponse(['image/jpeg', 'image/png'], 'The photo or signature') } },
      preHandler: requireRole(...readers),
    },
    async (request, reply) => {
      const file = await downloadInspectionFile(ctx(request), request.params.id, request.params.fileId);
      return reply
        .headers({
          'content-type': file.contentType,
          'content-disposition': 'inline',
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
        })
        .send(file.content);
    },
  );
  app.get(
    '/api/v1/rectification-orders',
    { schema: { querystring: RectificationQuery, response: { 200: RectificationList } }, preHandler: requireRole(...readers) },
    (request) => listRectifications(ctx(request), request.query),
  );
  app.get(
    '/api/v1/food-safety-due',
    { schema: { querystring: DueQuery, response: { 200: DueList } }, preHandler: requireRole(...staff) },
    (request) => listDue(ctx(request), request.query),
  );
  app.get(
    '/api/v1/food-safety-grades/:id',
    { schema: { params: IdParams, response: { 200: GradeView } }, preHandler: requireRole(...readers) },
    (request) => gradeHistoryOf(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/inspection-conflicts',
    { schema: { body: ConflictBody, response: { 201: ConflictView } }, preHandler: requireRole('inspector') },
    async (request, reply) => reply.code(201).send(await declareConflict(ctx(request), request.body)),
  );
  // ── Stage 3b: supervision data comparison ──
  app.get(
    '/api/v1/supervision-findings',
    { schema: { querystring: FindingQuery, response: { 200: FindingList } }, preHandler: requireRole(...staff) },
    (request) => listFindings(ctx(request), request.query),
  );
  app.get(
    '/api/v1/supervision-findings/:id',
    { schema: { params: IdParams, response: { 200: FindingView } }, preHandler: requireRole(...staff) },
    (request) => getFinding(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/supervision-findings/:id/handle',
    { schema: { params: IdParams, body: ReasonBody, response: { 200: FindingView } }, preHandler: requireRole(...fieldStaffRoles) },
    (request) => closeFinding(ctx(request), request.params.id, 'handled', request.body.reason),
  );
  app.post(
    '/api/v1/supervision-findings/:id/dismiss',
    { schema: { params: IdParams, body: ReasonBody, response: { 200: FindingView } }, preHandler: requireRole(...fieldStaffRoles) },
    (request) => closeFinding(ctx(request), request.params.id, 'dismissed', request.body.reason),
  );
  app.get(
    '/api/v1/comparison-runs',
    { schema: { response: { 200: ComparisonRunList } }, preHandler: requireRole(...districtWideRoles) },
    (request) => listComparisonRuns(ctx(request)),
  );
  // ── Stage 4: operator portal ──
  const reviewers = fieldStaffRoles;
  app.post(
    '/api/v1/shop-uploads',
    { schema: { body: UploadBody, response: { 201: UploadView } }, preHandler: requireRole('operator'), bodyLimit: 5_000_000 },
    async (request, reply) => reply.code(201).send(await submitUpload(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/shop-uploads',
    { schema: { querystring: UploadQuery, response: { 200: UploadList } }, preHandler: requireRole(...readers) },
    (request) => listUploads(ctx(request), request.query),
  );
  app.get(
    '/api/v1/shop-uploads/:id',
    { schema: { params: IdParams, response: { 200: UploadView } }, preHandler: requireRole(...readers) },
    (request) => getUpload(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/shop-uploads/:id/approve',
    { schema: { params: IdParams, body: NoBody, response: { 200: UploadView } }, preHandler: requireRole(...reviewers) },
    (request) => reviewUpload(ctx(request), request.params.id, 'approved', undefined),
  );
  app.post(
    '/api/v1/shop-uploads/:id/return',
    { schema: { params: IdParams, body: ReturnBody, response: { 200: UploadView } }, preHandler: requireRole(...reviewers) },
    (request) => reviewUpload(ctx(request), request.params.id, 'returned', request.body.reason),
  );
  app.post(
    '/api/v1/grade-appeals',
    { schema: { body: AppealBody, response: { 201: AppealView } }, preHandler: requireRole('operator') },
    async (request, reply) => reply.code(201).send(await submitAppeal(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/grade-appeals',
    { schema: { querystring: AppealQuery, response: { 200: AppealList } }, preHandler: requireRole(...readers) },
    (request) => listAppeals(ctx(request), request.query),
  );
  app.get(
    '/api/v1/grade-appeals/:id',
    { schema: { params: IdParams, response: { 200: AppealView } }, preHandler: requireRole(...readers) },
    (request) => getAppeal(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/grade-appeals/:id/decide',
    { schema: { params: IdParams, body: DecideAppealBody, response: { 200: AppealView } }, preHandler: requireRole(...reviewers) },
    (request) => decideAppeal(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/reinspection-requests',
    { schema: { body: ReinspectionBody, response: { 201: ReinspectionView } }, preHandler: requireRole('operator') },
    async (request, reply) => reply.code(201).send(await requestReinspection(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/reinspection-requests',
    { schema: { querystring: ReinspectionQuery, response: { 200: ReinspectionList } }, preHandler: requireRole(...readers) },
    (request) => listReinspectionRequests(ctx(request), request.query),
  );

  // ── Operator self-registration: signed out (CSRF origin check as every write; rate-limited per IP) ──
  app.post(
    '/api/v1/operator-registrations',
    {
      schema: { body: RegistrationBody, response: { 201: RegistrationReceipt } },
      config: { rateLimit: { max: 5, timeWindow: '10 minutes' } },
    },
    async (request, reply) => reply.code(201).send(await submitRegistration(contextOf(platform, request), request.body)),
  );
  const deciders = caseWorkerRoles;
  app.get(
    '/api/v1/operator-registrations',
    { schema: { querystring: ApplicationQuery, response: { 200: ApplicationList } }, preHandler: requireRole(...deciders) },
    (request) => listApplications(ctx(request), request.query),
  );
  app.get(
    '/api/v1/operator-registrations/:id',
    { schema: { params: IdParams, response: { 200: ApplicationView } }, preHandler: requireRole(...deciders) },
    (request) => getApplication(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/operator-registrations/:id/approve',
    { schema: { params: IdParams, body: NoBody, response: { 200: ApplicationView } }, preHandler: requireRole(...deciders) },
    (request) => approveApplication(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/operator-registrations/:id/reject',
    { schema: { params: IdParams, body: ReasonBody, response: { 200: ApplicationView } }, preHandler: requireRole(...deciders) },
    (request) => rejectApplication(ctx(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/v1/operator-registrations/:id/reveal-phone',
    { schema: { params: IdParams, body: RevealBody, response: { 200: PhoneView } }, preHandler: requireRole(...deciders) },
    (request) => revealApplicantPhone(ctx(request), request.params.id, request.body.reason),
  );
};
