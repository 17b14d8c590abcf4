import { cateringShop } from '../../test/probe-fixtures.ts';
import type { ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';

async function codedShop(world: ProbeWorld): Promise<number> {
  const id = await cateringShop(world, '五色码探针');
  // The subject row is made by the job or on first use; make it through the staff API (category set).
  const made = await world.call(world.home.users.section.username, 'GET', `/api/v1/risk-code/entities/${id}`);
  if (made.status !== 200) throw new Error(`probe subject not made: ${made.status} ${JSON.stringify(made.body)}`);
  return id;
}

async function product(world: ProbeWorld): Promise<number> {
  const created = await world.call(world.home.users.section.username, 'POST', '/api/v1/risk-code/products', {
    firmName: '探针企业',
    firmCreditCode: '91330203MA2AGQ1X0Q',
    productName: `探针产品${Date.now()}${Math.random()}`.slice(0, 40),
    certificateNumber: `P-${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
    issuer: '认证联盟',
    validUntil: '2028-01-01',
    standard: 'T/ZZB 0001',
  });
  if (created.status !== 201) throw new Error(`probe product not made: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

const outsidersOf = (world: ProbeWorld) => [world.other.users.section.username, world.home.users.inspector2.username];

export const riskCodeProbes: ScopeProbe[] = [
  { route: 'GET /api/v1/risk-code/entities/:id', setup: async (world) => ({ id: await codedShop(world), outsiders: outsidersOf(world) }) },
  {
    route: 'PUT /api/v1/risk-code/entities/:id/category',
    setup: async (world) => ({
      id: await codedShop(world),
      body: { managementCategory: 'canteen' },
      outsiders: [world.other.users.section.username],
    }),
  },
  {
    route: 'POST /api/v1/risk-code/entities/:id/reissue',
    setup: async (world) => ({ id: await codedShop(world), body: { reason: '门贴遗失' }, outsiders: [world.other.users.section.username] }),
  },
  {
    route: 'POST /api/v1/risk-code/entities/:id/revoke',
    setup: async (world) => ({ id: await codedShop(world), body: { reason: '停业' }, outsiders: [world.other.users.section.username] }),
  },
  {
    route: 'GET /api/v1/risk-code/products/:id',
    setup: async (world) => ({ id: await product(world), outsiders: [world.other.users.section.username] }),
  },
  {
    route: 'POST /api/v1/risk-code/products/:id/revoke',
    setup: async (world) => ({ id: await product(world), outsiders: [world.other.users.section.username] }),
  },
];

async function mapArea(world: ProbeWorld): Promise<number> {
  const created = await world.call(world.home.users.section.username, 'POST', '/api/v1/risk-code/map/areas', {
    kind: 'complex',
    name: '探针综合体',
    outline: [
      [121.5, 29.8],
      [121.501, 29.8],
      [121.501, 29.801],
    ],
  });
  if (created.status !== 201) throw new Error(`probe area not made: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

riskCodeProbes.push(
  {
    route: 'PUT /api/v1/risk-code/map/areas/:id',
    setup: async (world) => ({ id: await mapArea(world), body: { name: '改名' }, outsiders: [world.other.users.section.username] }),
  },
  {
    route: 'DELETE /api/v1/risk-code/map/areas/:id',
    setup: async (world) => ({ id: await mapArea(world), outsiders: [world.other.users.section.username] }),
  },
);
