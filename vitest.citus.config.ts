import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// `npm run test:citus`: every test of `npm test`, plus the ones that only mean something on a Citus cluster.
export default mergeConfig(
  base,
  defineConfig({
    test: { include: ['server/**/*.citus-test.ts'] },
  }),
);
