import pino from 'pino';
import type { Db } from '../db/client.ts';
import { seedColdChainDemo } from '../modules/cold-chain/index.ts';
import { seedComplaintsDemo } from '../modules/complaints/index.ts';
import { seedConsumerConfidenceDemo } from '../modules/consumer-confidence/index.ts';
import { seedCreditDemo } from '../modules/credit/index.ts';
import { seedEnforcementDemo } from '../modules/enforcement/index.ts';
import { regradeSeriouslyListed, seedFoodSafetyDemo } from '../modules/food-safety/index.ts';
import { seedMarketsDemo } from '../modules/markets/index.ts';
import { seedPharmaciesDemo } from '../modules/pharmacies/index.ts';
import { seedProductQualityDemo } from '../modules/product-quality/index.ts';
import { seedRandomInspectionsDemo, seedRandomInspectionsLaterYears } from '../modules/random-inspections/index.ts';
import { type Ring, seedRiskCodeDemo } from '../modules/risk-code/index.ts';
import { samplingReferrals, seedSamplingDemo, seedSamplingLaterYears } from '../modules/sampling/index.ts';
import { seedSpecialEquipmentDemo } from '../modules/special-equipment/index.ts';
import { seedWorkshopsDemo } from '../modules/workshops/index.ts';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { Clock, ServiceContext } from '../platform/http/context.ts';
import { demoStreetOutlines, demoStreets } from './demo-places.ts';
import { demoYears } from './demo-years.ts';
import { createRandom } from './prng.ts';

export interface ModuleDemoInput {
  db: Db;
  crypto: FieldCrypto;
  clock: Clock;
  districtCode: string;
  seed: string;
  /** The demo's today in China time (YYYY-MM-DD). */
  today: string;
  /** After each module's part (and once before the first, with done 0): for the progress bar and the timing log. */
  onStep?: (step: DemoStep) => void;
}

export interface DemoStep {
  done: number;
  total: number;
  /** The part just finished ('' before the first). */
  name: string;
  /** The part that runs now ('' after the last). */
  next: string;
  milliseconds: number;
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
  const later = (module: string) => createRandom(`${input.seed}:${module}:later`).float;
  const years = demoYears(input.today);
  const steps: [string, () => Promise<unknown>][] = [
    ['food-safety', () => seedFoodSafetyDemo(ctx, { ...common('food-safety'), laterRandom: later('food-safety') })],
    ['sampling', () => seedSamplingDemo(ctx, common('sampling'))],
    [
      'sampling (later years)',
      () =>
        seedSamplingLaterYears(ctx, {
          ...common('sampling'),
          random: later('sampling'),
          years: years.map((year) => ({ year: year.year, ...year.sampling })),
        }),
    ],
    ['complaints', () => seedComplaintsDemo(ctx, common('complaints'))],
  ];
  // The years after 2020, each from its own stream, after the 2019–2020 items (which stay as they were).
  for (const year of years) {
    // The year before left its late-December petitions (12 a year) to be closed in this one's January.
    const latePetitionsFromBefore = `${year.year}-01-21` <= input.today ? 12 : 0;
    steps.push([
      `complaints ${year.year}`,
      () =>
        seedComplaintsDemo(ctx, {
          ...common('complaints'),
          random: later(`complaints:${year.year}`),
          year: year.year,
          acceptedThisYear: year.complaints.accepted,
          acceptedLastYear: 0,
          petitionsClosed: Math.max(0, year.complaints.petitionsClosed - latePetitionsFromBefore),
          surveyAnswers: year.complaints.surveyAnswers,
          openItems: 0,
        }),
    ]);
  }
  // The cases of each year hold the failed samples handed to enforcement, so both modules count the same transfers to the police.
  steps.push([
    'enforcement',
    async () => seedEnforcementDemo(ctx, { ...common('enforcement'), referrals: await samplingReferrals(ctx, input.districtCode, 2020) }),
  ]);
  for (const year of years) {
    if (year.cases.closed === 0) continue;
    steps.push([
      `enforcement ${year.year}`,
      async () =>
        seedEnforcementDemo(ctx, {
          ...common('enforcement'),
          random: later(`enforcement:${year.year}`),
          year: year.year,
          closedCases: year.cases.closed,
          majorCases: year.cases.major,
          totalAmountYuan: year.cases.totalAmountYuan,
          majorAmountYuan: year.cases.majorAmountYuan,
          openCases: 0,
          referrals: await samplingReferrals(ctx, input.districtCode, year.year),
        }),
    ]);
  }
  steps.push(
    ['random-inspections', () => seedRandomInspectionsDemo(ctx, common('random-inspections'))],
    [
      'random-inspections (later years)',
      () => seedRandomInspectionsLaterYears(ctx, { ...common('random-inspections'), random: later('random-inspections') }),
    ],
    ['workshops', () => seedWorkshopsDemo(ctx, common('workshops'))],
    ['special-equipment', () => seedSpecialEquipmentDemo(ctx, common('special-equipment'))],
    ['pharmacies', () => seedPharmaciesDemo(ctx, common('pharmacies'))],
    ['credit', () => seedCreditDemo(ctx, common('credit'))],
    // The credit lists exist only now: the food businesses on the serious-violation list get their raised risk grade.
    ['food-safety (serious-violation list)', () => regradeSeriouslyListed(ctx, input.districtCode, input.today)],
    ['markets', () => seedMarketsDemo(ctx, common('markets'))],
    ['consumer-confidence', () => seedConsumerConfidenceDemo(ctx, { districtCode: input.districtCode, today: input.today })],
    [
      'risk-code',
      () =>
        seedRiskCodeDemo(ctx, {
          ...common('risk-code'),
          streetOutlines: new Map(demoStreets.map((street, index) => [street.name, demoStreetOutlines[index] as Ring])),
        }),
    ],
    // Its 品字标 firms are the firms of the risk-code demo's 品字码 products.
    ['product-quality', () => seedProductQualityDemo(ctx, common('product-quality'))],
    ['cold-chain', () => seedColdChainDemo(ctx, common('cold-chain'))],
  );
  input.onStep?.({ done: 0, total: steps.length, name: '', next: steps[0]?.[0] ?? '', milliseconds: 0 });
  for (const [index, [name, run]] of steps.entries()) {
    const begin = performance.now();
    await run();
    input.onStep?.({
      done: index + 1,
      total: steps.length,
      name,
      next: steps[index + 1]?.[0] ?? '',
      milliseconds: performance.now() - begin,
    });
  }
}
