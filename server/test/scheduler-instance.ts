// One application instance's scheduler, for server/multi-process.test.ts: on DATABASE_URL, the real scheduler runs
// JOB_NAME every second for RUN_SECONDS, each run holding its lock for 300 ms; then the process prints how many
// runs it did itself ({"ran":n}) and exits.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { parseConfig } from '../config.ts';
import { openPostgres } from '../db/client.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import { type Platform, systemClock } from '../platform/http/context.ts';
import { startScheduler } from '../platform/jobs/scheduler.ts';

const url = process.env.DATABASE_URL ?? '';
const database = await openPostgres(url, 2);
const platform: Platform = {
  config: parseConfig({ NODE_ENV: 'test', DATABASE_URL: url }),
  database,
  crypto: createFieldCrypto(Buffer.alloc(32, 1)),
  clock: systemClock,
  log: pino({ level: 'silent' }),
};
let ran = 0;
const scheduler = startScheduler(platform, [
  {
    name: process.env.JOB_NAME ?? 'test.every-second',
    schedule: '* * * * * *',
    description: { 'zh-CN': '测试', en: 'test' },
    counts: { ran: { 'zh-CN': '测试', en: 'test' } },
    run: async (ctx) => {
      await ctx.db.execute(sql`select pg_sleep(0.3)`);
      ran += 1;
      return { ran: 1 };
    },
  },
]);
await new Promise((resolve) => setTimeout(resolve, Number(process.env.RUN_SECONDS ?? 4) * 1000));
scheduler.stop();
// Let a run in progress finish.
await new Promise((resolve) => setTimeout(resolve, 800));
console.log(JSON.stringify({ ran }));
await database.close();
