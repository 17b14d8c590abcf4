import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  HolidayView,
  SettingsBody,
  UnitBody,
  UnitView,
  WarningBody,
  WarningView,
} from '../../../server/modules/consumer-confidence/consumer-confidence.schemas.ts';
import { api, apiRequest } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

export type { HolidayView, SettingsBody, UnitBody, UnitView, WarningBody, WarningView };

const keys = {
  units: (status: string | undefined, page: number) => ['consumer-confidence', 'units', status, page] as const,
  holidays: ['consumer-confidence', 'holidays'] as const,
  warnings: ['consumer-confidence', 'warnings'] as const,
  settings: ['consumer-confidence', 'settings'] as const,
};

function useInvalidating<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: ['consumer-confidence'] }) });
}

export function useUnits(status: string | undefined, page: number) {
  return useQuery({
    queryKey: keys.units(status, page),
    queryFn: ({ signal }) =>
      api.get<Page<UnitView>>('/consumer-confidence/units', { ...(status ? { status } : {}), page, pageSize: 20 }, signal),
  });
}

export const useApplyForUnit = () => useInvalidating((body: UnitBody) => api.post<UnitView>('/consumer-confidence/units', body));

export const useDecideUnit = () =>
  useInvalidating(({ id, decision }: { id: number; decision: 'approve' | 'reject' }) =>
    api.post<UnitView>(`/consumer-confidence/units/${id}/decision`, { decision }),
  );

export const useReviewUnit = () =>
  useInvalidating(({ id, note }: { id: number; note?: string }) =>
    api.post<UnitView>(`/consumer-confidence/units/${id}/yearly-review`, note ? { note } : {}),
  );

export function useHolidays() {
  return useQuery({
    queryKey: keys.holidays,
    queryFn: ({ signal }) => api.get<Page<HolidayView>>('/consumer-confidence/holidays', {}, signal),
  });
}

export function useWarnings() {
  return useQuery({
    queryKey: keys.warnings,
    queryFn: ({ signal }) => api.get<Page<WarningView>>('/consumer-confidence/warnings', {}, signal),
  });
}

export const useSaveWarning = () =>
  useInvalidating(({ id, body }: { id: number | null; body: WarningBody }) =>
    id === null
      ? api.post<WarningView>('/consumer-confidence/warnings', body)
      : apiRequest<WarningView>('PUT', `/consumer-confidence/warnings/${id}`, { body }),
  );

export const usePublishWarning = () =>
  useInvalidating((id: number) => api.post<WarningView>(`/consumer-confidence/warnings/${id}/publish`, {}));

export function useConfidenceSettings() {
  return useQuery({
    queryKey: keys.settings,
    queryFn: ({ signal }) =>
      api.get<{ effectiveFrom: string | null; maxComplaints: number; maxCases: number }>('/consumer-confidence/settings', {}, signal),
  });
}

export const useSaveConfidenceSettings = () =>
  useInvalidating((body: SettingsBody) => apiRequest<SettingsBody>('PUT', '/consumer-confidence/settings', { body }));
