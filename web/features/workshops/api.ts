import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AppealView,
  CriteriaView,
  EvaluationView,
  ListCriteria,
  ListName,
  MembershipView,
  SnapshotView,
} from '../../../server/modules/workshops/workshops.schemas.ts';
import { api } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

export type { AppealView, CriteriaView, EvaluationView, ListCriteria, ListName, MembershipView, SnapshotView };

const keys = {
  all: ['workshops'] as const,
  criteria: ['workshops', 'criteria'] as const,
  memberships: ['workshops', 'memberships'] as const,
  snapshots: ['workshops', 'snapshots'] as const,
  appeals: ['workshops', 'appeals'] as const,
  evaluations: ['workshops', 'evaluations'] as const,
};

export const useCriteria = () =>
  useQuery({ queryKey: keys.criteria, queryFn: ({ signal }) => api.get<CriteriaView>('/workshops/criteria', {}, signal) });

export const useMemberships = (enabled = true) =>
  useQuery({
    queryKey: keys.memberships,
    queryFn: ({ signal }) => api.get<Page<MembershipView>>('/workshops/memberships', {}, signal),
    enabled,
  });

export const useSnapshots = () =>
  useQuery({ queryKey: keys.snapshots, queryFn: ({ signal }) => api.get<Page<SnapshotView>>('/workshops/snapshots', {}, signal) });

export const useAppeals = () =>
  useQuery({
    queryKey: keys.appeals,
    queryFn: ({ signal }) => api.get<Page<AppealView>>('/workshops/appeals', { pageSize: 100 }, signal),
  });

function useInvalidating<TBody, TResult>(call: (body: TBody) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useSaveCriteria = () =>
  useInvalidating((body: { effectiveFrom: string; criteria: ListCriteria }) => api.post<CriteriaView>('/workshops/criteria', body));
export const useCreateEvaluation = () =>
  useInvalidating((body: { entityId: number; evaluatedOn: string; answers: Record<string, boolean>; note: string }) =>
    api.post<EvaluationView>('/workshops/evaluations', body),
  );
export const usePublishSnapshot = () => useInvalidating((body: { period: string }) => api.post<SnapshotView>('/workshops/snapshots', body));
export const useFileAppeal = () =>
  useInvalidating((body: { entityId: number; snapshotId?: number; reason: string }) => api.post<AppealView>('/workshops/appeals', body));
export const useDecideAppeal = () =>
  useInvalidating(({ id, ...body }: { id: number; status: 'upheld' | 'rejected'; decisionNote: string }) =>
    api.post<AppealView>(`/workshops/appeals/${id}/decision`, body),
  );

/** The operator's own businesses (the registry list is scoped to them). */
export const useMyEntities = (enabled: boolean) =>
  useQuery({
    queryKey: ['workshops', 'my-entities'],
    queryFn: ({ signal }) => api.get<Page<{ id: number; name: string; creditCode: string }>>('/entities', { pageSize: 100 }, signal),
    enabled,
  });

/** Active food workshops the user may evaluate (the registry search is scoped to the inspector's streets). */
export const useWorkshopSearch = (q: string) =>
  useQuery({
    queryKey: ['workshops', 'search', q],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: number; name: string; creditCode: string }>>(
        '/entities',
        { category: 'food_workshop', status: 'active', pageSize: 50, ...(q.trim() ? { q: q.trim() } : {}) },
        signal,
      ),
  });
