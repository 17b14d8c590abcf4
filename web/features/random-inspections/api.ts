import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AlertView,
  CommitDrawBody,
  CreditClassSummary,
  DirectoryObjectView,
  DrawView,
  InspectorCertificateBody,
  InspectorView,
  MatterBody,
  MatterView,
  PlanBody,
  PlanListItem,
  PlanView,
  SeedBody,
  TaskListItem,
  TaskResultBody,
  TaskView,
} from '../../../server/modules/random-inspections/random-inspections.schemas.ts';
import { inspectionOutcomes } from '../../../shared/vocabularies/random-inspections.ts';
import { api, apiRequest } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

// Types come from the server's TypeBox schemas (types only).
export type {
  AlertView,
  DirectoryObjectView,
  DrawView,
  InspectorView,
  MatterView,
  PlanBody,
  PlanListItem,
  PlanView,
  TaskListItem,
  TaskResultBody,
  TaskView,
};
export { inspectionOutcomes };

const base = '/random-inspections';

export const riKeys = {
  all: ['random-inspections'] as const,
  inspectors: ['random-inspections', 'inspectors'] as const,
  objects: (params: object) => ['random-inspections', 'objects', params] as const,
  classes: ['random-inspections', 'classes'] as const,
  matters: ['random-inspections', 'matters'] as const,
  plans: (params: object) => ['random-inspections', 'plans', params] as const,
  plan: (id: number) => ['random-inspections', 'plan', id] as const,
  draw: (id: number) => ['random-inspections', 'draw', id] as const,
  tasks: (params: object) => ['random-inspections', 'tasks', params] as const,
  task: (id: number) => ['random-inspections', 'task', id] as const,
  alerts: ['random-inspections', 'alerts'] as const,
};

export function useInspectors() {
  return useQuery({ queryKey: riKeys.inspectors, queryFn: ({ signal }) => api.get<Page<InspectorView>>(`${base}/inspectors`, {}, signal) });
}

export interface ObjectParams {
  creditClass?: string;
  page: number;
  pageSize: number;
}

export function useDirectoryObjects(params: ObjectParams) {
  return useQuery({
    queryKey: riKeys.objects(params),
    queryFn: ({ signal }) => api.get<Page<DirectoryObjectView>>(`${base}/objects`, { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreditClasses() {
  return useQuery({ queryKey: riKeys.classes, queryFn: ({ signal }) => api.get<CreditClassSummary>(`${base}/credit-classes`, {}, signal) });
}

export function useMatters() {
  return useQuery({ queryKey: riKeys.matters, queryFn: ({ signal }) => api.get<Page<MatterView>>(`${base}/matters`, {}, signal) });
}

export function usePlans(params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: riKeys.plans(params),
    queryFn: ({ signal }) => api.get<Page<PlanListItem>>(`${base}/plans`, { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: number) {
  return useQuery({ queryKey: riKeys.plan(id), queryFn: ({ signal }) => api.get<PlanView>(`${base}/plans/${id}`, {}, signal) });
}

export function useDraw(id: number) {
  return useQuery({ queryKey: riKeys.draw(id), queryFn: ({ signal }) => api.get<DrawView>(`${base}/draws/${id}`, {}, signal) });
}

export function useTasks(params: { mine?: boolean; status?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: riKeys.tasks(params),
    queryFn: ({ signal }) => api.get<Page<TaskListItem>>(`${base}/tasks`, { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: number) {
  return useQuery({ queryKey: riKeys.task(id), queryFn: ({ signal }) => api.get<TaskView>(`${base}/tasks/${id}`, {}, signal) });
}

export function useAlerts() {
  return useQuery({ queryKey: riKeys.alerts, queryFn: ({ signal }) => api.get<Page<AlertView>>(`${base}/alerts`, {}, signal) });
}

function useRiMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: riKeys.all }) });
}

export const useSetCertificate = () =>
  useRiMutation(({ userId, body }: { userId: number; body: InspectorCertificateBody }) =>
    apiRequest<InspectorView>('PUT', `/random-inspections/inspectors/${userId}`, { body }),
  );
export const useCreateMatter = () => useRiMutation((body: MatterBody) => api.post<MatterView>(`${base}/matters`, body));
export const useCreatePlan = () => useRiMutation((body: PlanBody) => api.post<PlanView>(`${base}/plans`, body));
export const useCommitDraw = () =>
  useRiMutation(({ planId, body }: { planId: number; body: CommitDrawBody }) => api.post<DrawView>(`${base}/plans/${planId}/draws`, body));
export const useSeedDraw = () =>
  useRiMutation(({ id, body }: { id: number; body: SeedBody }) => api.post<DrawView>(`${base}/draws/${id}/seed`, body));
export const useDrawStep = () =>
  useRiMutation(({ id, step }: { id: number; step: 'run' | 'publish' }) => api.post<DrawView>(`${base}/draws/${id}/${step}`));
export const useRecordResult = () =>
  useRiMutation(({ id, body }: { id: number; body: TaskResultBody }) => api.post<TaskView>(`${base}/tasks/${id}/result`, body));
export const usePublishResult = () => useRiMutation((id: number) => api.post<TaskView>(`${base}/tasks/${id}/publish`));
