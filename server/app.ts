import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { complaintJobs, complaintRoutes } from './modules/complaints/index.ts';
import { enforcementRoutes } from './modules/enforcement/index.ts';
import { foodSafetyJobs, foodSafetyRoutes } from './modules/food-safety/index.ts';
import { randomInspectionJobs, randomInspectionRoutes } from './modules/random-inspections/index.ts';
import { registryRoutes } from './modules/registry/index.ts';
import { riskCodeJobs, riskCodeRoutes } from './modules/risk-code/index.ts';
import { samplingRoutes } from './modules/sampling/index.ts';
import { workshopJobs, workshopRoutes } from './modules/workshops/index.ts';
import { accountRoutes } from './platform/accounts/accounts.routes.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { authRoutes, isSecureDeployment, sessionHook } from './platform/auth/auth.routes.ts';
import { calendarRoutes } from './platform/calendar/calendar.routes.ts';
import { registerProblemHandlers } from './platform/errors/problem.ts';
import type { Platform } from './platform/http/context.ts';
import { csrfOriginCheck } from './platform/http/csrf.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import type { AppInstance, RoutePlugin } from './platform/http/routes.ts';
import { securityHeadersHook } from './platform/http/security-headers.ts';
import { jobRoutes } from './platform/jobs/jobs.routes.ts';
import { platformJobs } from './platform/jobs/platform-jobs.ts';
import type { JobDefinition } from './platform/jobs/scheduler.ts';
import { orgRoutes } from './platform/org/org.routes.ts';
import { smsJobs } from './platform/sms/sms.jobs.ts';

export const webRoot = new URL('../dist/web/', import.meta.url).pathname;

/** Every recurring job of the application, in one visible list. */
export function allJobs(platform: Platform): JobDefinition[] {
  return [
    ...platformJobs(platform),
    ...smsJobs(platform),
    ...randomInspectionJobs(platform),
    ...foodSafetyJobs(platform),
    ...complaintJobs,
    ...riskCodeJobs(platform),
    ...workshopJobs(platform),
  ];
}

/** Every module's routes, in one visible list. */
function allRoutes(platform: Platform): RoutePlugin[] {
  return [
    healthRoutes,
    authRoutes,
    accountRoutes,
    orgRoutes,
    auditRoutes,
    calendarRoutes,
    jobRoutes(allJobs(platform)),
    registryRoutes,
    samplingRoutes,
    enforcementRoutes,
    complaintRoutes,
    randomInspectionRoutes,
    foodSafetyRoutes,
    riskCodeRoutes,
    workshopRoutes,
  ];
}

const routeTables = new WeakMap<object, { method: string; url: string }[]>();

/** Every route the app registered (method and URL pattern): the scope-isolation harness walks these. */
export function registeredRoutes(app: AppInstance): readonly { method: string; url: string }[] {
  return routeTables.get(app) ?? [];
}

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(platform: Platform, options: BuildOptions = {}): Promise<AppInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: platform.config.ZHIJIAN_TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    requestTimeout: 120_000,
    ajv: {
      // Reject unknown fields instead of silently dropping them, and report every bad field at once.
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true },
    },
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerProblemHandlers(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  // Security headers (CSP, framing, referrer…) computed once: see platform/http/security-headers.ts.
  app.addHook('onRequest', securityHeadersHook({ isSecure: isSecureDeployment(platform) }));
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Zhijian 智监 API', version: '1', description: 'Smart market-supervision platform' },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', csrfOriginCheck(platform));
  app.addHook('onRequest', sessionHook(platform));
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/v1/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  const routeTable: { method: string; url: string }[] = [];
  routeTables.set(app, routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });
  for (const routes of allRoutes(platform)) await routes(app, platform);
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  if (existsSync(`${webRoot}index.html`)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
    // The web app routes on the client: any other page URL gets index.html.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
  return app;
}
