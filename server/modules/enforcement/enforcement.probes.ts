import type { ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';

/** A case of station 1 in `home`, opened through the API by section staff. */
async function homeCase({ home, call }: ProbeWorld): Promise<number> {
  const created = await call(home.users.section.username, 'POST', '/api/v1/cases', {
    title: '探针案件',
    source: 'direct',
    partyName: '某某商店',
    streetCode: home.stations[0].streetCode,
    violationType: 'price',
    leadOn: '2026-02-20',
  });
  if (created.status !== 201) throw new Error(`probe case not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

const bodies: Record<string, unknown> = {
  'GET /api/v1/cases/:id': undefined,
  'GET /api/v1/cases/:id/document': undefined,
  'POST /api/v1/cases/:id/document/corrections': { kind: 'filing', reason: '更正笔误' },
  'POST /api/v1/cases/:id/advance': { to: 'filed', on: '2026-02-25' },
  'POST /api/v1/cases/:id/extend': { deadline: 'filing', reason: '需要检验' },
  'PUT /api/v1/cases/:id/penalties': { items: [{ kind: 'fine', amount: '100' }] },
  'POST /api/v1/cases/:id/publish': { on: '2026-02-25' },
  'POST /api/v1/cases/:id/police-transfer': { on: '2026-02-25' },
};

/** Every case route with an id: another district's staff and the other station's inspector get 404. */
export const enforcementProbes: ScopeProbe[] = Object.entries(bodies).map(
  ([route, body]): ScopeProbe => ({
    route,
    setup: async (world) => ({
      id: await homeCase(world),
      body,
      outsiders: [world.other.users.section.username, world.other.users.admin.username, world.home.users.inspector2.username],
    }),
  }),
);
