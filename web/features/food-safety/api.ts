import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Static } from 'typebox';
import type {
  AppealBody,
  AppealView,
  ApplicationView,
  CertificateBody,
  CreateHandlerBody,
  CreateInspectionBody,
  CreateTemplateBody,
  DecideAppealBody,
  DueView,
  FindingView,
  GradeView,
  HandlerView,
  InspectionView,
  NoticeView,
  RectificationList,
  RegistrationBody,
  ReinspectionBody,
  ReinspectionView,
  StatisticsView,
  TemplateView,
  UploadBody,
  UploadView,
  WarningView,
} from '../../../server/modules/food-safety/food-safety.schemas.ts';
import type { EntityListItem } from '../../../server/modules/registry/registry.schemas.ts';
import { type InspectionResult, inspectionResult } from '../../../shared/inspection-result.ts';
import { bureauStaffRoles, districtWideRoles, fieldStaffRoles, type Role, staffAndOperatorRoles } from '../../../shared/roles.ts';
import { answerResults } from '../../../shared/vocabularies/food-safety.ts';
import { api } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

// Types come from the server's TypeBox schemas (types only).
export type {
  AppealBody,
  CertificateBody,
  CreateHandlerBody,
  CreateInspectionBody,
  CreateTemplateBody,
  DecideAppealBody,
  DueView,
  FindingView,
  HandlerView,
  InspectionView,
  ReinspectionBody,
  StatisticsView,
  TemplateView,
  UploadBody,
  WarningView,
};
export { answerResults };
export type Grade = Static<typeof GradeView>;
export type Application = Static<typeof ApplicationView>;
export type Registration = Static<typeof RegistrationBody>;
export type Appeal = Static<typeof AppealView>;
export type Upload = Static<typeof UploadView>;
export type Notice = Static<typeof NoticeView>;
export type Rectification = Static<typeof RectificationList>['items'][number];
export type Reinspection = Static<typeof ReinspectionView>;
export type AnswerResult = CreateInspectionBody['answers'][number]['result'];
export type TemplateItem = TemplateView['items'][number];
export type Shop = EntityListItem;
export interface InspectorOption {
  id: number;
  displayName: string;
  orgUnitName: string | null;
}

/** Who may do what (the server checks again on every call). */
export const foodSafetyRoles = {
  staff: bureauStaffRoles,
  inspect: fieldStaffRoles,
  review: fieldStaffRoles,
  all: staffAndOperatorRoles,
  section: districtWideRoles,
  edit: [...fieldStaffRoles, 'operator'],
} as const satisfies Record<string, readonly Role[]>;

export const foodSafetyKeys = {
  all: ['food-safety'] as const,
  due: (state: string, page: number) => ['food-safety', 'due', state, page] as const,
  shops: (q: string | undefined, page: number) => ['food-safety', 'shops', q, page] as const,
  grade: (id: number) => ['food-safety', 'grade', id] as const,
  handlers: (entityId: number) => ['food-safety', 'handlers', entityId] as const,
  inspections: (entityId: number) => ['food-safety', 'inspections', entityId] as const,
  inspection: (id: number) => ['food-safety', 'inspection', id] as const,
  rectifications: (entityId: number) => ['food-safety', 'rectifications', entityId] as const,
  templates: ['food-safety', 'templates'] as const,
  inspectors: ['food-safety', 'inspectors'] as const,
  warnings: (page: number) => ['food-safety', 'warnings', page] as const,
  findings: (status: string | undefined, page: number) => ['food-safety', 'findings', status, page] as const,
  uploads: (status: string | undefined, entityId: number | undefined) => ['food-safety', 'uploads', status, entityId] as const,
  appeals: (status: string | undefined) => ['food-safety', 'appeals', status] as const,
  reinspections: ['food-safety', 'reinspections'] as const,
  notices: ['food-safety', 'notices'] as const,
  applications: (status: string | undefined, page: number) => ['food-safety', 'applications', status, page] as const,
  statistics: (groupBy: string, date: string | undefined) => ['food-safety', 'statistics', groupBy, date] as const,
};

const pageSize = 20;

export function useDue(state: 'due' | 'overdue', page: number) {
  return useQuery({
    queryKey: foodSafetyKeys.due(state, page),
    queryFn: ({ signal }) => api.get<Page<DueView>>('/food-safety-due', { state, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * Once the due list is on screen (online), what the inspection form of each listed shop needs is fetched too, so
 * the service worker holds a copy for the basement: the checklist templates, the inspectors, each shop's grade
 * and open rectification orders.
 */
export function usePrefetchForInspections(entityIds: readonly number[]) {
  const queryClient = useQueryClient();
  const key = entityIds.join(',');
  useEffect(() => {
    if (!key || !navigator.onLine) return;
    void queryClient.prefetchQuery({
      queryKey: foodSafetyKeys.templates,
      queryFn: () => api.get<Page<TemplateView>>('/inspection-templates'),
    });
    void queryClient.prefetchQuery({
      queryKey: foodSafetyKeys.inspectors,
      queryFn: () => api.get<InspectorOption[]>('/sampling/samplers'),
    });
    for (const entityId of key.split(',').map(Number)) {
      void queryClient.prefetchQuery({
        queryKey: foodSafetyKeys.grade(entityId),
        queryFn: () => api.get<Grade>(`/food-safety-grades/${entityId}`),
      });
      void queryClient.prefetchQuery({
        queryKey: foodSafetyKeys.rectifications(entityId),
        queryFn: () => api.get<Page<Rectification>>('/rectification-orders', { entityId, pageSize: 50 }),
      });
    }
  }, [key, queryClient]);
}

export function useShops(q: string | undefined, page: number) {
  return useQuery({
    queryKey: foodSafetyKeys.shops(q, page),
    queryFn: ({ signal }) => api.get<Page<Shop>>('/entities', { q, category: 'catering', page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useGrade(entityId: number) {
  return useQuery({
    queryKey: foodSafetyKeys.grade(entityId),
    queryFn: ({ signal }) => api.get<Grade>(`/food-safety-grades/${entityId}`, {}, signal),
    enabled: entityId > 0,
  });
}

export function useHandlers(entityId: number) {
  return useQuery({
    queryKey: foodSafetyKeys.handlers(entityId),
    queryFn: ({ signal }) => api.get<Page<HandlerView>>('/food-handlers', { entityId, isEmployed: true, pageSize: 100 }, signal),
    enabled: entityId > 0,
  });
}

export function useInspections(entityId: number) {
  return useQuery({
    queryKey: foodSafetyKeys.inspections(entityId),
    queryFn: ({ signal }) => api.get<Page<InspectionView>>('/food-inspections', { entityId, pageSize: 50 }, signal),
    enabled: entityId > 0,
  });
}

export function useRectifications(entityId: number) {
  return useQuery({
    queryKey: foodSafetyKeys.rectifications(entityId),
    queryFn: ({ signal }) => api.get<Page<Rectification>>('/rectification-orders', { entityId, pageSize: 50 }, signal),
    enabled: entityId > 0,
  });
}

export function useTemplates(isEnabled = true) {
  return useQuery({
    queryKey: foodSafetyKeys.templates,
    queryFn: ({ signal }) => api.get<Page<TemplateView>>('/inspection-templates', {}, signal),
    enabled: isEnabled,
  });
}

/** Inspectors and section staff of the district (the sampling module's list: same people). */
export function useInspectors() {
  return useQuery({
    queryKey: foodSafetyKeys.inspectors,
    queryFn: ({ signal }) => api.get<InspectorOption[]>('/sampling/samplers', {}, signal),
    staleTime: 600_000,
  });
}

export function useWarnings(page: number) {
  return useQuery({
    queryKey: foodSafetyKeys.warnings(page),
    queryFn: ({ signal }) => api.get<Page<WarningView>>('/health-certificate-warnings', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEntityWarnings(entityId: number) {
  return useQuery({
    queryKey: ['food-safety', 'warnings', 'entity', entityId],
    queryFn: ({ signal }) => api.get<Page<WarningView>>('/health-certificate-warnings', { entityId, pageSize: 100 }, signal),
    enabled: entityId > 0,
  });
}

export function useFindings(status: string | undefined, page: number) {
  return useQuery({
    queryKey: foodSafetyKeys.findings(status, page),
    queryFn: ({ signal }) => api.get<Page<FindingView>>('/supervision-findings', { status, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUploads(status: string | undefined, entityId?: number) {
  return useQuery({
    queryKey: foodSafetyKeys.uploads(status, entityId),
    queryFn: ({ signal }) => api.get<Page<Upload>>('/shop-uploads', { status, entityId, pageSize: 50 }, signal),
  });
}

export function useAppeals(status: string | undefined) {
  return useQuery({
    queryKey: foodSafetyKeys.appeals(status),
    queryFn: ({ signal }) => api.get<Page<Appeal>>('/grade-appeals', { status, pageSize: 50 }, signal),
  });
}

export function useReinspections() {
  return useQuery({
    queryKey: foodSafetyKeys.reinspections,
    queryFn: ({ signal }) => api.get<Page<Reinspection>>('/reinspection-requests', { pageSize: 50 }, signal),
  });
}

export function useNotices(isEnabled: boolean) {
  return useQuery({
    queryKey: foodSafetyKeys.notices,
    queryFn: ({ signal }) => api.get<Page<Notice>>('/food-safety-notices', { pageSize: 20 }, signal),
    enabled: isEnabled,
  });
}

export function useStaffStatistics(groupBy: string, date: string | undefined) {
  return useQuery({
    queryKey: foodSafetyKeys.statistics(groupBy, date),
    queryFn: ({ signal }) => api.get<StatisticsView>('/food-handler-statistics', { groupBy, date }, signal),
  });
}

/** Every write refreshes the whole feature's cache: lists here are small and cross-linked. */
function useWrite<TBody, TResult>(call: (body: TBody) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => client.invalidateQueries({ queryKey: foodSafetyKeys.all }) });
}

export const useCreateHandler = () => useWrite((body: CreateHandlerBody) => api.post<HandlerView>('/food-handlers', body));
export const useAddCertificate = () =>
  useWrite(({ id, ...body }: CertificateBody & { id: number }) => api.post<HandlerView>(`/food-handlers/${id}/certificates`, body));
export const useCreateTemplate = () => useWrite((body: CreateTemplateBody) => api.post<TemplateView>('/inspection-templates', body));
export const useSetDefaultTemplate = () =>
  useWrite((id: number) => api.patch<TemplateView>(`/inspection-templates/${id}`, { isDefault: true }));
export const useCloseFinding = () =>
  useWrite(({ id, action, reason }: { id: number; action: 'handle' | 'dismiss'; reason: string }) =>
    api.post<FindingView>(`/supervision-findings/${id}/${action}`, { reason }),
  );
export const useSubmitUpload = () => useWrite((body: UploadBody) => api.post<Upload>('/shop-uploads', body));
export const useReviewUpload = () =>
  useWrite(({ id, reason }: { id: number; reason?: string }) =>
    reason === undefined ? api.post<Upload>(`/shop-uploads/${id}/approve`) : api.post<Upload>(`/shop-uploads/${id}/return`, { reason }),
  );
export const useSubmitAppeal = () => useWrite((body: AppealBody) => api.post<Appeal>('/grade-appeals', body));
export const useDecideAppeal = () =>
  useWrite(({ id, ...body }: DecideAppealBody & { id: number }) => api.post<Appeal>(`/grade-appeals/${id}/decide`, body));
export const useRequestReinspection = () => useWrite((body: ReinspectionBody) => api.post<Reinspection>('/reinspection-requests', body));

export function recordUrl(inspectionId: number): string {
  return `/api/v1/food-inspections/${inspectionId}/record`;
}

/**
 * A preview while the checklist is being filled: the result 符合 / 基本符合 / 不符合 by SAMR Order 49 (the shared
 * rule the server applies), and apart from it the mean of the item scores (in tenths) over the inspected items,
 * banded as the national 量化分级 rules do (≥ 9.0 / 7.5 / 6.0; two failed key items: no grade). The server
 * computes the official grade with the rule set in force when the record is saved.
 */
export function previewResult(
  items: readonly TemplateItem[],
  answers: Readonly<Record<number, AnswerResult | undefined>>,
): { scoreTenths: number | null; grade: 'excellent' | 'good' | 'fair' | null } & InspectionResult {
  let sum = 0;
  let count = 0;
  let failedKeys = 0;
  const answered: { result: AnswerResult; isKey: boolean }[] = [];
  for (const item of items) {
    const answer = answers[item.id];
    if (answer === undefined) continue;
    answered.push({ result: answer, isKey: item.isKey });
    if (answer === 'na') continue;
    count += 1;
    sum += answer === 'pass' ? item.passTenths : answer === 'partial' ? item.partialTenths : item.failTenths;
    if (answer === 'fail' && item.isKey) failedKeys += 1;
  }
  const result = inspectionResult(answered);
  if (count === 0) return { scoreTenths: null, grade: null, ...result };
  const scoreTenths = Math.round(sum / count);
  const grade = failedKeys >= 2 ? null : scoreTenths >= 90 ? 'excellent' : scoreTenths >= 75 ? 'good' : scoreTenths >= 60 ? 'fair' : null;
  return { scoreTenths, grade, ...result };
}

/** The China date today (the server's calendar is Asia/Shanghai): one home, web/lib/date-format.ts. */
export { chinaToday } from '../../lib/date-format.ts';

export { readAsDataUrl } from '../../lib/read-as-data-url.ts';

// ── Operator self-registration ──
/** Signed out: a person applies to become a shop's operator. */
export const useRegisterOperator = () =>
  useMutation({ mutationFn: (body: Registration) => api.post<{ id: number; status: 'pending' }>('/operator-registrations', body) });

export function useApplications(status: string | undefined, page: number) {
  return useQuery({
    queryKey: foodSafetyKeys.applications(status, page),
    queryFn: ({ signal }) => api.get<Page<Application>>('/operator-registrations', { status, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}
export const useApproveApplication = () => useWrite((id: number) => api.post<Application>(`/operator-registrations/${id}/approve`, {}));
export const useRejectApplication = () =>
  useWrite(({ id, reason }: { id: number; reason: string }) => api.post<Application>(`/operator-registrations/${id}/reject`, { reason }));
