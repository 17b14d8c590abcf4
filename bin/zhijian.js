#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: one package, no separate compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli.ts');
try {
  await main(process.argv.slice(2));
} catch (error) {
  console.error(`zhijian: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
