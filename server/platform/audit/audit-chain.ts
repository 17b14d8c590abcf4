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
  /**
   * missing: no event with this seq (a gap); prev_hash: the link to the previous event is cut; hash: the event was
   * edited; unknown_key: made with a key this process does not hold; head: events after the last one were removed or
   * the head moved; anchor: an event disagrees with (or is gone from) a head recorded outside the database.
   */
  reason: 'missing' | 'prev_hash' | 'hash' | 'unknown_key' | 'head' | 'anchor';
}

/** Where the walk of one district's chain stands between pages. */
export interface ChainWalk {
  expectedSeq: number;
  prevHash: string;
}

/**
 * Checks one district's events, in seq order, continuing from `walk`, and appends every broken link to `broken`
 * (not only the first: tampering after an earlier break must not hide behind it). Each event is checked on its
 * own — its hash over its stored predecessor hash, and that predecessor hash against the previous event — so one
 * bad row does not make every later row look bad. `keys` maps key ids to audit keys.
 */
export function collectBrokenLinks(
  events: Iterable<StoredEvent>,
  keys: ReadonlyMap<string, Buffer>,
  walk: ChainWalk,
  broken: BrokenLink[],
): void {
  for (const event of events) {
    const at = { districtCode: event.districtCode, seq: event.seq };
    if (event.seq !== walk.expectedSeq) broken.push({ ...at, seq: walk.expectedSeq, reason: 'missing' });
    else if (event.prevHash !== walk.prevHash) broken.push({ ...at, reason: 'prev_hash' });
    const key = keys.get(event.keyId);
    const { prevHash: _prev, hash: _hash, ...fields } = event;
    if (!key) broken.push({ ...at, reason: 'unknown_key' });
    else if (chainHash(key, event.prevHash, fields) !== event.hash) broken.push({ ...at, reason: 'hash' });
    walk.expectedSeq = event.seq + 1;
    walk.prevHash = event.hash;
  }
}
