import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitView } from '../../../server/modules/consumer-confidence/consumer-confidence.schemas.ts';
import { api } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

export type { UnitView };

const keys = { units: (status: string | undefined, page: number) => ['consumer-confidence', 'units', status, page] as const };

export function useUnits(status: string | undefined, page: number) {
  return useQuery({
    queryKey: keys.units(status, page),
    queryFn: ({ signal }) =>
      api.get<Page<UnitView>>('/consumer-confidence/units', { ...(status ? { status } : {}), page, pageSize: 20 }, signal),
  });
}

export function useDecideUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: number; decision: 'approve' | 'reject' }) =>
      api.post<UnitView>(`/consumer-confidence/units/${id}/decision`, { decision }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['consumer-confidence'] }),
  });
}
