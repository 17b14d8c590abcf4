import { useQueries, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { GradeView as GradeSchema } from '../../../server/modules/food-safety/schemas/inspections.schemas.ts';
import type { EntityListItem } from '../../../server/modules/registry/registry.schemas.ts';
import type { FiguresView } from '../../../server/platform/figures/figures.schemas.ts';
import { api } from '../../lib/api-client.ts';

export type { FiguresView };
export type FigureItem = FiguresView['items'][number];
export type GradeView = Static<typeof GradeSchema>;
export type MyBusiness = EntityListItem;

export const homeKeys = {
  figures: (period: string, keys: readonly string[]) => ['home', 'figures', period, keys.join(',')] as const,
  alert: (path: string, query: Record<string, string>) => ['home', 'alert', path, query] as const,
};

/** Figures of a period (`2026`, `2026-Q1`, `2026-03`) with the period before, from the figures registry. */
export function useFigures(period: string, keys: readonly string[]) {
  return useQuery({
    queryKey: homeKeys.figures(period, keys),
    queryFn: ({ signal }) => api.get<FiguresView>('/figures', { period, keys: keys.join(',') }, signal),
  });
}

/**
 * A work-queue alert: the number of items a list shows under a filter (one row asked for, its total read), and the
 * list page that filter opens — so the count on the home page is the count on the page it links to.
 */
export interface AlertSource {
  key: string;
  /** API list path (below /api/v1) and its filter. */
  path: string;
  query: Record<string, string>;
  /** The web page that lists the same items. */
  link: string;
}

export function useAlertCounts(sources: readonly AlertSource[]) {
  return useQueries({
    queries: sources.map((source) => ({
      queryKey: homeKeys.alert(source.path, source.query),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<{ total: number }>(source.path, { ...source.query, page: '1', pageSize: '1' }, signal),
    })),
  });
}

/** The businesses an operator or market manager holds (the registry scopes the list to them). */
export function useMyBusinesses() {
  return useQuery({
    queryKey: ['home', 'my-businesses'],
    queryFn: ({ signal }) => api.get<{ items: MyBusiness[]; total: number }>('/entities', { pageSize: 12 }, signal),
  });
}

/** A catering unit's grade (the operator's own, or any in a staff member's scope). */
export function useUnitGrade(entityId: number) {
  return useQuery({
    queryKey: ['home', 'grade', entityId],
    queryFn: ({ signal }) => api.get<GradeView>(`/food-safety-grades/${entityId}`, {}, signal),
  });
}
