import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import { createUser } from '../../platform/accounts/accounts.service.ts';
import { orgUnit } from '../../platform/org/org.tables.ts';
import { testPassword } from '../../test/factories.ts';
import type { CallAs, ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';

let serial = 0;
const secondLabUsers = new Map<string, string>();

/** A lab account of `home` at a second lab (not the one samples are sent to): a lab outsider. */
export async function secondLabUser({ home }: Pick<ProbeWorld, 'home'>): Promise<string> {
  const known = secondLabUsers.get(home.code);
  if (known) return known;
  const [lab] = await home.ctx.db
    .insert(orgUnit)
    .values({ districtCode: home.code, kind: 'lab', name: '第二检测机构', nameEn: 'Second lab', parentId: null })
    .returning({ id: orgUnit.id });
  const username = `lab2-${home.code}`;
  await createUser(home.ctx, {
    districtCode: home.code,
    username,
    displayName: `lab2 ${home.code}`,
    roles: ['lab'],
    orgUnitId: (lab as { id: number }).id,
    passwordOverride: testPassword,
  });
  secondLabUsers.set(home.code, username);
  return username;
}

/** An entity on station 1's street of `home`, created through the API by section staff. */
export async function sampledEntity({ home, call }: Pick<ProbeWorld, 'home' | 'call'>, name = '抽样餐馆'): Promise<number> {
  serial += 1;
  const body = `93${home.code}${String(Date.now() % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}0`;
  const created = await call(home.users.section.username, 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: `${name}${serial}`,
    kind: 'individual',
    legalRepName: '张三',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'H62',
    foundedOn: '2020-05-01',
    address: `抽样路${serial}号`,
    streetCode: home.stations[0].streetCode,
    businessCategory: 'catering',
  });
  if (created.status !== 201) throw new Error(`entity not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

export interface SampleOptions {
  entityId?: number;
  sampledOn?: string;
  testMethod?: 'lab' | 'rapid';
  planId?: number;
}

function expectStatus(response: { status: number; body: unknown }, status: number, what: string) {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Record<string, unknown>;
}

/** A sample taken at an entity of station 1 by both inspectors; returns its id and blind code. */
export async function takeSample(world: Pick<ProbeWorld, 'home' | 'call'>, options: SampleOptions = {}) {
  const { home, call } = world;
  const entityId = options.entityId ?? (await sampledEntity(world));
  const body = expectStatus(
    await call(home.users.inspector1.username, 'POST', '/api/v1/sampling/samples', {
      ...(options.planId ? { planId: options.planId } : {}),
      entityId,
      link: 'catering',
      category: '餐饮食品',
      productType: '油炸面制品',
      productName: '油条',
      brand: '秘方牌',
      batchNo: 'B20260225',
      productionDate: options.sampledOn ?? '2026-02-25',
      quantity: '3份×500g',
      priceFen: 1250,
      samplerIds: [home.users.inspector1.id, home.users.inspector2.id],
      entityConfirmedBy: '店主签字人',
      testMethod: options.testMethod ?? 'lab',
      testItems: ['铝的残留量', '硼酸'],
      sampledOn: options.sampledOn ?? '2026-02-25',
    }),
    201,
    'sample not created',
  );
  return { id: body.id as number, blindCode: body.blindCode as string, entityId };
}

/** Sample → sent to the district's lab → received by it. */
export async function sampleAtLab(world: Pick<ProbeWorld, 'home' | 'call'>, options: SampleOptions = {}) {
  const taken = await takeSample(world, options);
  const { home, call } = world;
  expectStatus(
    await call(home.users.section.username, 'POST', `/api/v1/sampling/samples/${taken.id}/send`, {
      labId: home.labId,
      sentOn: '2026-02-26',
    }),
    200,
    'send',
  );
  expectStatus(
    await call(home.users.lab.username, 'POST', `/api/v1/lab/samples/${taken.blindCode}/receive`, { receivedOn: '2026-02-27' }),
    200,
    'receive',
  );
  return taken;
}

export const failingResults = [
  { itemName: '铝的残留量', measured: '286', unit: 'mg/kg', limitText: '≤100', methodStandard: 'GB 5009.182-2017', verdict: 'fail' },
  { itemName: '硼酸', measured: '未检出', unit: 'mg/kg', limitText: '不得检出', methodStandard: 'GB/T 21918-2008', verdict: 'pass' },
];

/** An unqualified sample, notified to the entity: returns the sample and its handling task. */
export async function unqualifiedSample(world: Pick<ProbeWorld, 'home' | 'call'>, notifiedOn = '2026-03-02') {
  const taken = await sampleAtLab(world);
  const { home, call } = world;
  expectStatus(
    await call(home.users.lab.username, 'PUT', `/api/v1/lab/samples/${taken.blindCode}/results`, { items: failingResults }),
    200,
    'results',
  );
  const notified = expectStatus(
    await call(home.users.section.username, 'POST', `/api/v1/sampling/samples/${taken.id}/notify`, { notifiedOn }),
    200,
    'notify',
  );
  return { ...taken, handlingId: notified.handlingId as number };
}

export const tinyPng = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function photoOf(world: Pick<ProbeWorld, 'home' | 'call'>): Promise<number> {
  const taken = await takeSample(world);
  const response = await world.call(
    world.home.users.inspector1.username,
    'POST',
    `/api/v1/sampling/samples/${taken.id}/photos`,
    tinyPng,
    'image/png',
  );
  return expectStatus(response, 201, 'photo').id as number;
}

type Outsider = 'otherStationInspector' | 'operator' | 'otherDistrictSection' | 'otherDistrictInspector' | 'secondLab' | 'otherDistrictLab';

async function usersOf(world: ProbeWorld, outsiders: Outsider[]): Promise<string[]> {
  const names: Record<Exclude<Outsider, 'secondLab'>, string> = {
    otherStationInspector: world.home.users.inspector2.username,
    operator: world.home.users.operator.username,
    otherDistrictSection: world.other.users.section.username,
    otherDistrictInspector: world.other.users.inspector1.username,
    otherDistrictLab: world.other.users.lab.username,
  };
  return Promise.all(outsiders.map((outsider) => (outsider === 'secondLab' ? secondLabUser(world) : names[outsider])));
}

const bureauReaders: Outsider[] = ['otherStationInspector', 'otherDistrictSection'];
const labOutsiders: Outsider[] = ['secondLab', 'otherDistrictLab'];

const probe = (
  route: string,
  outsiders: Outsider[],
  make: (world: ProbeWorld) => Promise<number | string>,
  body?: unknown,
): ScopeProbe => ({
  route,
  setup: async (world) => ({ id: await make(world), body, outsiders: await usersOf(world, outsiders) }),
});

async function planOf({ home, call }: { home: ProbeWorld['home']; call: CallAs }): Promise<number> {
  const response = await call(home.users.section.username, 'POST', '/api/v1/sampling/plans', {
    year: 2026,
    name: '探针计划',
    field: 'food',
    kind: 'routine',
    targets: [{ link: 'production', targetBatches: 10 }],
  });
  return expectStatus(response, 201, 'plan').id as number;
}

const sampleId = async (world: ProbeWorld) => (await takeSample(world)).id;
const blindCodeAtLab = async (world: ProbeWorld) => (await sampleAtLab(world)).blindCode;
const handlingId = async (world: ProbeWorld) => (await unqualifiedSample(world)).handlingId;

export const samplingProbes: ScopeProbe[] = [
  probe('GET /api/v1/sampling/plans/:id', ['otherDistrictSection', 'otherDistrictInspector'], planOf),
  probe('GET /api/v1/sampling/samples/:id', bureauReaders, sampleId),
  probe('POST /api/v1/sampling/samples/:id/send', bureauReaders, sampleId, { labId: 1, sentOn: '2026-02-26' }),
  probe('POST /api/v1/sampling/samples/:id/rapid-result', bureauReaders, sampleId, {
    resultAt: '2026-02-25T02:00:00Z',
    items: failingResults,
  }),
  probe('POST /api/v1/sampling/samples/:id/objection', bureauReaders, sampleId, { filedAt: '2026-02-25T03:00:00Z' }),
  probe('POST /api/v1/sampling/samples/:id/notify', ['otherDistrictSection'], sampleId, { notifiedOn: '2026-03-02' }),
  probe('POST /api/v1/sampling/samples/:id/retest', ['otherDistrictSection'], sampleId, { requestedOn: '2026-03-02' }),
  probe('POST /api/v1/sampling/samples/:id/publish', ['otherDistrictSection'], sampleId, {}),
  probe('POST /api/v1/sampling/samples/:id/photos', bureauReaders, sampleId, {}),
  probe('GET /api/v1/sampling/files/:id', bureauReaders, photoOf),
  probe('GET /api/v1/sampling/handling/:id', [...bureauReaders, 'operator'], handlingId),
  probe('PATCH /api/v1/sampling/handling/:id', bureauReaders, handlingId, { note: '探针' }),
  probe('GET /api/v1/lab/samples/:id', labOutsiders, blindCodeAtLab),
  probe('POST /api/v1/lab/samples/:id/receive', labOutsiders, async (world) => (await takeSampleSent(world)).blindCode, {
    receivedOn: '2026-02-27',
  }),
  probe('PUT /api/v1/lab/samples/:id/results', labOutsiders, blindCodeAtLab, { items: failingResults }),
  probe('PUT /api/v1/lab/samples/:id/report', labOutsiders, blindCodeAtLab, {}),
  probe('GET /api/v1/lab/samples/:id/report', labOutsiders, blindCodeAtLab),
];

async function takeSampleSent(world: Pick<ProbeWorld, 'home' | 'call'>) {
  const taken = await takeSample(world);
  expectStatus(
    await world.call(world.home.users.section.username, 'POST', `/api/v1/sampling/samples/${taken.id}/send`, {
      labId: world.home.labId,
      sentOn: '2026-02-26',
    }),
    200,
    'send',
  );
  return taken;
}
