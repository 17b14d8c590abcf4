import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InspectorConsistencyView } from '../../../server/modules/food-safety/food-safety.schemas.ts';
import type { AnnualReportView, FiguresView } from '../../../server/platform/figures/figures.schemas.ts';
import { api } from '../../lib/api-client.ts';

export type { AnnualReportView, FiguresView, InspectorConsistencyView };

const keys = {
  report: (year: number) => ['figures', 'annual-report', year] as const,
  consistency: (year: number) => ['figures', 'inspector-consistency', year] as const,
};

export const useAnnualReport = (year: number) =>
  useQuery({
    queryKey: keys.report(year),
    queryFn: ({ signal }) => api.get<AnnualReportView>('/reports/annual/content', { year }, signal),
    placeholderData: keepPreviousData,
  });

export const useInspectorConsistency = (year: number) =>
  useQuery({
    queryKey: keys.consistency(year),
    queryFn: ({ signal }) => api.get<InspectorConsistencyView>('/food-safety/inspector-consistency', { year }, signal),
    placeholderData: keepPreviousData,
  });

/** The .docx of a year's report: the browser downloads it from the API (the session cookie goes along). */
export const annualReportDocxUrl = (year: number) => `/api/v1/reports/annual?year=${year}`;
