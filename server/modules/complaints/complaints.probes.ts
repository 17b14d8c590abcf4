import type { ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';

/** A complaint about a shop on station 1's street of `home`, entered by section staff. */
async function homeComplaint({ home, call }: ProbeWorld): Promise<number> {
  const created = await call(home.users.section.username, 'POST', '/api/v1/complaints', {
    kind: 'complaint',
    channel: 'hotline_12315',
    category: 'food',
    respondentName: '探针小吃店',
    respondentAddress: '探针路2号',
    streetCode: home.stations[0].streetCode,
    complainantName: '李四',
    complainantPhone: '13900001111',
    complainantAddress: '探针路3号',
    facts: '饭菜变质',
    request: '退款',
  });
  if (created.status !== 201) throw new Error(`probe complaint not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

const bodies: Record<string, unknown> = {
  'GET /api/v1/complaints/:id': undefined,
  'POST /api/v1/complaints/:id/accept': { on: '2026-03-02' },
  'POST /api/v1/complaints/:id/reject': { on: '2026-03-02', ground: 'other' },
  'POST /api/v1/complaints/:id/end-mediation': { on: '2026-03-02', outcome: 'agreement' },
  'POST /api/v1/complaints/:id/start-verification': { on: '2026-03-02' },
  'POST /api/v1/complaints/:id/extend': { step: 'verify', reason: '需要检验' },
  'POST /api/v1/complaints/:id/decide-case': { on: '2026-03-02', decision: 'no_case' },
  'POST /api/v1/complaints/:id/reply': { on: '2026-03-02' },
  'POST /api/v1/complaints/:id/reassign': { stationId: 1 },
  'POST /api/v1/complaints/:id/survey': {},
  'POST /api/v1/complaints/:id/survey-answer': { answer: 'satisfied' },
  'POST /api/v1/complaints/:id/reveal': { reason: '回访核实' },
};

/** Every complaint route with an id: another district's staff and the other station's inspector get 404. */
export const complaintProbes: ScopeProbe[] = Object.entries(bodies).map(
  ([route, body]): ScopeProbe => ({
    route,
    setup: async (world) => ({
      id: await homeComplaint(world),
      body,
      outsiders: [world.other.users.section.username, world.other.users.admin.username, world.home.users.inspector2.username],
    }),
  }),
);
