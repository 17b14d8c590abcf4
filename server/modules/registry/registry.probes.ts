import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';

let serial = 0;

/** An entity on station 1's street of `home`, created through the API by section staff. */
async function entityOfStationOne({ home, call }: ProbeWorld): Promise<number> {
  serial += 1;
  const body = `92${home.code}${String(Date.now() % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}0`;
  const created = await call(home.users.section.username, 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: `探针餐馆${serial}`,
    kind: 'individual',
    legalRepName: '张三',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'H62',
    foundedOn: '2020-05-01',
    address: '探针路1号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'catering',
  });
  if (created.status !== 201) throw new Error(`probe entity not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

type Outsider = 'otherStationInspector' | 'operator' | 'otherDistrictSection';
const everyReader: Outsider[] = ['otherStationInspector', 'operator', 'otherDistrictSection'];

/** Readers of every kind outside the entity's scope; writers and revealers are a subset (the others get 403). */
const entityProbe = (route: string, outsiders: Outsider[], body?: () => unknown): ScopeProbe => ({
  route,
  setup: async (world) => {
    const users: Record<Outsider, string> = {
      otherStationInspector: world.home.users.inspector2.username,
      operator: world.home.users.operator.username,
      otherDistrictSection: world.other.users.section.username,
    };
    return { id: await entityOfStationOne(world), body: body?.(), outsiders: outsiders.map((outsider) => users[outsider]) };
  },
});

/** An import batch of `home`: the dry run of a one-row csv by its section staff. */
async function importBatch({ home, call }: ProbeWorld): Promise<number> {
  serial += 1;
  const body = `91${home.code}${String(Date.now() % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}0`;
  const csv = `统一社会信用代码,名称,类型,法定代表人,成立日期,住所,所属街道,行业\n${body + creditCodeCheckCharacter(body)},探针公司${serial},企业,李四,2020-01-01,探针路2号,${home.stations[0].streetCode},F51\n`;
  const response = await call(home.users.section.username, 'POST', '/api/v1/registry/imports?filename=probe.csv', csv, 'text/csv');
  if (response.status !== 201) throw new Error(`probe import not created: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { id: number }).id;
}

const importProbe = (route: string): ScopeProbe => ({
  route,
  setup: async (world) => ({ id: await importBatch(world), body: {}, outsiders: [world.other.users.section.username] }),
});

export const registryProbes: ScopeProbe[] = [
  entityProbe('GET /api/v1/entities/:id', everyReader),
  entityProbe('PATCH /api/v1/entities/:id', ['otherDistrictSection'], () => ({ revision: 1, name: '改名' })),
  entityProbe('POST /api/v1/entities/:id/status', ['otherDistrictSection'], () => ({
    status: 'cancelled',
    since: '2021-01-01',
    reason: '注销',
  })),
  entityProbe('GET /api/v1/entities/:id/timeline', everyReader),
  entityProbe('POST /api/v1/entities/:id/reveal', ['otherStationInspector', 'otherDistrictSection'], () => ({
    field: 'legalRepIdNumber',
    reason: '核查',
  })),
  importProbe('GET /api/v1/registry/imports/:id'),
  importProbe('GET /api/v1/registry/imports/:id/rows'),
  importProbe('POST /api/v1/registry/imports/:id/commit'),
  importProbe('GET /api/v1/registry/imports/:id/errors.csv'),
];
