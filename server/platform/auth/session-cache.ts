import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.ts';
import type { MeView } from './auth.schemas.ts';
import type { AuthenticatedSession } from './authenticated-session.ts';

/**
 * The signed-in sessions one process has read lately, with their actor (roles, station streets, bound entities,
 * districts) and what GET /auth/me shows: a signed-in request then costs no query (docs/decisions/0031).
 *
 * An entry is trusted for `refreshSeconds` after it was read from the database; then the next request reads the
 * session again (which also writes its last_seen_at when it is as old), so nothing cached outlives half a minute even
 * if every announcement were lost. Within that minute a change drops it at once, here and in every other process on the database:
 *
 * - sign-out, a second factor completed (the pending session is replaced): the session (`session`);
 * - disable, enable, role, binding, station, password or authenticator changes of a user: every session of that
 *   user (`user`), whether or not the change also ends them;
 * - a station's streets or a district's hierarchy: every session of that district (`district`); `all` for anything
 *   wider.
 *
 * A change announces itself with `announceSessionChanges(db, …)` on the handle of its writes: it empties this
 * process's caches at once and, through `pg_notify`, every process's (this one's again) when the transaction commits.
 * A read that was under way when a change arrived is not kept (the generation moved), so a read of the rows before
 * the commit cannot put the old state back after it.
 */
export type SessionChange =
  | { readonly session: string }
  | { readonly user: { readonly districtCode: string; readonly id: number } }
  | { readonly district: string }
  | 'all';

export interface CachedSession {
  readonly session: AuthenticatedSession;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  /** When (by the platform clock) the rows were read. */
  readonly readAt: number;
  /** GET /auth/me's answer, once asked. */
  me?: MeView;
}

/** How long an entry is trusted without reading the session again; last_seen_at is written as often. */
export const refreshSeconds = 30;
/** Past this many sessions in one process the oldest are dropped. */
const maxEntries = 50_000;
const channel = 'zhijian_sessions';
/** A NOTIFY payload is at most 8,000 bytes; past that every session is dropped. */
const maxPayload = 7_900;

export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();
  /** Moves on every change: a read that began before it is not kept. */
  private generation = 0;

  get size(): number {
    return this.entries.size;
  }

  /** The entry of a session token's hash, while it is fresh at `now`. */
  fresh(tokenHash: string, now: number): CachedSession | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    const age = now - entry.readAt;
    if (age < 0 || age >= refreshSeconds * 1000) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  /** A marker to take before reading a session from the database and to hand to `store`. */
  beginRead(): number {
    return this.generation;
  }

  /** Keeps what was read, unless a change arrived since `beginRead`. */
  store(tokenHash: string, entry: CachedSession, readGeneration: number): void {
    if (readGeneration !== this.generation) return;
    if (this.entries.size >= maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, entry);
  }

  /** The entry of a session token's hash as it is, fresh or not (the request already checked it). */
  entryOf(tokenHash: string): CachedSession | undefined {
    return this.entries.get(tokenHash);
  }

  /** Keeps GET /auth/me's answer with its session, unless a change arrived since `beginRead`. */
  rememberMe(entry: CachedSession, me: MeView, readGeneration: number): void {
    if (readGeneration === this.generation && this.entries.get(entry.session.tokenHash) === entry) entry.me = me;
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  apply(changes: readonly SessionChange[]): void {
    this.generation += 1;
    for (const change of changes) {
      if (change === 'all') {
        this.entries.clear();
        return;
      }
      if ('session' in change) this.entries.delete(change.session);
      else
        for (const [tokenHash, entry] of this.entries) {
          const session = entry.session;
          const isHit =
            'user' in change
              ? session.districtCode === change.user.districtCode && session.userId === change.user.id
              : session.districtCode === change.district || (session.actor?.districtCodes.includes(change.district) ?? false);
          if (isHit) this.entries.delete(tokenHash);
        }
    }
  }
}

/** Every cache of this process (one per database handle): a change made here empties them all at once. */
const caches = new WeakMap<Database, SessionCache>();
const liveCaches = new Set<SessionCache>();

/** The session cache of a database handle (one per application instance). */
export function sessionCacheOf(database: Database): SessionCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = new SessionCache();
    caches.set(database, cache);
    liveCaches.add(cache);
  }
  return cache;
}

function encode(change: SessionChange): string {
  if (change === 'all') return '*';
  if ('session' in change) return `s:${change.session}`;
  if ('user' in change) return `u:${change.user.districtCode}:${change.user.id}`;
  return `d:${change.district}`;
}

/** The changes of a NOTIFY payload; anything unreadable means everything. */
export function decodeSessionChanges(payload: string): SessionChange[] {
  const changes: SessionChange[] = [];
  for (const part of payload.split(' ')) {
    const user = /^u:([0-9]{6}):([0-9]+)$/.exec(part);
    if (part.startsWith('s:') && part.length > 2) changes.push({ session: part.slice(2) });
    else if (user) changes.push({ user: { districtCode: user[1] as string, id: Number(user[2]) } });
    else if (/^d:[0-9]{6}$/.test(part)) changes.push({ district: part.slice(2) });
    else return ['all'];
  }
  return changes;
}

/**
 * Drops these sessions from every cache of this process at once, and from every process's when the caller's
 * transaction commits (at once outside one). Call it wherever a session ends or what its actor is built from changes,
 * with the database handle of the change.
 */
export async function announceSessionChanges(db: Db, changes: readonly SessionChange[]): Promise<void> {
  if (!changes.length) return;
  for (const cache of liveCaches) cache.apply(changes);
  const payload = changes.map(encode).join(' ');
  await db.execute(sql`select pg_notify(${channel}, ${payload.length <= maxPayload ? payload : '*'})`);
}

/** Empties the cache of this database handle on every announced change, from any process; returns the function that stops it. */
export async function listenForSessionChanges(database: Database): Promise<() => Promise<void>> {
  const cache = sessionCacheOf(database);
  const stop = await database.listen(
    channel,
    (payload) => cache.apply(decodeSessionChanges(payload)),
    () => cache.apply(['all']),
  );
  return async () => {
    liveCaches.delete(cache);
    await stop();
  };
}
