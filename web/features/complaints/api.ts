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
import { bureauStaffRoles, caseWorkerRoles, type Role } from '../../../shared/roles.ts';
import {
  complaintCategories,
  complaintChannels,
  complaintKinds,
  complaintStatuses,
  mediationOutcomes,
  rejectGrounds,
  surveyAnswers,
} from '../../../shared/vocabularies/complaints.ts';
import { useFileStep } from '../../components/step-dialog.tsx';
import { api } from '../../lib/api-client.ts';

export { violationTypes } from '../../../shared/vocabularies/enforcement.ts';
export type { ComplaintList, ComplaintListItem, ComplaintStatisticsView, ComplaintView, IntakeBody, RevealView, RuleSetView };
export { complaintCategories, complaintChannels, complaintKinds, complaintStatuses, mediationOutcomes, rejectGrounds, surveyAnswers };
export type ComplaintAction = ComplaintView['allowedActions'][number];
export { useStations } from '../../lib/org-queries.ts';

export const complaintRoles = {
  read: bureauStaffRoles,
  reveal: caseWorkerRoles,
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

export function useComplaintStatistics(from: string, to: string) {
  return useQuery({
    queryKey: complaintKeys.statistics(from, to),
    queryFn: ({ signal }) => api.get<ComplaintStatisticsView>('/complaints/statistics', { from, to }, signal),
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
  return useFileStep<ComplaintView>(`/complaints/${id}`, complaintKeys.item(id), [['complaints', 'list'], complaintKeys.flags]);
}

export function useReveal(id: number) {
  return useMutation({ mutationFn: (reason: string) => api.post<RevealView>(`/complaints/${id}/reveal`, { reason }) });
}
