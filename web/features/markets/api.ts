import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CleaningBody,
  HandleLotBody,
  ImportResult,
  InspectionBody,
  InspectionView,
  MarketBody,
  MarketDetail,
  MarketSummary,
  MarketUpdateBody,
  NewScreenTokenView,
  PriceList,
  PricesBody,
  RapidTestBody,
  RapidTestView,
  ScaleBody,
  ScaleView,
  ScreenTokenView,
  ScreenView,
  SettingsBody,
  SettingsView,
  StallBody,
  StallUpdateBody,
  StallView,
  StarRatingView,
} from '../../../server/modules/markets/markets.schemas.ts';
import { api, apiRequest } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

export type {
  ImportResult,
  InspectionView,
  MarketDetail,
  MarketSummary,
  NewScreenTokenView,
  PriceList,
  RapidTestBody,
  RapidTestView,
  ScaleView,
  ScreenView,
  SettingsBody,
  SettingsView,
  StallView,
  StarRatingView,
};

const put = <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body });

export const marketKeys = {
  all: ['markets'] as const,
  list: ['markets', 'list'] as const,
  market: (id: number) => ['markets', id] as const,
  progress: ['markets', 'progress'] as const,
  tokens: ['markets', 'screen-tokens'] as const,
  screen: ['markets', 'screen'] as const,
  settings: ['markets', 'settings'] as const,
};

export interface StarProgress {
  on: string;
  markets: number;
  urbanMarkets: number;
  urbanAtLeastTwo: number;
  atLeastThree: number;
  atLeastThreePercent: number;
  urbanTargetMet: boolean;
  threeStarTargetMet: boolean;
}

export function useMarkets() {
  return useQuery({ queryKey: marketKeys.list, queryFn: ({ signal }) => api.get<Page<MarketSummary>>('/markets', {}, signal) });
}

export function useStarProgress(enabled: boolean) {
  return useQuery({
    queryKey: marketKeys.progress,
    enabled,
    queryFn: ({ signal }) => api.get<StarProgress>('/markets/star-progress', {}, signal),
  });
}

export function useMarket(id: number) {
  return useQuery({ queryKey: marketKeys.market(id), queryFn: ({ signal }) => api.get<MarketDetail>(`/markets/${id}`, {}, signal) });
}

export function useStalls(id: number) {
  return useQuery({
    queryKey: [...marketKeys.market(id), 'stalls'],
    queryFn: ({ signal }) => api.get<Page<StallView>>(`/markets/${id}/stalls`, {}, signal),
  });
}

export function useRapidTests(id: number, blocked: boolean) {
  return useQuery({
    queryKey: [...marketKeys.market(id), 'tests', blocked],
    queryFn: ({ signal }) => api.get<Page<RapidTestView>>(`/markets/${id}/rapid-tests`, blocked ? { blocked: 'true' } : {}, signal),
  });
}

export function usePrices(id: number) {
  return useQuery({
    queryKey: [...marketKeys.market(id), 'prices'],
    queryFn: ({ signal }) => api.get<PriceList>(`/markets/${id}/prices`, {}, signal),
  });
}

export function useScales(id: number) {
  return useQuery({
    queryKey: [...marketKeys.market(id), 'scales'],
    queryFn: ({ signal }) => api.get<Page<ScaleView>>(`/markets/${id}/scales`, {}, signal),
  });
}

export function useStarRatings(id: number) {
  return useQuery({
    queryKey: [...marketKeys.market(id), 'stars'],
    queryFn: ({ signal }) => api.get<Page<StarRatingView>>(`/markets/${id}/star-ratings`, {}, signal),
  });
}

/** Every write on a market refreshes that market's queries and the list. */
function useMarketMutation<Input, Output>(id: number, send: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: marketKeys.market(id) });
      await client.invalidateQueries({ queryKey: marketKeys.list });
    },
  });
}

export const useRecordRapidTest = (id: number) =>
  useMarketMutation(id, (body: RapidTestBody) => api.post<RapidTestView>(`/markets/${id}/rapid-tests`, body));
export const useImportRapidTests = (id: number) =>
  useMarketMutation(id, (body: { csv: string; dryRun?: boolean }) => api.post<ImportResult>(`/markets/${id}/rapid-tests/import`, body));
export const useHandleLot = (id: number) =>
  useMarketMutation(id, ({ testId, ...body }: HandleLotBody & { testId: number }) =>
    api.post<RapidTestView>(`/markets/rapid-tests/${testId}/handle`, body),
  );
export const useReportPrices = (id: number) =>
  useMarketMutation(id, (body: PricesBody) => api.post<PriceList>(`/markets/${id}/prices`, body));
export const useRecordCleaning = (id: number) => useMarketMutation(id, (body: CleaningBody) => api.post(`/markets/${id}/cleaning`, body));
export const useCreateStall = (id: number) =>
  useMarketMutation(id, (body: StallBody) => api.post<StallView>(`/markets/${id}/stalls`, body));
export const useUpdateStall = (id: number) =>
  useMarketMutation(id, ({ stallId, ...body }: StallUpdateBody & { stallId: number }) =>
    put<StallView>(`/markets/stalls/${stallId}`, body),
  );
export const useRegisterScale = (id: number) =>
  useMarketMutation(id, (body: ScaleBody) => api.post<ScaleView>(`/markets/${id}/scales`, body));
export const useUpdateMarket = (id: number) => useMarketMutation(id, (body: MarketUpdateBody) => put<MarketDetail>(`/markets/${id}`, body));
export const useRecordInspection = (id: number) =>
  useMarketMutation(id, (body: InspectionBody) => api.post<InspectionView>(`/markets/${id}/inspections`, body));

export function useInspections(id: number) {
  return useQuery({
    queryKey: [...marketKeys.market(id), 'inspections'],
    queryFn: ({ signal }) => api.get<Page<InspectionView>>(`/markets/${id}/inspections`, {}, signal),
  });
}

/** Registers a farmers' market of the registry (section staff). */
export function useRegisterMarket() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MarketBody) => api.post<MarketDetail>('/markets', body),
    onSuccess: () => client.invalidateQueries({ queryKey: marketKeys.list }),
  });
}

/** The bureau's settings for markets in force today (key products, anomaly threshold, stars, scales, check-list). */
export function useMarketSettings() {
  return useQuery({ queryKey: marketKeys.settings, queryFn: ({ signal }) => api.get<SettingsView>('/markets/settings', {}, signal) });
}

export function useSaveMarketSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsBody) => put<SettingsView>('/markets/settings', body),
    onSuccess: () => client.invalidateQueries({ queryKey: marketKeys.all }),
  });
}

export function useMarketScreenTokens() {
  return useQuery({
    queryKey: marketKeys.tokens,
    queryFn: ({ signal }) => api.get<Page<ScreenTokenView>>('/markets/screen-tokens', {}, signal),
  });
}

export function useCreateMarketScreenToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { label: string; marketId: number | null }) => api.post<NewScreenTokenView>('/markets/screen-tokens', body),
    onSuccess: () => client.invalidateQueries({ queryKey: marketKeys.tokens }),
  });
}

export function useRevokeMarketScreenToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<ScreenTokenView>(`/markets/screen-tokens/${id}/revoke`),
    onSuccess: () => client.invalidateQueries({ queryKey: marketKeys.tokens }),
  });
}

export class MarketScreenTokenRejected extends Error {}

/** The market screen's data, refreshed every 30 seconds (a positive test shows within half a minute); 401 stops it. */
export function useMarketScreen(token: string | null) {
  return useQuery({
    queryKey: [...marketKeys.screen, token],
    enabled: token !== null,
    refetchInterval: 30_000,
    retry: (count, error) => !(error instanceof MarketScreenTokenRejected) && count < 3,
    queryFn: async ({ signal }) => {
      const response = await fetch('/api/screen/v1/markets', { headers: { 'x-screen-token': token ?? '' }, signal });
      if (response.status === 401) throw new MarketScreenTokenRejected();
      if (!response.ok) throw new Error(`market screen: ${response.status}`);
      return (await response.json()) as ScreenView;
    },
  });
}
