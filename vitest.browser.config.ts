import { defineConfig } from 'vitest/config';

// Browser journeys: the real server (bin/zhijian.js) and Debian's Chromium. Run `npm run build` first.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
