import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import type { CreateUserBody, OrgUnit, Page, UpdateUserBody, UserView } from '../../lib/api-types.ts';

export interface UserListParams {
  q?: string;
  role?: string;
  page: number;
  pageSize: number;
}

export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
  orgUnits: ['org', 'units'] as const,
};

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<UserView>>('/users', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOrgUnits() {
  return useQuery({
    queryKey: userKeys.orgUnits,
    queryFn: ({ signal }) => api.get<Page<OrgUnit>>('/org/units', {}, signal),
    staleTime: 10 * 60_000,
  });
}

function useUserMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }) });
}

export function useCreateUser() {
  return useUserMutation((body: CreateUserBody) => api.post<{ user: UserView; initialPassword: string }>('/users', body));
}

export function useUpdateUser() {
  return useUserMutation(({ id, body }: { id: number; body: UpdateUserBody }) => api.patch<UserView>(`/users/${id}`, body));
}

export type UserAction = 'disable' | 'enable' | 'reset-totp';

export function useUserAction() {
  return useUserMutation(({ id, action }: { id: number; action: UserAction }) => api.post<UserView>(`/users/${id}/${action}`));
}

export function useResetPassword() {
  return useUserMutation((id: number) => api.post<{ initialPassword: string }>(`/users/${id}/reset-password`));
}
