import { createHash } from 'node:crypto';
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
  const normalised = normaliseDrawInputs(inputs);
  const hash = createHash('sha256');
  if (!canonicalInputsInto(normalised, (text) => hash.update(text, 'utf8'))) return sha256Hex(canonicalJson(asCanonical(normalised)));
  return hash.digest('hex');
}

/**
 * canonicalJson of normalised draw inputs, written field by field in its key order (algorithm, conflicts,
 * districtCode, drawRef, inspectionDate, inspectors, inspectorsPerTask, objects, strata) and handed out in
 * pieces, so that a million objects neither walk the generic serialiser nor make one 100 MB string. Gives
 * false (before writing anything) when a value is not of its declared type: the caller then uses
 * canonicalJson itself. The unit tests prove both give the same bytes.
 */
export function canonicalInputsInto(inputs: DrawInputs, write: (text: string) => void): boolean {
  const text = (value: unknown) => typeof value === 'string';
  const wellTyped =
    [inputs.algorithm, inputs.districtCode, inputs.drawRef, inputs.inspectionDate].every(text) &&
    Number.isSafeInteger(inputs.inspectorsPerTask) &&
    inputs.strata.every((item) => text(item.key) && Number.isSafeInteger(item.size)) &&
    inputs.inspectors.every((item) => text(item.key) && text(item.validFrom) && text(item.validUntil)) &&
    inputs.conflicts.every((pair) => text(pair.inspector) && text(pair.object)) &&
    inputs.objects.every((item) => text(item.key) && text(item.stratum) && item.previousInspectors.every(text));
  if (!wellTyped) return false;
  const q = JSON.stringify;
  const list = <T>(items: readonly T[], item: (value: T) => string) => {
    const batch = 4096;
    for (let start = 0; start < items.length; start += batch) {
      const piece = items
        .slice(start, start + batch)
        .map(item)
        .join(',');
      write(start === 0 ? piece : `,${piece}`);
    }
  };
  write(`{"algorithm":${q(inputs.algorithm)},"conflicts":[`);
  list(inputs.conflicts, (pair) => `{"inspector":${q(pair.inspector)},"object":${q(pair.object)}}`);
  write(
    `],"districtCode":${q(inputs.districtCode)},"drawRef":${q(inputs.drawRef)},"inspectionDate":${q(inputs.inspectionDate)},"inspectors":[`,
  );
  list(inputs.inspectors, (item) => `{"key":${q(item.key)},"validFrom":${q(item.validFrom)},"validUntil":${q(item.validUntil)}}`);
  write(`],"inspectorsPerTask":${inputs.inspectorsPerTask},"objects":[`);
  list(
    inputs.objects,
    (item) =>
      `{"key":${q(item.key)},"previousInspectors":[${item.previousInspectors.map((key) => q(key)).join(',')}],"stratum":${q(item.stratum)}}`,
  );
  write('],"strata":[');
  list(inputs.strata, (item) => `{"key":${q(item.key)},"size":${item.size}}`);
  write(']}');
  return true;
}

/** The draw seed: the public components bound to the commitment. */
export function combineSeed(commitment: string, components: readonly SeedComponent[]): string {
  return sha256Hex(canonicalJson({ commitment, components: components.map((item) => ({ source: item.source, value: item.value })) }));
}

/** Is the certificate valid on the day (both ends inclusive, ISO dates compare as text)? */
export function isCertificateValid(inspector: { validFrom: string; validUntil: string }, day: string): boolean {
  return inspector.validFrom <= day && day <= inspector.validUntil;
}

/**
 * What runDraw needs of the inputs, checked without copying or sorting the object list (the draw never
 * depends on the objects' input order): strata and inspectors sorted by key. On any problem it defers to
 * normaliseDrawInputs, which throws the same error, in the same order of checks, as it always has.
 */
function drawableInputs(inputs: DrawInputs): { strata: DrawInputs['strata']; inspectors: DrawInputs['inspectors'] } {
  const fail = (): never => {
    normaliseDrawInputs(inputs);
    throw new Error('draw inputs are not well formed');
  };
  if (inputs.algorithm !== drawAlgorithm || !Number.isInteger(inputs.inspectorsPerTask) || inputs.inspectorsPerTask < 2) fail();
  const strata = inputs.strata.map((stratum) => ({ key: stratum.key, size: stratum.size })).sort((a, b) => byText(a.key, b.key));
  const inspectors = inputs.inspectors
    .map((item) => ({ key: item.key, validFrom: item.validFrom, validUntil: item.validUntil }))
    .sort((a, b) => byText(a.key, b.key));
  for (let index = 1; index < strata.length; index++) if (strata[index]?.key === strata[index - 1]?.key) fail();
  for (let index = 1; index < inspectors.length; index++) if (inspectors[index]?.key === inspectors[index - 1]?.key) fail();
  for (const stratum of strata) if (!Number.isInteger(stratum.size) || stratum.size < 0) fail();
  return { strata, inspectors };
}

/** The first 48 bits of a hex ticket as a number: ordering by it never contradicts ordering by the ticket. */
const ticketHead = (ticket: string) => Number.parseInt(ticket.slice(0, 12), 16);

/**
 * Steps 3 and 4 above: which objects, in which order, and which inspectors go to each. Per stratum only
 * the `size + reserveSize` smallest tickets matter: their 48-bit heads are sorted as numbers (a typed-array
 * sort, no comparator calls) to find the largest head that can be among them, and only the objects up to
 * that head are ordered by the full (ticket, key) rule — the same order as sorting the whole stratum.
 */
export function runDraw(rawInputs: DrawInputs, seed: string): DrawResult {
  const { strata: sortedStrata, inspectors } = drawableInputs(rawInputs);
  const objects = rawInputs.objects;
  const stratumIndex = new Map<string, number>();
  sortedStrata.forEach((stratum, index) => {
    stratumIndex.set(stratum.key, index);
  });
  const count = objects.length;
  const tickets: string[] = new Array(count);
  const heads = new Float64Array(count);
  const stratumOf = new Int32Array(count);
  const population = new Int32Array(sortedStrata.length);
  const seedHash = sha256Hex(seed);
  for (let index = 0; index < count; index++) {
    const item = objects[index] as DrawInputs['objects'][number];
    const stratum = stratumIndex.get(item.stratum);
    if (stratum === undefined) {
      normaliseDrawInputs(rawInputs);
      throw new Error(`object ${item.key} is in unknown stratum ${item.stratum}`);
    }
    const ticket = ticketOf(seedHash, item.key);
    tickets[index] = ticket;
    heads[index] = ticketHead(ticket);
    stratumOf[index] = stratum;
    population[stratum] = (population[stratum] as number) + 1;
  }
  // Duplicate keys have equal tickets, hence equal heads: only equal heads need the exact (rare) check.
  const sortedHeads = heads.slice().sort();
  for (let index = 1; index < count; index++) {
    if (sortedHeads[index] === sortedHeads[index - 1]) {
      if (new Set(objects.map((item) => item.key)).size !== count) normaliseDrawInputs(rawInputs);
      break;
    }
  }
  const members = sortedStrata.map((_, stratum) => new Int32Array(population[stratum] as number));
  const filled = new Int32Array(sortedStrata.length);
  for (let index = 0; index < count; index++) {
    const stratum = stratumOf[index] as number;
    (members[stratum] as Int32Array)[(filled[stratum] as number)++] = index;
  }
  const conflicts = new Set(rawInputs.conflicts.map((pair) => `${pair.inspector}\u0000${pair.object}`));
  const inspectorCount = inspectors.length;
  const tasks: DrawnTask[] = [];
  const unstaffed: string[] = [];
  const strata: DrawResult['strata'] = [];
  sortedStrata.forEach((stratum, stratumNumber) => {
    const inStratum = members[stratumNumber] as Int32Array;
    const size = Math.min(stratum.size, inStratum.length);
    const wanted = Math.min(inStratum.length, size + reserveSize);
    let ordered: number[] = [];
    if (wanted > 0) {
      const stratumHeads = new Float64Array(inStratum.length);
      for (let position = 0; position < inStratum.length; position++)
        stratumHeads[position] = heads[inStratum[position] as number] as number;
      const limit = stratumHeads.sort()[wanted - 1] as number;
      for (const index of inStratum) if ((heads[index] as number) <= limit) ordered.push(index);
      ordered.sort(
        (a, b) =>
          byText(tickets[a] as string, tickets[b] as string) ||
          byText((objects[a] as { key: string }).key, (objects[b] as { key: string }).key),
      );
      ordered = ordered.slice(0, wanted);
    }
    strata.push({
      key: stratum.key,
      population: inStratum.length,
      size,
      reserve: ordered.slice(size).map((index) => ({ object: (objects[index] as { key: string }).key, ticket: tickets[index] as string })),
    });
    for (let rank = 0; rank < size; rank++) {
      const item = objects[ordered[rank] as number] as DrawInputs['objects'][number];
      const chosen: string[] = [];
      const seen = new Set<number>();
      const previous = new Set(item.previousInspectors);
      const streamSeed = `${seed}:inspectors:${item.key}`;
      for (let pickIndex = 1; chosen.length < rawInputs.inspectorsPerTask && seen.size < inspectorCount; pickIndex++) {
        const pick = rivestPick(streamSeed, inspectorCount, pickIndex);
        if (seen.has(pick)) continue;
        seen.add(pick);
        const inspector = inspectors[pick - 1] as DrawInputs['inspectors'][number];
        if (conflicts.has(`${inspector.key}\u0000${item.key}`)) continue;
        if (previous.has(inspector.key)) continue;
        if (!isCertificateValid(inspector, rawInputs.inspectionDate)) continue;
        chosen.push(inspector.key);
      }
      if (chosen.length < rawInputs.inspectorsPerTask) unstaffed.push(item.key);
      tasks.push({
        object: item.key,
        stratum: stratum.key,
        position: rank + 1,
        ticket: tickets[ordered[rank] as number] as string,
        inspectors: chosen,
      });
    }
  });
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
