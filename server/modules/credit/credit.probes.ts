import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import { cateringShop } from '../../test/probe-fixtures.ts';
import type { ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';

/** An entity on station 1's street listed as unreachable at its address (by section staff). */
async function listing(world: ProbeWorld, decidedOn = '2026-01-05'): Promise<number> {
  const entityId = await cateringShop(world, '信用探针');
  const listed = await world.call(world.home.users.section.username, 'POST', '/api/v1/credit/abnormal-listings', {
    entityId,
    reason: 'unreachable_at_address',
    decidedOn,
  });
  if (listed.status !== 201) throw new Error(`probe listing not made: ${listed.status} ${JSON.stringify(listed.body)}`);
  return (listed.body as { id: number }).id;
}

async function repair(world: ProbeWorld): Promise<number> {
  const listingId = await listing(world);
  const applied = await world.call(world.home.users.section.username, 'POST', '/api/v1/credit/repairs', {
    target: 'abnormal_listing',
    targetId: listingId,
    statement: '已可通过登记住所取得联系',
  });
  if (applied.status !== 201) throw new Error(`probe repair not filed: ${applied.status} ${JSON.stringify(applied.body)}`);
  return (applied.body as { id: number }).id;
}

let serial = 0;
/** An enterprise (only enterprises move to the serious-violation list) on station 1's street. */
async function enterprise({ home, call }: ProbeWorld): Promise<number> {
  serial += 1;
  const body = `91${home.code}${String((Date.now() + serial * 104_729) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}1`;
  const created = await call(home.users.section.username, 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: `严失探针有限公司${serial}`,
    kind: 'enterprise',
    legalRepName: '王五',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'F52',
    foundedOn: '2019-05-01',
    address: '探针路9号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'other',
  });
  if (created.status !== 201) throw new Error(`probe enterprise not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

/** An objection filed by section staff against a fresh listing (within its 30 days). */
async function objection(world: ProbeWorld): Promise<number> {
  const listingId = await listing(world, '2026-02-20'); // within the 30 days of the test clock's 2 March 2026
  const filed = await world.call(world.home.users.section.username, 'POST', '/api/v1/credit/objections', {
    target: 'abnormal_listing',
    targetId: listingId,
    grounds: '住所可以联系',
  });
  if (filed.status !== 201) throw new Error(`probe objection not filed: ${filed.status} ${JSON.stringify(filed.body)}`);
  return (filed.body as { id: number }).id;
}

/** A dry run of a one-row filing import by home's section staff (imports are district-wide work). */
async function filingImport({ home, call }: ProbeWorld): Promise<number> {
  const csv = '统一社会信用代码,报送日期\n911111111111111111,2026-01-05\n';
  const batch = await call(
    home.users.section.username,
    'POST',
    '/api/v1/credit/annual-reports/imports?reportYear=2025&filename=p.csv',
    csv,
    'text/csv',
  );
  if (batch.status !== 201) throw new Error(`probe import not made: ${batch.status} ${JSON.stringify(batch.body)}`);
  return (batch.body as { id: number }).id;
}

const outsiders = (world: ProbeWorld) => [world.other.users.section.username, world.home.users.inspector2.username];

export const creditProbes: ScopeProbe[] = [
  {
    route: 'GET /api/v1/credit/abnormal-listings/:id',
    setup: async (world) => ({ id: await listing(world), outsiders: outsiders(world) }),
  },
  {
    route: 'GET /api/v1/credit/abnormal-listings/:id/decision.docx',
    setup: async (world) => ({ id: await listing(world), outsiders: outsiders(world) }),
  },
  {
    route: 'POST /api/v1/credit/abnormal-listings/:id/removal',
    setup: async (world) => ({
      id: await listing(world),
      body: { removedOn: '2026-01-06', removalReason: '已取得联系' },
      outsiders: outsiders(world),
    }),
  },
  {
    route: 'GET /api/v1/credit/repairs/:id',
    setup: async (world) => ({ id: await repair(world), outsiders: outsiders(world) }),
  },
  {
    route: 'POST /api/v1/credit/repairs/:id/decision',
    setup: async (world) => ({ id: await repair(world), body: { status: 'rejected', decisionNote: '' }, outsiders: outsiders(world) }),
  },
  {
    route: 'GET /api/v1/credit/objections/:id',
    setup: async (world) => ({ id: await objection(world), outsiders: outsiders(world) }),
  },
  {
    route: 'POST /api/v1/credit/objections/:id/acceptance',
    setup: async (world) => ({ id: await objection(world), body: { isAccepted: true, note: '' }, outsiders: outsiders(world) }),
  },
  {
    route: 'POST /api/v1/credit/objections/:id/decision',
    setup: async (world) => ({ id: await objection(world), body: { outcome: 'dismissed', note: '核实无误' }, outsiders: outsiders(world) }),
  },
  {
    route: 'GET /api/v1/credit/annual-reports/imports/:id',
    setup: async (world) => ({ id: await filingImport(world), outsiders: [world.other.users.section.username] }),
  },
  {
    route: 'POST /api/v1/credit/annual-reports/imports/:id/commit',
    setup: async (world) => ({ id: await filingImport(world), body: {}, outsiders: [world.other.users.section.username] }),
  },
  {
    // A serious listing needs 3 years on the abnormal list: the probe lists one dated 2022 and moves it.
    route: 'GET /api/v1/credit/serious-violations/:id',
    setup: async (world) => {
      const entityId = await enterprise(world);
      const listed = await world.call(world.home.users.section.username, 'POST', '/api/v1/credit/abnormal-listings', {
        entityId,
        reason: 'unreachable_at_address',
        decidedOn: '2022-03-01',
      });
      if (listed.status !== 201) throw new Error(`probe listing not made: ${listed.status} ${JSON.stringify(listed.body)}`);
      const moved = await world.call(world.home.users.section.username, 'POST', '/api/v1/credit/serious-violations', {
        abnormalListingId: (listed.body as { id: number }).id,
        listedOn: '2025-03-05',
      });
      if (moved.status !== 201) throw new Error(`probe serious listing not made: ${moved.status} ${JSON.stringify(moved.body)}`);
      return { id: (moved.body as { id: number }).id, outsiders: outsiders(world) };
    },
  },
];
