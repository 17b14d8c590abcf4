import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AbnormalReasonName,
  AnnualReportView,
  FilingRateView,
  ImportBatchView,
  ListingView,
  ObjectionView,
  ReminderResult,
  RepairView,
  SeriousView,
} from '../../../server/modules/credit/credit.schemas.ts';
import type { CaseListItem } from '../../../server/modules/enforcement/enforcement.schemas.ts';
import { api, apiUpload } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

export type {
  AbnormalReasonName,
  AnnualReportView,
  FilingRateView,
  ImportBatchView,
  ListingView,
  ObjectionView,
  ReminderResult,
  RepairView,
  SeriousView,
};
export type RepairTarget = 'abnormal_listing' | 'serious_violation';

const keys = {
  all: ['credit'] as const,
  reports: (query: object) => ['credit', 'reports', query] as const,
  rates: (year: number) => ['credit', 'rates', year] as const,
  listings: (query: object) => ['credit', 'listings', query] as const,
  serious: (query: object) => ['credit', 'serious', query] as const,
  repairs: (query: object) => ['credit', 'repairs', query] as const,
  objections: (query: object) => ['credit', 'objections', query] as const,
};

export interface ReportFilter {
  reportYear: number;
  filing?: 'filed' | 'not_filed';
  kind?: 'enterprise' | 'individual';
  page: number;
}

export const useAnnualReports = (filter: ReportFilter) =>
  useQuery({
    queryKey: keys.reports(filter),
    queryFn: ({ signal }) => api.get<Page<AnnualReportView>>('/credit/annual-reports', { ...filter, pageSize: 20 }, signal),
  });

export const useFilingRates = (reportYear: number, enabled: boolean) =>
  useQuery({
    queryKey: keys.rates(reportYear),
    queryFn: ({ signal }) => api.get<FilingRateView>('/credit/annual-reports/rates', { reportYear }, signal),
    enabled,
  });

export const useListings = (query: { status?: string; isSeriousCandidate?: boolean; page: number }) =>
  useQuery({
    queryKey: keys.listings(query),
    queryFn: ({ signal }) => api.get<Page<ListingView>>('/credit/abnormal-listings', { ...query, pageSize: 20 }, signal),
  });

export const useSerious = (page: number) =>
  useQuery({
    queryKey: keys.serious({ page }),
    queryFn: ({ signal }) => api.get<Page<SeriousView>>('/credit/serious-violations', { page, pageSize: 20 }, signal),
  });

export const useRepairs = (query: { status?: string; page: number }) =>
  useQuery({
    queryKey: keys.repairs(query),
    queryFn: ({ signal }) => api.get<Page<RepairView>>('/credit/repairs', { ...query, pageSize: 20 }, signal),
  });

export const useObjections = (query: { status?: string; isOpen?: boolean; page: number }) =>
  useQuery({
    queryKey: keys.objections(query),
    queryFn: ({ signal }) => api.get<Page<ObjectionView>>('/credit/objections', { ...query, pageSize: 20 }, signal),
  });

/** Decided cases (a penalty decision exists) matching `q`: the ground of a serious-violation listing. */
export const useDecidedCases = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['credit', 'decided-cases', q],
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<CaseListItem>>('/cases', { pageSize: 50, ...(q.trim() ? { q: q.trim() } : {}) }, signal);
      return page.items.filter((item) => item.decidedOn !== null && item.entityId !== null);
    },
    enabled,
  });

/** Entities the user may act on (the registry search is scoped: a station's streets, an operator's own). */
export const useEntitySearch = (q: string) =>
  useQuery({
    queryKey: ['credit', 'entity-search', q],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: number; name: string; creditCode: string }>>(
        '/entities',
        { pageSize: 50, ...(q.trim() ? { q: q.trim() } : {}) },
        signal,
      ),
  });

function useInvalidating<TBody, TResult>(call: (body: TBody) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useFileReport = () =>
  useInvalidating((body: { entityId: number; reportYear: number; filedOn: string; channel: 'online' | 'paper' | 'staff' }) =>
    api.post<AnnualReportView>('/credit/annual-reports', body),
  );
export const useSendReminders = () =>
  useInvalidating((body: { reportYear: number }) => api.post<ReminderResult>('/credit/annual-reports/reminders', body));
export const useCreateListing = () =>
  useInvalidating((body: { entityId: number; reason: AbnormalReasonName; reportYear?: number; decidedOn: string }) =>
    api.post<ListingView>('/credit/abnormal-listings', body),
  );
export const useRemoveListing = () =>
  useInvalidating(({ id, ...body }: { id: number; removedOn: string; removalReason: string }) =>
    api.post<ListingView>(`/credit/abnormal-listings/${id}/removal`, body),
  );
export const useMoveToSerious = () =>
  useInvalidating((body: { abnormalListingId: number; listedOn: string }) => api.post<SeriousView>('/credit/serious-violations', body));
export const useApplyRepair = () =>
  useInvalidating((body: { target: 'abnormal_listing' | 'serious_violation'; targetId: number; statement: string }) =>
    api.post<RepairView>('/credit/repairs', body),
  );
export const useFileObjection = () =>
  useInvalidating((body: { target: RepairTarget; targetId: number; grounds: string }) =>
    api.post<ObjectionView>('/credit/objections', body),
  );
export const useAcceptObjection = () =>
  useInvalidating(({ id, ...body }: { id: number; isAccepted: boolean; note: string }) =>
    api.post<ObjectionView>(`/credit/objections/${id}/acceptance`, body),
  );
export const useDecideObjection = () =>
  useInvalidating(({ id, ...body }: { id: number; outcome: 'upheld' | 'dismissed'; note: string }) =>
    api.post<ObjectionView>(`/credit/objections/${id}/decision`, body),
  );
export const useListFromCase = () =>
  useInvalidating((body: { caseId: number; listedOn: string; superiorConsent: string }) =>
    api.post<SeriousView>('/credit/serious-violations/from-case', body),
  );
export const useCommitImport = () =>
  useInvalidating((batch: ImportBatchView) => api.post<ImportBatchView>(`/credit/annual-reports/imports/${batch.id}/commit`, {}));
export const useDecideRepair = () =>
  useInvalidating(({ id, ...body }: { id: number; status: 'approved' | 'rejected'; decisionNote: string }) =>
    api.post<RepairView>(`/credit/repairs/${id}/decision`, body),
  );

/** The registration system's extract of a report year, as the raw body: the dry run. */
export const useImportFilings = (reportYear: number) =>
  useInvalidating((file: File) =>
    apiUpload<ImportBatchView>('POST', '/credit/annual-reports/imports', file, { reportYear, filename: file.name }),
  );
