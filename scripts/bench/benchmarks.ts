import { loginAndMe, sessionCheck } from './auth.bench.ts';
import type { Benchmark } from './types.ts';

/** Every benchmark, in report order. A module adds its own by appending here. */
export const benchmarks: Benchmark[] = [loginAndMe, sessionCheck];
