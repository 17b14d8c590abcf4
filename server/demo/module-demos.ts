import pino from 'pino';
import type { Db } from '../db/client.ts';
import { seedComplaintsDemo } from '../modules/complaints/index.ts';
import { seedEnforcementDemo } from '../modules/enforcement/index.ts';
import { seedFoodSafetyDemo } from '../modules/food-safety/index.ts';
import { seedRandomInspectionsDemo } from '../modules/random-inspections/index.ts';
import { seedRiskCodeDemo } from '../modules/risk-code/index.ts';
import { seedSamplingDemo } from '../modules/sampling/index.ts';
import { seedWorkshopsDemo } from '../modules/workshops/index.ts';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { Clock, ServiceContext } from '../platform/http/context.ts';
import { createRandom } from './prng.ts';

export interface ModuleDemoInput {
  db: Db;
  crypto: FieldCrypto;
  clock: Clock;
  districtCode: string;
  seed: string;
  /** The demo's today in China time (YYYY-MM-DD). */
  today: string;
}

/**
 * Each module's demo data for a district whose registry, organisation and accounts exist, in one
 * visible list. Every module draws from its own stream of the seed, so adding a module never changes
 * another module's rows.
 */
export async function seedModuleDemos(input: ModuleDemoInput): Promise<void> {
  const ctx: ServiceContext = {
    db: input.db,
    crypto: input.crypto,
    clock: input.clock,
    log: pino({ level: 'silent' }),
    meta: { ip: 'local', requestId: 'demo', userAgent: 'zhijian demo', language: 'zh-CN' },
  };
  const common = (module: string) => ({
    districtCode: input.districtCode,
    random: createRandom(`${input.seed}:${module}`).float,
    today: input.today,
  });
  await seedFoodSafetyDemo(ctx, common('food-safety'));
  await seedSamplingDemo(ctx, common('sampling'));
  await seedComplaintsDemo(ctx, common('complaints'));
  await seedEnforcementDemo(ctx, common('enforcement'));
  await seedRandomInspectionsDemo(ctx, common('random-inspections'));
  await seedWorkshopsDemo(ctx, common('workshops'));
  await seedRiskCodeDemo(ctx, common('risk-code'));
}
