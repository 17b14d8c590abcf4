// Runs the test suite on a three-node Citus cluster (docs/decisions/0020): the cluster of scripts/citus-cluster.ts
// (built and started unless it runs), a fresh database on every node, migrated (which distributes it), the same
// tests as `npm test` plus the Citus-only ones (*.citus-test.ts) against it; then the database is dropped and a
// cluster started here stopped.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { openPostgres } from '../server/db/client.ts';
import { createDatabase, dropDatabase } from '../server/db/database-server.ts';
import { migrate } from '../server/db/migrate.ts';
import { ensureCitusCluster } from './citus-cluster.ts';

/** Shards per distributed table in the test database: enough to spread the test districts over both workers. */
const testShardCount = 8;

const cluster = await ensureCitusCluster();
const name = `zhijian_test_${process.pid}`;
let status = 1;
try {
  const url = await createDatabase(cluster.url, name, { shardCount: testShardCount });
  const begin = performance.now();
  const database = await openPostgres(url, 2);
  await migrate(database);
  await database.close();
  console.log(`test:citus: ${name} migrated and distributed in ${((performance.now() - begin) / 1000).toFixed(1)} s`);
  const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.citus.config.ts', ...process.argv.slice(2)], {
    stdio: 'inherit',
    cwd: resolve(import.meta.dirname, '..'),
    env: { ...process.env, TEST_DATABASE_URL: url },
  });
  status = result.status ?? 1;
} finally {
  await dropDatabase(cluster.url, name);
  cluster.stop();
}
process.exit(status);
