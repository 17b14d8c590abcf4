import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbedded } from './client.ts';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.ts';

const cli = new URL('../../bin/zhijian.js', import.meta.url).pathname;
const folders: string[] = [];
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'zhijian-lock-'));
  folders.push(folder);
  return folder;
};
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('one process per data folder', () => {
  it('refuses a second process on the same data folder with a clear message', async () => {
    const folder = tempFolder();
    const database = await openEmbedded(folder);
    try {
      const second = spawnSync(process.execPath, [cli, 'migrate'], {
        env: { ...process.env, DATA_DIR: folder, DATABASE_URL: '', LOG_LEVEL: 'warn' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain(`in use by another Zhijian process (pid ${process.pid})`);
    } finally {
      await database.close();
    }
    // Released on close: the next process may open it.
    const again = await openEmbedded(folder);
    await again.close();
  });

  it('takes over a lock left by a process that no longer runs, never one held by a live process', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'zhijian.lock'), '999999999');
    const lock = acquireDataDirLock(folder);
    expect(() => acquireDataDirLock(folder)).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(folder).release();
  });
});

describe('configuration', () => {
  it('stops at start naming the variable with a wrong value', () => {
    const result = spawnSync(process.execPath, [cli, 'migrate'], {
      env: { ...process.env, PORT: 'eighty', DATA_DIR: tempFolder() },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Invalid environment variable PORT: expected a whole number, got "eighty"');
  });
});
