import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex as pureSha256Hex, verifyDrawDocument } from '../verifier/draw-verifier.js';
import { canonicalJson } from './canonical-json.ts';
import {
  canonicalInputsInto,
  combineSeed,
  type DrawDocument,
  type DrawInputs,
  drawAlgorithm,
  drawCommitment,
  isCertificateValid,
  normaliseDrawInputs,
  runDraw,
} from './draw-inspection-sample.ts';
import { sha256Hex } from './rivest-sampler.ts';

const day = fc
  .integer({ min: 0, max: 1000 })
  .map((offset) => new Date(Date.UTC(2019, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));

/** Random pools: objects in 1–3 strata, inspectors with certificate windows, a random conflict graph and history. */
const drawInputs: fc.Arbitrary<DrawInputs> = fc
  .record({
    objectCount: fc.integer({ min: 0, max: 40 }),
    inspectorCount: fc.integer({ min: 1, max: 12 }),
    strataSizes: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 3 }),
    inspectorsPerTask: fc.integer({ min: 2, max: 4 }),
    inspectionDate: day,
    windows: fc.array(fc.tuple(day, day), { minLength: 12, maxLength: 12 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 }),
    history: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
    stratumOf: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  })
  .map((draft) => {
    const strata = draft.strataSizes.map((size, index) => ({ key: String.fromCharCode(65 + index), size }));
    const objectKeys = Array.from({ length: draft.objectCount }, (_, index) => `91330212MA${String(index).padStart(7, '0')}X`);
    const inspectorKeys = Array.from({ length: draft.inspectorCount }, (_, index) => `ZJ${String(index).padStart(4, '0')}`);
    const previous = new Map<string, Set<string>>();
    for (const [objectIndex, inspectorIndex] of draft.history) {
      if (!objectKeys.length) break;
      const key = objectKeys[objectIndex % objectKeys.length] as string;
      previous.set(key, (previous.get(key) ?? new Set()).add(inspectorKeys[inspectorIndex % inspectorKeys.length] as string));
    }
    const conflicts = new Map<string, { inspector: string; object: string }>();
    for (const [inspectorIndex, objectIndex] of draft.edges) {
      if (!objectKeys.length) break;
      const pair = {
        inspector: inspectorKeys[inspectorIndex % inspectorKeys.length] as string,
        object: objectKeys[objectIndex % objectKeys.length] as string,
      };
      conflicts.set(`${pair.inspector}|${pair.object}`, pair);
    }
    return {
      algorithm: drawAlgorithm,
      districtCode: '330212',
      drawRef: '330212-1',
      inspectionDate: draft.inspectionDate,
      inspectorsPerTask: draft.inspectorsPerTask,
      strata,
      objects: objectKeys.map((key, index) => ({
        key,
        stratum: (strata[(draft.stratumOf[index] ?? 0) % strata.length] as { key: string }).key,
        previousInspectors: [...(previous.get(key) ?? [])],
      })),
      inspectors: inspectorKeys.map((key, index) => {
        const [from, until] = draft.windows[index] as [string, string];
        return from <= until ? { key, validFrom: from, validUntil: until } : { key, validFrom: until, validUntil: from };
      }),
      conflicts: [...conflicts.values()],
    } satisfies DrawInputs;
  });

const components = fc.array(fc.record({ source: fc.constantFrom('drand', 'dice', 'nist'), value: fc.string() }), {
  minLength: 1,
  maxLength: 3,
});

function publish(inputs: DrawInputs, seedComponents: { source: string; value: string }[]): DrawDocument {
  const commitment = drawCommitment(inputs);
  const combined = combineSeed(commitment, seedComponents);
  return {
    format: drawAlgorithm,
    inputs,
    commitment,
    seed: { announcement: '', components: seedComponents, combined },
    result: runDraw(inputs, combined),
  };
}

describe('the verifiable double-random draw', () => {
  it('gives fixed commitment, seed, tickets and tasks for a fixed zhijian-draw/1 document (the format is stable across releases)', () => {
    const inputs: DrawInputs = {
      algorithm: drawAlgorithm,
      districtCode: '330212',
      drawRef: '330212-7',
      inspectionDate: '2026-03-16',
      inspectorsPerTask: 2,
      strata: [
        { key: 'A', size: 2 },
        { key: 'B', size: 1 },
      ],
      objects: [
        { key: '91330212MA0000001X', stratum: 'A', previousInspectors: ['ZJ0001'] },
        { key: '91330212MA0000002X', stratum: 'A', previousInspectors: [] },
        { key: '91330212MA0000003X', stratum: 'A', previousInspectors: [] },
        { key: '91330212MA0000004X', stratum: 'B', previousInspectors: [] },
        { key: '91330212MA0000005X', stratum: 'B', previousInspectors: [] },
      ],
      inspectors: ['ZJ0001', 'ZJ0002', 'ZJ0003', 'ZJ0004'].map((key) => ({ key, validFrom: '2025-01-01', validUntil: '2027-12-31' })),
      conflicts: [{ inspector: 'ZJ0002', object: '91330212MA0000002X' }],
    };
    const document = publish(inputs, [{ source: 'dice', value: '3-1-4-1-5-9' }]);
    expect(document.commitment).toBe('52d78d3579e49d2d7ab512b4432bea2d4e645fbf96bf3c3d30b06d96397c28e2');
    expect(document.seed?.combined).toBe('514cd4586bef721d3ed941ae9bc29ffe49837153e1502faff4efe711c5880890');
    expect(document.result?.tasks).toEqual([
      {
        object: '91330212MA0000002X',
        stratum: 'A',
        position: 1,
        ticket: '606ca6ddca99f120c5dd635dec3a03a58cbd76aefa3d878d557733c02810abab',
        inspectors: ['ZJ0004', 'ZJ0001'],
      },
      {
        object: '91330212MA0000001X',
        stratum: 'A',
        position: 2,
        ticket: '688511d1aae81b5c15484c2923081c1940894adf3c325855561f501c08cbf612',
        inspectors: ['ZJ0003', 'ZJ0004'],
      },
      {
        object: '91330212MA0000004X',
        stratum: 'B',
        position: 1,
        ticket: '9b3f1693566fbd681eaf5ca62ffd2d7d882c69b19313cf11c8b2bfc3a93ec499',
        inspectors: ['ZJ0003', 'ZJ0001'],
      },
    ]);
    expect(document.result?.strata.map((stratum) => stratum.reserve.map((entry) => entry.object))).toEqual([
      ['91330212MA0000003X'],
      ['91330212MA0000005X'],
    ]);
    expect(verifyDrawDocument(document).ok).toBe(true);
  });

  it('never violates recusal: no conflict, no repeat of last time, valid certificates, distinct inspectors, ≥ 2 or reported unstaffed', () => {
    fc.assert(
      fc.property(drawInputs, fc.string(), (inputs, seed) => {
        const result = runDraw(inputs, seed);
        const conflicts = new Set(inputs.conflicts.map((pair) => `${pair.inspector}|${pair.object}`));
        const byKey = new Map(inputs.inspectors.map((item) => [item.key, item]));
        for (const task of result.tasks) {
          const object = inputs.objects.find((item) => item.key === task.object);
          if (!object) return false;
          if (new Set(task.inspectors).size !== task.inspectors.length) return false;
          for (const inspector of task.inspectors) {
            if (conflicts.has(`${inspector}|${task.object}`)) return false;
            if (object.previousInspectors.includes(inspector)) return false;
            if (!isCertificateValid(byKey.get(inspector) as { validFrom: string; validUntil: string }, inputs.inspectionDate)) return false;
          }
          const eligible = inputs.inspectors.filter(
            (item) =>
              !conflicts.has(`${item.key}|${task.object}`) &&
              !object.previousInspectors.includes(item.key) &&
              isCertificateValid(item, inputs.inspectionDate),
          ).length;
          const isUnstaffed = result.unstaffed.includes(task.object);
          // Full when enough are eligible; otherwise every eligible one is taken and the task is flagged.
          if (task.inspectors.length !== Math.min(eligible, inputs.inspectorsPerTask)) return false;
          if (isUnstaffed !== eligible < inputs.inspectorsPerTask) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('honours stratum sizes: min(size, population) objects from each stratum, no object twice', () => {
    fc.assert(
      fc.property(drawInputs, fc.string(), (inputs, seed) => {
        const result = runDraw(inputs, seed);
        const drawn = result.tasks.map((task) => task.object);
        if (new Set(drawn).size !== drawn.length) return false;
        return inputs.strata.every((stratum) => {
          const population = inputs.objects.filter((item) => item.stratum === stratum.key).length;
          const tasks = result.tasks.filter((task) => task.stratum === stratum.key);
          const ofStratum = tasks.every((task) => inputs.objects.find((item) => item.key === task.object)?.stratum === stratum.key);
          return ofStratum && tasks.length === Math.min(stratum.size, population);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('changes the commitment when one entity of the frozen list changes', () => {
    fc.assert(
      fc.property(
        drawInputs.filter((inputs) => inputs.objects.length > 0),
        fc.nat(),
        (inputs, which) => {
          const index = which % inputs.objects.length;
          const changed = structuredClone(inputs);
          const target = changed.objects[index] as DrawInputs['objects'][number];
          target.key = `${target.key}Z`;
          return drawCommitment(changed) !== drawCommitment(inputs);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order the lists were frozen in', () => {
    fc.assert(
      fc.property(drawInputs, fc.string(), (inputs, seed) => {
        const reversed = {
          ...inputs,
          objects: [...inputs.objects].reverse(),
          inspectors: [...inputs.inspectors].reverse(),
          conflicts: [...inputs.conflicts].reverse(),
          strata: [...inputs.strata].reverse(),
        };
        return (
          drawCommitment(reversed) === drawCommitment(inputs) &&
          JSON.stringify(runDraw(reversed, seed)) === JSON.stringify(runDraw(inputs, seed))
        );
      }),
      { numRuns: 100 },
    );
  });

  it('writes the canonical inputs field by field exactly as the generic canonical JSON does (any text, CJK, astral)', () => {
    fc.assert(
      fc.property(drawInputs, fc.string({ unit: 'grapheme' }), fc.string(), (inputs, districtCode, key) => {
        const odd = normaliseDrawInputs({
          ...inputs,
          districtCode,
          objects: inputs.objects.map((item, index) => (index === 0 ? { ...item, key: `${key}\u0000"\\${item.key}` } : item)),
        });
        const pieces: string[] = [];
        return canonicalInputsInto(odd, (text) => pieces.push(text)) && pieces.join('') === canonicalJson(odd as never);
      }),
      { numRuns: 200 },
    );
  });

  it('draws from large strata (most objects beyond the reserve) as the standalone verifier does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 3000 }), fc.integer({ min: 0, max: 30 }), fc.string(), (count, size, dice) => {
        const inputs: DrawInputs = {
          algorithm: drawAlgorithm,
          districtCode: '330212',
          drawRef: '330212-9',
          inspectionDate: '2020-09-01',
          inspectorsPerTask: 2,
          strata: [
            { key: 'A', size },
            { key: 'B', size: Math.floor(size / 3) },
          ],
          objects: Array.from({ length: count }, (_, index) => ({
            key: `91330212MA${String(index).padStart(7, '0')}X`,
            stratum: index % 5 === 0 ? 'B' : 'A',
            previousInspectors: index % 7 === 0 ? ['ZJ0001'] : [],
          })),
          inspectors: Array.from({ length: 6 }, (_, index) => ({
            key: `ZJ000${index}`,
            validFrom: '2019-01-01',
            validUntil: '2025-12-31',
          })),
          conflicts: [{ inspector: 'ZJ0002', object: '91330212MA0000003X' }],
        };
        const document = publish(inputs, [{ source: 'dice', value: dice }]);
        const result = document.result as NonNullable<DrawDocument['result']>;
        return (
          verifyDrawDocument(document).ok === true &&
          result.tasks.length === size + Math.floor(size / 3) &&
          result.strata.every((stratum) => stratum.reserve.length === Math.min(10, stratum.population - stratum.size))
        );
      }),
      { numRuns: 25 },
    );
  });

  it('is reproduced exactly by the standalone verifier from the published document', () => {
    fc.assert(
      fc.property(drawInputs, components, (inputs, seedComponents) => {
        const verdict = verifyDrawDocument(publish(inputs, seedComponents));
        return verdict.ok && verdict.checks.length === 3;
      }),
      { numRuns: 100 },
    );
  });

  it('makes the standalone verifier fail when a published task or an input is altered', () => {
    const inputs: DrawInputs = {
      algorithm: drawAlgorithm,
      districtCode: '330212',
      drawRef: '330212-7',
      inspectionDate: '2020-05-11',
      inspectorsPerTask: 2,
      strata: [{ key: 'all', size: 3 }],
      objects: ['A', 'B', 'C', 'D', 'E'].map((key) => ({ key, stratum: 'all', previousInspectors: [] })),
      inspectors: ['I1', 'I2', 'I3', 'I4'].map((key) => ({ key, validFrom: '2019-01-01', validUntil: '2025-12-31' })),
      conflicts: [],
    };
    const document = publish(inputs, [{ source: 'dice', value: '08772473296991897540' }]);
    expect(verifyDrawDocument(document).ok).toBe(true);
    const swapped = structuredClone(document);
    const task = swapped.result?.tasks[0] as { inspectors: string[] };
    task.inspectors = [...task.inspectors].reverse();
    expect(verifyDrawDocument(swapped).checks.map((check) => check.ok)).toEqual([true, true, false]);
    const edited = structuredClone(document);
    edited.inputs.objects.pop();
    expect(verifyDrawDocument(edited).checks[0]?.ok).toBe(false);
  });

  it("has a pure-JS SHA-256 equal to node's on any text (ASCII, CJK, astral, long)", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => pureSha256Hex(text) === sha256Hex(text)),
      { numRuns: 300 },
    );
    expect(pureSha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(pureSha256Hex('x'.repeat(100_000))).toBe(sha256Hex('x'.repeat(100_000)));
  });
});
