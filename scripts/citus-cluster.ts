// The local three-node Citus cluster of `npm run test:citus` and `npm run bench -- --large` (docs/decisions/0020):
// builds and installs the extension once, starts the cluster unless its coordinator answers. The Citus scripts
// (build.sh, cluster.sh) are found in ZHIJIAN_CITUS_DIR, else in shared/citus beside the repository or beside its
// parent folder. CITUS_PORT (default 9700) is the coordinator's port; the workers use the next two.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const root = resolve(import.meta.dirname, '..');

export interface CitusCluster {
  /** The coordinator's database `zhijian`, which has the extension and the workers: the server URL for createDatabase. */
  url: string;
  /** Stops the cluster if it was started here. */
  stop(): void;
}

function citusScripts(): string {
  const candidates = process.env.ZHIJIAN_CITUS_DIR
    ? [resolve(process.env.ZHIJIAN_CITUS_DIR)]
    : [join(root, '..', 'shared', 'citus'), join(root, '..', '..', 'shared', 'citus')];
  const found = candidates.find((folder) => existsSync(join(folder, 'build.sh')) && existsSync(join(folder, 'cluster.sh')));
  if (!found) throw new Error(`no Citus scripts (build.sh, cluster.sh) in ${candidates.join(' or ')}; set ZHIJIAN_CITUS_DIR`);
  return found;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function runScript(script: string, args: string[], port: number): void {
  const result = spawnSync('bash', [script, ...args], { stdio: 'inherit', env: { ...process.env, CITUS_PORT: String(port) } });
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (exit ${result.status})`);
}

export async function ensureCitusCluster(): Promise<CitusCluster> {
  const port = Number(process.env.CITUS_PORT ?? 9700);
  const url = `postgres://postgres@127.0.0.1:${port}/zhijian`;
  if (await answers(url)) return { url, stop: () => undefined };
  const scripts = citusScripts();
  runScript(join(scripts, 'build.sh'), [], port);
  const dataDir = process.env.ZHIJIAN_CITUS_DATA ?? join(tmpdir(), `zhijian-citus-${port}`);
  runScript(join(scripts, 'cluster.sh'), ['start', dataDir, 'zhijian'], port);
  return { url, stop: () => runScript(join(scripts, 'cluster.sh'), ['stop', dataDir], port) };
}
