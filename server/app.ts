import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Role } from '../shared/roles.ts';
import { coldChainFigures, coldChainJobs, coldChainRoutes } from './modules/cold-chain/index.ts';
import { complaintFigures, complaintJobs, complaintRoutes } from './modules/complaints/index.ts';
import { consumerConfidenceFigures, consumerConfidenceJobs, consumerConfidenceRoutes } from './modules/consumer-confidence/index.ts';
import { creditFigures, creditJobs, creditRoutes } from './modules/credit/index.ts';
import { dashboardRoutes } from './modules/dashboards/index.ts';
import { enforcementFigures, enforcementRoutes } from './modules/enforcement/index.ts';
import { foodSafetyFigures, foodSafetyJobs, foodSafetyRoutes } from './modules/food-safety/index.ts';
import { marketFigures, marketRoutes } from './modules/markets/index.ts';
import { pharmacyFigures, pharmacyJobs, pharmacyRoutes } from './modules/pharmacies/index.ts';
import { productQualityFigures, productQualityJobs, productQualityRoutes } from './modules/product-quality/index.ts';
import { randomInspectionFigures, randomInspectionJobs, randomInspectionRoutes } from './modules/random-inspections/index.ts';
import { registryFigures, registryRoutes } from './modules/registry/index.ts';
import { listenForPublicPageChanges, riskCodeFigures, riskCodeJobs, riskCodeRoutes } from './modules/risk-code/index.ts';
import { samplingFigures, samplingRoutes } from './modules/sampling/index.ts';
import { specialEquipmentFigures, specialEquipmentJobs, specialEquipmentRoutes } from './modules/special-equipment/index.ts';
import { workshopFigures, workshopJobs, workshopRoutes } from './modules/workshops/index.ts';
import { accountRoutes } from './platform/accounts/accounts.routes.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { authRoutes, isSecureDeployment, sessionHook } from './platform/auth/auth.routes.ts';
import { listenForSessionChanges } from './platform/auth/session-cache.ts';
import { calendarRoutes } from './platform/calendar/calendar.routes.ts';
import { frameworkProblem, invalidRequest, registerProblemHandlers } from './platform/errors/problem.ts';
import type { FigureDefinition } from './platform/figures/figure-definition.ts';
import { figureRoutes } from './platform/figures/figures.routes.ts';
import type { Platform } from './platform/http/context.ts';
import { csrfOriginCheck } from './platform/http/csrf.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { isCalendarDate, isCalendarDateTime, unstorableInputFields, withStorableBounds } from './platform/http/input-guard.ts';
import { type AppInstance, allowedRolesOf, type RoutePlugin, requireRole } from './platform/http/routes.ts';
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
    ...productQualityJobs(platform),
    ...complaintJobs,
    ...riskCodeJobs(platform),
    ...workshopJobs(platform),
    ...creditJobs(platform),
    ...specialEquipmentJobs,
    ...pharmacyJobs(platform),
    ...consumerConfidenceJobs,
    ...coldChainJobs(platform),
  ];
}

/** Every module's figures (dashboards, statistics, the annual report), in one visible list. */
export function allFigures(): readonly FigureDefinition[] {
  return [
    ...registryFigures,
    ...foodSafetyFigures,
    ...riskCodeFigures,
    ...workshopFigures,
    ...randomInspectionFigures,
    ...samplingFigures,
    ...complaintFigures,
    ...enforcementFigures,
    ...specialEquipmentFigures,
    ...pharmacyFigures,
    ...creditFigures,
    ...productQualityFigures,
    ...coldChainFigures,
    ...marketFigures,
    ...consumerConfidenceFigures,
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
    figureRoutes(allFigures()),
    dashboardRoutes(allFigures()),
    registryRoutes,
    samplingRoutes,
    enforcementRoutes,
    complaintRoutes,
    randomInspectionRoutes,
    foodSafetyRoutes,
    riskCodeRoutes,
    workshopRoutes,
    specialEquipmentRoutes,
    pharmacyRoutes,
    marketRoutes,
    consumerConfidenceRoutes,
    creditRoutes,
    productQualityRoutes,
    coldChainRoutes,
  ];
}

export interface RegisteredRoute {
  method: string;
  url: string;
  /** Roles its requireRole() admits: undefined when public, [] for any signed-in user. */
  roles?: readonly Role[];
}
const routeTables = new WeakMap<object, RegisteredRoute[]>();

/** Every route the app registered (method and URL pattern): the scope-isolation and fuzz harnesses walk these. */
export function registeredRoutes(app: AppInstance): readonly RegisteredRoute[] {
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
      // A date is a day that exists (no 2026-02-30), within years the database and the date arithmetic hold.
      onCreate: (ajv: { addFormat(name: string, validate: (text: string) => boolean): unknown }) => {
        ajv.addFormat('date', isCalendarDate);
        ajv.addFormat('date-time', isCalendarDateTime);
      },
    },
    frameworkErrors: frameworkProblem,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerProblemHandlers(app);
  // Every route, also one added later: bounded numbers and real dates in its schema; no NUL, no broken Unicode,
  // no number beyond what can be stored in what it receives (platform/http/input-guard.ts).
  app.addHook('onRoute', (route) => {
    if (!route.schema) return;
    const { body, querystring, params } = route.schema as Record<string, unknown>;
    route.schema = {
      ...route.schema,
      ...(body ? { body: withStorableBounds(body) } : {}),
      ...(querystring ? { querystring: withStorableBounds(querystring) } : {}),
      ...(params ? { params: withStorableBounds(params) } : {}),
    };
  });
  app.addHook('preHandler', async (request) => {
    const unstorable = unstorableInputFields(request);
    if (unstorable.length) throw invalidRequest({}, unstorable);
  });
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
  // In production the API's description is for signed-in users only.
  const docsAccess = platform.config.NODE_ENV === 'production' ? requireRole() : undefined;
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', ...(docsAccess ? { uiHooks: { preHandler: docsAccess } } : {}) });

  app.addHook('onRequest', csrfOriginCheck(platform));
  app.addHook('onRequest', sessionHook(platform));
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/v1/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  const routeTable: RegisteredRoute[] = [];
  routeTables.set(app, routeTable);
  app.addHook('onRoute', (route) => {
    const roles = allowedRolesOf(route.preHandler);
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url, ...(roles ? { roles } : {}) });
  });
  for (const routes of allRoutes(platform)) await routes(app, platform);
  // In-memory caches that other processes on the same database must be able to empty (LISTEN/NOTIFY).
  const stopListening = await listenForPublicPageChanges(platform.database);
  app.addHook('onClose', () => stopListening());
  const stopListeningForSessions = await listenForSessionChanges(platform.database);
  app.addHook('onClose', () => stopListeningForSessions());
  app.get('/api/openapi.json', { schema: { hide: true }, ...(docsAccess ? { preHandler: docsAccess } : {}) }, () => app.swagger());

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
