import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { type TSchema, Type } from 'typebox';
import { bureauStaffRoles, caseWorkerRoles } from '../../../shared/roles.ts';
import { actorContextOf, contextOf } from '../../platform/http/context.ts';
import { fileResponse, IdParams, NoBody, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { publicLanguage } from '../../platform/public-html/html.ts';
import {
  AttachmentParams,
  ComplaintAttachmentList,
  ComplaintList,
  ComplaintListQuery,
  ComplaintStatisticsQuery,
  ComplaintStatisticsView,
  ComplaintView,
  DatedBody,
  DecideCaseBody,
  EndMediationBody,
  ExtendBody,
  FlagSummaryView,
  IntakeBody,
  ReassignBody,
  RejectBody,
  RevealBody,
  RevealView,
  RuleSetView,
  SurveyAnswerBody,
} from './complaints.schemas.ts';
import {
  attachmentDisposition,
  attachmentLimits,
  attachmentTypes,
  listAttachments,
  readAttachment,
  type UploadedFile,
  uploadLimitProblem,
} from './service/complaint-attachments.ts';
import {
  acceptItem,
  decideCase,
  endMediation,
  extendItem,
  reassignItem,
  recordSurveyAnswer,
  rejectItem,
  replyItem,
  revealComplainant,
  sendSurvey,
  startVerification,
} from './service/complaint-handling.ts';
import { receiveByStaff } from './service/complaint-intake.ts';
import { flagSummary, getComplaint, listComplaints, ruleSetViews } from './service/complaint-queries.ts';
import { complaintStatistics } from './service/complaint-statistics.ts';
import { counterScript, type PublicUploads, publicComplaintForm, submitPublicComplaint } from './service/public-complaint.ts';
import { lookUpStatus, publicStatusForm } from './service/public-status.ts';

// Generous: the service names a text that is too long on the form itself, keeping what the person wrote.
const formText = Type.Optional(Type.String({ maxLength: 16_000 }));
/** The public form as a browser posts it: every field text, checked by the service so errors re-render the form. */
const PublicFormBody = Type.Object(
  {
    district: formText,
    entity: formText,
    kind: formText,
    category: formText,
    respondentName: formText,
    respondentAddress: formText,
    streetCode: formText,
    name: formText,
    phone: formText,
    address: formText,
    anonymous: formText,
    facts: formText,
    request: formText,
    knewOn: formText,
  },
  { additionalProperties: false },
);
const StatusFormBody = Type.Object(
  {
    district: Type.Optional(Type.String({ maxLength: 6 })),
    number: Type.Optional(Type.String({ maxLength: 100 })),
    digits: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
const PublicFormQuery = Type.Object(
  {
    entity: Type.Optional(Type.String({ maxLength: 40 })),
    district: Type.Optional(Type.String({ maxLength: 6 })),
    lang: Type.Optional(Type.String({ maxLength: 5 })),
  },
  { additionalProperties: false },
);

/** The multipart reader's refusals that the form shows as an attachment problem (anything else is a real error). */
const uploadLimitCodes = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

const publicHeaders = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

export const complaintRoutes: RoutePlugin = async (app, platform) => {
  const tags = ['complaints'];
  /** Bureau staff only: a respondent (operator) must never see who complained (Order 20 Art. 33). */
  const staff = { preHandler: requireRole(...bureauStaffRoles) };
  const revealers = { preHandler: requireRole(...caseWorkerRoles) };
  const ctx = (request: Parameters<typeof actorContextOf>[1]) => actorContextOf(platform, request);

  app.get(
    '/api/v1/complaints',
    { schema: { tags, querystring: ComplaintListQuery, response: { 200: ComplaintList } }, ...staff },
    (request) => listComplaints(ctx(request), request.query),
  );
  app.post(
    '/api/v1/complaints',
    { schema: { tags, body: IntakeBody, response: { 201: ComplaintView } }, ...staff },
    async (request, reply) => {
      const row = await receiveByStaff(ctx(request), request.body);
      return reply.status(201).send(await getComplaint(ctx(request), row.id));
    },
  );
  app.get('/api/v1/complaints/flags', { schema: { tags, response: { 200: FlagSummaryView } }, ...staff }, (request) =>
    flagSummary(ctx(request)),
  );
  app.get('/api/v1/complaints/rule-sets', { schema: { tags, response: { 200: Type.Array(RuleSetView) } }, ...staff }, () => ruleSetViews());
  app.get(
    '/api/v1/complaints/statistics',
    { schema: { tags, querystring: ComplaintStatisticsQuery, response: { 200: ComplaintStatisticsView } }, ...staff },
    (request) => complaintStatistics(ctx(request), request.query),
  );
  app.get('/api/v1/complaints/:id', { schema: { tags, params: IdParams, response: { 200: ComplaintView } }, ...staff }, (request) =>
    getComplaint(ctx(request), request.params.id),
  );

  /** One step of the handling: schema, role, one service call, the updated file back. */
  const stepRoute = <B extends TSchema>(body: B) => ({
    schema: { tags, params: IdParams, body, response: { 200: ComplaintView } },
    ...staff,
  });
  const file = (request: Parameters<typeof actorContextOf>[1] & { params: { id: number } }) =>
    getComplaint(ctx(request), request.params.id);
  app.post('/api/v1/complaints/:id/accept', stepRoute(DatedBody), async (request) => {
    await acceptItem(ctx(request), request.params.id, request.body);
    return file(request);
  });
  app.post('/api/v1/complaints/:id/reject', stepRoute(RejectBody), async (request) => {
    await rejectItem(ctx(request), request.params.id, request.body);
    return file(request);
  });
  app.post('/api/v1/complaints/:id/end-mediation', stepRoute(EndMediationBody), async (request) => {
    await endMediation(ctx(request), request.params.id, request.body);
    return file(request);
  });
  app.post('/api/v1/complaints/:id/start-verification', stepRoute(DatedBody), async (request) => {
    await startVerification(ctx(request), request.params.id, request.body);
    return file(request);
  });
  app.post('/api/v1/complaints/:id/extend', stepRoute(ExtendBody), async (request) => {
    await extendItem(ctx(request), request.params.id, request.body);
    return file(request);
  });
  app.post('/api/v1/complaints/:id/decide-case', stepRoute(DecideCaseBody), async (request) => {
    await decideCase(ctx(request), request.params.id, request.body);
    return file(request);
  });
  app.post('/api/v1/complaints/:id/reply', stepRoute(DatedBody), async (request) => {
    await replyItem(ctx(request), request.params.id, request.body);
    return file(request);
  });
  app.post('/api/v1/complaints/:id/reassign', stepRoute(ReassignBody), async (request) => {
    await reassignItem(ctx(request), request.params.id, request.body);
    return file(request);
  });
  app.post('/api/v1/complaints/:id/survey', stepRoute(NoBody), async (request) => {
    await sendSurvey(ctx(request), request.params.id);
    return file(request);
  });
  app.post('/api/v1/complaints/:id/survey-answer', stepRoute(SurveyAnswerBody), async (request) => {
    await recordSurveyAnswer(ctx(request), request.params.id, request.body);
    return file(request);
  });
  app.post(
    '/api/v1/complaints/:id/reveal',
    { schema: { tags, params: IdParams, body: RevealBody, response: { 200: RevealView } }, ...revealers },
    (request) => revealComplainant(ctx(request), request.params.id, request.body.reason),
  );
  // Files a citizen attached to the public form: staff in the item's scope only, never the respondent.
  app.get(
    '/api/v1/complaints/:id/attachments',
    { schema: { tags, params: IdParams, response: { 200: ComplaintAttachmentList } }, ...staff },
    (request) => listAttachments(ctx(request), request.params.id),
  );
  app.get(
    '/api/v1/complaints/:id/attachments/:attachmentId',
    {
      schema: { tags, params: AttachmentParams, response: { 200: fileResponse(attachmentTypes, 'The attachment as uploaded') } },
      ...staff,
    },
    async (request, reply) => {
      const file = await readAttachment(ctx(request), request.params.id, request.params.attachmentId);
      return reply
        .headers({
          'content-type': file.contentType,
          'content-disposition': attachmentDisposition(file.filename),
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
        })
        .send(file.content);
    },
  );

  // The public form: no login, server-rendered, rate-limited per IP. Browsers post it multipart (with files) or
  // urlencoded; both parsers are registered in this child context only.
  await app.register(async (child) => {
    const publicApp = child.withTypeProvider<TypeBoxTypeProvider>();
    await publicApp.register(multipart, { limits: { ...attachmentLimits } });
    const uploads = new WeakMap<object, PublicUploads>();
    publicApp.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );
    publicApp.get(
      '/public/complaints/new',
      { schema: { hide: true, querystring: PublicFormQuery }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const language = publicLanguage(request.query, request.headers['accept-language']);
        const page = await publicComplaintForm(contextOf(platform, request), request.query, language);
        return reply.status(page.status).headers(publicHeaders).send(page.html);
      },
    );
    publicApp.get('/public/complaints/counter.js', { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(counterScript),
    );
    publicApp.get(
      '/public/complaints/status',
      { schema: { hide: true, querystring: PublicFormQuery }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const language = publicLanguage(request.query, request.headers['accept-language']);
        const page = await publicStatusForm(contextOf(platform, request), request.query, language);
        return reply.status(page.status).headers(publicHeaders).send(page.html);
      },
    );
    // The number and the phone digits travel in the body (never in an address that is logged), 10 tries per address.
    publicApp.post(
      '/public/complaints/status',
      {
        schema: { hide: true, body: StatusFormBody, querystring: PublicFormQuery },
        config: { rateLimit: { max: 10, timeWindow: '10 minutes' } },
      },
      async (request, reply) => {
        const language = publicLanguage(request.query, request.headers['accept-language']);
        const page = await lookUpStatus(contextOf(platform, request), request.body, language);
        return reply.status(page.status).headers(publicHeaders).send(page.html);
      },
    );
    publicApp.post(
      '/public/complaints',
      {
        schema: { hide: true, body: PublicFormBody, querystring: PublicFormQuery },
        config: { rateLimit: { max: 5, timeWindow: '10 minutes' } },
        // A multipart post is read here, before validation: the text fields become the body, the files wait for the service.
        preValidation: async (request) => {
          if (!request.isMultipart()) return;
          const fields: Record<string, string> = {};
          const files: UploadedFile[] = [];
          const problems: PublicUploads['problems'] = [];
          try {
            for await (const part of request.parts()) {
              if (part.type === 'file') {
                const content = await part.toBuffer();
                if (part.fieldname === 'attachments' && (part.filename !== '' || content.length > 0))
                  files.push({ filename: part.filename, content });
              } else if (part.fieldname !== 'attachments' && typeof part.value === 'string') fields[part.fieldname] = part.value;
            }
          } catch (error) {
            const code = (error as { code?: unknown }).code;
            if (typeof code !== 'string' || !uploadLimitCodes.has(code)) throw error;
            problems.push(uploadLimitProblem(code));
          }
          request.body = fields as typeof request.body;
          uploads.set(request, { files, problems });
        },
      },
      async (request, reply) => {
        const language = publicLanguage(request.query, request.headers['accept-language']);
        const page = await submitPublicComplaint(contextOf(platform, request), request.body, language, uploads.get(request));
        return reply.status(page.status).headers(publicHeaders).send(page.html);
      },
    );
  });
};
