import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { queryRows } from '../../db/client.ts';
import { type RoutePlugin, requireRole } from './routes.ts';

const packageVersion = '0.1.0';

const Liveness = Type.Object({ status: Type.Literal('ok') });
const Readiness = Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]) });
const HealthDetail = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  version: Type.String(),
  uptimeSeconds: Type.Integer(),
  rssBytes: Type.Integer(),
  database: Type.Object({
    engine: Type.String(),
    reachable: Type.Boolean(),
    serverVersion: Type.Optional(Type.String()),
    migration: Type.Optional(Type.String()),
  }),
});

/**
 * Three answers, for three askers. Liveness (`/api/health`): the process serves requests; touches nothing, tells
 * nothing — for a container's restart probe and anyone on the network. Readiness (`/api/health/ready`): the
 * database answers too — for a load balancer deciding where to send traffic. Detail (`/api/v1/system/health`):
 * versions and migration state, for admins only (an attacker learns nothing of what to aim at).
 */
export const healthRoutes: RoutePlugin = (app, platform) => {
  app.get('/api/health', { schema: { tags: ['health'], response: { 200: Liveness } } }, async () => ({ status: 'ok' as const }));

  app.get('/api/health/ready', { schema: { tags: ['health'], response: { 200: Readiness, 503: Readiness } } }, async (request, reply) => {
    try {
      await platform.database.db.execute(sql`select 1`);
      return { status: 'ok' as const };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness: database unreachable');
      return reply.status(503).send({ status: 'unavailable' as const });
    }
  });

  app.get(
    '/api/v1/system/health',
    { schema: { tags: ['health'], response: { 200: HealthDetail } }, preHandler: requireRole('admin') },
    async (request) => {
      const database: { engine: string; reachable: boolean; serverVersion?: string; migration?: string } = {
        engine: platform.database.engine,
        reachable: false,
      };
      try {
        const [row] = await queryRows<{ server_version: string; migration: string | null }>(
          platform.database.db,
          sql`select current_setting('server_version') as server_version, (select max(version) from schema_migration) as migration`,
        );
        database.reachable = true;
        if (row?.server_version) database.serverVersion = row.server_version;
        if (row?.migration) database.migration = row.migration;
      } catch (error) {
        request.log.warn({ err: error }, 'health detail: database unreachable');
      }
      return {
        status: database.reachable ? ('ok' as const) : ('degraded' as const),
        version: packageVersion,
        uptimeSeconds: Math.round(process.uptime()),
        rssBytes: process.memoryUsage.rss(),
        database,
      };
    },
  );
};
