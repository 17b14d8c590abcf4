/**
 * Log lines for a person at a terminal (issue 23): pino writes JSON; on a TTY outside production this turns each
 * line into `12:04:31 INFO  message  key=value …` (an error's stack on the lines below). Anywhere else — a
 * service, a pipe, a container, production — the JSON lines go out unchanged, for machines to read.
 */

const levelNames: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const levelColours: Record<number, string> = { 10: '90', 20: '90', 30: '32', 40: '33', 50: '31', 60: '35' };
const hiddenKeys = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'v', 'reqId']);

function fieldText(key: string, value: unknown): string {
  if (key === 'req' && value && typeof value === 'object') {
    const request = value as { method?: string; url?: string };
    return `${request.method ?? ''} ${request.url ?? ''}`;
  }
  if (key === 'res' && value && typeof value === 'object') return `→ ${(value as { statusCode?: number }).statusCode ?? ''}`;
  if (key === 'responseTime' && typeof value === 'number') return `${value.toFixed(1)} ms`;
  return `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

/** One pino JSON line as a readable line (with colours when asked); a line that is not JSON comes back as it was. */
export function prettyLogLine(line: string, options: { colours: boolean }): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = typeof record.level === 'number' ? record.level : 30;
  const time = new Date(typeof record.time === 'number' ? record.time : Date.now());
  const clock = [time.getHours(), time.getMinutes(), time.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
  const name = levelNames[level] ?? String(level);
  const shownLevel = options.colours ? `\u001b[${levelColours[level] ?? '0'}m${name}\u001b[0m` : name;
  const error = record.err as { message?: string; stack?: string } | undefined;
  const fields = Object.entries(record)
    .filter(([key, value]) => !hiddenKeys.has(key) && key !== 'err' && value !== undefined)
    .map(([key, value]) => fieldText(key, value));
  const text = [clock, shownLevel, String(record.msg ?? ''), ...fields].filter(Boolean).join('  ');
  return error?.stack ? `${text}\n${error.stack}\n` : `${text}\n`;
}

/** A pino destination writing readable lines to the stream. */
export function terminalLogStream(out: NodeJS.WritableStream & { isTTY?: boolean }): { write(line: string): void } {
  const colours = Boolean(out.isTTY) && !process.env.NO_COLOR;
  return { write: (line) => void out.write(prettyLogLine(line, { colours })) };
}

/** Readable lines on an interactive terminal outside production; undefined (pino's own JSON to stdout) otherwise. */
export function logStreamFor(config: { NODE_ENV: string }): { write(line: string): void } | undefined {
  return process.stdout.isTTY && config.NODE_ENV !== 'production' ? terminalLogStream(process.stdout) : undefined;
}
