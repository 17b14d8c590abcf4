import pg from 'pg';

/**
 * Creating and dropping whole databases on a PostgreSQL server or a Citus cluster, for the test runners and the
 * benchmarks (the application itself never creates its database). `serverUrl` names a database to connect to:
 * on Citus, one that has the citus extension with its workers registered (`cluster.sh` makes `zhijian`); a new
 * database is then made on the coordinator and every worker, with the extension, the same workers and the same
 * shard count.
 */

interface CitusNode {
  host: string;
  port: number;
}

function withDatabase(serverUrl: string, name: string, port?: number, host?: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (port) url.port = String(port);
  if (host) url.hostname = host;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function checkedName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  return name;
}

/** The workers of the Citus cluster behind `serverUrl`, or undefined when it is a plain PostgreSQL server. */
async function citusWorkers(serverUrl: string): Promise<{ workers: CitusNode[]; shardCount: number } | undefined> {
  return withClient(serverUrl, async (client) => {
    const { rows } = await client.query(`select exists (select 1 from pg_extension where extname = 'citus') as citus`);
    if (!rows[0]?.citus) return undefined;
    const nodes = await client.query(
      `select nodename as host, nodeport as port from pg_dist_node where groupid <> 0 and noderole = 'primary' and isactive order by nodeid`,
    );
    const shards = await client.query(`select current_setting('citus.shard_count')::int as count`);
    return { workers: nodes.rows as CitusNode[], shardCount: Number(shards.rows[0]?.count ?? 32) };
  });
}

/** Whether the database behind `url` has the citus extension. */
export async function isCitusServer(url: string): Promise<boolean> {
  return (await citusWorkers(url)) !== undefined;
}

/**
 * Creates database `name` (on every node of a Citus cluster) and returns its URL. `shardCount` overrides the
 * cluster's for the new database's distributed tables.
 */
export async function createDatabase(serverUrl: string, name: string, options: { shardCount?: number } = {}): Promise<string> {
  checkedName(name);
  const citus = await citusWorkers(serverUrl);
  const coordinator = new URL(serverUrl);
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(serverUrl, name);
  if (!citus) return url;
  for (const worker of citus.workers) {
    await withClient(withDatabase(serverUrl, 'postgres', worker.port, worker.host), (client) => client.query(`CREATE DATABASE ${name}`));
    await withClient(withDatabase(serverUrl, name, worker.port, worker.host), (client) => client.query('CREATE EXTENSION citus'));
  }
  await withClient(url, async (client) => {
    await client.query('CREATE EXTENSION citus');
    await client.query(`ALTER DATABASE ${name} SET citus.shard_count = ${Math.trunc(options.shardCount ?? citus.shardCount)}`);
    await client.query('select citus_set_coordinator_host($1, $2)', [coordinator.hostname, Number(coordinator.port || 5432)]);
    // citus_add_node is idempotent; its connection to a busy worker can fail once (CI saw "failure on connection marked
    // as essential" on a loaded machine), so it is tried up to three times before the error stands.
    for (const worker of citus.workers)
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query('select citus_add_node($1, $2)', [worker.host, worker.port]);
          break;
        } catch (error) {
          if (attempt >= 3) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
        }
      }
  });
  return url;
}

/**
 * Drops database `name` (on every node of a Citus cluster), ending its connections. Citus's maintenance daemon may
 * connect again between the ending and the drop: then it tries again, a few times.
 */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  checkedName(name);
  const citus = await citusWorkers(serverUrl);
  const drop = async (url: string) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await withClient(url, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        return;
      } catch (error) {
        if (attempt >= 5 || (error as { code?: string }).code !== '55006') throw error;
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  };
  await drop(serverUrl);
  for (const worker of citus?.workers ?? []) await drop(withDatabase(serverUrl, 'postgres', worker.port, worker.host));
}
