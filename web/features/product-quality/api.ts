import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BrandFirmList,
  CatalogueEditionList,
  CatalogueImportResult,
  CataloguePlanView,
  CatalogueProductBody,
  CatalogueProductList,
  CatalogueProductUpdateBody,
  CatalogueProductView,
  ExemptionBody,
  ExemptionUpdateBody,
  ExemptionView,
  GradeHistoryList,
  GroupStandardBody,
  GroupStandardList,
  GroupStandardUpdateBody,
  GroupStandardView,
  IpImportResult,
  IpStatisticsView,
  MakerBody,
  MakerList,
  MakerUpdateBody,
  MakerView,
} from '../../../server/modules/product-quality/product-quality.schemas.ts';
import { api, apiUpload } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

export type {
  BrandFirmList,
  CatalogueEditionList,
  CatalogueImportResult,
  CataloguePlanView,
  CatalogueProductBody,
  CatalogueProductList,
  CatalogueProductUpdateBody,
  CatalogueProductView,
  ExemptionBody,
  ExemptionUpdateBody,
  ExemptionView,
  GradeHistoryList,
  GroupStandardBody,
  GroupStandardList,
  GroupStandardUpdateBody,
  GroupStandardView,
  IpImportResult,
  IpStatisticsView,
  MakerBody,
  MakerList,
  MakerUpdateBody,
  MakerView,
};

const keys = {
  all: ['product-quality'] as const,
  makers: (query: object) => ['product-quality', 'makers', query] as const,
  exemptions: (query: object) => ['product-quality', 'exemptions', query] as const,
  brandFirms: ['product-quality', 'brand-firms'] as const,
  ip: (year: number) => ['product-quality', 'ip', year] as const,
  history: (id: number) => ['product-quality', 'grade-history', id] as const,
  standards: (query: object) => ['product-quality', 'group-standards', query] as const,
  editions: ['product-quality', 'catalogue', 'editions'] as const,
  catalogue: (query: object) => ['product-quality', 'catalogue', 'products', query] as const,
  cataloguePlan: (year: number) => ['product-quality', 'catalogue', 'plan', year] as const,
};

export const useCatalogueEditions = () =>
  useQuery({
    queryKey: keys.editions,
    queryFn: ({ signal }) => api.get<CatalogueEditionList>('/product-quality/catalogue/editions', {}, signal),
  });

export const useCatalogueProducts = (query: { category?: string; q?: string; status?: string; page: number }) =>
  useQuery({
    queryKey: keys.catalogue(query),
    queryFn: ({ signal }) => api.get<CatalogueProductList>('/product-quality/catalogue/products', { ...query, pageSize: 20 }, signal),
  });

export const useCataloguePlan = (year: number) =>
  useQuery({
    queryKey: keys.cataloguePlan(year),
    queryFn: ({ signal }) => api.get<CataloguePlanView>('/product-quality/catalogue/plan', { year }, signal),
  });

export const useMakers = (query: { grade?: string; isDue?: boolean; page: number }) =>
  useQuery({
    queryKey: keys.makers(query),
    queryFn: ({ signal }) => api.get<MakerList>('/product-quality/makers', { ...query, pageSize: 20 }, signal),
  });

export const useExemptions = (query: { isDue?: boolean; status?: string; page: number }) =>
  useQuery({
    queryKey: keys.exemptions(query),
    queryFn: ({ signal }) => api.get<Page<ExemptionView>>('/product-quality/ccc-exemptions', { ...query, pageSize: 20 }, signal),
  });

export const useBrandFirms = () =>
  useQuery({ queryKey: keys.brandFirms, queryFn: ({ signal }) => api.get<BrandFirmList>('/product-quality/brand-firms', {}, signal) });

export const useIpStatistics = (year: number) =>
  useQuery({
    queryKey: keys.ip(year),
    queryFn: ({ signal }) => api.get<IpStatisticsView>('/product-quality/ip-statistics', { year }, signal),
  });

export const useGradeHistory = (id: number) =>
  useQuery({
    queryKey: keys.history(id),
    queryFn: ({ signal }) => api.get<GradeHistoryList>(`/product-quality/makers/${id}/grade-history`, {}, signal),
  });

export const useGroupStandards = (query: { year?: number; status?: string; page: number }) =>
  useQuery({
    queryKey: keys.standards(query),
    queryFn: ({ signal }) => api.get<GroupStandardList>('/product-quality/group-standards', { ...query, pageSize: 20 }, signal),
  });

function useInvalidating<TBody, TResult>(call: (body: TBody) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useRecordInspection = () =>
  useInvalidating((body: { id: number; inspectedOn: string }) =>
    api.post<MakerView>(`/product-quality/makers/${body.id}/inspections`, { inspectedOn: body.inspectedOn }),
  );

export const useRecordFollowUp = () =>
  useInvalidating((body: { id: number; checkedOn: string; result: 'compliant' | 'non_compliant'; note?: string }) => {
    const { id, ...check } = body;
    return api.post<ExemptionView>(`/product-quality/ccc-exemptions/${id}/follow-ups`, check);
  });

export const useCreateMaker = () => useInvalidating((body: MakerBody) => api.post<MakerView>('/product-quality/makers', body));
export const useUpdateMaker = () =>
  useInvalidating(({ id, ...body }: MakerUpdateBody & { id: number }) => api.patch<MakerView>(`/product-quality/makers/${id}`, body));

export const useCreateExemption = () =>
  useInvalidating((body: ExemptionBody) => api.post<ExemptionView>('/product-quality/ccc-exemptions', body));
export const useUpdateExemption = () =>
  useInvalidating(({ id, ...body }: ExemptionUpdateBody & { id: number }) =>
    api.patch<ExemptionView>(`/product-quality/ccc-exemptions/${id}`, body),
  );

export const useCreateGroupStandard = () =>
  useInvalidating((body: GroupStandardBody) => api.post<GroupStandardView>('/product-quality/group-standards', body));
export const useUpdateGroupStandard = () =>
  useInvalidating(({ id, ...body }: GroupStandardUpdateBody & { id: number }) =>
    api.patch<GroupStandardView>(`/product-quality/group-standards/${id}`, body),
  );

export const useCreateCatalogueProduct = () =>
  useInvalidating((body: CatalogueProductBody) => api.post<CatalogueProductView>('/product-quality/catalogue/products', body));
export const useUpdateCatalogueProduct = () =>
  useInvalidating(({ id, ...body }: CatalogueProductUpdateBody & { id: number }) =>
    api.patch<CatalogueProductView>(`/product-quality/catalogue/products/${id}`, body),
  );

/** An IP extract: good rows are written, bad rows come back with their reasons. */
export const useImportIpExtract = () =>
  useInvalidating((file: File) => apiUpload<IpImportResult>('POST', '/product-quality/ip-imports', file, { filename: file.name }));
/** A catalogue file: written only when every row is clean, else every bad row comes back with its reasons. */
export const useImportCatalogue = () =>
  useInvalidating((file: File) =>
    apiUpload<CatalogueImportResult>('POST', '/product-quality/catalogue/imports', file, { filename: file.name }),
  );
