import { createHash, hash } from 'node:crypto';

/**
 * Lowercase hex SHA-256 of a UTF-8 string. The one-shot `crypto.hash` (Node.js ≥ 20.12) costs about a
 * quarter of `createHash().update().digest()` for short inputs (no Hash object per call); the draw calls
 * this twice per object, so this is most of its time (docs/decisions/0035).
 */
export const sha256Hex: (text: string) => string =
  typeof hash === 'function' ? (text) => hash('sha256', text, 'hex') : (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Rivest's `sampler.py` (2011; reference PRNG of the election-audit working group, published test
 * vectors in cjerdonek/rivest-sampler-tests `tests.json`): the i-th pick (i = 1, 2, …) out of `total`
 * items numbered from 1 is `1 + (int(SHA256_hex(seed + "," + str(i)), 16) mod total)`, strings in UTF-8.
 */
export function rivestPick(seed: string, total: number, index: number): number {
  if (!Number.isSafeInteger(total) || total < 1) throw new Error('total must be a positive integer');
  return Number(1n + (BigInt(`0x${sha256Hex(`${seed},${index}`)}`) % BigInt(total)));
}

/**
 * The first `count` picks of sampler.py. With replacement they are the raw picks; without replacement a
 * pick already taken is skipped and drawing goes on (sampler.py's own rule), so `count` ≤ `total`.
 */
export function rivestSample(seed: string, total: number, count: number, options: { withReplacement: boolean }): number[] {
  if (!options.withReplacement && count > total) throw new Error('cannot draw more items than there are without replacement');
  const picks: number[] = [];
  const taken = new Set<number>();
  for (let index = 1; picks.length < count; index++) {
    const pick = rivestPick(seed, total, index);
    if (!options.withReplacement) {
      if (taken.has(pick)) continue;
      taken.add(pick);
    }
    picks.push(pick);
  }
  return picks;
}
