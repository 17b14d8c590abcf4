import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const defaultPageSize = 20;
const maxPageSize = 100;

function positiveInteger(text: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const parsed = Number(text);
  return Number.isInteger(parsed) && parsed >= 1 ? Math.min(parsed, max) : fallback;
}

/**
 * A list page's filters and paging, kept in the URL's search params so a list can be bookmarked, shared
 * and restored with the back button. `prefix` lets two tables on one page keep separate paging.
 */
export function useUrlListState(prefix = '') {
  const [searchParams, setSearchParams] = useSearchParams();
  const pageParam = `${prefix}page`;
  const pageSizeParam = `${prefix}pageSize`;
  const page = positiveInteger(searchParams.get(pageParam), 1);
  const pageSize = positiveInteger(searchParams.get(pageSizeParam), defaultPageSize, maxPageSize);

  const filter = useCallback((name: string) => searchParams.get(name) ?? undefined, [searchParams]);

  /** Sets filters (undefined or '' removes one) and goes back to page 1. */
  const setFilters = useCallback(
    (filters: Record<string, string | undefined>) => {
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, text] of Object.entries(filters)) {
          if (text === undefined || text === '') next.delete(name);
          else next.set(name, text);
        }
        next.delete(pageParam);
        return next;
      });
    },
    [setSearchParams, pageParam],
  );

  const setPaging = useCallback(
    (nextPage: number, nextPageSize: number) => {
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        if (nextPage > 1) next.set(pageParam, String(nextPage));
        else next.delete(pageParam);
        if (nextPageSize !== defaultPageSize) next.set(pageSizeParam, String(nextPageSize));
        else next.delete(pageSizeParam);
        return next;
      });
    },
    [setSearchParams, pageParam, pageSizeParam],
  );

  return { page, pageSize, filter, setFilters, setPaging };
}

/** A URL filter's text as one of a vocabulary's values, or undefined when it is none of them. */
export function oneOf<T extends string>(values: readonly T[], text: string | undefined): T | undefined {
  return values.find((value) => value === text);
}
