import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AreaKind,
  ColourCells,
  ColourEscalations,
  ColourMapView,
  ColourTableVersion,
  LngLat,
  MapArea,
  MapPoint,
  RiskLevel,
} from '../../../server/modules/risk-code/risk-code.schemas.ts';
import { areaKinds, riskLevels } from '../../../shared/vocabularies/risk-code.ts';
import { type EntityColourView, entityColourKey } from '../../components/colour-explanation.tsx';
import { api, apiRequest } from '../../lib/api-client.ts';

export type {
  AreaKind,
  ColourCells,
  ColourEscalations,
  ColourMapView,
  ColourTableVersion,
  EntityColourView,
  LngLat,
  MapArea,
  MapPoint,
  RiskLevel,
};
export { areaKinds, riskLevels };

export const riskCodeKeys = {
  all: ['risk-code'] as const,
  map: (query: { streetCode?: string; areaId?: number }) => ['risk-code', 'map', query] as const,
  areas: ['risk-code', 'areas'] as const,
  tables: ['risk-code', 'colour-tables'] as const,
};

export function useColourMap(query: { streetCode?: string; areaId?: number }) {
  return useQuery({
    queryKey: riskCodeKeys.map(query),
    queryFn: ({ signal }) => api.get<ColourMapView>('/risk-code/map', { ...query }, signal),
  });
}

export function useAreas() {
  return useQuery({
    queryKey: riskCodeKeys.areas,
    queryFn: ({ signal }) => api.get<{ items: MapArea[]; total: number }>('/risk-code/map/areas', {}, signal),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: riskCodeKeys.all });
}

export function useSaveArea() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<Omit<MapArea, 'id'>> & { id?: number }) =>
      id ? apiRequest<MapArea>('PUT', `/risk-code/map/areas/${id}`, { body }) : api.post<MapArea>('/risk-code/map/areas', body),
    onSuccess: invalidate,
  });
}

export function useDeleteArea() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: number) => apiRequest<void>('DELETE', `/risk-code/map/areas/${id}`), onSuccess: invalidate });
}

export function useColourTables() {
  return useQuery({
    queryKey: riskCodeKeys.tables,
    queryFn: ({ signal }) =>
      api.get<{ items: ColourTableVersion[]; total: number; isBureauSetting: boolean }>('/risk-code/colour-tables', {}, signal),
  });
}

export function useSaveColourTable() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Omit<ColourTableVersion, 'id' | 'isDefault'>) => api.post<ColourTableVersion>('/risk-code/colour-tables', body),
    onSuccess: invalidate,
  });
}

export function useEntityAction(entityId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: { kind: 'category'; managementCategory: string } | { kind: 'reissue' | 'revoke'; reason: string }) =>
      action.kind === 'category'
        ? apiRequest<EntityColourView>('PUT', `/risk-code/entities/${entityId}/category`, {
            body: { managementCategory: action.managementCategory },
          })
        : api.post<{ entityId: number; token: string | null }>(`/risk-code/entities/${entityId}/${action.kind}`, { reason: action.reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: entityColourKey(entityId) }),
  });
}

/** Server-rendered pages opened in a new tab (the session cookie goes along). */
export const stickerUrl = (query: { entityId?: number; streetCode?: string }) =>
  `/api/v1/risk-code/stickers?${new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)])).toString()}`;
export const publicPageUrl = (token: string) => `/p/${token}`;
export const qrImageUrl = (token: string) => `/p/${token}/qr.svg`;
