import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CleaningBody,
  HandleLotBody,
  ImportResult,
  MarketDetail,
  MarketSummary,
  NewScreenTokenView,
  PriceList,
  PricesBody,
  RapidTestBody,
  RapidTestView,
  ScreenTokenView,
  ScreenView,
  StallView,
  StarRatingView,
} from '../../../server/modules/markets/markets.schemas.ts';
import { api } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

export type {
  ImportResult,
  MarketDetail,
  MarketSummary,
  NewScreenTokenView,
  PriceList,
  RapidTestBody,
  RapidTestView,
  ScreenView,
  StallView,
  StarRatingView,
};

export const marketKeys = {
  all: ['markets'] as const,
  list: ['markets', 'list'] as const,
  market: (id: number) => ['markets', id] as const,
  progress: ['markets', 'progress'] as const,
  tokens: ['markets', 'screen-tokens'] as const,
  screen: ['markets', 'screen'] as const,
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
    queryFn: ({ signal }) =>
      api.get<Page<{ id: number; serial: string; verifiedOn: string; validUntil: string; overdue: boolean }>>(
        `/markets/${id}/scales`,
        {},
        signal,
      ),
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
  useMarketMutation(id, (body: { number: string; category: StallView['category']; holderEntityId?: number | null }) =>
    api.post<StallView>(`/markets/${id}/stalls`, body),
  );

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
