import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import { residentIdCheckCharacter } from '../../../shared/resident-id.ts';
import type { ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';

let serial = 0;

/** A catering entity on station 1's street of `home`, made by section staff through the registry API. */
export async function cateringShop({ home, call }: ProbeWorld, name = '探针饭店'): Promise<number> {
  serial += 1;
  const body = `92${home.code}${String((Date.now() + serial * 7919) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}1`;
  const created = await call(home.users.section.username, 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: `${name}${serial}`,
    kind: 'individual',
    legalRepName: '王五',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'H62',
    foundedOn: '2019-05-01',
    address: '探针路8号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'catering',
  });
  if (created.status !== 201) throw new Error(`probe shop not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

/** A valid 18-digit resident ID number, different for each `n`. */
export function residentId(n: number): string {
  const first17 = `33021219900101${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

async function handlerOfStationOne(world: ProbeWorld): Promise<number> {
  const entityId = await cateringShop(world);
  serial += 1;
  const created = await world.call(world.home.users.section.username, 'POST', '/api/v1/food-handlers', {
    entityId,
    name: '探针厨师',
    idNumber: residentId(serial),
    hiredOn: '2020-01-01',
  });
  if (created.status !== 201) throw new Error(`probe handler not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

const handlerProbe = (route: string, body?: unknown, withOperator = true): ScopeProbe => ({
  route,
  setup: async (world) => ({
    id: await handlerOfStationOne(world),
    body,
    outsiders: [
      world.home.users.inspector2.username,
      ...(withOperator ? [world.home.users.operator.username] : []),
      world.other.users.section.username,
    ],
  }),
});

export const foodSafetyProbes: ScopeProbe[] = [
  handlerProbe('GET /api/v1/food-handlers/:id'),
  handlerProbe('PATCH /api/v1/food-handlers/:id', { post: '切配' }),
  handlerProbe('POST /api/v1/food-handlers/:id/certificates', { number: 'JK-1', institution: '区疾控', examinedOn: '2020-03-01' }),
  handlerProbe('POST /api/v1/food-handlers/:id/reveal-id-number', { reason: '核查身份' }, false),
];
