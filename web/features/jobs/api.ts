import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import type { JobRun, JobView, Page } from '../../lib/api-types.ts';

export interface JobRunSearch {
  job?: string;
  page: number;
  pageSize: number;
}

export const jobKeys = {
  list: ['jobs', 'list'] as const,
  runs: (params: JobRunSearch) => ['jobs', 'runs', params] as const,
};

export function useJobs() {
  return useQuery({ queryKey: jobKeys.list, queryFn: ({ signal }) => api.get<Page<JobView>>('/jobs', {}, signal) });
}

export function useJobRuns(params: JobRunSearch) {
  return useQuery({
    queryKey: jobKeys.runs(params),
    queryFn: ({ signal }) => api.get<Page<JobRun>>('/jobs/runs', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}
