import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';

let serial = 0;
let unitId: number | null = null;

/** An application of a shop on station 1's street of `home`, made once by section staff. */
async function unit({ home, call }: ProbeWorld): Promise<number> {
  if (unitId !== null) return unitId;
  serial += 1;
  const body = `91${home.code}${String((Date.now() + serial * 7_907) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}6`;
  const entity = await call(home.users.section.username, 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: `探针放心店${serial}`,
    kind: 'enterprise',
    legalRepName: '赵六',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'F52',
    foundedOn: '2015-05-01',
    address: '探针路3号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'food_retail',
  });
  if (entity.status !== 201) throw new Error(`probe shop not created: ${entity.status}`);
  const applied = await call(home.users.section.username, 'POST', '/api/v1/consumer-confidence/units', {
    kind: 'model_shop',
    entityId: (entity.body as { id: number }).id,
    commitments: ['no_reason_return'],
  });
  if (applied.status !== 201) throw new Error(`probe unit not stored: ${applied.status} ${JSON.stringify(applied.body)}`);
  unitId = (applied.body as { id: number }).id;
  return unitId;
}

let warningId: number | null = null;

/** A draft holiday warning of `home`, written once by its section for a holiday a month ahead of the probe's clock. */
async function warning({ home, call }: ProbeWorld): Promise<number> {
  if (warningId !== null) return warningId;
  const created = await call(home.users.section.username, 'POST', '/api/v1/consumer-confidence/warnings', {
    holidayName: '探针节',
    holidayStart: '2099-01-01',
    title: '探针节消费提示',
    body: '探针节将至，请理性消费，保留票据。',
  });
  if (created.status !== 201) throw new Error(`probe warning not stored: ${created.status} ${JSON.stringify(created.body)}`);
  warningId = (created.body as { id: number }).id;
  return warningId;
}

const outsiders = (world: ProbeWorld) => [world.other.users.section.username, world.home.users.inspector2.username];

export const consumerConfidenceProbes: ScopeProbe[] = [
  {
    route: 'GET /api/v1/consumer-confidence/units/:id',
    setup: async (world) => ({ id: await unit(world), outsiders: [...outsiders(world), world.home.users.operator.username] }),
  },
  {
    route: 'POST /api/v1/consumer-confidence/units/:id/decision',
    setup: async (world) => ({ id: await unit(world), body: { decision: 'reject', note: '探针' }, outsiders: outsiders(world) }),
  },
  {
    route: 'POST /api/v1/consumer-confidence/units/:id/yearly-review',
    setup: async (world) => ({ id: await unit(world), body: {}, outsiders: outsiders(world) }),
  },
  // Warnings are the district's (its inspectors read them): only another district is outside.
  {
    route: 'GET /api/v1/consumer-confidence/warnings/:id',
    setup: async (world) => ({ id: await warning(world), outsiders: [world.other.users.section.username] }),
  },
  {
    route: 'PUT /api/v1/consumer-confidence/warnings/:id',
    setup: async (world) => ({
      id: await warning(world),
      body: { holidayName: '探针节', holidayStart: '2099-01-01', title: '外区改写', body: '外区不应能改写本区的提示。' },
      outsiders: [world.other.users.section.username],
    }),
  },
  {
    route: 'POST /api/v1/consumer-confidence/warnings/:id/publish',
    setup: async (world) => ({ id: await warning(world), outsiders: [world.other.users.section.username] }),
  },
];
