import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistentOrder } from './consistent-sampler.ts';
import { rivestSample } from './rivest-sampler.ts';

interface Vector {
  data: { count: number; seed: string; total: number };
  expected: number[];
}
const vectors = (
  JSON.parse(readFileSync(new URL('../../../../test-fixtures/rivest-sampler-vectors.json', import.meta.url), 'utf8')) as { tests: Vector[] }
).tests;

describe("Rivest's sampler.py", () => {
  it('has the six published vectors', () => expect(vectors).toHaveLength(6));

  for (const vector of vectors) {
    it(`reproduces the published vector seed=${JSON.stringify(vector.data.seed)} total=${vector.data.total}`, () => {
      const picks = rivestSample(vector.data.seed, vector.data.total, vector.data.count, { withReplacement: true });
      expect(JSON.stringify(picks)).toBe(JSON.stringify(vector.expected));
    });
  }

  it('without replacement skips repeats: seed "0" over 2 items gives 1 then 2', () => {
    expect(rivestSample('0', 2, 2, { withReplacement: false })).toEqual([1, 2]);
  });

  it('without replacement gives distinct picks inside 1..total', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 40 }), (seed, total) => {
        const picks = rivestSample(seed, total, total, { withReplacement: false });
        return new Set(picks).size === total && picks.every((pick) => pick >= 1 && pick <= total);
      }),
      { numRuns: 50 },
    );
  });
});

describe("Rivest's consistent sampler", () => {
  it('orders the documented example (seed 31415, ids A-1 … B-3) as published', () => {
    const order = consistentOrder('31415', ['A-1', 'A-2', 'A-3', 'B-1', 'B-2', 'B-3']);
    expect(order.map((entry) => `${entry.id} ${entry.ticket.slice(0, 10)}`)).toEqual([
      'B-1 209a9f6594',
      'B-2 5ee90a669e',
      'A-2 710ef2b7e8',
      'B-3 b1d8c28550',
      'A-1 f45c80bcba',
      'A-3 fa2132c79a',
    ]);
  });

  it('is consistent: the order of a subset is the filtered order of the whole set', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 30 }), fc.string(), (ids, seed) => {
        const whole = consistentOrder(seed, ids).map((entry) => entry.id);
        const subset = ids.filter((_, index) => index % 2 === 0);
        const keep = new Set(subset);
        return (
          JSON.stringify(consistentOrder(seed, subset).map((entry) => entry.id)) === JSON.stringify(whole.filter((id) => keep.has(id)))
        );
      }),
      { numRuns: 50 },
    );
  });
});
