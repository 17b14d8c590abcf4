import { SingleBar } from 'cli-progress';
import { count, eq } from 'drizzle-orm';
import type { Platform } from '../platform/http/context.ts';
import { district } from '../platform/org/org.tables.ts';
import { demoAccounts, demoDistrict, seedDemoDistrict } from './index.ts';

export interface DemoAccountLine {
  username: string;
  password: string;
  roles: string[];
}

function isDemoAllowed(platform: Platform): boolean {
  const mode = platform.config.ZHIJIAN_DEMO;
  return mode === 'on' || (mode === 'auto' && platform.config.NODE_ENV !== 'production');
}

/**
 * Generates the demo district with a progress bar on a terminal (stderr is a TTY); otherwise (a service, a
 * pipe, a container log) with one JSON log line per part instead, so no control characters land in a log.
 * Each part's time is logged (debug on a terminal, info otherwise): the first start's budget is 45 s (issue 23).
 */
async function seedWithProgressBar(platform: Platform, options: { seed: string; scale: number; today?: string }) {
  const isTerminal = Boolean(process.stderr.isTTY) && platform.config.NODE_ENV !== 'production';
  const bar = new SingleBar({
    format: '  生成示范区 Generating the demo district [{bar}] {percentage}% {duration}s  {stage}',
    hideCursor: true,
    stream: process.stderr,
  });
  let isStarted = false;
  const started = Date.now();
  await seedDemoDistrict(platform, {
    ...options,
    onProgress: (done, total, stage) => {
      if (!isTerminal) return;
      if (!isStarted) {
        bar.start(total, 0, { stage });
        isStarted = true;
      }
      bar.update(done, { stage });
    },
    onStep: (part, milliseconds) => {
      const line = { part, seconds: Math.round(milliseconds / 100) / 10 };
      if (isTerminal) platform.log.debug(line, 'demo district: part generated');
      else platform.log.info(line, 'demo district: part generated');
    },
  });
  if (isStarted) bar.stop();
  platform.log.info({ seconds: Math.round((Date.now() - started) / 100) / 10, scale: options.scale }, 'demo district generated');
}

/**
 * `npm start`: on a database with no district yet, generate the demo district (unless production or
 * ZHIJIAN_DEMO=off); whenever the demo district is there, return its accounts for the start-up banner.
 */
export async function seedDemoIfEmpty(platform: Platform): Promise<{ accounts: DemoAccountLine[] } | undefined> {
  if (!isDemoAllowed(platform)) return undefined;
  const db = platform.database.db;
  const [districts] = await db.select({ total: count() }).from(district);
  if ((districts?.total ?? 0) === 0) await seedWithProgressBar(platform, { seed: 'zhijian-2020', scale: 1 });
  const [demo] = await db.select({ code: district.code }).from(district).where(eq(district.code, demoDistrict.code));
  if (!demo) return undefined;
  return {
    accounts: demoAccounts.map((account) => ({ username: account.username, password: account.password, roles: [...account.roles] })),
  };
}

/** `zhijian demo [--scale N] [--seed S] [--today YYYY-MM-DD]`: into a database that has no district yet. */
export async function seedDemoCommand(platform: Platform, options: { scale: number; seed: string; today?: string }): Promise<void> {
  if (!Number.isFinite(options.scale) || options.scale <= 0) throw new Error('--scale must be a positive number');
  if (options.today !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(options.today) || Number.isNaN(Date.parse(options.today))))
    throw new Error('--today must be a date YYYY-MM-DD');
  const [districts] = await platform.database.db.select({ total: count() }).from(district);
  if ((districts?.total ?? 0) > 0) throw new Error('The database already has districts; the demo goes only into an empty database.');
  await seedWithProgressBar(platform, options);
  console.log(
    `Demo district ${demoDistrict.code} generated (seed ${options.seed}, scale ${options.scale}${options.today ? `, up to ${options.today}` : ''}).`,
  );
}
