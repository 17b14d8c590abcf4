import { cateringShop } from '../../test/probe-fixtures.ts';
import type { ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';

async function appeal(world: ProbeWorld): Promise<number> {
  const entityId = await cateringShop(world, '申诉探针');
  const filed = await world.call(world.home.users.section.username, 'POST', '/api/v1/workshops/appeals', {
    entityId,
    reason: '评价有误，请复核',
  });
  if (filed.status !== 201) throw new Error(`probe appeal not filed: ${filed.status} ${JSON.stringify(filed.body)}`);
  return (filed.body as { id: number }).id;
}

export const workshopProbes: ScopeProbe[] = [
  {
    route: 'GET /api/v1/workshops/appeals/:id',
    setup: async (world) => ({
      id: await appeal(world),
      outsiders: [world.other.users.section.username, world.home.users.inspector2.username],
    }),
  },
  {
    route: 'POST /api/v1/workshops/appeals/:id/decision',
    setup: async (world) => ({
      id: await appeal(world),
      body: { status: 'rejected', decisionNote: '维持' },
      outsiders: [world.other.users.section.username],
    }),
  },
];
