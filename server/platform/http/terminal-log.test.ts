import { describe, expect, it } from 'vitest';
import { prettyLogLine } from './terminal-log.ts';

describe('terminal log lines', () => {
  const time = new Date(2026, 11, 6, 9, 5, 7).getTime();

  it('writes time, level, message and the other fields, without pid and hostname', () => {
    const line = JSON.stringify({ level: 30, time, pid: 1, hostname: 'h', msg: 'demo district generated', seconds: 41.2, scale: 1 });
    expect(prettyLogLine(line, { colours: false })).toBe('09:05:07  INFO   demo district generated  seconds=41.2  scale=1\n');
  });

  it('shortens request logs and puts an error stack below', () => {
    const request = JSON.stringify({
      level: 30,
      time,
      msg: 'request completed',
      reqId: 'r1',
      res: { statusCode: 200 },
      responseTime: 3.125,
    });
    expect(prettyLogLine(request, { colours: false })).toBe('09:05:07  INFO   request completed  → 200  3.1 ms\n');
    const failed = JSON.stringify({
      level: 50,
      time,
      msg: 'boom',
      req: { method: 'GET', url: '/api/x' },
      err: { message: 'x', stack: 'Error: x\n    at y' },
    });
    expect(prettyLogLine(failed, { colours: false })).toBe('09:05:07  ERROR  boom  GET /api/x\nError: x\n    at y\n');
  });

  it('colours the level on request and passes a line that is not JSON through', () => {
    expect(prettyLogLine(JSON.stringify({ level: 40, time, msg: 'careful' }), { colours: true })).toBe(
      '09:05:07  \u001b[33mWARN \u001b[0m  careful\n',
    );
    expect(prettyLogLine('plain text\n', { colours: false })).toBe('plain text\n');
  });
});
