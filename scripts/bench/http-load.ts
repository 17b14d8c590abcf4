import http from 'node:http';

export interface RequestStep {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The operation counts as failed on any other status. */
  expectStatus?: number;
}

export interface LoadJob {
  origin: string;
  /** One operation: these requests in order; a Set-Cookie of one step is sent by the later steps. */
  steps: RequestStep[];
  concurrency: number;
  operations: number;
}

export interface LoadResult {
  operations: number;
  failures: number;
  firstFailure?: string;
  elapsedMs: number;
  /** Per operation, in milliseconds. */
  latenciesMs: number[];
}

interface Response {
  status: number;
  setCookie: string[];
}

function send(agent: http.Agent, origin: URL, step: RequestStep, cookies: string[]): Promise<Response> {
  const body = step.body === undefined ? undefined : JSON.stringify(step.body);
  const headers: Record<string, string> = { ...step.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookies.length) headers.cookie = [headers.cookie, ...cookies].filter(Boolean).join('; ');
  return new Promise((resolve, reject) => {
    const request = http.request(
      { agent, hostname: origin.hostname, port: origin.port, method: step.method, path: step.path, headers },
      (response) => {
        response.resume();
        response.on('error', reject);
        response.on('end', () => resolve({ status: response.statusCode ?? 0, setCookie: response.headers['set-cookie'] ?? [] }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Fixed concurrency over keep-alive connections, a fixed number of operations, latency per operation. */
export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const origin = new URL(job.origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const latencies: number[] = [];
  let started = 0;
  let failures = 0;
  let firstFailure: string | undefined;

  const operation = async () => {
    const cookies: string[] = [];
    for (const step of job.steps) {
      const response = await send(agent, origin, step, cookies);
      if (response.status !== (step.expectStatus ?? 200)) throw new Error(`${step.method} ${step.path} → ${response.status}`);
      for (const header of response.setCookie) cookies.push(header.split(';')[0] ?? '');
    }
  };
  const worker = async () => {
    while (started < job.operations) {
      started += 1;
      const begin = process.hrtime.bigint();
      try {
        await operation();
        latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
      } catch (error) {
        failures += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  const begin = process.hrtime.bigint();
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const elapsedMs = Number(process.hrtime.bigint() - begin) / 1e6;
  agent.destroy();
  return { operations: job.operations, failures, elapsedMs, latenciesMs: latencies, ...(firstFailure ? { firstFailure } : {}) };
}
