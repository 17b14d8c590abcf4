import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ComplaintAttachmentList,
  ComplaintList,
  ComplaintListItem,
  ComplaintListQuery,
  ComplaintStatisticsView,
  ComplaintView,
  FlagSummaryView,
  IntakeBody,
  RevealView,
  RuleSetView,
} from '../../../server/modules/complaints/complaints.schemas.ts';
import type { Role } from '../../../shared/roles.ts';
import { api } from '../../lib/api-client.ts';
import type { OrgUnit, Page } from '../../lib/api-types.ts';

export type { ComplaintList, ComplaintListItem, ComplaintStatisticsView, ComplaintView, IntakeBody, RevealView, RuleSetView };
export type ComplaintAction = ComplaintView['allowedActions'][number];
export type Street = { code: string; name: string; nameEn: string };

// Value lists for filters and forms (the web takes only types from the server; these are checked against them).
export const complaintKinds = ['complaint', 'report', 'petition'] as const satisfies readonly ComplaintView['kind'][];
export const complaintStatuses = [
  'received',
  'accepted',
  'rejected',
  'mediating',
  'verifying',
  'awaiting_reply',
  'closed',
] as const satisfies readonly ComplaintView['status'][];
export const complaintChannels = [
  'hotline_12315',
  'platform_12315',
  'web',
  'letter',
  'visit',
  'other',
] as const satisfies readonly ComplaintView['channel'][];
export const complaintCategories = [
  'food',
  'drugs',
  'cosmetics',
  'medical_devices',
  'product_quality',
  'special_equipment',
  'price',
  'advertising',
  'contract',
  'services',
  'trademark',
  'metrology',
  'unlicensed',
  'other',
] as const satisfies readonly ComplaintView['category'][];
export const rejectGrounds = [
  'no_jurisdiction',
  'handled_elsewhere',
  'not_consumer_dispute',
  'time_barred',
  'materials_missing',
  'other',
] as const satisfies readonly NonNullable<ComplaintView['rejectGround']>[];
export const mediationOutcomes = [
  'agreement',
  'withdrawn',
  'no_lab_agreement',
  'party_refused',
  'party_declared_impossible',
  'time_expired',
  'ground_found_later',
  'other',
] as const satisfies readonly NonNullable<ComplaintView['mediationOutcome']>[];
export const surveyAnswers = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const satisfies readonly NonNullable<
  ComplaintView['surveyAnswer']
>[];
export const violationTypes = [
  'food_safety',
  'drugs',
  'product_quality',
  'special_equipment',
  'price',
  'advertising',
  'unfair_competition',
  'trademark_ip',
  'consumer_rights',
  'personal_information',
  'licensing',
  'metrology',
  'other',
] as const;

export const complaintRoles = {
  read: ['admin', 'leader', 'section', 'inspector'],
  reveal: ['admin', 'section', 'inspector'],
} as const satisfies Record<string, readonly Role[]>;

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (params: ComplaintListQuery) => ['complaints', 'list', params] as const,
  item: (id: number) => ['complaints', 'item', id] as const,
  flags: ['complaints', 'flags'] as const,
  statistics: (from: string, to: string) => ['complaints', 'statistics', from, to] as const,
  ruleSets: ['complaints', 'rule-sets'] as const,
};

export function useComplaints(params: ComplaintListQuery) {
  return useQuery({
    queryKey: complaintKeys.list(params),
    queryFn: ({ signal }) => api.get<ComplaintList>('/complaints', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useComplaint(id: number) {
  return useQuery({
    queryKey: complaintKeys.item(id),
    queryFn: ({ signal }) => api.get<ComplaintView>(`/complaints/${id}`, {}, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The files a citizen attached to the public form (staff in scope only). */
export function useComplaintAttachments(id: number) {
  return useQuery({
    queryKey: [...complaintKeys.item(id), 'attachments'] as const,
    queryFn: ({ signal }) => api.get<ComplaintAttachmentList>(`/complaints/${id}/attachments`, {}, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useFlagSummary() {
  return useQuery({ queryKey: complaintKeys.flags, queryFn: ({ signal }) => api.get<FlagSummaryView>('/complaints/flags', {}, signal) });
}

export function useRuleSets() {
  return useQuery({
    queryKey: complaintKeys.ruleSets,
    queryFn: ({ signal }) => api.get<RuleSetView[]>('/complaints/rule-sets', {}, signal),
    staleTime: Infinity,
  });
}

export function useComplaintStatistics(from: string, to: string) {
  return useQuery({
    queryKey: complaintKeys.statistics(from, to),
    queryFn: ({ signal }) => api.get<ComplaintStatisticsView>('/complaints/statistics', { from, to }, signal),
  });
}

export function useStreets() {
  return useQuery({
    queryKey: ['org', 'streets'],
    queryFn: ({ signal }) => api.get<Page<Street>>('/org/streets', {}, signal),
    staleTime: 600_000,
  });
}

export function useStations() {
  return useQuery({
    queryKey: ['org', 'units'],
    queryFn: ({ signal }) => api.get<Page<OrgUnit>>('/org/units', {}, signal),
    select: (units: Page<OrgUnit>) => units.items.filter((unit) => unit.kind === 'station'),
    staleTime: 600_000,
  });
}

export function useIntake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IntakeBody) => api.post<ComplaintView>('/complaints', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintKeys.all }),
  });
}

/** One step of the handling: POST /complaints/:id/<path>, the file comes back. */
export function useComplaintStep(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: object }) => api.post<ComplaintView>(`/complaints/${id}/${path}`, body),
    onSuccess: (view) => {
      queryClient.setQueryData(complaintKeys.item(id), view);
      void queryClient.invalidateQueries({ queryKey: ['complaints', 'list'] });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.flags });
    },
  });
}

export function useReveal(id: number) {
  return useMutation({ mutationFn: (reason: string) => api.post<RevealView>(`/complaints/${id}/reveal`, { reason }) });
}

/** The entity search of the intake form (the registry's list endpoint). */
export function useEntityOptions(q: string) {
  return useQuery({
    queryKey: ['complaints', 'entity-search', q],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: number; name: string; address: string; creditCode: string }[] }>('/entities', { q, pageSize: 10 }, signal),
    enabled: q.trim().length >= 1,
  });
}
