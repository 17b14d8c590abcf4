import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../../config.ts';

export interface LoadedDataKey {
  key: Buffer;
  previous?: Buffer;
  /** Set when the key came from (or was just written to) the data folder instead of the environment. */
  generatedFile?: string;
}

/**
 * The data key from ZHIJIAN_DATA_KEY, or the development key kept in DATA_DIR (made on first start).
 * Production refuses to run on a key that sits beside the data it protects.
 */
export function loadDataKey(config: Config): LoadedDataKey {
  const previous = config.ZHIJIAN_DATA_KEY_PREVIOUS ? Buffer.from(config.ZHIJIAN_DATA_KEY_PREVIOUS, 'base64') : undefined;
  if (config.ZHIJIAN_DATA_KEY) return { key: Buffer.from(config.ZHIJIAN_DATA_KEY, 'base64'), previous };
  if (config.NODE_ENV === 'production') {
    throw new Error('ZHIJIAN_DATA_KEY must be set in production (32 random bytes, base64: `openssl rand -base64 32`).');
  }
  const folder = resolve(config.DATA_DIR);
  const file = join(folder, 'dev-data-key');
  if (!existsSync(file)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return { key: Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'), previous, generatedFile: file };
}
