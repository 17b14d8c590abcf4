import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';

let serial = 0;

/** A special-equipment user on station 1's street of `home`, with one elevator on the register. */
async function elevator({ home, call }: ProbeWorld): Promise<number> {
  serial += 1;
  const body = `91${home.code}${String((Date.now() + serial * 7919) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}7`;
  const section = home.users.section.username;
  const user = await call(section, 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: `探针物业${serial}`,
    kind: 'enterprise',
    legalRepName: '赵六',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'K70',
    foundedOn: '2015-05-01',
    address: '探针路9号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'special_equipment_user',
  });
  if (user.status !== 201) throw new Error(`probe user not created: ${user.status} ${JSON.stringify(user.body)}`);
  const created = await call(section, 'POST', '/api/v1/special-equipment/equipment', {
    entityId: (user.body as { id: number }).id,
    kind: 'elevator',
    registrationCode: `3110${home.code}2019${String(serial).padStart(4, '0')}`,
    firstUsedOn: '2019-03-01',
    address: '探针路9号1幢',
  });
  if (created.status !== 201) throw new Error(`probe equipment not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

async function hazard(world: ProbeWorld): Promise<number> {
  const equipmentId = await elevator(world);
  const found = await world.call(world.home.users.section.username, 'POST', '/api/v1/special-equipment/hazards', {
    equipmentId,
    foundOn: '2020-06-01',
    severity: 'general',
    description: '应急照明失效',
    legalBasis: 'TSG T7001',
    expert: '探针专家',
  });
  if (found.status !== 201) throw new Error(`probe hazard not recorded: ${found.status} ${JSON.stringify(found.body)}`);
  return (found.body as { id: number }).id;
}

/** The smallest valid PNG signature plus a byte: enough for the magic-number check. */
const pngDataUrl = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]).toString('base64')}`;

async function hazardPhoto(world: ProbeWorld): Promise<{ hazardId: number; photoId: number }> {
  const hazardId = await hazard(world);
  const added = await world.call(world.home.users.section.username, 'POST', `/api/v1/special-equipment/hazards/${hazardId}/photos`, {
    stage: 'found',
    dataUrl: pngDataUrl,
  });
  if (added.status !== 201) throw new Error(`probe photo not added: ${added.status} ${JSON.stringify(added.body)}`);
  const photos = (added.body as { photos: { id: number }[] }).photos;
  return { hazardId, photoId: (photos[0] as { id: number }).id };
}

async function plan(world: ProbeWorld): Promise<number> {
  const created = await world.call(world.home.users.section.username, 'POST', '/api/v1/special-equipment/emergency-plans', {
    title: '探针区级特种设备事故应急预案',
    approvedOn: '2020-01-10',
  });
  if (created.status !== 201) throw new Error(`probe plan not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

const outsiders = (world: ProbeWorld) => [world.other.users.section.username, world.home.users.inspector2.username];

export const specialEquipmentProbes: ScopeProbe[] = [
  {
    route: 'GET /api/v1/special-equipment/equipment/:id',
    setup: async (world) => ({ id: await elevator(world), outsiders: [...outsiders(world), world.home.users.operator.username] }),
  },
  {
    route: 'PATCH /api/v1/special-equipment/equipment/:id',
    setup: async (world) => ({ id: await elevator(world), body: { maintenanceUnit: '探针维保' }, outsiders: outsiders(world) }),
  },
  {
    route: 'POST /api/v1/special-equipment/equipment/:id/inspections',
    setup: async (world) => ({
      id: await elevator(world),
      body: { inspectedOn: '2020-03-01', result: 'pass', inspectionBody: '特检院', reportNumber: `PROBE-${Date.now() % 1e9}` },
      outsiders: outsiders(world),
    }),
  },
  {
    route: 'POST /api/v1/special-equipment/equipment/:id/maintenance',
    setup: async (world) => ({
      id: await elevator(world),
      body: { maintainedOn: '2020-03-01', maintainer: '探针维保' },
      outsiders: [...outsiders(world), world.home.users.operator.username],
    }),
  },
  {
    route: 'GET /api/v1/special-equipment/hazards/:id',
    setup: async (world) => ({ id: await hazard(world), outsiders: [...outsiders(world), world.home.users.operator.username] }),
  },
  {
    route: 'POST /api/v1/special-equipment/hazards/:id/order',
    setup: async (world) => ({
      id: await hazard(world),
      body: { orderedOn: '2020-06-02', deadline: '2020-06-30' },
      outsiders: outsiders(world),
    }),
  },
  {
    route: 'POST /api/v1/special-equipment/hazards/:id/report',
    setup: async (world) => ({
      id: await hazard(world),
      body: { reportedOn: '2020-06-10', rectification: '已修复' },
      outsiders: [...outsiders(world), world.home.users.operator.username],
    }),
  },
  {
    route: 'POST /api/v1/special-equipment/hazards/:id/recheck',
    setup: async (world) => ({
      id: await hazard(world),
      body: { on: '2020-06-20', outcome: 'closed', note: '复查合格' },
      outsiders: outsiders(world),
    }),
  },
  {
    route: 'POST /api/v1/special-equipment/hazards/:id/escalate',
    setup: async (world) => ({ id: await hazard(world), body: { on: '2020-06-20', note: '逾期未整改' }, outsiders: outsiders(world) }),
  },
  {
    route: 'POST /api/v1/special-equipment/hazards/:id/photos',
    setup: async (world) => ({
      id: await hazard(world),
      body: { stage: 'rectified', dataUrl: pngDataUrl },
      outsiders: [...outsiders(world), world.home.users.operator.username],
    }),
  },
  {
    // The photo's own id rides in the id; the route's second parameter falls into an ignored query string.
    route: 'GET /api/v1/special-equipment/hazards/:id/photos/:photoId',
    setup: async (world) => {
      const { hazardId, photoId } = await hazardPhoto(world);
      return { id: `${hazardId}/photos/${photoId}?probe=`, outsiders: [...outsiders(world), world.home.users.operator.username] };
    },
  },
  {
    route: 'GET /api/v1/special-equipment/emergency-plans/:id',
    setup: async (world) => ({
      id: await plan(world),
      outsiders: [world.other.users.section.username, world.home.users.operator.username],
    }),
  },
];
