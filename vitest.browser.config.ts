import { defineConfig } from 'vitest/config';

// Browser journeys: the real server (bin/zhijian.js) and Debian's Chromium. Run `npm run build` first.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A server on a copied, cold database answers its first searches in about a second: poll for longer than
    // the default second before calling a page wrong.
    expect: { poll: { timeout: 15_000 } },
  },
});
