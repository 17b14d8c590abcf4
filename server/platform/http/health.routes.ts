import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { queryRows } from '../../db/client.ts';
import type { RoutePlugin } from './routes.ts';

const packageVersion = '0.1.0';

const HealthView = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  version: Type.String(),
  database: Type.Object({
    engine: Type.String(),
    reachable: Type.Boolean(),
    serverVersion: Type.Optional(Type.String()),
    migration: Type.Optional(Type.String()),
  }),
});

export const healthRoutes: RoutePlugin = (app, platform) => {
  app.get('/api/health', { schema: { tags: ['health'], response: { 200: HealthView, 503: HealthView } } }, async (_request, reply) => {
    const database = { engine: platform.database.engine, reachable: false } as {
      engine: string;
      reachable: boolean;
      serverVersion?: string;
      migration?: string;
    };
    try {
      const [row] = await queryRows<{ server_version: string; migration: string | null }>(
        platform.database.db,
        sql`select current_setting('server_version') as server_version, (select max(version) from schema_migration) as migration`,
      );
      database.reachable = true;
      database.serverVersion = row?.server_version;
      if (row?.migration) database.migration = row.migration;
    } catch (error) {
      _request.log.warn({ err: error }, 'health check: database unreachable');
    }
    const body = { status: database.reachable ? ('ok' as const) : ('degraded' as const), version: packageVersion, database };
    return reply.status(database.reachable ? 200 : 503).send(body);
  });
};
