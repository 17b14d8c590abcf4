import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CycleTableVersion,
  DrillView,
  EmergencyPlanView,
  EquipmentDetail,
  EquipmentKind,
  EquipmentView,
  HazardView,
  InspectionView,
  MaintenanceView,
  MapPoint,
  OperatorView,
  RatesView,
} from '../../../server/modules/special-equipment/special-equipment.schemas.ts';
import { equipmentKinds } from '../../../shared/vocabularies/special-equipment.ts';
import { api } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

export type {
  CycleTableVersion,
  DrillView,
  EmergencyPlanView,
  EquipmentDetail,
  EquipmentKind,
  EquipmentView,
  HazardView,
  InspectionView,
  MaintenanceView,
  OperatorView,
  RatesView,
};

export { equipmentKinds };

type Query = Record<string, string | number | boolean | undefined>;
const clean = (query: Query) => Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== ''));

const keys = {
  all: ['special-equipment'] as const,
  equipment: (query: Query) => ['special-equipment', 'equipment', query] as const,
  detail: (id: number) => ['special-equipment', 'equipment', 'detail', id] as const,
  hazards: (query: Query) => ['special-equipment', 'hazards', query] as const,
  hazard: (id: number) => ['special-equipment', 'hazard', id] as const,
  operators: (query: Query) => ['special-equipment', 'operators', query] as const,
  drills: (query: Query) => ['special-equipment', 'drills', query] as const,
  rates: (query: Query) => ['special-equipment', 'rates', query] as const,
  plans: (query: Query) => ['special-equipment', 'plans', query] as const,
  cycles: ['special-equipment', 'cycle-tables'] as const,
};

export const useEquipmentList = (query: Query) =>
  useQuery({
    queryKey: keys.equipment(query),
    queryFn: ({ signal }) => api.get<Page<EquipmentView>>('/special-equipment/equipment', clean(query), signal),
  });
export const useEquipment = (id: number) =>
  useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => api.get<EquipmentDetail>(`/special-equipment/equipment/${id}`, {}, signal),
  });
export const useEquipmentMap = (query: Query, enabled: boolean) =>
  useQuery({
    queryKey: ['special-equipment', 'map', query],
    queryFn: ({ signal }) => api.get<Page<MapPoint>>('/special-equipment/equipment-map', clean(query), signal),
    enabled,
  });
export const useHazards = (query: Query) =>
  useQuery({
    queryKey: keys.hazards(query),
    queryFn: ({ signal }) => api.get<Page<HazardView>>('/special-equipment/hazards', clean(query), signal),
  });
export const useHazard = (id: number) =>
  useQuery({ queryKey: keys.hazard(id), queryFn: ({ signal }) => api.get<HazardView>(`/special-equipment/hazards/${id}`, {}, signal) });
export const useOperators = (query: Query) =>
  useQuery({
    queryKey: keys.operators(query),
    queryFn: ({ signal }) => api.get<Page<OperatorView>>('/special-equipment/operators', clean(query), signal),
  });
export const useDrills = (query: Query) =>
  useQuery({
    queryKey: keys.drills(query),
    queryFn: ({ signal }) => api.get<Page<DrillView>>('/special-equipment/drills', clean(query), signal),
  });
export const useRates = (query: Query) =>
  useQuery({ queryKey: keys.rates(query), queryFn: ({ signal }) => api.get<RatesView>('/special-equipment/rates', clean(query), signal) });

function useInvalidating<TBody, TResult>(call: (body: TBody) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useCreateEquipment = () =>
  useInvalidating((body: Record<string, unknown>) => api.post<EquipmentView>('/special-equipment/equipment', body));
export const useUpdateEquipment = (id: number) =>
  useInvalidating((body: Record<string, unknown>) => api.patch<EquipmentView>(`/special-equipment/equipment/${id}`, body));
export const useRecordInspection = (id: number) =>
  useInvalidating((body: Record<string, unknown>) => api.post<InspectionView>(`/special-equipment/equipment/${id}/inspections`, body));
export const useRecordMaintenance = (id: number) =>
  useInvalidating((body: Record<string, unknown>) => api.post<MaintenanceView>(`/special-equipment/equipment/${id}/maintenance`, body));
export const useImportInspections = () =>
  useInvalidating((body: { fileBase64: string }) => api.post<{ imported: number }>('/special-equipment/inspections/import', body));
export const useRecordHazard = () =>
  useInvalidating((body: Record<string, unknown>) => api.post<HazardView>('/special-equipment/hazards', body));
export const useHazardStep = (id: number) =>
  useInvalidating(({ step, ...body }: { step: 'order' | 'report' | 'recheck' | 'escalate' } & Record<string, unknown>) =>
    api.post<HazardView>(`/special-equipment/hazards/${id}/${step}`, body),
  );
export const useCreateOperator = () =>
  useInvalidating((body: Record<string, unknown>) => api.post<OperatorView>('/special-equipment/operators', body));
export const useCreateDrill = () =>
  useInvalidating((body: Record<string, unknown>) => api.post<DrillView>('/special-equipment/drills', body));

/** Special-equipment users the actor may act for (the registry search is scoped: an inspector's streets, an operator's own). */
export const useEquipmentUsers = (q: string) =>
  useQuery({
    queryKey: ['special-equipment', 'users', q],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: number; name: string; creditCode: string }>>(
        '/entities',
        { category: 'special_equipment_user', status: 'active', pageSize: 50, ...(q.trim() ? { q: q.trim() } : {}) },
        signal,
      ),
  });

export function useStreets() {
  return useQuery({
    queryKey: ['special-equipment', 'streets'],
    queryFn: ({ signal }) => api.get<Page<{ code: string; name: string; nameEn: string }>>('/org/streets', {}, signal),
    staleTime: 60 * 60 * 1000,
  });
}

export const useEmergencyPlans = (query: Query) =>
  useQuery({
    queryKey: keys.plans(query),
    queryFn: ({ signal }) => api.get<Page<EmergencyPlanView>>('/special-equipment/emergency-plans', clean(query), signal),
  });
export const useCreateEmergencyPlan = () =>
  useInvalidating((body: Record<string, unknown>) => api.post<EmergencyPlanView>('/special-equipment/emergency-plans', body));

export const useCycleTables = () =>
  useQuery({
    queryKey: keys.cycles,
    queryFn: ({ signal }) =>
      api.get<{ items: CycleTableVersion[]; total: number; inForceId: number }>('/special-equipment/cycle-tables', {}, signal),
  });
export const useSaveCycleTable = () =>
  useInvalidating((body: Record<string, unknown>) => api.post<CycleTableVersion>('/special-equipment/cycle-tables', body));

/** Adds a photo to a hazard (the new-hazard page calls it once the hazard exists). */
export const postHazardPhoto = (id: number, body: { stage: 'found' | 'rectified'; dataUrl: string }) =>
  api.post<HazardView>(`/special-equipment/hazards/${id}/photos`, body);
export const useAddHazardPhoto = (id: number) =>
  useInvalidating((body: { stage: 'found' | 'rectified'; dataUrl: string }) => postHazardPhoto(id, body));
/** Where the browser loads a hazard photo (the session cookie goes with it). */
export const hazardPhotoUrl = (hazardId: number, photoId: number) => `/api/v1/special-equipment/hazards/${hazardId}/photos/${photoId}`;

export { readAsDataUrl } from '../../lib/read-as-data-url.ts';
