import { useQuery } from '@tanstack/react-query';
import type { StreetView } from '../../server/platform/org/org.schemas.ts';
import { api } from './api-client.ts';
import type { OrgUnit, Page } from './api-types.ts';

/*
 * The district's places and units as every feature reads them (one cache for all): the streets, the stations
 * that cover them (a station's staff see their streets only; the server applies that scope), and the entity
 * search of the forms that name a business.
 */

export type Street = StreetView;

export function useStreets() {
  return useQuery({
    queryKey: ['org', 'streets'],
    queryFn: ({ signal }) => api.get<Page<Street>>('/org/streets', {}, signal),
    staleTime: 600_000,
  });
}

/** The district's stations (所), for a station filter or a station to hand an item to. */
export function useStations() {
  return useQuery({
    queryKey: ['org', 'units'],
    queryFn: ({ signal }) => api.get<Page<OrgUnit>>('/org/units', {}, signal),
    select: (units: Page<OrgUnit>) => units.items.filter((unit) => unit.kind === 'station'),
    staleTime: 600_000,
  });
}

/** Entities matching `q` for a form's business picker (the registry's list endpoint, within the actor's scope). */
export function useEntityOptions(q: string) {
  return useQuery({
    queryKey: ['entities', 'options', q],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: number; name: string; address: string; creditCode: string }[] }>('/entities', { q, pageSize: 10 }, signal),
    enabled: q.trim().length >= 1,
  });
}
