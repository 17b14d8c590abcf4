import type { FastifyRequest } from 'fastify';
import {
  bureauStaffRoles,
  caseWorkerAndOperatorRoles,
  caseWorkerRoles,
  settingsRoles,
  specialEquipmentRoles,
  staffAndOperatorRoles,
} from '../../../shared/roles.ts';
import { actorContextOf } from '../../platform/http/context.ts';
import { IdParams, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { fileResponse } from '../../platform/http/schemas.ts';
import { cycleTableList, saveCycleTable } from './service/cycle-tables.ts';
import { createEmergencyPlan, getEmergencyPlan, listEmergencyPlans } from './service/emergency-plans.ts';
import {
  createEquipment,
  equipmentDetail,
  listEquipment,
  mapPoints,
  recordInspection,
  recordMaintenance,
  updateEquipment,
} from './service/equipment.ts';
import { addHazardPhoto, hazardPhotoContent } from './service/hazard-photos.ts';
import {
  escalateHazard,
  getHazard,
  listHazards,
  orderRectification,
  recheckHazard,
  recordHazard,
  reportRectification,
} from './service/hazards.ts';
import { importInspections } from './service/import-inspections.ts';
import { createDrill, createOperator, listDrills, listOperators } from './service/operators-drills.ts';
import { ratesOn } from './service/rates.ts';
import {
  CycleTableBody,
  CycleTableList,
  CycleTableVersionSchema,
  DrillBody,
  DrillList,
  DrillViewSchema,
  EmergencyPlanBody,
  EmergencyPlanList,
  EmergencyPlanQuery,
  EmergencyPlanViewSchema,
  EquipmentBody,
  EquipmentDetailSchema,
  EquipmentList,
  EquipmentPatchBody,
  EquipmentQuery,
  EquipmentViewSchema,
  HazardBody,
  HazardEscalateBody,
  HazardList,
  HazardOrderBody,
  HazardPhotoBody,
  HazardPhotoParams,
  HazardQuery,
  HazardRecheckBody,
  HazardReportBody,
  HazardViewSchema,
  InspectionBody,
  InspectionImportBody,
  InspectionImportResult,
  InspectionViewSchema,
  MaintenanceBody,
  MaintenanceViewSchema,
  MapPoints,
  MapQuery,
  OperatorBody,
  OperatorList,
  OperatorQuery,
  OperatorViewSchema,
  PagingOnly,
  RatesQuery,
  RatesViewSchema,
} from './special-equipment.schemas.ts';

const tags = ['special-equipment'];
const base = '/api/v1/special-equipment';
/** Who keeps the register and works the hazard loop: section staff, station inspectors (their streets), the admin. */
const keepers = requireRole(...caseWorkerRoles);
/** The register's readers: bureau staff, a user for its own equipment, and the three third parties (decision 0028). */
const registerReaders = requireRole(...specialEquipmentRoles);
/** Readers of users' records (hazards, operators, drills, plans): bureau staff, and a user for its own. */
const readers = requireRole(...staffAndOperatorRoles);
/** Hazards are also read by the third-party expert who records them. */
const hazardReaders = requireRole(...staffAndOperatorRoles, 'expert');
/** Writers for a user's own records (rectification reports, operators, drills, plans) and staff on paper. */
const userOrKeepers = requireRole(...caseWorkerAndOperatorRoles);
/** Periodic-inspection results: the inspection body, or staff from its report. */
const inspectionWriters = requireRole(...caseWorkerRoles, 'inspection_body');
/** Elevator maintenance: the maintenance unit, the user on its behalf, or staff. */
const maintenanceWriters = requireRole(...caseWorkerAndOperatorRoles, 'maintenance_unit');
/** Hazards are recorded by the third-party expert or the station. */
const hazardRecorders = requireRole(...caseWorkerRoles, 'expert');
/** Photos: the expert and staff (as found), the user (as rectified). */
const photoWriters = requireRole(...caseWorkerAndOperatorRoles, 'expert');

export const specialEquipmentRoutes: RoutePlugin = async (app, platform) => {
  const ctx = (request: FastifyRequest) => actorContextOf(platform, request);

  /* The register */
  app.get(
    `${base}/equipment`,
    { schema: { tags, querystring: EquipmentQuery, response: { 200: EquipmentList } }, preHandler: registerReaders },
    (request) => listEquipment(ctx(request), request.query),
  );
  app.get(
    `${base}/equipment-map`,
    { schema: { tags, querystring: MapQuery, response: { 200: MapPoints } }, preHandler: registerReaders },
    (request) => mapPoints(ctx(request), request.query),
  );
  app.post(
    `${base}/equipment`,
    { schema: { tags, body: EquipmentBody, response: { 201: EquipmentViewSchema } }, preHandler: keepers },
    async (request, reply) => reply.status(201).send(await createEquipment(ctx(request), request.body)),
  );
  app.get(
    `${base}/equipment/:id`,
    { schema: { tags, params: IdParams, response: { 200: EquipmentDetailSchema } }, preHandler: registerReaders },
    (request) => equipmentDetail(ctx(request), request.params.id),
  );
  app.patch(
    `${base}/equipment/:id`,
    { schema: { tags, params: IdParams, body: EquipmentPatchBody, response: { 200: EquipmentViewSchema } }, preHandler: keepers },
    (request) => updateEquipment(ctx(request), request.params.id, request.body),
  );
  app.post(
    `${base}/equipment/:id/inspections`,
    { schema: { tags, params: IdParams, body: InspectionBody, response: { 201: InspectionViewSchema } }, preHandler: inspectionWriters },
    async (request, reply) => reply.status(201).send(await recordInspection(ctx(request), request.params.id, request.body)),
  );
  app.post(
    `${base}/equipment/:id/maintenance`,
    { schema: { tags, params: IdParams, body: MaintenanceBody, response: { 201: MaintenanceViewSchema } }, preHandler: maintenanceWriters },
    async (request, reply) => reply.status(201).send(await recordMaintenance(ctx(request), request.params.id, request.body)),
  );

  app.post(
    `${base}/inspections/import`,
    {
      schema: { tags, body: InspectionImportBody, response: { 200: InspectionImportResult } },
      preHandler: inspectionWriters,
      bodyLimit: 1_100_000,
    },
    (request) => importInspections(ctx(request), request.body),
  );

  /* The hazard loop */
  app.get(
    `${base}/hazards`,
    { schema: { tags, querystring: HazardQuery, response: { 200: HazardList } }, preHandler: hazardReaders },
    (request) => listHazards(ctx(request), request.query),
  );
  app.post(
    `${base}/hazards`,
    { schema: { tags, body: HazardBody, response: { 201: HazardViewSchema } }, preHandler: hazardRecorders },
    async (request, reply) => reply.status(201).send(await recordHazard(ctx(request), request.body)),
  );
  app.get(
    `${base}/hazards/:id`,
    { schema: { tags, params: IdParams, response: { 200: HazardViewSchema } }, preHandler: hazardReaders },
    (request) => getHazard(ctx(request), request.params.id),
  );
  app.post(
    `${base}/hazards/:id/photos`,
    {
      schema: { tags, params: IdParams, body: HazardPhotoBody, response: { 201: HazardViewSchema } },
      preHandler: photoWriters,
      bodyLimit: 7_200_000,
    },
    async (request, reply) => reply.status(201).send(await addHazardPhoto(ctx(request), request.params.id, request.body)),
  );
  app.get(
    `${base}/hazards/:id/photos/:photoId`,
    {
      schema: { tags, params: HazardPhotoParams, response: { 200: fileResponse(['image/jpeg', 'image/png'], 'The hazard photo') } },
      preHandler: hazardReaders,
    },
    async (request, reply) => {
      const photo = await hazardPhotoContent(ctx(request), request.params.id, request.params.photoId);
      return reply
        .headers({
          'content-type': photo.contentType,
          'content-disposition': 'inline',
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
        })
        .send(photo.content);
    },
  );
  app.post(
    `${base}/hazards/:id/order`,
    { schema: { tags, params: IdParams, body: HazardOrderBody, response: { 200: HazardViewSchema } }, preHandler: keepers },
    (request) => orderRectification(ctx(request), request.params.id, request.body),
  );
  app.post(
    `${base}/hazards/:id/report`,
    { schema: { tags, params: IdParams, body: HazardReportBody, response: { 200: HazardViewSchema } }, preHandler: userOrKeepers },
    (request) => reportRectification(ctx(request), request.params.id, request.body),
  );
  app.post(
    `${base}/hazards/:id/recheck`,
    { schema: { tags, params: IdParams, body: HazardRecheckBody, response: { 200: HazardViewSchema } }, preHandler: keepers },
    (request) => recheckHazard(ctx(request), request.params.id, request.body),
  );
  app.post(
    `${base}/hazards/:id/escalate`,
    { schema: { tags, params: IdParams, body: HazardEscalateBody, response: { 200: HazardViewSchema } }, preHandler: keepers },
    (request) => escalateHazard(ctx(request), request.params.id, request.body),
  );

  /* Certified operators and drills */
  app.get(
    `${base}/operators`,
    { schema: { tags, querystring: OperatorQuery, response: { 200: OperatorList } }, preHandler: readers },
    (request) => listOperators(ctx(request), request.query),
  );
  app.post(
    `${base}/operators`,
    { schema: { tags, body: OperatorBody, response: { 201: OperatorViewSchema } }, preHandler: userOrKeepers },
    async (request, reply) => reply.status(201).send(await createOperator(ctx(request), request.body)),
  );
  app.get(`${base}/drills`, { schema: { tags, querystring: PagingOnly, response: { 200: DrillList } }, preHandler: readers }, (request) =>
    listDrills(ctx(request), request.query),
  );
  app.post(
    `${base}/drills`,
    { schema: { tags, body: DrillBody, response: { 201: DrillViewSchema } }, preHandler: userOrKeepers },
    async (request, reply) => reply.status(201).send(await createDrill(ctx(request), request.body)),
  );

  /* Emergency plans */
  app.get(
    `${base}/emergency-plans`,
    { schema: { tags, querystring: EmergencyPlanQuery, response: { 200: EmergencyPlanList } }, preHandler: readers },
    (request) => listEmergencyPlans(ctx(request), request.query),
  );
  app.get(
    `${base}/emergency-plans/:id`,
    { schema: { tags, params: IdParams, response: { 200: EmergencyPlanViewSchema } }, preHandler: readers },
    (request) => getEmergencyPlan(ctx(request), request.params.id),
  );
  app.post(
    `${base}/emergency-plans`,
    { schema: { tags, body: EmergencyPlanBody, response: { 201: EmergencyPlanViewSchema } }, preHandler: userOrKeepers },
    async (request, reply) => reply.status(201).send(await createEmergencyPlan(ctx(request), request.body)),
  );

  /* Inspection cycles: the bureau's dated table */
  app.get(
    `${base}/cycle-tables`,
    { schema: { tags, response: { 200: CycleTableList } }, preHandler: requireRole(...bureauStaffRoles) },
    (request) => cycleTableList(ctx(request)),
  );
  app.post(
    `${base}/cycle-tables`,
    { schema: { tags, body: CycleTableBody, response: { 201: CycleTableVersionSchema } }, preHandler: requireRole(...settingsRoles) },
    async (request, reply) => reply.status(201).send(await saveCycleTable(ctx(request), request.body)),
  );

  /* Rates */
  app.get(
    `${base}/rates`,
    { schema: { tags, querystring: RatesQuery, response: { 200: RatesViewSchema } }, preHandler: requireRole(...bureauStaffRoles) },
    (request) => {
      const context = ctx(request);
      return ratesOn(context, request.query, context.meta.language === 'en' ? 'en' : 'zh-CN');
    },
  );
};
