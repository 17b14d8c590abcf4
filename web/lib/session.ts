import { useQuery } from '@tanstack/react-query';
import type { Role } from '../../shared/roles.ts';
import { api } from './api-client.ts';
import type { Me } from './api-types.ts';

/** The signed-in user, shared by the shell and every feature. Sign-in steps write it with setQueryData. */
export const sessionKeys = { me: ['auth', 'me'] as const };

export function fetchMe(): Promise<Me> {
  return api.get<Me>('/auth/me');
}

export function useMe() {
  return useQuery({ queryKey: sessionKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function hasAnyRole(me: Pick<Me, 'roles'> | undefined, allowed: readonly Role[] | undefined): boolean {
  if (!allowed || allowed.length === 0) return true;
  return !!me && me.roles.some((role) => allowed.includes(role));
}
