import { loginAndMe, sessionCheck, sessionCheckPostgres } from './auth.bench.ts';
import { figuresQuery, figuresQueryLarge } from './figures.bench.ts';
import { foodSafetyJobs, foodSafetyJobsLarge } from './food-safety-jobs.bench.ts';
import { pharmaciesPosIngest } from './pharmacies-pos.bench.ts';
import { provinceCitus } from './province.bench.ts';
import { publicCodePage } from './public-code-page.bench.ts';
import { randomInspectionsDraw } from './random-inspections.bench.ts';
import { registryImport, registryImportLarge } from './registry-import.bench.ts';
import { registrySearch, registrySearchLarge } from './registry-search.bench.ts';
import type { Benchmark } from './types.ts';

/** Every benchmark, in report order. A module adds its own by appending here. */
export const benchmarks: Benchmark[] = [
  loginAndMe,
  sessionCheck,
  sessionCheckPostgres,
  registrySearch,
  registryImport,
  registrySearchLarge,
  registryImportLarge,
  randomInspectionsDraw,
  publicCodePage,
  foodSafetyJobs,
  foodSafetyJobsLarge,
  pharmaciesPosIngest,
  figuresQuery,
  figuresQueryLarge,
  provinceCitus,
];
