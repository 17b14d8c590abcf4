#!/usr/bin/env node
// The fuzz test (server/fuzz.test.ts) with more requests than CI sends: `npm run fuzz -- --long` (100 per
// operation, a new seed each run unless --seed N), on PostgreSQL with --pg. Prints the requests sent, the answers
// by status and every fault.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { long: { type: 'boolean' }, pg: { type: 'boolean' }, runs: { type: 'string' }, seed: { type: 'string' } },
});
const runs = values.runs ?? (values.long ? '100' : '12');
const seed = values.seed ?? String(values.long ? Date.now() % 1_000_000 : 20_261_213);
const command = values.pg
  ? ['scripts/test-pg.js', 'server/fuzz.test.ts']
  : ['node_modules/vitest/vitest.mjs', 'run', 'server/fuzz.test.ts'];
console.log(`fuzz: ${runs} requests per operation, seed ${seed}${values.pg ? ', PostgreSQL' : ''}`);
const result = spawnSync(process.execPath, command, {
  stdio: 'inherit',
  env: { ...process.env, ZHIJIAN_FUZZ_RUNS: runs, ZHIJIAN_FUZZ_SEED: seed },
});
process.exit(result.status ?? 1);
