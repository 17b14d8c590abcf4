// The load generator's own process, so that it does not share the server's event loop.
import { type LoadJob, runLoad } from './http-load.ts';

process.on('message', (job: LoadJob) => {
  runLoad(job).then(
    (result) => process.send?.({ result }),
    (error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) }),
  );
});
