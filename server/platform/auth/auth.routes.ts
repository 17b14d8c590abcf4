import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../http/context.ts';
import { actorContextOf, contextOf } from '../http/context.ts';
import { NoBody, NoContent, type RoutePlugin, requireRole } from '../http/routes.ts';
import { LoginBody, MeView, PasswordChangeBody, SignInResult, TotpBody, TotpEnrolmentView } from './auth.schemas.ts';
import {
  type AuthSettings,
  authenticate,
  changePassword,
  completeTotpSignIn,
  confirmTotpEnrolment,
  login,
  logout,
  startTotpEnrolment,
} from './auth.service.ts';
import { describeMe } from './me.service.ts';
import { sessionCacheOf } from './session-cache.ts';

export function authSettingsOf(platform: Platform): AuthSettings {
  return {
    idleMinutes: platform.config.ZHIJIAN_SESSION_IDLE_MINUTES,
    absoluteHours: platform.config.ZHIJIAN_SESSION_ABSOLUTE_HOURS,
    isTotpRequiredForStaff: platform.config.NODE_ENV === 'production',
  };
}

export function isSecureDeployment(platform: Platform): boolean {
  return platform.config.ZHIJIAN_PUBLIC_URL?.startsWith('https://') ?? false;
}

export function sessionCookieName(platform: Platform): string {
  // The __Host- prefix makes the browser refuse the cookie unless it is Secure, host-only and path /.
  return isSecureDeployment(platform) ? '__Host-zj_sid' : 'zj_sid';
}

function setSessionCookie(platform: Platform, reply: FastifyReply, token: string) {
  reply.setCookie(sessionCookieName(platform), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecureDeployment(platform),
  });
}

/** onRequest hook: the session cookie → request.actor (and the pending sign-in stage, if any). */
export function sessionHook(platform: Platform) {
  const settings = authSettingsOf(platform);
  const cache = sessionCacheOf(platform.database);
  return async (request: FastifyRequest) => {
    const token = request.cookies[sessionCookieName(platform)];
    if (!token || !request.url.startsWith('/api/')) return;
    const session = await authenticate(contextOf(platform, request), token, settings, cache);
    if (!session) return;
    request.sessionTokenHash = session.tokenHash;
    request.pendingSession = session;
    request.actor = session.actor;
  };
}

export const authRoutes: RoutePlugin = (app, platform) => {
  const settings = authSettingsOf(platform);
  const loginRateLimit = { max: platform.config.ZHIJIAN_LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' };

  app.post(
    '/api/v1/auth/login',
    { schema: { tags: ['auth'], body: LoginBody, response: { 200: SignInResult } }, config: { rateLimit: loginRateLimit } },
    async (request, reply) => {
      const outcome = await login(contextOf(platform, request), settings, request.body);
      setSessionCookie(platform, reply, outcome.token);
      if (outcome.status !== 'signed_in') return { status: outcome.status };
      return { status: outcome.status, user: await describeMe({ ...contextOf(platform, request), actor: outcome.actor }) };
    },
  );

  app.post(
    '/api/v1/auth/totp',
    { schema: { tags: ['auth'], body: TotpBody, response: { 200: SignInResult } }, config: { rateLimit: loginRateLimit } },
    async (request, reply) => {
      const ctx = contextOf(platform, request);
      const signedIn = await completeTotpSignIn(ctx, settings, request.pendingSession, request.body.code);
      setSessionCookie(platform, reply, signedIn.token);
      return { status: 'signed_in' as const, user: await describeMe({ ...ctx, actor: signedIn.actor }) };
    },
  );

  app.post(
    '/api/v1/auth/totp/enrolment',
    { schema: { tags: ['auth'], body: NoBody, response: { 200: TotpEnrolmentView } } },
    async (request) => startTotpEnrolment(contextOf(platform, request), request.pendingSession),
  );

  app.post(
    '/api/v1/auth/totp/enrolment/confirm',
    { schema: { tags: ['auth'], body: TotpBody, response: { 200: SignInResult } }, config: { rateLimit: loginRateLimit } },
    async (request, reply) => {
      const ctx = contextOf(platform, request);
      const signedIn = await confirmTotpEnrolment(ctx, settings, request.pendingSession, request.body.code);
      setSessionCookie(platform, reply, signedIn.token);
      return { status: 'signed_in' as const, user: await describeMe({ ...ctx, actor: signedIn.actor }) };
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], body: NoBody, response: { 204: NoContent } } }, async (request, reply) => {
    if (request.pendingSession) await logout(contextOf(platform, request), request.pendingSession);
    reply.clearCookie(sessionCookieName(platform), { path: '/' });
    return reply.status(204).send();
  });

  const cache = sessionCacheOf(platform.database);
  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], response: { 200: MeView } }, preHandler: requireRole() }, async (request) => {
    // Kept with the cached session: every change to what it shows drops the session from the cache (session-cache.ts).
    const cached = request.sessionTokenHash ? cache.entryOf(request.sessionTokenHash) : undefined;
    if (cached?.me && cached.session.actor === request.actor) return cached.me;
    const readGeneration = cache.beginRead();
    const me = await describeMe(actorContextOf(platform, request));
    if (cached && cached.session.actor === request.actor) cache.rememberMe(cached, me, readGeneration);
    return me;
  });

  app.post(
    '/api/v1/auth/password',
    // Rate-limited like sign-in: a session must not be a way to guess the current password quickly.
    {
      schema: { tags: ['auth'], body: PasswordChangeBody, response: { 204: NoContent } },
      preHandler: requireRole(),
      config: { rateLimit: loginRateLimit },
    },
    async (request, reply) => {
      await changePassword(actorContextOf(platform, request), request.body, request.sessionTokenHash ?? '');
      return reply.status(204).send();
    },
  );
};
