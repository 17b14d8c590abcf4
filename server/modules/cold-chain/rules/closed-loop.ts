import type { ColdChainStep, FindingKind } from '../../../../shared/vocabularies/cold-chain.ts';

/**
 * The closed loop 闭环 of one code at one holder (the seed: "source traceable, destination checkable"; FSMA 204
 * §1.1345/§1.1340 receiving and shipping records): everything that came in must be accounted for —
 *
 *     in = out + in stock + disposed
 *
 * `in` is what the holder received (or created by a split or transformation), `out` what it shipped, sold or consumed
 * in a split, aggregation or transformation, `disposed` what it destroyed, `in stock` the latest stock count (a store
 * event); without a count the stock is what the movements leave. A latest count that differs from what the movements
 * before it leave is a **gap**; more out and disposed than in is an **oversell**. Quantities are in thousandths (the
 * columns' numeric(14,3)), so the arithmetic is exact.
 */
export interface Movement {
  step: ColdChainStep;
  /** 'in' for a receive or a code created here; 'out' for everything that leaves or is consumed. */
  direction: 'in' | 'out' | 'count';
  /** Thousandths of the unit. */
  milli: number;
  /** ISO instant; movements at the same instant keep their given order. */
  at: string;
}

export interface LoopBalance {
  inMilli: number;
  outMilli: number;
  disposedMilli: number;
  stockMilli: number;
  isStockCounted: boolean;
  findings: { kind: Extract<FindingKind, 'loop_gap' | 'oversell'>; milli: number }[];
}

export function loopBalance(movements: readonly Movement[]): LoopBalance {
  const ordered = movements.map((movement, index) => ({ movement, index }));
  ordered.sort((a, b) => (a.movement.at < b.movement.at ? -1 : a.movement.at > b.movement.at ? 1 : a.index - b.index));
  let inMilli = 0;
  let outMilli = 0;
  let disposedMilli = 0;
  let lastCount: { observed: number; expected: number } | undefined;
  let movedAfterCount = 0;
  for (const { movement } of ordered) {
    if (movement.direction === 'count') {
      lastCount = { observed: movement.milli, expected: inMilli - outMilli - disposedMilli };
      movedAfterCount = 0;
      continue;
    }
    const signed = movement.direction === 'in' ? movement.milli : -movement.milli;
    if (movement.direction === 'in') inMilli += movement.milli;
    else if (movement.step === 'dispose') disposedMilli += movement.milli;
    else outMilli += movement.milli;
    movedAfterCount += signed;
  }
  const findings: LoopBalance['findings'] = [];
  const excess = outMilli + disposedMilli - inMilli;
  if (excess > 0) findings.push({ kind: 'oversell', milli: excess });
  if (lastCount && lastCount.observed !== lastCount.expected)
    findings.push({ kind: 'loop_gap', milli: lastCount.expected - lastCount.observed });
  const stockMilli = lastCount ? lastCount.observed + movedAfterCount : inMilli - outMilli - disposedMilli;
  return { inMilli, outMilli, disposedMilli, stockMilli, isStockCounted: lastCount !== undefined, findings };
}

/** Thousandths from a numeric text or number ("12.5" → 12500), exactly. */
export function toMilli(quantity: string | number): number {
  const text = typeof quantity === 'number' ? quantity.toFixed(3) : quantity;
  const [whole = '0', fraction = ''] = text.replace(/^-/, '').split('.');
  const milli = Number(whole) * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3));
  return text.startsWith('-') ? -milli : milli;
}

export function fromMilli(milli: number): string {
  const sign = milli < 0 ? '-' : '';
  const absolute = Math.abs(milli);
  const fraction = String(absolute % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${Math.floor(absolute / 1000)}${fraction ? `.${fraction}` : ''}`;
}

export interface Shipment {
  eventId: number;
  code: string;
  fromDistrict: string;
  fromEntityId: number;
  toDistrict: string;
  toEntityId: number;
  milli: number;
  day: string;
}

export interface Receipt {
  code: string;
  atDistrict: string;
  atEntityId: number;
  fromDistrict: string | null;
  fromEntityId: number | null;
  day: string;
}

/**
 * Shipments scanned out but never scanned in: each receipt at the destination of the same code, from the shipper (or
 * from nobody named), on or after the ship day, answers one shipment, earliest first; a shipment left unanswered
 * `graceDays` after it left is a finding. The bureau's setting: 2 days, the longest delivery inside a city.
 */
export function unreceivedShipments(
  shipments: readonly Shipment[],
  receipts: readonly Receipt[],
  today: string,
  graceDays: number,
  addDays: (day: string, days: number) => string,
): Shipment[] {
  const used = new Set<number>();
  const open: Shipment[] = [];
  const ordered = [...shipments].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.eventId - b.eventId));
  for (const shipment of ordered) {
    const index = receipts.findIndex(
      (receipt, at) =>
        !used.has(at) &&
        receipt.code === shipment.code &&
        receipt.atDistrict === shipment.toDistrict &&
        receipt.atEntityId === shipment.toEntityId &&
        (receipt.fromEntityId === null ||
          (receipt.fromEntityId === shipment.fromEntityId && receipt.fromDistrict === shipment.fromDistrict)) &&
        receipt.day >= shipment.day,
    );
    if (index >= 0) used.add(index);
    else if (addDays(shipment.day, graceDays) <= today) open.push(shipment);
  }
  return open;
}
