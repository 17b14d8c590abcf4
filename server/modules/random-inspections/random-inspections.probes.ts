import { systemActorFor } from '../../platform/scope/actor.ts';
import type { TestDistrict } from '../../test/factories.ts';
import type { ScopeProbe } from '../../test/scope-probe.ts';
import { bulkInsertEntities } from '../registry/index.ts';
import { riConflict, riDraw, riPlan, riTask, riTaskInspector } from './random-inspections.tables.ts';

let sequence = 0;

/** Test entities for this module's tests and probes: active catering units in the district's first street. */
export async function insertTestEntities(
  db: TestDistrict['ctx']['db'],
  district: TestDistrict,
  count: number,
  options: { foundedOn?: string; streetCode?: string; category?: 'catering' | 'food_retail' } = {},
): Promise<{ id: number; creditCode: string }[]> {
  const rows = Array.from({ length: count }, () => {
    sequence += 1;
    const serial = String(sequence).padStart(7, '0');
    return {
      districtCode: district.code,
      creditCode: `91${district.code}MA${serial}X`,
      name: `测试餐饮${serial}`,
      kind: 'enterprise' as const,
      legalRepName: '',
      legalRepIdEnc: null,
      legalRepIdBlind: null,
      legalRepIdMask: null,
      industryCode: 'H62',
      registeredCapitalWan: null,
      foundedOn: options.foundedOn ?? '2015-01-01',
      status: 'active' as const,
      statusSince: options.foundedOn ?? '2015-01-01',
      endedOn: null,
      address: `测试路${serial}号`,
      streetCode: options.streetCode ?? district.stations[0].streetCode,
      communityCode: null,
      lng: null,
      lat: null,
      phoneEnc: null,
      phoneBlind: null,
      phoneMask: null,
      businessCategory: options.category ?? ('catering' as const),
      searchGrams: [],
    };
  });
  return bulkInsertEntities(db, rows);
}

/** One entity, a conflict, a plan with a published draw and one task in `home`, made directly (no HTTP). */
async function homeWorld(home: TestDistrict) {
  const ctx = { ...home.ctx, actor: systemActorFor(home.code) };
  const [created] = await insertTestEntities(ctx.db, home, 1);
  const entityId = (created as { id: number }).id;
  const [conflict] = await ctx.db
    .insert(riConflict)
    .values({ districtCode: home.code, userId: home.users.inspector1.id, entityId, reason: 'relative' })
    .returning({ id: riConflict.id });
  const [plan] = await ctx.db
    .insert(riPlan)
    .values({
      districtCode: home.code,
      code: `P-${sequence}-${home.code}`,
      title: 'probe',
      kind: 'ad_hoc',
      year: 2026,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      departments: ['市场监管'],
      strata: [{ key: 'all', label: 'all', creditClasses: ['A', 'B', 'C', 'D'], count: 1 }],
    })
    .returning({ id: riPlan.id });
  const planId = (plan as { id: number }).id;
  const [draw] = await ctx.db
    .insert(riDraw)
    .values({
      districtCode: home.code,
      planId,
      batchNo: 1,
      status: 'published',
      algorithm: 'zhijian-draw/1',
      inspectionDate: '2026-01-05',
      inspectorsPerTask: 2,
      commitment: 'a'.repeat(64),
      seedAnnouncement: 'probe',
      committedAt: new Date(),
    })
    .returning({ id: riDraw.id });
  const drawId = (draw as { id: number }).id;
  const [task] = await ctx.db
    .insert(riTask)
    .values({
      districtCode: home.code,
      drawId,
      entityId,
      objectKey: 'probe',
      stratumKey: 'all',
      position: 1,
      ticket: 'f'.repeat(64),
      streetCode: home.stations[0].streetCode,
    })
    .returning({ id: riTask.id });
  const taskId = (task as { id: number }).id;
  await ctx.db
    .insert(riTaskInspector)
    .values({ districtCode: home.code, taskId, userId: home.users.inspector1.id, inspectorKey: 'ZJ0001', seq: 1 });
  return { entityId, conflictId: (conflict as { id: number }).id, planId, drawId, taskId };
}

const staffOutsiders = (other: TestDistrict) => [other.users.admin.username, other.users.section.username];

/** Every /:id route of the module: another district's staff, and for tasks an inspector of another station, get 404. */
export const randomInspectionProbes: ScopeProbe[] = [
  {
    route: 'PUT /api/v1/random-inspections/inspectors/:id',
    setup: async ({ home, other }) => ({
      id: home.users.inspector1.id,
      body: { certificateNo: 'ZJ9999', validFrom: '2020-01-01', validUntil: '2030-01-01', department: '市场监管', isInPool: true },
      outsiders: staffOutsiders(other),
    }),
  },
  {
    route: 'DELETE /api/v1/random-inspections/conflicts/:id',
    setup: async ({ home, other }) => ({ id: (await homeWorld(home)).conflictId, outsiders: staffOutsiders(other) }),
  },
  {
    route: 'GET /api/v1/random-inspections/plans/:id',
    setup: async ({ home, other }) => ({
      id: (await homeWorld(home)).planId,
      outsiders: [other.users.leader.username, other.users.section.username],
    }),
  },
  {
    route: 'POST /api/v1/random-inspections/plans/:id/draws',
    setup: async ({ home, other }) => ({
      id: (await homeWorld(home)).planId,
      body: { seedAnnouncement: 'x' },
      outsiders: staffOutsiders(other),
    }),
  },
  ...['GET /api/v1/random-inspections/draws/:id', 'GET /api/v1/random-inspections/draws/:id/document'].map(
    (route): ScopeProbe => ({
      route,
      setup: async ({ home, other }) => ({
        id: (await homeWorld(home)).drawId,
        outsiders: [other.users.leader.username, other.users.section.username],
      }),
    }),
  ),
  {
    route: 'POST /api/v1/random-inspections/draws/:id/seed',
    setup: async ({ home, other }) => ({
      id: (await homeWorld(home)).drawId,
      body: { components: [{ source: 'dice', value: '123' }] },
      outsiders: staffOutsiders(other),
    }),
  },
  ...['POST /api/v1/random-inspections/draws/:id/run', 'POST /api/v1/random-inspections/draws/:id/publish'].map(
    (route): ScopeProbe => ({
      route,
      setup: async ({ home, other }) => ({ id: (await homeWorld(home)).drawId, body: {}, outsiders: staffOutsiders(other) }),
    }),
  ),
  {
    route: 'GET /api/v1/random-inspections/tasks/:id',
    setup: async ({ home, other }) => ({
      id: (await homeWorld(home)).taskId,
      outsiders: [other.users.leader.username, other.users.inspector1.username, home.users.inspector2.username],
    }),
  },
  {
    route: 'POST /api/v1/random-inspections/tasks/:id/result',
    setup: async ({ home, other }) => ({
      id: (await homeWorld(home)).taskId,
      body: {
        inspectedOn: '2026-01-06',
        results: [{ matterId: 1, outcome: 'no_problem', note: '' }],
        followUpType: 'none',
        followUpNote: '',
      },
      outsiders: [other.users.section.username, other.users.inspector1.username, home.users.inspector2.username],
    }),
  },
  {
    route: 'POST /api/v1/random-inspections/tasks/:id/publish',
    setup: async ({ home, other }) => ({ id: (await homeWorld(home)).taskId, body: {}, outsiders: staffOutsiders(other) }),
  },
];
