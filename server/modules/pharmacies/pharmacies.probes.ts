import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';

let serial = 0;

/** A pharmacy on station 1's street of `home`, made by section staff through the registry API. */
async function pharmacy({ home, call }: ProbeWorld): Promise<number> {
  serial += 1;
  const body = `91${home.code}${String((Date.now() + serial * 7_907) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}7`;
  const created = await call(home.users.section.username, 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: `探针大药房${serial}`,
    kind: 'enterprise',
    legalRepName: '赵六',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'F52',
    foundedOn: '2015-05-01',
    address: '探针路9号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'pharmacy',
  });
  if (created.status !== 201) throw new Error(`probe pharmacy not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

async function registration(world: ProbeWorld): Promise<number> {
  const registered = await world.call(world.home.users.section.username, 'POST', '/api/v1/pharmacies/registrations', {
    pharmacyId: await pharmacy(world),
    buyerName: '探针',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    temperature: 37.8,
    symptoms: ['fever'],
    medicineClass: 'antipyretic',
    quantity: 1,
  });
  if (registered.status !== 201) throw new Error(`probe registration not stored: ${registered.status} ${JSON.stringify(registered.body)}`);
  return (registered.body as { id: number }).id;
}

async function servicePoint(world: ProbeWorld): Promise<number> {
  const created = await world.call(world.home.users.section.username, 'POST', '/api/v1/pharmacies/service-points', {
    kind: 'remote_point',
    name: '探针送药点',
    streetCode: world.home.stations[0].streetCode,
    address: '探针村',
    serviceArea: '探针村及周边',
    openedOn: '2020-02-10',
  });
  if (created.status !== 201) throw new Error(`probe service point not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

/** An open alarm on station 1's street of `home`: three feverish buyers at a new pharmacy on a quiet street. */
let alarmId: number | null = null;
async function alarm(world: ProbeWorld): Promise<number> {
  if (alarmId !== null) return alarmId;
  const pharmacyId = await pharmacy(world);
  for (const passport of ['E9000001', 'E9000002', 'E9000003']) {
    const registered = await world.call(world.home.users.section.username, 'POST', '/api/v1/pharmacies/registrations', {
      pharmacyId,
      buyerName: '探针',
      idKind: 'passport',
      idNumber: passport,
      phone: '13800138000',
      temperature: 38.5,
      symptoms: ['fever'],
      medicineClass: 'antipyretic',
      quantity: 1,
    });
    if (registered.status !== 201) throw new Error(`probe registration not stored: ${registered.status}`);
  }
  const alarms = await world.call(world.home.users.section.username, 'GET', '/api/v1/pharmacies/alarms?status=open');
  const found = (alarms.body as { items: { id: number; streetCode: string | null }[] }).items.find(
    (item) => item.streetCode === world.home.stations[0].streetCode,
  );
  if (!found) throw new Error(`probe alarm not raised: ${JSON.stringify(alarms.body)}`);
  alarmId = found.id;
  return alarmId;
}

/** A POS key of a pharmacy the home operator acts for (the pharmacy is added to the operator's businesses). */
async function posKey(world: ProbeWorld): Promise<number> {
  const pharmacyId = await pharmacy(world);
  const operator = world.home.users.operator;
  const user = await world.call(world.home.users.admin.username, 'GET', `/api/v1/users/${operator.id}`);
  const held = (user.body as { entityIds?: number[] }).entityIds ?? [];
  // A change of businesses ends the operator's sessions: the probe's caller signs in again.
  const bind = async (entityIds: number[]) => {
    await world.call(world.home.users.admin.username, 'PATCH', `/api/v1/users/${operator.id}`, { entityIds });
  };
  await bind([...held, pharmacyId]);
  const created = await world.call(operator.username, 'POST', '/api/v1/pharmacies/pos-keys', { pharmacyId, label: '探针收银机' });
  // The operator gives the pharmacy back, so the other probes' operator is an outsider to it as before.
  await bind(held);
  if (created.status !== 201) throw new Error(`probe POS key not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

export const pharmacyProbes: ScopeProbe[] = [
  {
    route: 'GET /api/v1/pharmacies/alarms/:id',
    setup: async (world) => ({
      id: await alarm(world),
      outsiders: [world.other.users.section.username, world.home.users.inspector2.username],
    }),
  },
  ...(['see', 'investigate', 'close'] as const).map((action) => ({
    route: `POST /api/v1/pharmacies/alarms/:id/${action}`,
    setup: async (world: ProbeWorld) => ({
      id: await alarm(world),
      body: { note: '探针核查' },
      outsiders: [world.other.users.section.username],
    }),
  })),
  {
    route: 'POST /api/v1/pharmacies/pos-keys/:id/revoke',
    setup: async (world) => ({
      id: await posKey(world),
      outsiders: [world.other.users.section.username, world.other.users.operator.username],
    }),
  },
  {
    route: 'GET /api/v1/pharmacies/registrations/:id',
    setup: async (world) => ({
      id: await registration(world),
      outsiders: [world.other.users.section.username, world.home.users.inspector2.username, world.home.users.operator.username],
    }),
  },
  {
    route: 'POST /api/v1/pharmacies/registrations/:id/reveal',
    setup: async (world) => ({
      id: await registration(world),
      body: { field: 'phone', reason: '流调回访' },
      outsiders: [world.other.users.section.username],
    }),
  },
  {
    route: 'GET /api/v1/pharmacies/service-points/:id',
    setup: async (world) => ({
      id: await servicePoint(world),
      outsiders: [world.other.users.section.username, world.home.users.inspector2.username],
    }),
  },
  {
    route: 'POST /api/v1/pharmacies/service-points/:id/close',
    setup: async (world) => ({
      id: await servicePoint(world),
      body: { closedOn: '2021-01-01' },
      outsiders: [world.other.users.section.username],
    }),
  },
];
