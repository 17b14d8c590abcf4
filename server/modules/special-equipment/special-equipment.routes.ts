import type { FastifyRequest } from 'fastify';
import { bureauStaffRoles, caseWorkerAndOperatorRoles, caseWorkerRoles, staffAndOperatorRoles } from '../../../shared/roles.ts';
import { actorContextOf } from '../../platform/http/context.ts';
import { IdParams, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import {
  createEquipment,
  equipmentDetail,
  listEquipment,
  mapPoints,
  recordInspection,
  recordMaintenance,
  updateEquipment,
} from './service/equipment.ts';
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
  DrillBody,
  DrillList,
  DrillViewSchema,
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
/** Readers: bureau staff, and a special-equipment user for its own equipment. */
const readers = requireRole(...staffAndOperatorRoles);
/** Writers for a user's own records (maintenance, rectification reports, operators, drills) and staff on paper. */
const userOrKeepers = requireRole(...caseWorkerAndOperatorRoles);

export const specialEquipmentRoutes: RoutePlugin = async (app, platform) => {
  const ctx = (request: FastifyRequest) => actorContextOf(platform, request);

  /* The register */
  app.get(
    `${base}/equipment`,
    { schema: { tags, querystring: EquipmentQuery, response: { 200: EquipmentList } }, preHandler: readers },
    (request) => listEquipment(ctx(request), request.query),
  );
  app.get(
    `${base}/equipment-map`,
    { schema: { tags, querystring: MapQuery, response: { 200: MapPoints } }, preHandler: readers },
    (request) => mapPoints(ctx(request), request.query),
  );
  app.post(
    `${base}/equipment`,
    { schema: { tags, body: EquipmentBody, response: { 201: EquipmentViewSchema } }, preHandler: keepers },
    async (request, reply) => reply.status(201).send(await createEquipment(ctx(request), request.body)),
  );
  app.get(
    `${base}/equipment/:id`,
    { schema: { tags, params: IdParams, response: { 200: EquipmentDetailSchema } }, preHandler: readers },
    (request) => equipmentDetail(ctx(request), request.params.id),
  );
  app.patch(
    `${base}/equipment/:id`,
    { schema: { tags, params: IdParams, body: EquipmentPatchBody, response: { 200: EquipmentViewSchema } }, preHandler: keepers },
    (request) => updateEquipment(ctx(request), request.params.id, request.body),
  );
  app.post(
    `${base}/equipment/:id/inspections`,
    { schema: { tags, params: IdParams, body: InspectionBody, response: { 201: InspectionViewSchema } }, preHandler: keepers },
    async (request, reply) => reply.status(201).send(await recordInspection(ctx(request), request.params.id, request.body)),
  );
  app.post(
    `${base}/equipment/:id/maintenance`,
    { schema: { tags, params: IdParams, body: MaintenanceBody, response: { 201: MaintenanceViewSchema } }, preHandler: userOrKeepers },
    async (request, reply) => reply.status(201).send(await recordMaintenance(ctx(request), request.params.id, request.body)),
  );

  app.post(
    `${base}/inspections/import`,
    { schema: { tags, body: InspectionImportBody, response: { 200: InspectionImportResult } }, preHandler: keepers, bodyLimit: 1_100_000 },
    (request) => importInspections(ctx(request), request.body),
  );

  /* The hazard loop */
  app.get(
    `${base}/hazards`,
    { schema: { tags, querystring: HazardQuery, response: { 200: HazardList } }, preHandler: readers },
    (request) => listHazards(ctx(request), request.query),
  );
  app.post(
    `${base}/hazards`,
    { schema: { tags, body: HazardBody, response: { 201: HazardViewSchema } }, preHandler: keepers },
    async (request, reply) => reply.status(201).send(await recordHazard(ctx(request), request.body)),
  );
  app.get(
    `${base}/hazards/:id`,
    { schema: { tags, params: IdParams, response: { 200: HazardViewSchema } }, preHandler: readers },
    (request) => getHazard(ctx(request), request.params.id),
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
