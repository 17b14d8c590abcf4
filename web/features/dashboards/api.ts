import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewScreenTokenView, ScreenTokenList, ScreenView } from '../../../server/modules/dashboards/dashboards.schemas.ts';
import { api } from '../../lib/api-client.ts';

export type { NewScreenTokenView, ScreenTokenList, ScreenView };

export const dashboardKeys = {
  screen: ['dashboards', 'screen'] as const,
  tokens: ['dashboards', 'screen-tokens'] as const,
};

/** The kiosk's token, from the page address's fragment (`#token=…`), which browsers never send to a server. */
export function screenTokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}

export class ScreenTokenRejected extends Error {}

/** The big screen's data, refreshed every minute; a revoked token stops it on the next refresh. */
export function useScreenData(token: string | null, refreshSeconds = 60) {
  return useQuery({
    queryKey: [...dashboardKeys.screen, token],
    enabled: token !== null,
    refetchInterval: refreshSeconds * 1000,
    retry: (count, error) => !(error instanceof ScreenTokenRejected) && count < 3,
    queryFn: async ({ signal }) => {
      const response = await fetch('/api/screen/v1/district', { headers: { 'x-screen-token': token ?? '' }, signal });
      if (response.status === 401) throw new ScreenTokenRejected();
      if (!response.ok) throw new Error(`screen data: ${response.status}`);
      return (await response.json()) as ScreenView;
    },
  });
}

export function useScreenTokens() {
  return useQuery({ queryKey: dashboardKeys.tokens, queryFn: ({ signal }) => api.get<ScreenTokenList>('/screen-tokens', {}, signal) });
}

export function useCreateScreenToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => api.post<NewScreenTokenView>('/screen-tokens', { label }),
    onSuccess: () => client.invalidateQueries({ queryKey: dashboardKeys.tokens }),
  });
}

export function useRevokeScreenToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post(`/screen-tokens/${id}/revoke`),
    onSuccess: () => client.invalidateQueries({ queryKey: dashboardKeys.tokens }),
  });
}
