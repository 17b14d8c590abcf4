import type { ScopeProbe } from '../../test/scope-probe.ts';

export const dashboardProbes: ScopeProbe[] = [
  {
    route: 'POST /api/v1/screen-tokens/:id/revoke',
    setup: async (world) => {
      const created = await world.call(world.home.users.leader.username, 'POST', '/api/v1/screen-tokens', { label: '探针' });
      if (created.status !== 201) throw new Error(`probe screen token not created: ${created.status}`);
      return { id: (created.body as { id: number }).id, outsiders: [world.other.users.leader.username] };
    },
  },
];
