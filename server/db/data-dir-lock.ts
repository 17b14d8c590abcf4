import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, linkSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface DataDirLock {
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: string,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Zhijian process (${owner}). ` +
        'Two processes on one embedded database silently lose data, so this one stops. ' +
        'Stop the other process, or set DATA_DIR to another folder, or use DATABASE_URL for PostgreSQL.',
    );
  }
}

export interface LockOptions {
  /** How long to wait for a holder that is still exiting (a restart right after kill -9). */
  waitSeconds?: number;
  /** Told once when the folder is busy and this process waits. */
  onWait?: (message: string) => void;
}

/**
 * Makes this process the only one on the data folder. The lock is the kernel's: an exclusive flock(2) on
 * `zhijian.lock`, held through a descriptor this process keeps open. Taking it is atomic (no two processes can
 * both succeed, whatever a stale file says), and the kernel drops it when the process ends however it ends —
 * kill -9, a crash, a container's pid 1 that the next start is pid 1 again. Node has no flock of its own, so the
 * lock is taken by util-linux `flock` acting on the descriptor it inherits (the lock belongs to the open file,
 * which stays ours after that command exits). Where there is no `flock` command (macOS), see pidFileLock.
 * The lock file is never deleted: deleting it would let a waiting process and a new one lock two different files.
 */
export function acquireDataDirLock(dataDir: string, options: LockOptions = {}): DataDirLock {
  if (!hasFlockCommand()) return pidFileLock(dataDir);
  const path = join(dataDir, 'zhijian.lock');
  const fd = openSync(path, 'a+', 0o600);
  try {
    if (!flock(fd, 0)) {
      const owner = ownerOf(path);
      const isOwnPid = owner.pid === process.pid;
      const waitSeconds = options.waitSeconds ?? 5;
      if (isOwnPid || waitSeconds <= 0) throw new DataDirLockedError(dataDir, owner.text);
      (options.onWait ?? console.error)(
        `zhijian: the data folder ${dataDir} is in use by ${owner.text}; waiting up to ${waitSeconds} s for it to exit…`,
      );
      if (!flock(fd, waitSeconds)) throw new DataDirLockedError(dataDir, ownerOf(path).text);
    }
    ftruncateSync(fd, 0);
    writeSync(fd, `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  let isReleased = false;
  const release = () => {
    if (isReleased) return;
    isReleased = true;
    process.off('exit', release);
    closeSync(fd);
  };
  process.on('exit', release);
  return { release };
}

let flockCommand: boolean | undefined;
function hasFlockCommand(): boolean {
  flockCommand ??= process.platform === 'linux' && spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0;
  return flockCommand;
}

/** flock(LOCK_EX) on our descriptor through the `flock` command: at once, or waiting up to `waitSeconds`. */
function flock(fd: number, waitSeconds: number): boolean {
  const mode = waitSeconds > 0 ? ['--wait', String(waitSeconds)] : ['--nonblock'];
  const result = spawnSync('flock', ['--exclusive', ...mode, '--conflict-exit-code', '75', '3'], {
    stdio: ['ignore', 'ignore', 'pipe', fd],
  });
  if (result.status === 0) return true;
  if (result.status === 75 || result.status === 1) return false;
  throw new Error(`Could not lock the data folder: flock exited with ${result.status}: ${String(result.stderr).trim()}`);
}

/** Who wrote the lock file last, for the message (the lock itself is the kernel's, not this text). */
function ownerOf(path: string): { pid?: number; text: string } {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as { pid?: number; host?: string; since?: string };
    return { pid: owner.pid, text: `pid ${owner.pid} on ${owner.host}, since ${owner.since}` };
  } catch {
    return { text: 'a process that is just starting' };
  }
}

/**
 * Without a `flock` command: a pid file made complete before it appears (written aside, then hard-linked into
 * place, which fails if one exists), taken over only when its pid no longer runs. Weaker than the kernel's lock —
 * a pid is all it knows of its owner — so production runs on Linux (or on PostgreSQL).
 */
export function pidFileLock(dataDir: string): DataDirLock {
  const path = join(dataDir, 'zhijian.pid');
  const draft = `${path}.${process.pid}`;
  writeFileSync(draft, String(process.pid));
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(draft, path);
        let isReleased = false;
        const release = () => {
          if (isReleased) return;
          isReleased = true;
          process.off('exit', release);
          rmSync(path, { force: true });
        };
        process.on('exit', release);
        return { release };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
        if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new DataDirLockedError(dataDir, `pid ${holder}`);
        rmSync(path, { force: true });
      }
    }
    throw new Error(`Could not take the lock file ${path}`);
  } finally {
    rmSync(draft, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
