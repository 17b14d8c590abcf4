import { residentIdCheckCharacter } from '../../../shared/resident-id.ts';
import { cateringShop } from '../../test/probe-fixtures.ts';
import type { ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';
import { gradeAppeal, operatorApplication, shopUpload } from './food-safety.tables.ts';

let serial = 0;

/** A valid 18-digit resident ID number, different for each `n`. */
export function residentId(n: number): string {
  const first17 = `33021219900101${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

async function handlerOfStationOne(world: ProbeWorld): Promise<number> {
  const entityId = await cateringShop(world);
  serial += 1;
  const created = await world.call(world.home.users.section.username, 'POST', '/api/v1/food-handlers', {
    entityId,
    name: '探针厨师',
    idNumber: residentId(serial),
    hiredOn: '2020-01-01',
  });
  if (created.status !== 201) throw new Error(`probe handler not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

const handlerProbe = (route: string, body?: unknown, withOperator = true): ScopeProbe => ({
  route,
  setup: async (world) => ({
    id: await handlerOfStationOne(world),
    body,
    outsiders: [
      world.home.users.inspector2.username,
      ...(withOperator ? [world.home.users.operator.username] : []),
      world.other.users.section.username,
    ],
  }),
});

const handlerProbes: ScopeProbe[] = [
  handlerProbe('GET /api/v1/food-handlers/:id'),
  handlerProbe('PATCH /api/v1/food-handlers/:id', { post: '切配' }),
  handlerProbe('POST /api/v1/food-handlers/:id/certificates', { number: 'JK-1', institution: '区疾控', examinedOn: '2020-03-01' }),
  handlerProbe('POST /api/v1/food-handlers/:id/reveal-id-number', { reason: '核查身份' }, false),
];

/** A saved inspection of a station-1 shop, by the section (district-wide) with two station-1 inspectors. */
async function inspectionOfStationOne(world: ProbeWorld, files: Record<string, unknown> = {}): Promise<number> {
  const entityId = await cateringShop(world);
  const second = await world.call(world.home.users.section.username, 'GET', '/api/v1/inspection-templates');
  const template = (second.body as { items: { id: number; isDefault: boolean; items: { id: number }[] }[] }).items.find((t) => t.isDefault);
  if (!template) throw new Error('no default template');
  const created = await world.call(world.home.users.section.username, 'POST', '/api/v1/food-inspections', {
    entityId,
    kind: 'routine',
    inspectorIds: [world.home.users.inspector1.id, world.home.users.inspector2.id],
    answers: template.items.map((item) => ({ itemId: item.id, result: 'pass' })),
    inspectorSignature: '探针',
    operatorSignature: '店主',
    ...files,
  });
  if (created.status !== 201) throw new Error(`probe inspection not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

async function templateOf(world: ProbeWorld): Promise<number> {
  const list = await world.call(world.home.users.section.username, 'GET', '/api/v1/inspection-templates');
  return ((list.body as { items: { id: number }[] }).items[0] as { id: number }).id;
}

const stationOneOutsiders = (world: ProbeWorld) => [
  world.home.users.inspector2.username,
  world.home.users.operator.username,
  world.other.users.section.username,
];

/** A real 1×1 PNG as a data URL, for photo and signature probes. */
export const tinyPngDataUrl =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** An inspection of station 1 with a photo: its id and the photo's file id. */
async function inspectionPhotoOfStationOne(world: ProbeWorld): Promise<{ inspectionId: number; fileId: number }> {
  const inspectionId = await inspectionOfStationOne(world, { photos: [{ dataUrl: tinyPngDataUrl }] });
  const shown = await world.call(world.home.users.section.username, 'GET', `/api/v1/food-inspections/${inspectionId}`);
  const fileId = (shown.body as { files?: { id: number }[] }).files?.[0]?.id ?? 0;
  return { inspectionId, fileId };
}

const inspectionProbes: ScopeProbe[] = [
  {
    // The harness puts the id in place of ':id' only: the id carries the file's path, and what is left of the route
    // ('/files/:fileId') falls into an ignored query string.
    route: 'GET /api/v1/food-inspections/:id/files/:fileId',
    setup: async (world) => {
      const { inspectionId, fileId } = await inspectionPhotoOfStationOne(world);
      return { id: `${inspectionId}/files/${fileId}?probe=`, outsiders: stationOneOutsiders(world) };
    },
  },
  {
    route: 'GET /api/v1/inspection-templates/:id',
    setup: async (world) => ({ id: await templateOf(world), outsiders: [world.other.users.section.username] }),
  },
  {
    route: 'PATCH /api/v1/inspection-templates/:id',
    setup: async (world) => ({
      id: await templateOf(world),
      body: { name: '探针检查表' },
      outsiders: [world.other.users.section.username],
    }),
  },
  {
    route: 'GET /api/v1/food-inspections/:id',
    setup: async (world) => ({ id: await inspectionOfStationOne(world), outsiders: stationOneOutsiders(world) }),
  },
  {
    route: 'GET /api/v1/food-inspections/:id/record',
    setup: async (world) => ({ id: await inspectionOfStationOne(world), outsiders: stationOneOutsiders(world) }),
  },
  {
    route: 'GET /api/v1/food-safety-grades/:id',
    setup: async (world) => ({ id: await cateringShop(world), outsiders: stationOneOutsiders(world) }),
  },
  {
    route: 'GET /api/v1/supervision-findings/:id',
    setup: async (world) => ({
      id: await findingOfStationOne(world),
      outsiders: [world.home.users.inspector2.username, world.other.users.section.username],
    }),
  },
  {
    route: 'POST /api/v1/supervision-findings/:id/handle',
    setup: async (world) => ({
      id: await findingOfStationOne(world),
      body: { reason: '已通知整改' },
      outsiders: [world.home.users.inspector2.username, world.other.users.section.username],
    }),
  },
  {
    route: 'POST /api/v1/supervision-findings/:id/dismiss',
    setup: async (world) => ({
      id: await findingOfStationOne(world),
      body: { reason: '误报' },
      outsiders: [world.home.users.inspector2.username, world.other.users.section.username],
    }),
  },
];

/** A station-1 finding: a person without a health certificate at an open shop (rule C1, raised on save). */
async function findingOfStationOne(world: ProbeWorld): Promise<number> {
  const handlerId = await handlerOfStationOne(world);
  const handler = await world.call(world.home.users.section.username, 'GET', `/api/v1/food-handlers/${handlerId}`);
  const entityId = (handler.body as { entityId: number }).entityId;
  const list = await world.call(world.home.users.section.username, 'GET', `/api/v1/supervision-findings?entityId=${entityId}`);
  const finding = (list.body as { items: { id: number }[] }).items[0];
  if (!finding) throw new Error('probe finding not raised');
  return finding.id;
}

/** A station-1 shop's upload waiting for review (inserted directly: the probe's operator is an outsider). */
async function uploadOfStationOne(world: ProbeWorld): Promise<number> {
  const entityId = await cateringShop(world);
  const [row] = await world.home.ctx.db
    .insert(shopUpload)
    .values({
      districtCode: world.home.code,
      entityId,
      streetCode: world.home.stations[0].streetCode,
      version: 1,
      name: '探针饭店',
      address: '探针路8号',
    })
    .returning({ id: shopUpload.id });
  return (row as { id: number }).id;
}

async function appealOfStationOne(world: ProbeWorld): Promise<number> {
  const inspectionId = await inspectionOfStationOne(world);
  const inspection = await world.call(world.home.users.section.username, 'GET', `/api/v1/food-inspections/${inspectionId}`);
  const [row] = await world.home.ctx.db
    .insert(gradeAppeal)
    .values({
      districtCode: world.home.code,
      entityId: (inspection.body as { entityId: number }).entityId,
      streetCode: world.home.stations[0].streetCode,
      inspectionId,
      grounds: '评分有误，请复核',
      submittedOn: '2020-01-10',
    })
    .returning({ id: gradeAppeal.id });
  return (row as { id: number }).id;
}

const reviewOutsiders = (world: ProbeWorld) => [world.home.users.inspector2.username, world.other.users.section.username];

const portalProbes: ScopeProbe[] = [
  {
    route: 'GET /api/v1/shop-uploads/:id',
    setup: async (world) => ({ id: await uploadOfStationOne(world), outsiders: reviewOutsiders(world) }),
  },
  {
    route: 'POST /api/v1/shop-uploads/:id/approve',
    setup: async (world) => ({ id: await uploadOfStationOne(world), body: {}, outsiders: reviewOutsiders(world) }),
  },
  {
    route: 'POST /api/v1/shop-uploads/:id/return',
    setup: async (world) => ({ id: await uploadOfStationOne(world), body: { reason: '照片不清晰' }, outsiders: reviewOutsiders(world) }),
  },
  {
    route: 'GET /api/v1/grade-appeals/:id',
    setup: async (world) => ({ id: await appealOfStationOne(world), outsiders: reviewOutsiders(world) }),
  },
  {
    route: 'POST /api/v1/grade-appeals/:id/decide',
    setup: async (world) => ({
      id: await appealOfStationOne(world),
      body: { outcome: 'rejected', reason: '评分无误' },
      outsiders: reviewOutsiders(world),
    }),
  },
];

/** A pending self-registration for a station-1 shop (inserted directly: the signed-out route is rate-limited). */
async function applicationOfStationOne(world: ProbeWorld): Promise<number> {
  const entityId = await cateringShop(world);
  serial += 1;
  const [row] = await world.home.ctx.db
    .insert(operatorApplication)
    .values({
      districtCode: world.home.code,
      entityId,
      streetCode: world.home.stations[0].streetCode,
      applicantName: '探针店主',
      phoneEnc: world.home.ctx.crypto.encrypt('13900000000'),
      phoneMask: '139****0000',
      username: `probe.applicant${serial}-${world.home.code}`,
      passwordHash: 'not-a-hash',
    })
    .returning({ id: operatorApplication.id });
  return (row as { id: number }).id;
}

const registrationProbe = (route: string, body?: unknown): ScopeProbe => ({
  route,
  setup: async (world) => ({ id: await applicationOfStationOne(world), body, outsiders: reviewOutsiders(world) }),
});

const registrationProbes: ScopeProbe[] = [
  registrationProbe('GET /api/v1/operator-registrations/:id'),
  registrationProbe('POST /api/v1/operator-registrations/:id/approve', {}),
  registrationProbe('POST /api/v1/operator-registrations/:id/reject', { reason: '探针拒绝' }),
  registrationProbe('POST /api/v1/operator-registrations/:id/reveal-phone', { reason: '探针核实' }),
];

export const foodSafetyProbes: ScopeProbe[] = [...handlerProbes, ...inspectionProbes, ...portalProbes, ...registrationProbes];
