import { creditCodeCheckCharacter } from '../../shared/credit-code.ts';
import type { ProbeWorld } from './scope-probe.ts';

let serial = 0;

/** A catering entity on station 1's street of `home`, made by section staff through the registry API. */
export async function cateringShop({ home, call }: ProbeWorld, name = '探针饭店', extra: { phone?: string } = {}): Promise<number> {
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
    ...extra,
  });
  if (created.status !== 201) throw new Error(`probe shop not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: number }).id;
}
