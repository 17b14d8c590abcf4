/** The demo district generator: `zhijian demo`, and `npm start` on an empty database. */
import { sql } from 'drizzle-orm';
import type { Platform } from '../platform/http/context.ts';
import { type DemoOptions, generateDemoDistrict } from './demo-seed.ts';

export { applyDemoAccounts, type DemoAccount, demoAccounts } from './demo-accounts.ts';
export { demoPopulations, demoTargets } from './demo-entities.ts';
export { demoDistrict } from './demo-places.ts';
export { type DemoDeps, type DemoOptions, generateDemoDistrict } from './demo-seed.ts';

/**
 * Seeds the demo district with the platform's database, field crypto and clock, then gathers planner statistics:
 * the embedded engine has no autovacuum, and without statistics the first searches sort the whole table on disk.
 */
export async function seedDemoDistrict(platform: Pick<Platform, 'database' | 'crypto' | 'clock'>, options: DemoOptions = {}) {
  const result = await generateDemoDistrict({ db: platform.database.db, crypto: platform.crypto, clock: platform.clock }, options);
  await platform.database.db.execute(sql`analyze`);
  return result;
}
