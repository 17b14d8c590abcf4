import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import type { AuditChainReport, AuditEvent, Page } from '../../lib/api-types.ts';

export interface AuditSearch {
  action?: string;
  username?: string;
  objectType?: string;
  objectId?: string;
  /** ISO 8601 date-times. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const auditKeys = { search: (params: AuditSearch) => ['audit', 'search', params] as const };

export function useAuditEvents(params: AuditSearch) {
  return useQuery({
    queryKey: auditKeys.search(params),
    queryFn: ({ signal }) => api.get<Page<AuditEvent>>('/audit', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.post<AuditChainReport>('/audit/verify') });
}
