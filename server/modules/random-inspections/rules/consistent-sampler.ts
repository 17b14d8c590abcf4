import { sha256Hex } from './rivest-sampler.ts';

/**
 * Rivest's consistent sampling (ron-rivest/consistent_sampler, 2018): every object gets a ticket
 * `SHA256_hex(SHA256_hex(SHA256_hex(seed) + ":id:" + id) + "0")`, read as a hex fraction in (0, 1), and
 * the sample is the objects in increasing ticket order. The order of a subset equals the filtered order
 * of the whole set, so adding or removing objects does not reorder the others. Fixed-length lowercase hex
 * compares as text exactly as it compares as a number.
 */
export function ticketOf(seedHash: string, id: string): string {
  return sha256Hex(`${sha256Hex(`${seedHash}:id:${id}`)}0`);
}

export interface Ticketed {
  id: string;
  ticket: string;
}

/** All ids in consistent-sampling order (ties, practically impossible, broken by id). */
export function consistentOrder(seed: string, ids: readonly string[]): Ticketed[] {
  const seedHash = sha256Hex(seed);
  const ticketed = ids.map((id) => ({ id, ticket: ticketOf(seedHash, id) }));
  return ticketed.sort((left, right) =>
    left.ticket < right.ticket ? -1 : left.ticket > right.ticket ? 1 : left.id < right.id ? -1 : left.id > right.id ? 1 : 0,
  );
}
