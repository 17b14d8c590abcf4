import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  CreatePlanBody,
  CreateSampleBody,
  HandlingView,
  LabOption,
  LabSampleView,
  PlanView,
  ResultItemInput,
  SampleListItem,
  SampleQuery,
  SamplerOption,
  SampleView,
  StatisticsQuery,
  StatisticsView,
  UpdateHandlingBody,
} from '../../../server/modules/sampling/sampling.schemas.ts';
import { bureauStaffRoles, caseWorkerRoles, type Role, settingsRoles } from '../../../shared/roles.ts';
import {
  handlingMeasures,
  handlingOutcomes,
  handlingStatuses,
  labStatuses,
  sampleStatuses,
  samplingFields,
  samplingLinks,
} from '../../../shared/vocabularies/sampling.ts';
import { api, apiRequest, apiUpload } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

// Types come from the server's TypeBox schemas (types only).
export type { CreatePlanBody, CreateSampleBody, HandlingView, LabSampleView, PlanView, ResultItemInput, SampleView, StatisticsView };
export { handlingMeasures, handlingOutcomes, handlingStatuses, labStatuses, sampleStatuses, samplingFields, samplingLinks };
export type SampleRow = Static<typeof SampleListItem>;
export type Lab = Static<typeof LabOption>;
export type Sampler = Static<typeof SamplerOption>;
export type SampleFilter = Omit<SampleQuery, 'page' | 'pageSize'>;
export type LabStatus = LabSampleView['labStatus'];

/** Who may do what (the server checks again on every call). */
export const samplingRoles = {
  read: bureauStaffRoles,
  sample: caseWorkerRoles,
  decide: settingsRoles,
  lab: ['lab'],
} as const satisfies Record<string, readonly Role[]>;

export const samplingKeys = {
  all: ['sampling'] as const,
  samples: (query: SampleQuery) => ['sampling', 'samples', query] as const,
  sample: (id: number) => ['sampling', 'sample', id] as const,
  plans: (year: number | undefined) => ['sampling', 'plans', year] as const,
  handling: (query: Record<string, unknown>) => ['sampling', 'handling', query] as const,
  statistics: (query: StatisticsQuery) => ['sampling', 'statistics', query] as const,
  labs: ['sampling', 'labs'] as const,
  samplers: ['sampling', 'samplers'] as const,
  lab: (query: Record<string, unknown>) => ['sampling', 'lab', query] as const,
  labSample: (code: string) => ['sampling', 'lab', 'sample', code] as const,
};

export function useSamples(query: SampleQuery) {
  return useQuery({
    queryKey: samplingKeys.samples(query),
    queryFn: ({ signal }) => api.get<Page<SampleRow>>('/sampling/samples', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSample(id: number) {
  return useQuery({
    queryKey: samplingKeys.sample(id),
    queryFn: ({ signal }) => api.get<SampleView>(`/sampling/samples/${id}`, {}, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function usePlans(year?: number) {
  return useQuery({
    queryKey: samplingKeys.plans(year),
    queryFn: ({ signal }) => api.get<Page<PlanView>>('/sampling/plans', { year, pageSize: 100 }, signal),
  });
}

export function useHandling(query: { status?: string; isOverdue?: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: samplingKeys.handling(query),
    queryFn: ({ signal }) => api.get<Page<HandlingView>>('/sampling/handling', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSamplingStatistics(query: StatisticsQuery) {
  return useQuery({
    queryKey: samplingKeys.statistics(query),
    queryFn: ({ signal }) => api.get<StatisticsView>('/sampling/statistics', { ...query }, signal),
  });
}

export function useLabs() {
  return useQuery({
    queryKey: samplingKeys.labs,
    queryFn: ({ signal }) => api.get<Lab[]>('/sampling/labs', {}, signal),
    staleTime: 600_000,
  });
}

export function useSamplers() {
  return useQuery({
    queryKey: samplingKeys.samplers,
    queryFn: ({ signal }) => api.get<Sampler[]>('/sampling/samplers', {}, signal),
    staleTime: 600_000,
  });
}

export function useLabSamples(query: { labStatus?: LabStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: samplingKeys.lab(query),
    queryFn: ({ signal }) => api.get<Page<LabSampleView>>('/lab/samples', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useLabSample(code: string | undefined) {
  return useQuery({
    queryKey: samplingKeys.labSample(code ?? ''),
    queryFn: ({ signal }) => api.get<LabSampleView>(`/lab/samples/${code}`, {}, signal),
    enabled: Boolean(code),
  });
}

function useSamplingMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: samplingKeys.all }) });
}

export const useCreatePlan = () => useSamplingMutation((body: CreatePlanBody) => api.post<PlanView>('/sampling/plans', body));
export const useCreateSample = () => useSamplingMutation((body: CreateSampleBody) => api.post<SampleView>('/sampling/samples', body));

/** One step of a sample's life on the bureau side: send, rapid-result, objection, notify, retest, publish. */
export function useSampleStep(id: number) {
  return useSamplingMutation(
    ({ step, body }: { step: 'send' | 'rapid-result' | 'objection' | 'notify' | 'retest' | 'publish'; body: unknown }) =>
      api.post<SampleView>(`/sampling/samples/${id}/${step}`, body),
  );
}

export const useUpdateHandling = (id: number) =>
  useSamplingMutation((body: UpdateHandlingBody) => api.patch<HandlingView>(`/sampling/handling/${id}`, body));

export const useLabReceive = (code: string) =>
  useSamplingMutation((receivedOn: string) => api.post<LabSampleView>(`/lab/samples/${code}/receive`, { receivedOn }));
export const useLabResults = (code: string) =>
  useSamplingMutation((items: ResultItemInput[]) => apiRequest<LabSampleView>('PUT', `/lab/samples/${code}/results`, { body: { items } }));

/** Files go as the raw request body; the server checks the bytes, the size (≤ 10 MB) and the type (PDF, PNG, JPEG). */
const uploadFile = (method: 'POST' | 'PUT', path: string, file: File) => apiUpload<unknown>(method, path, file);

export const useUploadPhoto = (id: number) =>
  useSamplingMutation((file: File) => uploadFile('POST', `/sampling/samples/${id}/photos`, file));
export const useUploadReport = (code: string) =>
  useSamplingMutation((file: File) => uploadFile('PUT', `/lab/samples/${code}/report`, file));

/** Formats integer fen as yuan, exactly (no float arithmetic). */
export function formatFen(fen: number | null): string {
  if (fen === null) return '—';
  return `¥${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** Parses "12.5" yuan into 1250 fen without floating point; undefined when not a money amount. */
export function parseYuan(text: string | undefined): number | undefined {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text ?? '');
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Entities to sample at, searched through the registry's API (the fields the form needs only). */
export function useEntitySearch(q: string) {
  return useQuery({
    queryKey: ['sampling', 'entity-search', q] as const,
    queryFn: ({ signal }) => api.get<Page<{ id: number; name: string; address: string }>>('/entities', { q, pageSize: 20 }, signal),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/**
 * The district's product catalogue (product quality's 抽查目录) for the sampling form: pick a product and its category,
 * name and test items fill in. Active products only.
 */
export function useCatalogueProducts(q: string) {
  return useQuery({
    queryKey: ['sampling', 'catalogue-products', q] as const,
    queryFn: ({ signal }) =>
      api.get<Page<{ id: number; category: string; name: string; standards: string[]; testItems: string[] }>>(
        '/product-quality/catalogue/products',
        { ...(q.trim() ? { q: q.trim() } : {}), status: 'active', pageSize: 50 },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** Today in China Standard Time (YYYY-MM-DD), the default for date fields: one home, web/lib/date-format.ts. */
export { chinaToday } from '../../lib/date-format.ts';
