import { type CanonicalValue, canonicalJson } from './canonical-json.ts';
import { ticketOf } from './consistent-sampler.ts';
import { rivestPick, sha256Hex } from './rivest-sampler.ts';

/**
 * The verifiable "double random" draw (双随机: random targets, random inspectors), algorithm
 * `zhijian-draw/1`. Sources: 国办发〔2015〕58号 and 国发〔2019〕5号 (draw targets and inspectors at random,
 * publish the results; at least two inspectors, recusal where there is an interest — SAMR Order 49
 * Art. 23); the public-verifiability protocol of research note anchors-surveillance-trace-scale.md §4.4
 * (Colorado RLA public seed; Rivest's sampler.py and consistent_sampler).
 *
 * 1. Commitment = SHA-256 of the canonical JSON of the normalised inputs (frozen object list with strata,
 *    inspector list with certificate validity, conflict pairs, each object's previous inspectors, stratum
 *    sizes, inspectors per task, inspection date, algorithm). Published before the seed is known.
 * 2. Seed = SHA-256 of canonical JSON {commitment, components}: the public components (a drand round
 *    fixed in advance, dice rolled at a public meeting…) bound to the commitment.
 * 3. Objects: consistent-sampling tickets with the seed; per stratum, the `size` smallest tickets.
 * 4. Inspectors, per drawn object: sampler.py picks into the key-sorted inspector list with the seed
 *    `seed + ":inspectors:" + objectKey`; a pick is skipped when already taken, in conflict with the
 *    object, among the object's previous inspectors ("not twice in a row"), or when the certificate is not
 *    valid on the inspection date. The first `inspectorsPerTask` accepted picks staff the task; when every
 *    inspector has been seen without enough accepted, the task is reported unstaffed.
 * The standalone verifier (verifier/draw-verifier.js) re-implements these steps without this code.
 */
export const drawAlgorithm = 'zhijian-draw/1';
/** How many objects after the last selected one each stratum publishes, as substitutes. */
export const reserveSize = 10;

export interface DrawInputs {
  algorithm: typeof drawAlgorithm;
  districtCode: string;
  drawRef: string;
  /** Certificates must be valid on this day (the start of the inspection period). */
  inspectionDate: string;
  inspectorsPerTask: number;
  strata: { key: string; size: number }[];
  objects: { key: string; stratum: string; previousInspectors: string[] }[];
  inspectors: { key: string; validFrom: string; validUntil: string }[];
  conflicts: { inspector: string; object: string }[];
}

export interface SeedComponent {
  source: string;
  value: string;
}

export interface DrawnTask {
  object: string;
  stratum: string;
  /** 1-based rank of the object in its stratum's ticket order. */
  position: number;
  ticket: string;
  inspectors: string[];
}

export interface DrawResult {
  strata: { key: string; population: number; size: number; reserve: { object: string; ticket: string }[] }[];
  tasks: DrawnTask[];
  /** Objects drawn for which not enough eligible inspectors remained. */
  unstaffed: string[];
}

const byText = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

/** Sorts every list and checks the inputs are well formed (unique keys, known strata, ≥ 2 inspectors a task). */
export function normaliseDrawInputs(inputs: DrawInputs): DrawInputs {
  const normalised: DrawInputs = {
    algorithm: inputs.algorithm,
    districtCode: inputs.districtCode,
    drawRef: inputs.drawRef,
    inspectionDate: inputs.inspectionDate,
    inspectorsPerTask: inputs.inspectorsPerTask,
    strata: [...inputs.strata].map((stratum) => ({ key: stratum.key, size: stratum.size })).sort((a, b) => byText(a.key, b.key)),
    objects: inputs.objects
      .map((item) => ({ key: item.key, stratum: item.stratum, previousInspectors: [...item.previousInspectors].sort(byText) }))
      .sort((a, b) => byText(a.key, b.key)),
    inspectors: inputs.inspectors
      .map((item) => ({ key: item.key, validFrom: item.validFrom, validUntil: item.validUntil }))
      .sort((a, b) => byText(a.key, b.key)),
    conflicts: inputs.conflicts
      .map((pair) => ({ inspector: pair.inspector, object: pair.object }))
      .sort((a, b) => byText(a.inspector, b.inspector) || byText(a.object, b.object)),
  };
  if (normalised.algorithm !== drawAlgorithm) throw new Error(`unknown algorithm ${normalised.algorithm}`);
  if (!Number.isInteger(normalised.inspectorsPerTask) || normalised.inspectorsPerTask < 2) throw new Error('at least 2 inspectors a task');
  const unique = (keys: string[], what: string) => {
    for (let index = 1; index < keys.length; index++)
      if (keys[index] === keys[index - 1]) throw new Error(`duplicate ${what} ${keys[index]}`);
  };
  unique(
    normalised.strata.map((item) => item.key),
    'stratum',
  );
  unique(
    normalised.objects.map((item) => item.key),
    'object',
  );
  unique(
    normalised.inspectors.map((item) => item.key),
    'inspector',
  );
  const strata = new Set(normalised.strata.map((item) => item.key));
  for (const item of normalised.objects)
    if (!strata.has(item.stratum)) throw new Error(`object ${item.key} is in unknown stratum ${item.stratum}`);
  for (const stratum of normalised.strata) if (!Number.isInteger(stratum.size) || stratum.size < 0) throw new Error('bad stratum size');
  return normalised;
}

function asCanonical(inputs: DrawInputs): CanonicalValue {
  return inputs as unknown as CanonicalValue;
}

/** The commitment published before the seed exists: SHA-256 of the canonical normalised inputs. */
export function drawCommitment(inputs: DrawInputs): string {
  return sha256Hex(canonicalJson(asCanonical(normaliseDrawInputs(inputs))));
}

/** The draw seed: the public components bound to the commitment. */
export function combineSeed(commitment: string, components: readonly SeedComponent[]): string {
  return sha256Hex(canonicalJson({ commitment, components: components.map((item) => ({ source: item.source, value: item.value })) }));
}

/** Is the certificate valid on the day (both ends inclusive, ISO dates compare as text)? */
export function isCertificateValid(inspector: { validFrom: string; validUntil: string }, day: string): boolean {
  return inspector.validFrom <= day && day <= inspector.validUntil;
}

/** Steps 3 and 4 above: which objects, in which order, and which inspectors go to each. */
export function runDraw(rawInputs: DrawInputs, seed: string): DrawResult {
  const inputs = normaliseDrawInputs(rawInputs);
  const seedHash = sha256Hex(seed);
  const byStratum = new Map<string, { key: string; ticket: string; previous: string[] }[]>();
  for (const stratum of inputs.strata) byStratum.set(stratum.key, []);
  for (const item of inputs.objects) {
    byStratum.get(item.stratum)?.push({ key: item.key, ticket: ticketOf(seedHash, item.key), previous: item.previousInspectors });
  }
  const conflicts = new Set(inputs.conflicts.map((pair) => `${pair.inspector}\u0000${pair.object}`));
  const inspectorCount = inputs.inspectors.length;
  const tasks: DrawnTask[] = [];
  const unstaffed: string[] = [];
  const strata: DrawResult['strata'] = [];
  for (const stratum of inputs.strata) {
    const ordered = (byStratum.get(stratum.key) ?? []).sort((a, b) => byText(a.ticket, b.ticket) || byText(a.key, b.key));
    const size = Math.min(stratum.size, ordered.length);
    strata.push({
      key: stratum.key,
      population: ordered.length,
      size,
      reserve: ordered.slice(size, size + reserveSize).map((item) => ({ object: item.key, ticket: item.ticket })),
    });
    for (let rank = 0; rank < size; rank++) {
      const item = ordered[rank] as (typeof ordered)[number];
      const chosen: string[] = [];
      const seen = new Set<number>();
      const previous = new Set(item.previous);
      const streamSeed = `${seed}:inspectors:${item.key}`;
      for (let pickIndex = 1; chosen.length < inputs.inspectorsPerTask && seen.size < inspectorCount; pickIndex++) {
        const pick = rivestPick(streamSeed, inspectorCount, pickIndex);
        if (seen.has(pick)) continue;
        seen.add(pick);
        const inspector = inputs.inspectors[pick - 1] as DrawInputs['inspectors'][number];
        if (conflicts.has(`${inspector.key}\u0000${item.key}`)) continue;
        if (previous.has(inspector.key)) continue;
        if (!isCertificateValid(inspector, inputs.inspectionDate)) continue;
        chosen.push(inspector.key);
      }
      if (chosen.length < inputs.inspectorsPerTask) unstaffed.push(item.key);
      tasks.push({ object: item.key, stratum: stratum.key, position: rank + 1, ticket: item.ticket, inspectors: chosen });
    }
  }
  return { strata, tasks, unstaffed };
}

/** Everything a citizen needs to check a draw: published as JSON, read by the standalone verifier. */
export interface DrawDocument {
  format: typeof drawAlgorithm;
  inputs: DrawInputs;
  commitment: string;
  seed: { announcement: string; components: SeedComponent[]; combined: string } | null;
  result: DrawResult | null;
}
