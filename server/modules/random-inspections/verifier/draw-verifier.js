// Standalone verifier of a published "double random" draw (algorithm zhijian-draw/1).
// No framework, no imports, no database: give it the published JSON and it recomputes the commitment,
// the seed and the result, and says whether each matches what was published. It is a second,
// independent implementation of server/modules/random-inspections/rules/draw-inspection-sample.ts,
// kept small enough to read in one sitting. Runs in a browser (/public/draws/verify) and in Node
// (`zhijian draw verify FILE`).

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const encoder = new TextEncoder();
const words = new Uint32Array(64);

/** SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, as lowercase hex. */
export function sha256Hex(text) {
  const bytes = encoder.encode(text);
  const length = bytes.length;
  const blocks = Math.ceil((length + 9) / 64);
  const padded = new Uint8Array(blocks * 64);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
  view.setUint32(padded.length - 4, (length * 8) >>> 0);
  let h0 = 0x6a09e667,
    h1 = 0xbb67ae85,
    h2 = 0x3c6ef372,
    h3 = 0xa54ff53a,
    h4 = 0x510e527f,
    h5 = 0x9b05688c,
    h6 = 0x1f83d9ab,
    h7 = 0x5be0cd19;
  for (let block = 0; block < blocks; block++) {
    for (let t = 0; t < 16; t++) words[t] = view.getUint32(block * 64 + t * 4);
    for (let t = 16; t < 64; t++) {
      const w15 = words[t - 15];
      const w2 = words[t - 2];
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      words[t] = (words[t - 16] + s0 + words[t - 7] + s1) >>> 0;
    }
    let a = h0,
      b = h1,
      c = h2,
      d = h3,
      e = h4,
      f = h5,
      g = h6,
      h = h7;
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const temp1 = (h + S1 + ch + K[t] + words[t]) >>> 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const temp2 = (S0 + maj) >>> 0;
      h = g;
      g = f;
      f = e;
      e = (d + temp1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (temp1 + temp2) >>> 0;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
    h5 = (h5 + f) >>> 0;
    h6 = (h6 + g) >>> 0;
    h7 = (h7 + h) >>> 0;
  }
  return [h0, h1, h2, h3, h4, h5, h6, h7].map((word) => word.toString(16).padStart(8, '0')).join('');
}

/** Canonical JSON (RFC 8785 for strings, safe integers, booleans, null, arrays, objects). */
export function canonicalJson(value) {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not a safe integer: ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}

const byText = (left, right) => (left < right ? -1 : left > right ? 1 : 0);

/** The inputs with every list sorted, as they are committed. */
function normalise(inputs) {
  return {
    algorithm: inputs.algorithm,
    districtCode: inputs.districtCode,
    drawRef: inputs.drawRef,
    inspectionDate: inputs.inspectionDate,
    inspectorsPerTask: inputs.inspectorsPerTask,
    strata: inputs.strata.map((s) => ({ key: s.key, size: s.size })).sort((a, b) => byText(a.key, b.key)),
    objects: inputs.objects
      .map((o) => ({ key: o.key, stratum: o.stratum, previousInspectors: [...o.previousInspectors].sort(byText) }))
      .sort((a, b) => byText(a.key, b.key)),
    inspectors: inputs.inspectors
      .map((i) => ({ key: i.key, validFrom: i.validFrom, validUntil: i.validUntil }))
      .sort((a, b) => byText(a.key, b.key)),
    conflicts: inputs.conflicts
      .map((c) => ({ inspector: c.inspector, object: c.object }))
      .sort((a, b) => byText(a.inspector, b.inspector) || byText(a.object, b.object)),
  };
}

/** Recomputes a draw from its published inputs and seed. `hash` may be replaced by a faster SHA-256. */
export function recomputeDraw(document, hash = sha256Hex) {
  const inputs = normalise(document.inputs);
  if (inputs.algorithm !== 'zhijian-draw/1') throw new Error(`unknown algorithm ${inputs.algorithm}`);
  const commitment = hash(canonicalJson(inputs));
  const components = (document.seed?.components ?? []).map((c) => ({ source: c.source, value: c.value }));
  const seed = hash(canonicalJson({ commitment, components }));
  const seedHash = hash(seed);
  const conflicts = new Set(inputs.conflicts.map((c) => `${c.inspector}\u0000${c.object}`));
  const count = BigInt(inputs.inspectors.length);
  const strata = [];
  const tasks = [];
  const unstaffed = [];
  for (const stratum of inputs.strata) {
    const ordered = inputs.objects
      .filter((o) => o.stratum === stratum.key)
      .map((o) => ({ key: o.key, previous: o.previousInspectors, ticket: hash(`${hash(`${seedHash}:id:${o.key}`)}0`) }))
      .sort((a, b) => byText(a.ticket, b.ticket) || byText(a.key, b.key));
    const size = Math.min(stratum.size, ordered.length);
    strata.push({
      key: stratum.key,
      population: ordered.length,
      size,
      reserve: ordered.slice(size, size + 10).map((o) => ({ object: o.key, ticket: o.ticket })),
    });
    for (let rank = 0; rank < size; rank++) {
      const object = ordered[rank];
      const chosen = [];
      const seen = new Set();
      for (let i = 1; chosen.length < inputs.inspectorsPerTask && seen.size < inputs.inspectors.length; i++) {
        // Rivest's sampler.py: pick = 1 + int(SHA256(seed + "," + i), 16) mod N.
        const pick = Number(1n + (BigInt(`0x${hash(`${seed}:inspectors:${object.key},${i}`)}`) % count));
        if (seen.has(pick)) continue;
        seen.add(pick);
        const inspector = inputs.inspectors[pick - 1];
        if (conflicts.has(`${inspector.key}\u0000${object.key}`)) continue;
        if (object.previous.includes(inspector.key)) continue;
        if (!(inspector.validFrom <= inputs.inspectionDate && inputs.inspectionDate <= inspector.validUntil)) continue;
        chosen.push(inspector.key);
      }
      if (chosen.length < inputs.inspectorsPerTask) unstaffed.push(object.key);
      tasks.push({ object: object.key, stratum: stratum.key, position: rank + 1, ticket: object.ticket, inspectors: chosen });
    }
  }
  return { commitment, seed, result: { strata, tasks, unstaffed } };
}

/** Checks a published draw document: each check names what was recomputed and whether it matches. */
export function verifyDrawDocument(document, hash = sha256Hex) {
  const recomputed = recomputeDraw(document, hash);
  const checks = [
    {
      name: 'commitment',
      ok: recomputed.commitment === document.commitment,
      published: document.commitment,
      recomputed: recomputed.commitment,
    },
  ];
  if (document.seed) {
    checks.push({
      name: 'seed',
      ok: recomputed.seed === document.seed.combined,
      published: document.seed.combined,
      recomputed: recomputed.seed,
    });
  }
  if (document.result) {
    const same = canonicalJson(recomputed.result) === canonicalJson(document.result);
    const firstDifferent = same
      ? null
      : recomputed.result.tasks.findIndex((task, index) => canonicalJson(task) !== canonicalJson(document.result.tasks[index] ?? null));
    checks.push({
      name: 'result',
      ok: same,
      published: `${document.result.tasks.length} tasks`,
      recomputed: `${recomputed.result.tasks.length} tasks${firstDifferent !== null && firstDifferent >= 0 ? `; first difference at task ${firstDifferent + 1}` : ''}`,
    });
  }
  return { ok: checks.every((check) => check.ok), checks, recomputed };
}
