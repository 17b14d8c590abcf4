import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import type { SignInResult, TotpEnrolment } from '../../lib/api-types.ts';
import { sessionKeys } from '../../lib/session.ts';

export const authKeys = { totpEnrolment: ['auth', 'totp-enrolment'] as const };

// Every sign-in step answers 401 for a wrong password or code: an error to show, not a lost session.
const signInStep = { isSignInStep: true };

export function startTotpEnrolment(): Promise<TotpEnrolment> {
  return api.post<TotpEnrolment>('/auth/totp/enrolment', {}, signInStep);
}

/** Stores the user a sign-in step returned, so the shell opens without asking the server again. */
function useSignedIn() {
  const queryClient = useQueryClient();
  return (result: SignInResult) => {
    if (result.status === 'signed_in') queryClient.setQueryData(sessionKeys.me, result.user);
  };
}

export function useLogin() {
  const handleSignedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<SignInResult>('/auth/login', body, signInStep),
    onSuccess: handleSignedIn,
  });
}

export function useTotpSignIn() {
  const handleSignedIn = useSignedIn();
  return useMutation({
    mutationFn: (code: string) => api.post<SignInResult>('/auth/totp', { code }, signInStep),
    onSuccess: handleSignedIn,
  });
}

export function useStartTotpEnrolment() {
  return useMutation({ mutationFn: startTotpEnrolment });
}

/** The enrolment a signed-in user starts from the user menu: fetched once per opening of the dialog. */
export function useTotpEnrolment() {
  return useQuery({
    queryKey: authKeys.totpEnrolment,
    queryFn: startTotpEnrolment,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useConfirmTotpEnrolment() {
  const handleSignedIn = useSignedIn();
  return useMutation({
    mutationFn: (code: string) => api.post<SignInResult>('/auth/totp/enrolment/confirm', { code }, signInStep),
    onSuccess: handleSignedIn,
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/auth/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.me }),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout', {}, signInStep),
    // Whatever the server said, forget everything this user saw.
    onSettled: () => queryClient.clear(),
  });
}
