import { type ChildProcess, fork } from 'node:child_process';
import type { LoadJob, LoadResult } from './http-load.ts';

export interface LoadProcess {
  run(job: LoadJob): Promise<LoadResult>;
  close(): void;
}

type Reply = { result: LoadResult } | { error: string };

/** Starts the load-generator child; jobs run one at a time. */
export function startLoadProcess(): LoadProcess {
  const child: ChildProcess = fork(new URL('./load-child.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let queue = Promise.resolve();
  const runOne = (job: LoadJob) =>
    new Promise<LoadResult>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the load generator exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (reply: Reply) => {
        child.off('exit', onExit);
        if ('error' in reply) reject(new Error(reply.error));
        else resolve(reply.result);
      });
      child.send(job);
    });
  return {
    run(job) {
      const result = queue.then(() => runOne(job));
      queue = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    close: () => child.kill(),
  };
}
