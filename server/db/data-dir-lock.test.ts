import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbedded } from './client.ts';
import { acquireDataDirLock, DataDirLockedError, pidFileLock } from './data-dir-lock.ts';

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
      // It waits a moment first: a holder killed just before may still be exiting.
      expect(second.stderr).toContain('waiting up to 5 s for it to exit');
      expect(second.stderr).toContain(`in use by another Zhijian process (pid ${process.pid} on`);
    } finally {
      await database.close();
    }
    // Released on close: the next process may open it.
    const again = await openEmbedded(folder);
    await again.close();
  }, 120_000);

  it('takes over a lock left by a process that no longer runs, never one held by a live process', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'zhijian.lock'), '{"pid":999999999}');
    const lock = acquireDataDirLock(folder);
    expect(() => acquireDataDirLock(folder)).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(folder).release();
  });

  it('lets exactly one of many processes racing for the folder hold it: without a lock file, with an empty one, with a stale one', async () => {
    for (const leftover of [undefined, '', '{"pid":1,"host":"gone","since":"2026-01-01"}']) {
      const folder = tempFolder();
      if (leftover !== undefined) writeFileSync(join(folder, 'zhijian.lock'), leftover);
      // Each holds for a minute, longer than the slowest start on a busy machine; all are killed once they answered.
      const racers = Array.from({ length: 6 }, () => holder(folder, 60_000, 0));
      const outcomes = await Promise.all(racers.map((racer) => racer.outcome));
      for (const racer of racers) if (racer.child.exitCode === null) process.kill(-(racer.child.pid as number), 'SIGKILL');
      expect(outcomes.filter((line) => line.startsWith('HELD')).length).toBe(1);
      expect(outcomes.filter((line) => line.startsWith('REFUSED')).length).toBe(5);
    }
  }, 120_000);

  it('lets the next start in at once after kill -9, also as pid 1 of a new pid namespace (a container restarting)', async () => {
    const folder = tempFolder();
    const first = holder(folder, 600_000, 0, { asPidOne: true });
    expect(await first.outcome).toBe('HELD 1');
    process.kill(-(first.child.pid as number), 'SIGKILL');
    // Restarted right away: it may wait a moment for the killed one to finish exiting, then holds the lock.
    const second = holder(folder, 100, 5, { asPidOne: true });
    expect(await second.outcome).toBe('HELD 1');
    expect(JSON.parse(readFileSync(join(folder, 'zhijian.lock'), 'utf8')).pid).toBe(1);
  }, 120_000);
});

const lockHolder = new URL('../test/lock-holder.ts', import.meta.url).pathname;

/** A process (optionally pid 1 of its own pid namespace) that takes the lock; outcome is its first line. */
function holder(folder: string, holdMs: number, waitSeconds: number, options: { asPidOne?: boolean } = {}) {
  const command = [process.execPath, '--import', 'tsx', lockHolder, folder, String(holdMs), String(waitSeconds)];
  const asPidOne = ['unshare', '--user', '--map-root-user', '--pid', '--fork', '--mount-proc'];
  const [program, ...args] = options.asPidOne ? [...asPidOne, ...command] : command;
  const child = spawn(program as string, args, { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  const outcome = new Promise<string>((resolve) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n').find((candidate) => candidate.startsWith('HELD') || candidate.startsWith('REFUSED'));
      if (line) resolve(line);
    });
    child.on('exit', () => resolve(text.trim() || 'EXITED'));
  });
  return { child, outcome };
}

describe('without a flock command (macOS): a pid file', () => {
  it('is made complete before it appears, taken over from a pid that no longer runs, refused to a live one', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'zhijian.pid'), '999999999');
    const lock = pidFileLock(folder);
    expect(readFileSync(join(folder, 'zhijian.pid'), 'utf8')).toBe(String(process.pid));
    expect(() => pidFileLock(folder)).toThrow(DataDirLockedError);
    lock.release();
    pidFileLock(folder).release();
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
