import { bureauStaffRoles, caseWorkerRoles, settingsRoles } from '../../../shared/roles.ts';
import { actorContextOf } from '../../platform/http/context.ts';
import { IdParams, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { acceptSpreadsheetUploads, spreadsheetUploadLimit, uploadedSpreadsheet } from '../../platform/spreadsheets/upload.ts';
import {
  BrandFirmList,
  BrandFirmQuery,
  CatalogueEditionList,
  CatalogueImportQuery,
  CatalogueImportResult,
  CataloguePlanQuery,
  CataloguePlanView,
  CatalogueProductBody,
  CatalogueProductList,
  CatalogueProductQuery,
  CatalogueProductUpdateBody,
  CatalogueProductView,
  ExemptionBody,
  ExemptionList,
  ExemptionQuery,
  ExemptionUpdateBody,
  ExemptionView,
  FollowUpBody,
  GradeHistoryList,
  GradeSettingView,
  GroupStandardBody,
  GroupStandardList,
  GroupStandardQuery,
  GroupStandardUpdateBody,
  GroupStandardView,
  InspectionBody,
  IpImportQuery,
  IpImportResult,
  IpStatisticsQuery,
  IpStatisticsView,
  MakerBody,
  MakerList,
  MakerQuery,
  MakerUpdateBody,
  MakerView,
} from './product-quality.schemas.ts';
import { bureauMakerGradeSetting } from './rules/maker-grade.ts';
import { listBrandFirms } from './service/brand-firms.ts';
import {
  cataloguePlanView,
  createCatalogueProduct,
  getCatalogueProduct,
  importCatalogue,
  listCatalogueEditions,
  listCatalogueProducts,
  updateCatalogueProduct,
} from './service/catalogue.ts';
import { createExemption, getExemption, listExemptions, recordFollowUp, updateExemption } from './service/ccc-exemptions.ts';
import { createGroupStandard, getGroupStandard, listGroupStandards, updateGroupStandard } from './service/group-standards.ts';
import { importIpExtract, ipStatistics } from './service/ip-statistics.ts';
import { createMaker, getMaker, listMakers, makerGradeHistory, recordMakerInspection, updateMaker } from './service/makers.ts';

const tags = ['product-quality'];
const readers = requireRole(...bureauStaffRoles);
const officers = requireRole(...caseWorkerRoles);
const sectionStaff = requireRole(...settingsRoles);

export const productQualityRoutes: RoutePlugin = (app, platform) => {
  const ctx = (request: Parameters<typeof actorContextOf>[1]) => actorContextOf(platform, request);
  acceptSpreadsheetUploads(app);

  /* Safety-related product makers graded 涉安类产品分类分级 */
  app.get(
    '/api/v1/product-quality/makers',
    { preHandler: readers, schema: { tags, querystring: MakerQuery, response: { 200: MakerList } } },
    (request) => listMakers(ctx(request), request.query),
  );
  app.post(
    '/api/v1/product-quality/makers',
    { preHandler: officers, schema: { tags, body: MakerBody, response: { 201: MakerView } } },
    async (request, reply) => reply.status(201).send(await createMaker(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/product-quality/makers/:id',
    { preHandler: readers, schema: { tags, params: IdParams, response: { 200: MakerView } } },
    (request) => getMaker(ctx(request), request.params.id),
  );
  app.patch(
    '/api/v1/product-quality/makers/:id',
    { preHandler: officers, schema: { tags, params: IdParams, body: MakerUpdateBody, response: { 200: MakerView } } },
    (request) => updateMaker(ctx(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/product-quality/makers/:id/grade-history',
    { preHandler: readers, schema: { tags, params: IdParams, response: { 200: GradeHistoryList } } },
    (request) => makerGradeHistory(ctx(request), request.params.id),
  );
  app.post(
    '/api/v1/product-quality/makers/:id/inspections',
    { preHandler: officers, schema: { tags, params: IdParams, body: InspectionBody, response: { 200: MakerView } } },
    (request) => recordMakerInspection(ctx(request), request.params.id, request.body.inspectedOn),
  );
  app.get(
    '/api/v1/product-quality/grade-setting',
    { preHandler: readers, schema: { tags, response: { 200: GradeSettingView } } },
    () => bureauMakerGradeSetting,
  );

  /* CCC exemptions 免办3C */
  app.get(
    '/api/v1/product-quality/ccc-exemptions',
    { preHandler: readers, schema: { tags, querystring: ExemptionQuery, response: { 200: ExemptionList } } },
    (request) => listExemptions(ctx(request), request.query),
  );
  app.post(
    '/api/v1/product-quality/ccc-exemptions',
    { preHandler: officers, schema: { tags, body: ExemptionBody, response: { 201: ExemptionView } } },
    async (request, reply) => reply.status(201).send(await createExemption(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/product-quality/ccc-exemptions/:id',
    { preHandler: readers, schema: { tags, params: IdParams, response: { 200: ExemptionView } } },
    (request) => getExemption(ctx(request), request.params.id),
  );
  app.patch(
    '/api/v1/product-quality/ccc-exemptions/:id',
    { preHandler: officers, schema: { tags, params: IdParams, body: ExemptionUpdateBody, response: { 200: ExemptionView } } },
    (request) => updateExemption(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/product-quality/ccc-exemptions/:id/follow-ups',
    { preHandler: officers, schema: { tags, params: IdParams, body: FollowUpBody, response: { 200: ExemptionView } } },
    (request) => recordFollowUp(ctx(request), request.params.id, request.body),
  );

  /* 品字标 firms */
  app.get(
    '/api/v1/product-quality/brand-firms',
    { preHandler: readers, schema: { tags, querystring: BrandFirmQuery, response: { 200: BrandFirmList } } },
    (request) => listBrandFirms(ctx(request), request.query),
  );

  /* 团体标准 led by district firms */
  app.get(
    '/api/v1/product-quality/group-standards',
    { preHandler: readers, schema: { tags, querystring: GroupStandardQuery, response: { 200: GroupStandardList } } },
    (request) => listGroupStandards(ctx(request), request.query),
  );
  app.post(
    '/api/v1/product-quality/group-standards',
    { preHandler: officers, schema: { tags, body: GroupStandardBody, response: { 201: GroupStandardView } } },
    async (request, reply) => reply.status(201).send(await createGroupStandard(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/product-quality/group-standards/:id',
    { preHandler: readers, schema: { tags, params: IdParams, response: { 200: GroupStandardView } } },
    (request) => getGroupStandard(ctx(request), request.params.id),
  );
  app.patch(
    '/api/v1/product-quality/group-standards/:id',
    { preHandler: officers, schema: { tags, params: IdParams, body: GroupStandardUpdateBody, response: { 200: GroupStandardView } } },
    (request) => updateGroupStandard(ctx(request), request.params.id, request.body),
  );

  /* IP and brand statistics */
  app.get(
    '/api/v1/product-quality/ip-statistics',
    { preHandler: readers, schema: { tags, querystring: IpStatisticsQuery, response: { 200: IpStatisticsView } } },
    (request) => ipStatistics(ctx(request), request.query.year),
  );
  app.post(
    '/api/v1/product-quality/ip-imports',
    {
      preHandler: sectionStaff,
      bodyLimit: spreadsheetUploadLimit,
      schema: { tags, querystring: IpImportQuery, response: { 200: IpImportResult } },
    },
    async (request) => importIpExtract(ctx(request), { ...uploadedSpreadsheet(request), filename: request.query.filename }),
  );

  /* The catalogue of product-quality supervision sampling: national editions, the district's own, plans over it */
  app.get(
    '/api/v1/product-quality/catalogue/editions',
    { preHandler: readers, schema: { tags, response: { 200: CatalogueEditionList } } },
    (request) => listCatalogueEditions(ctx(request)),
  );
  app.get(
    '/api/v1/product-quality/catalogue/products',
    { preHandler: readers, schema: { tags, querystring: CatalogueProductQuery, response: { 200: CatalogueProductList } } },
    (request) => listCatalogueProducts(ctx(request), request.query),
  );
  app.post(
    '/api/v1/product-quality/catalogue/products',
    { preHandler: sectionStaff, schema: { tags, body: CatalogueProductBody, response: { 201: CatalogueProductView } } },
    async (request, reply) => reply.status(201).send(await createCatalogueProduct(ctx(request), request.body)),
  );
  app.get(
    '/api/v1/product-quality/catalogue/products/:id',
    { preHandler: readers, schema: { tags, params: IdParams, response: { 200: CatalogueProductView } } },
    (request) => getCatalogueProduct(ctx(request), request.params.id),
  );
  app.patch(
    '/api/v1/product-quality/catalogue/products/:id',
    {
      preHandler: sectionStaff,
      schema: { tags, params: IdParams, body: CatalogueProductUpdateBody, response: { 200: CatalogueProductView } },
    },
    (request) => updateCatalogueProduct(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/product-quality/catalogue/imports',
    {
      preHandler: sectionStaff,
      bodyLimit: spreadsheetUploadLimit,
      schema: { tags, querystring: CatalogueImportQuery, response: { 200: CatalogueImportResult } },
    },
    async (request) => importCatalogue(ctx(request), { ...uploadedSpreadsheet(request), filename: request.query.filename }),
  );
  app.get(
    '/api/v1/product-quality/catalogue/plan',
    { preHandler: readers, schema: { tags, querystring: CataloguePlanQuery, response: { 200: CataloguePlanView } } },
    (request) => cataloguePlanView(ctx(request), request.query.year),
  );
};
