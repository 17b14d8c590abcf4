import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/calendar-day.ts';
import { fromMilli, loopBalance, type Movement, toMilli, unreceivedShipments } from './closed-loop.ts';

const at = (hour: number) => `2021-03-01T${String(hour).padStart(2, '0')}:00:00.000Z`;

describe('closed loop: in = out + stock + disposed', () => {
  it('balances a cold store that received 1000 kg, shipped 600, destroyed 50 and counted 350', () => {
    const balance = loopBalance([
      { step: 'receive', direction: 'in', milli: 1_000_000, at: at(1) },
      { step: 'ship', direction: 'out', milli: 600_000, at: at(2) },
      { step: 'dispose', direction: 'out', milli: 50_000, at: at(3) },
      { step: 'store', direction: 'count', milli: 350_000, at: at(4) },
    ]);
    expect(balance).toEqual({
      inMilli: 1_000_000,
      outMilli: 600_000,
      disposedMilli: 50_000,
      stockMilli: 350_000,
      isStockCounted: true,
      findings: [],
    });
  });

  it('finds a gap of 20.5 kg when the count says 329.5 where the movements leave 350', () => {
    const balance = loopBalance([
      { step: 'receive', direction: 'in', milli: 1_000_000, at: at(1) },
      { step: 'ship', direction: 'out', milli: 650_000, at: at(2) },
      { step: 'store', direction: 'count', milli: 329_500, at: at(4) },
    ]);
    expect(balance.findings).toEqual([{ kind: 'loop_gap', milli: 20_500 }]);
    expect(balance.stockMilli).toBe(329_500);
  });

  it('finds an oversell of 5 boxes when 25 were sold of 20 received', () => {
    const balance = loopBalance([
      { step: 'receive', direction: 'in', milli: 20_000, at: at(1) },
      { step: 'sell', direction: 'out', milli: 25_000, at: at(2) },
    ]);
    expect(balance.findings).toEqual([{ kind: 'oversell', milli: 5_000 }]);
  });

  it('carries a count forward through the movements after it', () => {
    const balance = loopBalance([
      { step: 'receive', direction: 'in', milli: 100_000, at: at(1) },
      { step: 'store', direction: 'count', milli: 100_000, at: at(2) },
      { step: 'sell', direction: 'out', milli: 30_000, at: at(3) },
    ]);
    expect(balance.stockMilli).toBe(70_000);
    expect(balance.findings).toEqual([]);
  });

  it('converts quantities exactly', () => {
    expect(toMilli('12.5')).toBe(12_500);
    expect(toMilli(0.001)).toBe(1);
    expect(fromMilli(12_500)).toBe('12.5');
    expect(fromMilli(-20_500)).toBe('-20.5');
    expect(fromMilli(3_000)).toBe('3');
  });

  it('property: without counts, in = out + stock + disposed holds and a finding appears exactly when out exceeds in', () => {
    const movement = fc.record({
      step: fc.constantFrom('receive', 'ship', 'sell', 'dispose', 'split'),
      milli: fc.integer({ min: 0, max: 10_000_000 }),
      hour: fc.integer({ min: 0, max: 23 }),
    });
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 30 }), (list) => {
        const movements: Movement[] = list.map((item) => ({
          step: item.step as Movement['step'],
          direction: item.step === 'receive' ? 'in' : 'out',
          milli: item.milli,
          at: at(item.hour),
        }));
        const balance = loopBalance(movements);
        expect(balance.inMilli).toBe(balance.outMilli + balance.stockMilli + balance.disposedMilli);
        expect(balance.findings.some((finding) => finding.kind === 'oversell')).toBe(balance.stockMilli < 0);
      }),
    );
  });
});

describe('shipments scanned out but never scanned in', () => {
  const shipment = {
    eventId: 7,
    code: '330212ABCDEFGHJK',
    fromDistrict: '330212',
    fromEntityId: 1,
    toDistrict: '330212',
    toEntityId: 2,
    milli: 5_000,
    day: '2021-03-01',
  };
  it('is a finding 2 days after it left without a receipt', () => {
    expect(unreceivedShipments([shipment], [], '2021-03-03', 2, addDays)).toEqual([shipment]);
    expect(unreceivedShipments([shipment], [], '2021-03-02', 2, addDays)).toEqual([]);
  });
  it('is answered by a receipt of the same code at the destination', () => {
    const receipt = {
      code: shipment.code,
      atDistrict: '330212',
      atEntityId: 2,
      fromDistrict: '330212',
      fromEntityId: 1,
      day: '2021-03-02',
    };
    expect(unreceivedShipments([shipment], [receipt], '2021-03-09', 2, addDays)).toEqual([]);
    expect(unreceivedShipments([shipment, { ...shipment, eventId: 8 }], [receipt], '2021-03-09', 2, addDays)).toEqual([
      { ...shipment, eventId: 8 },
    ]);
  });
});
