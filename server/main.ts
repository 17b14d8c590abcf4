import { existsSync } from 'node:fs';
import pino from 'pino';
import { allJobs, buildApp, webRoot } from './app.ts';
import { type Config, ConfigError, parseConfig } from './config.ts';
import { type Database, openEmbedded, openPostgres } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { bootstrapDeployment } from './platform/accounts/bootstrap.ts';
import { loadDataKey } from './platform/crypto/data-key.ts';
import { createFieldCrypto } from './platform/crypto/field-crypto.ts';
import { resealAll } from './platform/crypto/reseal.ts';
import { type Platform, systemClock, systemContext } from './platform/http/context.ts';
import { logStreamFor } from './platform/http/terminal-log.ts';
import { startScheduler } from './platform/jobs/scheduler.ts';

/** Reads the environment or exits naming the bad variable. */
export function configOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`zhijian: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openEmbedded(config.DATA_DIR);
}

/** Config → key → database (locked, migrated) → the platform every command works on. */
export async function openPlatform(config: Config, log = pino({ level: config.LOG_LEVEL })): Promise<Platform> {
  const dataKey = loadDataKey(config);
  if (dataKey.generatedFile) {
    log.warn(`Using the development data key in ${dataKey.generatedFile}. Production must set ZHIJIAN_DATA_KEY.`);
  }
  const database = await openConfiguredDatabase(config);
  try {
    const applied = await migrate(database);
    if (applied.length) log.info({ applied }, 'migrations applied');
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database, crypto: createFieldCrypto(dataKey.key, dataKey.previous), clock: systemClock, log };
}

async function ensureWebBuilt(log: Platform['log']): Promise<void> {
  if (existsSync(`${webRoot}index.html`)) return;
  log.info('Building the web app (first start; takes a minute)…');
  const { build } = await import('vite');
  await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}

/**
 * During a key rotation (a previous key is configured), values sealed with it are sealed again with the current
 * key in small batches while requests are served. Interrupted, the next start picks up what is left.
 */
async function resealInBackground(platform: Platform): Promise<void> {
  const ctx = systemContext(platform, 'reseal');
  try {
    platform.log.info({ keyId: platform.crypto.keyId }, 'key rotation: re-sealing values made with the previous key');
    const counts = await resealAll(ctx);
    platform.log.info(counts, 'key rotation: every readable value is sealed with the current key');
  } catch (error) {
    platform.log.error({ err: error }, 'key rotation: re-sealing stopped; the next start resumes it');
  }
}

export interface StartOptions {
  /** Generates the demo district when the registry is empty; provided by the demo module. */
  seedDemo?: (platform: Platform) => Promise<{ accounts: { username: string; password: string; roles: string[] }[] } | undefined>;
}

/** `npm start`: serve the API and the web app until SIGINT/SIGTERM, then close the database cleanly. */
export async function start(options: StartOptions = {}): Promise<void> {
  const config = configOrExit();
  // Readable lines on a terminal, JSON elsewhere (server/platform/http/terminal-log.ts).
  const stream = logStreamFor(config);
  const log = stream ? pino({ level: config.LOG_LEVEL }, stream) : pino({ level: config.LOG_LEVEL });
  const platform = await openPlatform(config, log);
  // The demo goes first: it creates its district, which the bootstrap then finds and gives its admin.
  const demo = options.seedDemo ? await options.seedDemo(platform) : undefined;
  const boot = await bootstrapDeployment(systemContext(platform, 'bootstrap'), config);
  if (boot.generatedAdminPassword) {
    log.warn(`Created the account admin with the one-time password: ${boot.generatedAdminPassword}  (change it at first sign-in)`);
  }
  // Tests serve the API alone (several processes at once); building the web app is `npm run build`'s job there.
  if (config.NODE_ENV !== 'test') await ensureWebBuilt(log);
  const app = await buildApp(platform, { logger: { level: config.LOG_LEVEL, ...(stream ? { stream } : {}) } });
  const scheduler = config.ZHIJIAN_JOBS ? startScheduler(platform, allJobs(platform)) : undefined;

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info({ signal }, 'stopping: draining requests, checkpointing the database');
    scheduler?.stop();
    await app.close();
    await platform.database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  if (config.ZHIJIAN_DATA_KEY_PREVIOUS) void resealInBackground(platform);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  const lines = [
    '',
    `  智监 Zhijian is running at http://${shownHost}:${port}`,
    `  Database: ${platform.database.engine} (${platform.database.location})`,
    `  API docs: http://${shownHost}:${port}/api/docs`,
  ];
  if (demo?.accounts.length) {
    lines.push('', '  Demo accounts (demo district; change nothing you care about):');
    for (const account of demo.accounts)
      lines.push(`    ${account.username.padEnd(16)} ${account.password.padEnd(20)} ${account.roles.join(', ')}`);
  }
  if (platform.database.engine === 'pglite') {
    lines.push('', '  Embedded database: for a laptop, a demo or a pilot. Production runs on PostgreSQL (DATABASE_URL).');
  }
  console.log(`${lines.join('\n')}\n`);
}
