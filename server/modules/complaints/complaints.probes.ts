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

/** A real 1×1 PNG, for attachment tests. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A multipart/form-data body as a browser sends it: text fields, then files. */
export function multipartBody(
  fields: Record<string, string>,
  files: { field: string; filename: string; contentType: string; content: Buffer }[],
): { payload: Buffer; contentType: string } {
  const boundary = '----zhijianProbe7f3a9c';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A public complaint with a PNG attached, about a shop on station 1's street of `home`: its id and the attachment's. */
async function homeAttachment({ home, call }: ProbeWorld): Promise<{ complaintId: number; attachmentId: number }> {
  const { payload, contentType } = multipartBody(
    {
      district: home.code,
      kind: 'complaint',
      category: 'food',
      respondentName: '探针小吃店',
      respondentAddress: '探针路2号',
      streetCode: home.stations[0].streetCode,
      name: '李四',
      phone: '13900001111',
      address: '探针路3号',
      facts: '饭菜变质',
      request: '退款',
    },
    [{ field: 'attachments', filename: 'photo.png', contentType: 'image/png', content: tinyPng }],
  );
  const posted = await call(home.users.section.username, 'POST', '/public/complaints', payload, contentType);
  const number = /TS\d{8}-\d{4}/.exec(String(posted.body))?.[0];
  if (posted.status !== 201 || !number) throw new Error(`probe attachment not posted: ${posted.status}`);
  const found = await call(home.users.section.username, 'GET', `/api/v1/complaints?q=${number}`);
  const complaintId = (found.body as { items: { id: number }[] }).items[0]?.id ?? 0;
  const listed = await call(home.users.section.username, 'GET', `/api/v1/complaints/${complaintId}/attachments`);
  const attachmentId = (listed.body as { items: { id: number }[] }).items[0]?.id ?? 0;
  return { complaintId, attachmentId };
}

const attachmentProbes: ScopeProbe[] = [
  {
    route: 'GET /api/v1/complaints/:id/attachments',
    setup: async (world) => ({
      id: (await homeAttachment(world)).complaintId,
      outsiders: [world.other.users.section.username, world.other.users.admin.username, world.home.users.inspector2.username],
    }),
  },
  {
    // The harness puts the id in place of ':id' only: the id carries the attachment's path, and what is left of
    // the route ('/attachments/:attachmentId') falls into an ignored query string.
    route: 'GET /api/v1/complaints/:id/attachments/:attachmentId',
    setup: async (world) => {
      const { complaintId, attachmentId } = await homeAttachment(world);
      return {
        id: `${complaintId}/attachments/${attachmentId}?probe=`,
        outsiders: [world.other.users.section.username, world.other.users.admin.username, world.home.users.inspector2.username],
      };
    },
  },
];

/** Every complaint route with an id: another district's staff and the other station's inspector get 404. */
export const complaintProbes: ScopeProbe[] = Object.entries(bodies)
  .map(
    ([route, body]): ScopeProbe => ({
      route,
      setup: async (world) => ({
        id: await homeComplaint(world),
        body,
        outsiders: [world.other.users.section.username, world.other.users.admin.username, world.home.users.inspector2.username],
      }),
    }),
  )
  .concat(attachmentProbes);
