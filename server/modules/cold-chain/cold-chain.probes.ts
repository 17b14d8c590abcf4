import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { ProbeWorld, ScopeProbe } from '../../test/scope-probe.ts';

let serial = 0;
const pdfDataUrl = `data:application/pdf;base64,${Buffer.from('%PDF-1.4\n%probe\n').toString('base64')}`;

/** A cold store on station 1's street of `home` with one imported batch. */
async function batch({ home, call }: ProbeWorld): Promise<number> {
  serial += 1;
  const body = `91${home.code}${String((Date.now() + serial * 7919) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}8`;
  const section = home.users.section.username;
  const store = await call(section, 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: `探针冷库${serial}`,
    kind: 'enterprise',
    legalRepName: '赵六',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'G59',
    foundedOn: '2015-05-01',
    address: '探针路8号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'food_retail',
  });
  if (store.status !== 201) throw new Error(`probe cold store not created: ${store.status} ${JSON.stringify(store.body)}`);
  const created = await call(section, 'POST', '/api/v1/cold-chain/batches', {
    customsDeclarationNo: `3101202100000${String(serial).padStart(5, '0')}`,
    originCountry: 'BR',
    product: '冷冻牛肉',
    category: 'meat',
    lot: `P${serial}`,
    quantity: 1000,
    unit: 'kg',
    firstHolderEntityId: (store.body as { id: number }).id,
    arrivedOn: '2021-01-10',
  });
  if (created.status !== 201) throw new Error(`probe batch not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}

/** Another district's staff, the other station's inspector and an operator without the cold store. */
const outsiders = ({ home, other }: ProbeWorld) => [
  other.users.admin.username,
  other.users.section.username,
  home.users.inspector2.username,
  home.users.operator.username,
];

export const coldChainProbes: ScopeProbe[] = [
  { route: 'GET /api/v1/cold-chain/batches/:id', setup: async (world) => ({ id: await batch(world), outsiders: outsiders(world) }) },
  { route: 'GET /api/v1/cold-chain/batches/:id/epcis', setup: async (world) => ({ id: await batch(world), outsiders: outsiders(world) }) },
  {
    route: 'PATCH /api/v1/cold-chain/batches/:id',
    setup: async (world) => ({ id: await batch(world), body: { product: '冷冻牛腩' }, outsiders: outsiders(world) }),
  },
  {
    route: 'POST /api/v1/cold-chain/batches/:id/certificates',
    setup: async (world) => ({
      id: await batch(world),
      body: { kind: 'quarantine', number: 'Q-1', issuedOn: '2021-01-09', dataUrl: pdfDataUrl },
      outsiders: outsiders(world),
    }),
  },
  {
    route: 'POST /api/v1/cold-chain/batches/:id/sellable',
    setup: async (world) => ({ id: await batch(world), outsiders: outsiders(world) }),
  },
  {
    route: 'GET /api/v1/cold-chain/certificates/:id',
    setup: async (world) => {
      const id = await batch(world);
      const added = await world.call(world.home.users.section.username, 'POST', `/api/v1/cold-chain/batches/${id}/certificates`, {
        kind: 'quarantine',
        number: 'Q-1',
        issuedOn: '2021-01-09',
        dataUrl: pdfDataUrl,
      });
      if (added.status !== 200) throw new Error(`probe certificate not added: ${added.status} ${JSON.stringify(added.body)}`);
      return { id: (added.body as { certificates: { id: number }[] }).certificates[0]?.id as number, outsiders: outsiders(world) };
    },
  },
];
