import type { FastifyRequest } from 'fastify';
import { todayInChina } from '../../../shared/calendar-day.ts';
import { bureauStaffRoles, epidemicTeamRoles, settingsRoles } from '../../../shared/roles.ts';
import { actorContextOf, contextOf } from '../../platform/http/context.ts';
import { fileResponse, IdParams, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { html, publicLanguage, publicPage } from '../../platform/public-html/html.ts';
import {
  AttendanceView,
  BulkBody,
  BulkResult,
  CheckBody,
  CloseServicePointBody,
  DayQuery,
  MonthQuery,
  NilReportBody,
  NilReportReceipt,
  PharmacistBody,
  PharmacistList,
  PharmacistViewSchema,
  PublicParams,
  PublicQuery,
  RegistrationBody,
  RegistrationList,
  RegistrationQuery,
  RegistrationViewSchema,
  RevealBody,
  RevealView,
  ServicePointBody,
  ServicePointList,
  ServicePointViewSchema,
  ShiftView,
  StatusView,
  SupplyBody,
  SupplyReceipt,
  SupplyView,
  SurveillanceView,
} from './pharmacies.schemas.ts';
import { attendanceMonth, checkIn, checkOut, listPharmacists, registerPharmacist } from './service/attendance.ts';
import { exportFollowUps } from './service/follow-up-export.ts';
import {
  getRegistration,
  listRegistrations,
  registerAtCounter,
  registerBulk,
  reportNothingToday,
  revealRegistrationField,
} from './service/registrations.ts';
import {
  closeServicePoint,
  createServicePoint,
  getServicePoint,
  listServicePoints,
  publicServicePoints,
} from './service/service-points.ts';
import { reportSupplies, supplyStatus } from './service/supplies.ts';
import { pharmacyStatus, surveillance } from './service/surveillance.ts';

const tags = ['pharmacies'];
/** Who registers buyers: the pharmacy's own account (counter page, POS system); the bureau may enter a paper form. */
const registrars = requireRole('operator', ...settingsRoles);
const staffAndPharmacies = requireRole(...bureauStaffRoles, 'operator');

export const pharmacyRoutes: RoutePlugin = async (app, platform) => {
  const ctx = (request: FastifyRequest) => actorContextOf(platform, request);
  app.post(
    '/api/v1/pharmacies/registrations',
    { schema: { tags, body: RegistrationBody, response: { 201: RegistrationViewSchema } }, preHandler: registrars },
    async (request, reply) => reply.status(201).send(await registerAtCounter(ctx(request), request.body)),
  );
  app.post(
    '/api/v1/pharmacies/registrations/bulk',
    { schema: { tags, body: BulkBody, response: { 200: BulkResult } }, preHandler: registrars, bodyLimit: 2 * 1024 * 1024 },
    (request) => registerBulk(ctx(request), request.body),
  );
  app.get(
    '/api/v1/pharmacies/registrations',
    { schema: { tags, querystring: RegistrationQuery, response: { 200: RegistrationList } }, preHandler: staffAndPharmacies },
    (request) => listRegistrations(ctx(request), request.query),
  );
  app.get(
    '/api/v1/pharmacies/registrations/:id',
    { schema: { tags, params: IdParams, response: { 200: RegistrationViewSchema } }, preHandler: staffAndPharmacies },
    (request) => getRegistration(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/pharmacies/registrations/:id/reveal',
    { schema: { tags, params: IdParams, body: RevealBody, response: { 200: RevealView } }, preHandler: requireRole(...epidemicTeamRoles) },
    (request) => revealRegistrationField(ctx(request), request.params.id, request.body),
  );
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  app.get(
    '/api/v1/pharmacies/follow-ups.xlsx',
    {
      schema: { tags, querystring: DayQuery, response: { 200: fileResponse(xlsx, "The day's follow-up list, .xlsx") } },
      preHandler: requireRole(...epidemicTeamRoles),
    },
    async (request, reply) => {
      const body = await exportFollowUps(ctx(request), request.query.day);
      return reply
        .type(xlsx)
        .header('content-disposition', `attachment; filename="follow-ups-${request.query.day ?? 'today'}.xlsx"`)
        .send(body);
    },
  );
  app.post(
    '/api/v1/pharmacies/reports',
    {
      schema: { tags, body: NilReportBody, response: { 201: NilReportReceipt } },
      preHandler: registrars,
    },
    async (request, reply) => reply.status(201).send(await reportNothingToday(ctx(request), request.body.pharmacyId)),
  );
  app.get(
    '/api/v1/pharmacies/status',
    { schema: { tags, querystring: DayQuery, response: { 200: StatusView } }, preHandler: staffAndPharmacies },
    (request) => pharmacyStatus(ctx(request), request.query.day),
  );
  app.get(
    '/api/v1/pharmacies/surveillance',
    { schema: { tags, querystring: DayQuery, response: { 200: SurveillanceView } }, preHandler: requireRole(...bureauStaffRoles) },
    (request) => surveillance(ctx(request), request.query.day),
  );
  app.get(
    '/api/v1/pharmacies/service-points',
    { schema: { tags, response: { 200: ServicePointList } }, preHandler: staffAndPharmacies },
    (request) => listServicePoints(ctx(request)),
  );
  app.post(
    '/api/v1/pharmacies/service-points',
    { schema: { tags, body: ServicePointBody, response: { 201: ServicePointViewSchema } }, preHandler: requireRole(...settingsRoles) },
    async (request, reply) => reply.status(201).send(await createServicePoint(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/pharmacies/service-points/:id',
    { schema: { tags, params: IdParams, response: { 200: ServicePointViewSchema } }, preHandler: staffAndPharmacies },
    (request) => getServicePoint(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/pharmacies/service-points/:id/close',
    {
      schema: {
        tags,
        params: IdParams,
        body: CloseServicePointBody,
        response: { 200: ServicePointViewSchema },
      },
      preHandler: requireRole(...settingsRoles),
    },
    (request) => closeServicePoint(ctx(request), request.params.id, request.body.closedOn),
  );
  // 阳光药师: the pharmacy's phone checks its pharmacists in and out; staff see the month's rates.
  app.get(
    '/api/v1/pharmacies/pharmacists',
    { schema: { tags, response: { 200: PharmacistList } }, preHandler: staffAndPharmacies },
    (request) => listPharmacists(ctx(request)),
  );
  app.post(
    '/api/v1/pharmacies/pharmacists',
    { schema: { tags, body: PharmacistBody, response: { 201: PharmacistViewSchema } }, preHandler: registrars },
    async (request, reply) => reply.status(201).send(await registerPharmacist(ctx(request), request.body)),
  );
  app.post(
    '/api/v1/pharmacies/attendance/check-in',
    { schema: { tags, body: CheckBody, response: { 201: ShiftView } }, preHandler: requireRole('operator') },
    async (request, reply) => reply.status(201).send(await checkIn(ctx(request), request.body)),
  );
  app.post(
    '/api/v1/pharmacies/attendance/check-out',
    { schema: { tags, body: CheckBody, response: { 200: ShiftView } }, preHandler: requireRole('operator') },
    (request) => checkOut(ctx(request), request.body),
  );
  app.get(
    '/api/v1/pharmacies/attendance',
    { schema: { tags, querystring: MonthQuery, response: { 200: AttendanceView } }, preHandler: requireRole(...bureauStaffRoles) },
    (request) => attendanceMonth(ctx(request), request.query.month),
  );
  // Epidemic supplies: the pharmacy reports its stock; the station sees shortages on its map.
  app.post(
    '/api/v1/pharmacies/supplies',
    {
      schema: {
        tags,
        body: SupplyBody,
        response: { 201: SupplyReceipt },
      },
      preHandler: registrars,
    },
    async (request, reply) => reply.status(201).send(await reportSupplies(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/pharmacies/supplies',
    { schema: { tags, querystring: DayQuery, response: { 200: SupplyView } }, preHandler: staffAndPharmacies },
    (request) => supplyStatus(ctx(request), request.query.day),
  );
  // Public: where to get medicine delivered or dispensed (送药上山进岛, 24-hour delivery), no sign-in.
  app.get(
    '/public/pharmacy-service-points/:district',
    { schema: { hide: true, params: PublicParams, querystring: PublicQuery }, config: { rateLimit: { max: 120, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const language = publicLanguage(request.query, request.headers['accept-language']);
      const en = language === 'en';
      const service = contextOf(platform, request);
      const points = await publicServicePoints(service, request.params.district, todayInChina(service.clock.now()));
      const section = (kind: 'remote_point' | 'delivery_24h', title: string) => {
        const ofKind = points.filter((point) => point.kind === kind);
        return html`<section><h2>${title}</h2>${
          ofKind.length
            ? html`<ul>${ofKind.map(
                (point) =>
                  html`<li><strong>${point.name}</strong><br>${point.address}<br><span class="muted">${en ? 'Serves' : '服务范围'}: ${point.serviceArea}${point.hours ? html` · ${point.hours}` : ''}${point.phone ? html` · ${point.phone}` : ''}</span></li>`,
              )}</ul>`
            : html`<p class="muted">${en ? 'None at present.' : '暂无。'}</p>`
        }</section>`;
      };
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(
          publicPage({
            language,
            title: en ? 'Medicine delivery and remote dispensing points' : '送药服务点与24小时送药药店',
            body: html`${section('remote_point', en ? 'Remote dispensing points (to the hills and islands)' : '送药上山进岛服务点')}${section(
              'delivery_24h',
              en ? '24-hour pharmacies: order online, delivered from the shop' : '24小时"网订店送"药店',
            )}`,
            path: `/public/pharmacy-service-points/${request.params.district}`,
          }),
        );
    },
  );
};
