import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';

let serial = 0;
let made: { marketId: number; stallId: number; testId: number; tokenId: number } | null = null;

/** A market on station 1's street of `home`, with a stall, a positive test and a screen token, made once by section staff. */
async function world({ home, call }: ProbeWorld) {
  if (made) return made;
  serial += 1;
  const body = `91${home.code}${String((Date.now() + serial * 7_901) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}5`;
  const entity = await call(home.users.section.username, 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: `探针农贸市场${serial}`,
    kind: 'enterprise',
    legalRepName: '赵六',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'L72',
    foundedOn: '2015-05-01',
    address: '探针路1号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'farmers_market',
  });
  if (entity.status !== 201) throw new Error(`probe market entity not created: ${entity.status} ${JSON.stringify(entity.body)}`);
  const marketId = (entity.body as { id: number }).id;
  const market = await call(home.users.section.username, 'POST', '/api/v1/markets', { entityId: marketId, isUrban: true });
  if (market.status !== 201) throw new Error(`probe market not registered: ${market.status} ${JSON.stringify(market.body)}`);
  const stall = await call(home.users.section.username, 'POST', `/api/v1/markets/${marketId}/stalls`, {
    number: 'P01',
    category: 'vegetables',
  });
  const stallId = (stall.body as { id: number }).id;
  const test = await call(home.users.section.username, 'POST', `/api/v1/markets/${marketId}/rapid-tests`, {
    stallId,
    product: '探针青菜',
    item: 'pesticide_residue',
    result: 'positive',
  });
  if (test.status !== 201) throw new Error(`probe rapid test not stored: ${test.status} ${JSON.stringify(test.body)}`);
  const token = await call(home.users.section.username, 'POST', '/api/v1/markets/screen-tokens', { label: '探针大屏', marketId });
  made = { marketId, stallId, testId: (test.body as { id: number }).id, tokenId: (token.body as { id: number }).id };
  return made;
}

const outsiders = (probe: ProbeWorld) => [probe.other.users.section.username, probe.home.users.inspector2.username];

/** Every market route with an id: the market's (GET and POST below it), a test's and a screen token's. */
const marketRoutes: { route: string; body?: (ids: NonNullable<typeof made>) => unknown; sectionOnly?: boolean }[] = [
  { route: 'GET /api/v1/markets/:id' },
  { route: 'GET /api/v1/markets/:id/stalls' },
  { route: 'POST /api/v1/markets/:id/stalls', body: () => ({ number: 'X99', category: 'meat' }) },
  { route: 'GET /api/v1/markets/:id/rapid-tests' },
  {
    route: 'POST /api/v1/markets/:id/rapid-tests',
    body: (ids) => ({ stallId: ids.stallId, product: '探针', item: 'pesticide_residue', result: 'negative' }),
  },
  {
    route: 'POST /api/v1/markets/:id/rapid-tests/import',
    body: () => ({ csv: '检测日期,摊位号,样品名称,检测项目,检测结果\n2020-01-01,P01,青菜,农残,阴性\n' }),
  },
  { route: 'GET /api/v1/markets/:id/prices' },
  { route: 'POST /api/v1/markets/:id/prices', body: () => ({ items: [{ product: '猪肉', priceFen: 2600 }] }) },
  { route: 'GET /api/v1/markets/:id/scales' },
  { route: 'POST /api/v1/markets/:id/scales', body: () => ({ serial: 'PROBE-1', verifiedOn: '2020-01-01' }) },
  { route: 'GET /api/v1/markets/:id/cleaning' },
  { route: 'POST /api/v1/markets/:id/cleaning', body: () => ({ level: 'daily', score: 90 }) },
  { route: 'GET /api/v1/markets/:id/star-ratings' },
  { route: 'PUT /api/v1/markets/:id', sectionOnly: true, body: () => ({ isUrban: true, operatorName: '探针' }) },
  { route: 'GET /api/v1/markets/:id/inspections' },
  {
    route: 'POST /api/v1/markets/:id/inspections',
    body: () => ({
      results: ['zoning', 'cleanliness', 'waste', 'disinfection', 'price_tags', 'fair_scale', 'publicity', 'fire_safety'].map((code) => ({
        code,
        passed: true,
      })),
    }),
  },
  {
    route: 'POST /api/v1/markets/:id/star-ratings',
    sectionOnly: true,
    body: () => ({
      assessedOn: '2020-11-01',
      points: { food_safety: 30, environment_order: 25, honest_business: 20, price_metering: 15, facilities: 10 },
    }),
  },
];

export const marketProbes: ScopeProbe[] = [
  ...marketRoutes.map(({ route, body, sectionOnly }) => ({
    route,
    setup: async (probe: ProbeWorld) => {
      const ids = await world(probe);
      // Assessing stars is the section's: another district's section staff are the outsiders who hold the role.
      return {
        id: ids.marketId,
        ...(body ? { body: body(ids) } : {}),
        outsiders: sectionOnly ? [probe.other.users.section.username] : outsiders(probe),
      };
    },
  })),
  {
    route: 'GET /api/v1/markets/rapid-tests/:id',
    setup: async (probe) => ({ id: (await world(probe)).testId, outsiders: outsiders(probe) }),
  },
  {
    route: 'PUT /api/v1/markets/stalls/:id',
    setup: async (probe) => ({ id: (await world(probe)).stallId, body: { category: 'meat' }, outsiders: outsiders(probe) }),
  },
  {
    route: 'POST /api/v1/markets/rapid-tests/:id/handle',
    setup: async (probe) => ({ id: (await world(probe)).testId, body: { action: 'destroy' }, outsiders: outsiders(probe) }),
  },
  {
    route: 'POST /api/v1/markets/screen-tokens/:id/revoke',
    setup: async (probe) => ({
      id: (await world(probe)).tokenId,
      outsiders: [probe.other.users.section.username, probe.other.users.leader.username],
    }),
  },
];
