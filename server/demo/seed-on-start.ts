import type { Platform } from '../platform/http/context.ts';

export interface DemoAccountLine {
  username: string;
  password: string;
  roles: string[];
}

/** `npm start` on an empty database: the demo district (unless production or ZHIJIAN_DEMO=off). */
export async function seedDemoIfEmpty(_platform: Platform): Promise<{ accounts: DemoAccountLine[] } | undefined> {
  return undefined;
}

export async function seedDemoCommand(_platform: Platform, _options: { scale: number; seed: string }): Promise<void> {
  console.log('The demo district generator is not installed yet.');
}
