import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseList,
  CaseListItem,
  CaseListQuery,
  CaseStatisticsView,
  CaseView,
  MajorCriteriaView,
  OpenCaseBody,
} from '../../../server/modules/enforcement/enforcement.schemas.ts';
import { caseSources, caseStages, notFiledGrounds, penaltyKinds, violationTypes } from '../../../shared/vocabularies/enforcement.ts';
import { useFileStep } from '../../components/step-dialog.tsx';
import { api } from '../../lib/api-client.ts';

export type { CaseList, CaseListItem, CaseStatisticsView, CaseView, MajorCriteriaView, OpenCaseBody };
export { caseSources, caseStages, notFiledGrounds, penaltyKinds, violationTypes };
export type CaseStage = CaseView['stage'];
export type PenaltyKind = CaseView['penalties'][number]['kind'];
export type CaseDocumentKind = CaseView['documents'][number];

export const caseKeys = {
  all: ['cases'] as const,
  list: (params: CaseListQuery) => ['cases', 'list', params] as const,
  item: (id: number) => ['cases', 'item', id] as const,
  statistics: (from: string, to: string) => ['cases', 'statistics', from, to] as const,
  criteria: ['cases', 'major-criteria'] as const,
};

export function useCases(params: CaseListQuery) {
  return useQuery({
    queryKey: caseKeys.list(params),
    queryFn: ({ signal }) => api.get<CaseList>('/cases', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: number) {
  return useQuery({
    queryKey: caseKeys.item(id),
    queryFn: ({ signal }) => api.get<CaseView>(`/cases/${id}`, {}, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCaseStatistics(from: string, to: string) {
  return useQuery({
    queryKey: caseKeys.statistics(from, to),
    queryFn: ({ signal }) => api.get<CaseStatisticsView>('/cases/statistics', { from, to }, signal),
  });
}

export function useMajorCriteria() {
  return useQuery({
    queryKey: caseKeys.criteria,
    queryFn: ({ signal }) => api.get<MajorCriteriaView>('/cases/major-criteria', {}, signal),
  });
}

export function useOpenCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenCaseBody) => api.post<CaseView>('/cases', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

/** A step on a case: POST or PUT /cases/:id/<path>; the case file comes back. */
export function useCaseStep(id: number) {
  return useFileStep<CaseView>(`/cases/${id}`, caseKeys.item(id), [['cases', 'list']]);
}

export const documentUrl = (id: number, kind: CaseDocumentKind) => `/api/v1/cases/${id}/document?kind=${kind}`;
