import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../../db/client.ts';

/**
 * The rendered public pages, per token and language, kept in memory for a short time, and dropped at once when a
 * colour or a code changes — in this process and, through the database's NOTIFY, in every other process serving
 * the same database (several instances behind one load balancer).
 */
export interface CachedPage {
  status: number;
  html: string;
  etag: string;
  at: number;
}

const ttlMs = 60_000;
const maxEntries = 20_000;
const pages = new Map<string, CachedPage>();

export function cachedPage(key: string, now: number): CachedPage | undefined {
  const page = pages.get(key);
  if (!page) return undefined;
  if (now - page.at > ttlMs) {
    pages.delete(key);
    return undefined;
  }
  return page;
}

export function storePage(key: string, page: CachedPage): void {
  if (pages.size >= maxEntries) pages.clear();
  pages.set(key, page);
}

function invalidatePublicPages(tokens: readonly string[] | 'all'): void {
  if (tokens === 'all') {
    pages.clear();
    return;
  }
  for (const token of tokens) {
    pages.delete(`${token}:zh-CN`);
    pages.delete(`${token}:en`);
  }
}

const channel = 'zhijian_public_pages';
/** A NOTIFY payload is at most 8,000 bytes; past that every page is dropped. */
const maxPayload = 7_900;

/**
 * Drops the pages of these codes here at once, and in every other process when the caller's transaction commits
 * (at once outside one): call it wherever a code's page changes, with the database handle of the change.
 */
export async function announcePublicPageChanges(db: Db, tokens: readonly string[]): Promise<void> {
  if (!tokens.length) return;
  invalidatePublicPages(tokens);
  const payload = JSON.stringify(tokens);
  await db.execute(sql`select pg_notify(${channel}, ${payload.length <= maxPayload ? payload : '*'})`);
}

/** Listens for the changes announced by any process (this one included); returns the function that stops it. */
export function listenForPublicPageChanges(database: Database): Promise<() => Promise<void>> {
  return database.listen(
    channel,
    (payload) => {
      let tokens: unknown;
      try {
        tokens = JSON.parse(payload);
      } catch {
        tokens = undefined;
      }
      invalidatePublicPages(Array.isArray(tokens) ? tokens.filter((token) => typeof token === 'string') : 'all');
    },
    () => invalidatePublicPages('all'),
  );
}
