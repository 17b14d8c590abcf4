// A process that takes the data-folder lock, says so, and holds it: the lock race and crash tests start many.
// Usage: node --import tsx server/test/lock-holder.ts DIR HOLD_MS WAIT_SECONDS
import { acquireDataDirLock } from '../db/data-dir-lock.ts';

const [dataDir = '.', holdMs = '1000', waitSeconds = '0'] = process.argv.slice(2);
try {
  const lock = acquireDataDirLock(dataDir, { waitSeconds: Number(waitSeconds), onWait: () => console.log('WAITING') });
  console.log(`HELD ${process.pid}`);
  setTimeout(() => lock.release(), Number(holdMs));
} catch (error) {
  console.log(`REFUSED ${(error as Error).message}`);
}
