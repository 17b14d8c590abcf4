import { Type } from 'typebox';
import { todayInChina } from '../../../shared/calendar-day.ts';
import { bureauStaffRoles, caseWorkerRoles, settingsRoles, staffAndOperatorRoles } from '../../../shared/roles.ts';
import { actorContextOf } from '../../platform/http/context.ts';
import { type AppInstance, fileResponse, IdParams, NoBody, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { publicLanguage } from '../../platform/public-html/html.ts';
import { maxUploadBytes } from './rules/file-signature.ts';
import {
  BlindCodeParams,
  CreatePlanBody,
  CreateSampleBody,
  FileCreated,
  fileContentTypes,
  HandlingList,
  HandlingQuery,
  HandlingView,
  LabOption,
  LabReportCreated,
  LabResultsBody,
  LabSampleList,
  LabSampleQuery,
  LabSampleView,
  NotifyBody,
  ObjectionBody,
  PlanList,
  PlanQuery,
  PlanView,
  RapidResultBody,
  ReceiveBody,
  RetestBody,
  SampleList,
  SampleQuery,
  SamplerOption,
  SampleView,
  SendToLabBody,
  StatisticsQuery,
  StatisticsView,
  UpdateHandlingBody,
} from './sampling.schemas.ts';
import { downloadFile, uploadPhoto } from './service/files.ts';
import { getHandling, listHandling, updateHandling } from './service/handling.ts';
import {
  downloadLabReport,
  getLabSample,
  listLabSamples,
  receiveLabSample,
  submitLabResults,
  uploadLabReport,
} from './service/lab-workbench.ts';
import { createPlan, getPlan, listPlans } from './service/plans.ts';
import { publicResultsPage } from './service/public-results.ts';
import { fileObjection, notifyResult, publishResult, recordRapidResult, requestRetest, sendToLab } from './service/sample-steps.ts';
import { createSample, getSample, listLabs, listSamplers, listSamples } from './service/samples.ts';
import { samplingStatistics } from './service/statistics.ts';

const extensions: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };
const PublicQuery = Type.Object(
  {
    district: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: 'default: the district of this deployment' })),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'default: this year in China' })),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    lang: Type.Optional(Type.Enum(['zh-CN', 'zh', 'en'])),
  },
  { additionalProperties: false },
);

function routes(app: AppInstance, platform: Parameters<RoutePlugin>[1]) {
  const tags = ['sampling'];
  const readers = { preHandler: requireRole(...bureauStaffRoles) };
  const samplers = { preHandler: requireRole(...caseWorkerRoles) };
  const deciders = { preHandler: requireRole(...settingsRoles) };
  const handlingReaders = { preHandler: requireRole(...staffAndOperatorRoles) };
  const labOnly = { preHandler: requireRole('lab') };
  const ctx = (request: Parameters<typeof actorContextOf>[1]) => actorContextOf(platform, request);

  // Files arrive as the raw body (PDF, PNG, JPEG), ≤ 10 MB; the service checks the bytes against the type.
  app.addContentTypeParser([...fileContentTypes], { parseAs: 'buffer', bodyLimit: maxUploadBytes }, (_request, body, done) =>
    done(null, body),
  );

  // ── plans
  app.get('/api/v1/sampling/plans', { ...readers, schema: { tags, querystring: PlanQuery, response: { 200: PlanList } } }, (request) =>
    listPlans(ctx(request), request.query),
  );
  app.post(
    '/api/v1/sampling/plans',
    { ...deciders, schema: { tags, body: CreatePlanBody, response: { 201: PlanView } } },
    async (request, reply) => reply.status(201).send(await createPlan(ctx(request), request.body)),
  );
  app.get('/api/v1/sampling/plans/:id', { ...readers, schema: { tags, params: IdParams, response: { 200: PlanView } } }, (request) =>
    getPlan(ctx(request), request.params.id),
  );

  // ── samples, bureau side
  app.get('/api/v1/sampling/labs', { ...readers, schema: { tags, response: { 200: Type.Array(LabOption) } } }, (request) =>
    listLabs(ctx(request)),
  );
  app.get('/api/v1/sampling/samplers', { ...readers, schema: { tags, response: { 200: Type.Array(SamplerOption) } } }, (request) =>
    listSamplers(ctx(request)),
  );
  app.get(
    '/api/v1/sampling/samples',
    { ...readers, schema: { tags, querystring: SampleQuery, response: { 200: SampleList } } },
    (request) => listSamples(ctx(request), request.query),
  );
  app.post(
    '/api/v1/sampling/samples',
    { ...samplers, schema: { tags, body: CreateSampleBody, response: { 201: SampleView } } },
    async (request, reply) => reply.status(201).send(await createSample(ctx(request), request.body)),
  );
  app.get('/api/v1/sampling/samples/:id', { ...readers, schema: { tags, params: IdParams, response: { 200: SampleView } } }, (request) =>
    getSample(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/sampling/samples/:id/send',
    { ...samplers, schema: { tags, params: IdParams, body: SendToLabBody, response: { 200: SampleView } } },
    (request) => sendToLab(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/sampling/samples/:id/rapid-result',
    { ...samplers, schema: { tags, params: IdParams, body: RapidResultBody, response: { 200: SampleView } } },
    (request) => recordRapidResult(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/sampling/samples/:id/objection',
    { ...samplers, schema: { tags, params: IdParams, body: ObjectionBody, response: { 201: SampleView } } },
    async (request, reply) => reply.status(201).send(await fileObjection(ctx(request), request.params.id, request.body)),
  );
  app.post(
    '/api/v1/sampling/samples/:id/notify',
    { ...deciders, schema: { tags, params: IdParams, body: NotifyBody, response: { 200: SampleView } } },
    (request) => notifyResult(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/sampling/samples/:id/retest',
    { ...deciders, schema: { tags, params: IdParams, body: RetestBody, response: { 201: SampleView } } },
    async (request, reply) => reply.status(201).send(await requestRetest(ctx(request), request.params.id, request.body)),
  );
  app.post(
    '/api/v1/sampling/samples/:id/publish',
    { ...deciders, schema: { tags, params: IdParams, body: NoBody, response: { 200: SampleView } } },
    (request) => publishResult(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/sampling/samples/:id/photos',
    { ...samplers, bodyLimit: maxUploadBytes, schema: { tags, params: IdParams, response: { 201: FileCreated } } },
    async (request, reply) =>
      reply.status(201).send(await uploadPhoto(ctx(request), request.params.id, request.headers['content-type'], request.body)),
  );
  app.get(
    '/api/v1/sampling/files/:id',
    { ...readers, schema: { tags, params: IdParams, response: { 200: fileResponse(fileContentTypes, 'The file') } } },
    async (request, reply) => {
      const file = await downloadFile(ctx(request), request.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}.${extensions[file.contentType]}"`)
        .send(file.content);
    },
  );

  // ── failure handling (核查处置)
  app.get(
    '/api/v1/sampling/handling',
    { ...handlingReaders, schema: { tags, querystring: HandlingQuery, response: { 200: HandlingList } } },
    (request) => listHandling(ctx(request), request.query),
  );
  app.get(
    '/api/v1/sampling/handling/:id',
    { ...handlingReaders, schema: { tags, params: IdParams, response: { 200: HandlingView } } },
    (request) => getHandling(ctx(request), request.params.id),
  );
  app.patch(
    '/api/v1/sampling/handling/:id',
    { ...samplers, schema: { tags, params: IdParams, body: UpdateHandlingBody, response: { 200: HandlingView } } },
    (request) => updateHandling(ctx(request), request.params.id, request.body),
  );

  // ── statistics
  app.get(
    '/api/v1/sampling/statistics',
    { ...readers, schema: { tags, querystring: StatisticsQuery, response: { 200: StatisticsView } } },
    (request) => samplingStatistics(ctx(request), request.query),
  );

  // ── the lab's blind workbench: addressed by blind code; responses are LabSampleView only
  const labTags = ['sampling-lab'];
  app.get(
    '/api/v1/lab/samples',
    { ...labOnly, schema: { tags: labTags, querystring: LabSampleQuery, response: { 200: LabSampleList } } },
    (request) => listLabSamples(ctx(request), request.query),
  );
  app.get(
    '/api/v1/lab/samples/:id',
    { ...labOnly, schema: { tags: labTags, params: BlindCodeParams, response: { 200: LabSampleView } } },
    (request) => getLabSample(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/lab/samples/:id/receive',
    { ...labOnly, schema: { tags: labTags, params: BlindCodeParams, body: ReceiveBody, response: { 200: LabSampleView } } },
    (request) => receiveLabSample(ctx(request), request.params.id, request.body),
  );
  app.put(
    '/api/v1/lab/samples/:id/results',
    { ...labOnly, schema: { tags: labTags, params: BlindCodeParams, body: LabResultsBody, response: { 200: LabSampleView } } },
    (request) => submitLabResults(ctx(request), request.params.id, request.body),
  );
  app.put(
    '/api/v1/lab/samples/:id/report',
    { ...labOnly, bodyLimit: maxUploadBytes, schema: { tags: labTags, params: BlindCodeParams, response: { 200: LabReportCreated } } },
    (request) => uploadLabReport(ctx(request), request.params.id, request.headers['content-type'], request.body),
  );
  app.get(
    '/api/v1/lab/samples/:id/report',
    { ...labOnly, schema: { tags: labTags, params: BlindCodeParams, response: { 200: fileResponse(fileContentTypes, 'The report') } } },
    async (request, reply) => {
      const file = await downloadLabReport(ctx(request), request.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}.${extensions[file.contentType]}"`)
        .send(file.content);
    },
  );

  // ── public results (no login)
  app.get(
    '/public/sampling',
    { schema: { hide: true, querystring: PublicQuery }, config: { rateLimit: { max: 120, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const language = publicLanguage(request.query, request.headers['accept-language']);
      const page = await publicResultsPage(platform.database.db, {
        districtCode: request.query.district ?? platform.config.ZHIJIAN_DISTRICT_CODE,
        year: request.query.year ?? Number(todayInChina(platform.clock.now()).slice(0, 4)),
        q: request.query.q?.trim() || undefined,
        page: request.query.page ?? 1,
        language,
      });
      return reply.status(page.status).type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(page.body);
    },
  );
}

/** Sampling inspection 抽检: plans, samples, the lab's blind workbench, failure handling, statistics, public results. */
export const samplingRoutes: RoutePlugin = async (app, platform) => {
  // Encapsulated, so the raw-file content-type parser applies to these routes only.
  await app.register(async (scoped) => routes(scoped as unknown as AppInstance, platform));
};
