import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';

/**
 * The whole environment of the process, in one schema. Parsed once at start; nothing else reads
 * process.env. A wrong value stops the process with a message naming the variable.
 */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Enum(['development', 'production', 'test'], {
    default: 'development',
    description: 'production requires TOTP for staff, secure cookies when behind TLS, and no demo data',
  }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'HTTP port' }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1', description: 'interface to listen on (0.0.0.0 for the LAN)' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data', description: 'folder of the embedded database, the lock file and the dev key' }),
  DATABASE_URL: Type.Optional(
    Type.String({ pattern: '^postgres(ql)?://', description: 'PostgreSQL server; when unset the embedded database in DATA_DIR is used' }),
  ),
  ZHIJIAN_DATA_KEY: Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: '32 bytes, base64: encrypts personal data, keys the audit chain' }),
  ),
  ZHIJIAN_DATA_KEY_PREVIOUS: Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: 'the key before a rotation, still accepted for reading' }),
  ),
  ZHIJIAN_DISTRICT_CODE: Type.String({
    pattern: '^[0-9]{6}$',
    default: '330212',
    description: 'GB/T 2260 code of the district this deployment starts with (the first admin belongs to it)',
  }),
  ZHIJIAN_DISTRICT_NAME: Type.String({ minLength: 1, default: '明州区', description: 'its name, used on first start' }),
  ZHIJIAN_ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 12, description: 'password of the first admin account' })),
  ZHIJIAN_PUBLIC_URL: Type.Optional(
    Type.String({ pattern: '^https?://', description: 'address users reach; https here turns on Secure cookies and HSTS' }),
  ),
  ZHIJIAN_TRUST_PROXY: Type.Boolean({ default: false, description: 'trust X-Forwarded-* from a reverse proxy' }),
  ZHIJIAN_SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 30 }),
  ZHIJIAN_SESSION_ABSOLUTE_HOURS: Type.Integer({ minimum: 1, maximum: 168, default: 12 }),
  ZHIJIAN_LOGIN_RATE_PER_MINUTE: Type.Integer({
    minimum: 1,
    default: 30,
    description: 'sign-in attempts per minute from one IP address (on top of the per-account lockout)',
  }),
  ZHIJIAN_DEMO: Type.Enum(['auto', 'on', 'off'], {
    default: 'auto',
    description: 'auto: generate the demo district when the database is empty (never in production)',
  }),
  ZHIJIAN_AUDIT_ANCHOR_FILE: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'append-only file where the audit chain heads are recorded hourly, outside the database (default DATA_DIR/audit-anchors.jsonl); put it on another volume or host',
    }),
  ),
  ZHIJIAN_MAP_TILE_URL: Type.Optional(
    Type.String({
      description:
        'tile server of the 五色图 map: a {z}/{x}/{y} template ({s} becomes a), https, or http on this machine only; tiles are fetched by our server from this one host, redirects not followed',
    }),
  ),
  ZHIJIAN_JOBS: Type.Boolean({ default: true, description: 'run the recurring-job scheduler in this process' }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
});

export type Config = Readonly<Static<typeof ConfigSchema>>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid environment variable ${variable}: ${reason}`);
  }
}

const booleanWords: Record<string, boolean> = { true: true, '1': true, yes: true, false: false, '0': false, no: false };

/** Parses the environment (or any string map) into a frozen Config, or throws ConfigError naming the variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const raw: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(ConfigSchema.properties)) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    const type = (schema as { type?: string }).type;
    if (type === 'integer') {
      if (!/^-?\d+$/.test(text)) throw new ConfigError(name, `expected a whole number, got "${text}"`);
      raw[name] = Number(text);
    } else if (type === 'boolean') {
      const flag = booleanWords[text.toLowerCase()];
      if (flag === undefined) throw new ConfigError(name, `expected true or false, got "${text}"`);
      raw[name] = flag;
    } else {
      raw[name] = text;
    }
  }
  const withDefaults = Value.Default(ConfigSchema, raw) as Record<string, unknown>;
  for (const error of Value.Errors(ConfigSchema, withDefaults)) {
    const variable =
      error.instancePath.replace(/^\//, '') || String((error.params as { requiredProperties?: string[] }).requiredProperties?.[0] ?? '?');
    const allowed = (ConfigSchema.properties as Record<string, { enum?: string[] }>)[variable]?.enum;
    throw new ConfigError(variable, allowed ? `expected one of ${allowed.join(', ')}` : error.message);
  }
  const tileProblem = withDefaults.ZHIJIAN_MAP_TILE_URL ? tileTemplateProblem(String(withDefaults.ZHIJIAN_MAP_TILE_URL)) : undefined;
  if (tileProblem) throw new ConfigError('ZHIJIAN_MAP_TILE_URL', tileProblem);
  return Object.freeze(withDefaults as Config);
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why a tile template is unacceptable, or undefined: {z}, {x} and {y} all present and only in the path or query
 * (so every tile comes from one host), no user:password, https — or http to this machine (a local tile server).
 */
export function tileTemplateProblem(template: string): string | undefined {
  if (!['{z}', '{x}', '{y}'].every((part) => template.includes(part))) return 'expected a template with {z}, {x} and {y}';
  const filled = (value: string) => template.replaceAll('{s}', 'a').replace(/\{[zxy]\}/g, value);
  let first: URL;
  let second: URL;
  try {
    first = new URL(filled('0'));
    second = new URL(filled('1'));
  } catch {
    return 'expected an address such as https://tiles.example/{z}/{x}/{y}.png';
  }
  if (first.origin !== second.origin) return '{z}, {x} and {y} may only stand in the path or query, not in the host';
  if (first.username || first.password) return 'must not carry a user name or password';
  if (first.protocol === 'https:') return undefined;
  if (first.protocol === 'http:' && loopbackHosts.has(first.hostname)) return undefined;
  return 'expected https:// (http:// only for a tile server on this machine)';
}
