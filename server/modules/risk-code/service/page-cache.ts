/**
 * The rendered public pages, per token and language, kept in memory for a short time (and dropped at once when
 * this process recomputes a colour). Another instance's change shows here after at most `ttlMs`.
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

export function invalidatePublicPages(tokens: readonly string[] | 'all'): void {
  if (tokens === 'all') {
    pages.clear();
    return;
  }
  for (const token of tokens) {
    pages.delete(`${token}:zh-CN`);
    pages.delete(`${token}:en`);
  }
}
