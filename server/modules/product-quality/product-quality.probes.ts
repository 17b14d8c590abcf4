import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';

let serial = 0;
/** A manufacturer on station 1's street, made by home's section staff. */
async function manufacturer({ home, call }: ProbeWorld): Promise<number> {
  serial += 1;
  const body = `91${home.code}${String((Date.now() + serial * 6271) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}2`;
  const created = await call(home.users.section.username, 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: `质量探针制造有限公司${serial}`,
    kind: 'enterprise',
    legalRepName: '王五',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'C34',
    foundedOn: '2019-05-01',
    address: '探针路10号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'other',
  });
  if (created.status !== 201) throw new Error(`probe manufacturer not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

async function maker(world: ProbeWorld): Promise<number> {
  const made = await world.call(world.home.users.section.username, 'POST', '/api/v1/product-quality/makers', {
    entityId: await manufacturer(world),
    productGroup: 'electrical',
    products: '电线电缆',
    licenceRequired: true,
    licenceNumber: 'XK06-001-00001',
    licenceValidUntil: '2027-06-30',
  });
  if (made.status !== 201) throw new Error(`probe maker not made: ${made.status} ${JSON.stringify(made.body)}`);
  return (made.body as { id: number }).id;
}

async function exemption(world: ProbeWorld): Promise<number> {
  serial += 1;
  const made = await world.call(world.home.users.section.username, 'POST', '/api/v1/product-quality/ccc-exemptions', {
    entityId: await manufacturer(world),
    certificateNumber: `MB-PROBE-${Date.now()}-${serial}`,
    reason: 'research_testing',
    scope: '研发测试用样机',
    quantity: 3,
    grantedOn: '2026-01-05',
    expiresOn: '2027-01-04',
  });
  if (made.status !== 201) throw new Error(`probe exemption not made: ${made.status} ${JSON.stringify(made.body)}`);
  return (made.body as { id: number }).id;
}

async function groupStandard(world: ProbeWorld): Promise<number> {
  serial += 1;
  const made = await world.call(world.home.users.section.username, 'POST', '/api/v1/product-quality/group-standards', {
    code: `T/PROBE ${Date.now() % 1e6}-${serial}`,
    title: '探针标准',
    association: '浙江省品牌建设联合会',
    entityId: await manufacturer(world),
    publishedOn: '2025-06-01',
  });
  if (made.status !== 201) throw new Error(`probe group standard not made: ${made.status} ${JSON.stringify(made.body)}`);
  return (made.body as { id: number }).id;
}

async function catalogueProduct(world: ProbeWorld): Promise<number> {
  serial += 1;
  const made = await world.call(world.home.users.section.username, 'POST', '/api/v1/product-quality/catalogue/products', {
    category: '探针类别',
    name: `探针产品${Date.now() % 1e6}-${serial}`,
    standards: ['GB 18584-2001'],
    testItems: ['甲醛释放量'],
  });
  if (made.status !== 201) throw new Error(`probe catalogue product not made: ${made.status} ${JSON.stringify(made.body)}`);
  return (made.body as { id: number }).id;
}
/** The catalogue is a district-wide document (every staff member of the district reads it): the other district is outside. */
const otherDistrict = (world: ProbeWorld) => [world.other.users.section.username];

const outsiders = (world: ProbeWorld) => [world.other.users.section.username, world.home.users.inspector2.username];

export const productQualityProbes: ScopeProbe[] = [
  {
    route: 'GET /api/v1/product-quality/catalogue/products/:id',
    setup: async (world) => ({ id: await catalogueProduct(world), outsiders: otherDistrict(world) }),
  },
  {
    route: 'PATCH /api/v1/product-quality/catalogue/products/:id',
    setup: async (world) => ({ id: await catalogueProduct(world), body: { status: 'retired' }, outsiders: otherDistrict(world) }),
  },
  { route: 'GET /api/v1/product-quality/makers/:id', setup: async (world) => ({ id: await maker(world), outsiders: outsiders(world) }) },
  {
    route: 'POST /api/v1/product-quality/makers/:id/inspections',
    setup: async (world) => ({ id: await maker(world), body: { inspectedOn: '2026-02-02' }, outsiders: outsiders(world) }),
  },
  {
    route: 'PATCH /api/v1/product-quality/makers/:id',
    setup: async (world) => ({ id: await maker(world), body: { products: '插头插座' }, outsiders: outsiders(world) }),
  },
  {
    route: 'GET /api/v1/product-quality/makers/:id/grade-history',
    setup: async (world) => ({ id: await maker(world), outsiders: outsiders(world) }),
  },
  {
    route: 'PATCH /api/v1/product-quality/ccc-exemptions/:id',
    setup: async (world) => ({ id: await exemption(world), body: { quantity: 4 }, outsiders: outsiders(world) }),
  },
  {
    route: 'GET /api/v1/product-quality/group-standards/:id',
    setup: async (world) => ({ id: await groupStandard(world), outsiders: outsiders(world) }),
  },
  {
    route: 'PATCH /api/v1/product-quality/group-standards/:id',
    setup: async (world) => ({ id: await groupStandard(world), body: { title: '改名' }, outsiders: outsiders(world) }),
  },
  {
    route: 'GET /api/v1/product-quality/ccc-exemptions/:id',
    setup: async (world) => ({ id: await exemption(world), outsiders: outsiders(world) }),
  },
  {
    route: 'POST /api/v1/product-quality/ccc-exemptions/:id/follow-ups',
    setup: async (world) => ({
      id: await exemption(world),
      body: { checkedOn: '2026-02-02', result: 'compliant' },
      outsiders: outsiders(world),
    }),
  },
];
