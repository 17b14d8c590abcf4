import { createHmac } from 'node:crypto';

/** The fields of an audit event that the chain protects (everything but the hashes). */
export interface ChainedFields {
  districtCode: string;
  seq: number;
  at: Date;
  actorUserId: number | null;
  actorUsername: string | null;
  actorRoles: readonly string[];
  ip: string | null;
  requestId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  reason: string | null;
  detail: Record<string, unknown>;
  keyId: string;
}

export const chainStart = 'genesis';

/** JSON with object keys sorted at every depth, so the same event always hashes the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
}

/** hash = HMAC-SHA256(key, prev_hash ‖ canonical(fields)): editing, removing or reordering a row breaks every later link. */
export function chainHash(key: Buffer, prevHash: string, fields: ChainedFields): string {
  return createHmac('sha256', key).update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

export interface StoredEvent extends ChainedFields {
  prevHash: string;
  hash: string;
}

export interface BrokenLink {
  districtCode: string;
  seq: number;
  reason: 'missing' | 'prev_hash' | 'hash' | 'unknown_key' | 'head';
}

/**
 * Checks one district's events, in seq order from 1, against the chain. Returns the first broken
 * link, or undefined when every event is intact. `keys` maps key ids to audit keys.
 */
export function findBrokenLink(
  events: Iterable<StoredEvent>,
  keys: ReadonlyMap<string, Buffer>,
  state: { expectedSeq: number; prevHash: string },
): BrokenLink | undefined {
  for (const event of events) {
    const at = { districtCode: event.districtCode, seq: event.seq };
    if (event.seq !== state.expectedSeq) return { ...at, seq: state.expectedSeq, reason: 'missing' };
    if (event.prevHash !== state.prevHash) return { ...at, reason: 'prev_hash' };
    const key = keys.get(event.keyId);
    if (!key) return { ...at, reason: 'unknown_key' };
    const { prevHash: _prev, hash: _hash, ...fields } = event;
    if (chainHash(key, event.prevHash, fields) !== event.hash) return { ...at, reason: 'hash' };
    state.expectedSeq += 1;
    state.prevHash = event.hash;
  }
  return undefined;
}
