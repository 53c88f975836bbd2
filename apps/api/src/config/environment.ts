import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import * as path from 'node:path';
import type { LiveTiming } from '../realtime/live-timing';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** The one DTO that validates the process environment at boot (CONTRACT.md § Environment). */
export class EnvironmentVariables {
  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : /^\d+$/.test(String(value)) ? Number(value) : value))
  @IsInt({ message: 'PORT must be a whole number between 0 and 65535' })
  @Min(0, { message: 'PORT must be a whole number between 0 and 65535' })
  @Max(65535, { message: 'PORT must be a whole number between 0 and 65535' })
  PORT = 3000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/, { message: 'REDIS_PREFIX must be 1–40 letters, digits, ".", "_" or "-"' })
  REDIS_PREFIX?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(({ value }) => (value === undefined || value === '' ? '.yoriai' : value))
  @IsString()
  DATA_DIR = '.yoriai';

  @Transform(({ value }) => (value === undefined || value === '' ? 'info' : String(value).toLowerCase()))
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Express `trust proxy`: which proxies may set X-Forwarded-For (client address for rate limits). */
  @Transform(({ value }) => (value === undefined || value === '' ? 'loopback' : String(value)))
  @Matches(/^(loopback|linklocal|uniquelocal|false|true|\d+|[0-9a-fA-F.:/]+)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+))*$/, {
    message: 'TRUST_PROXY must be loopback, linklocal, uniquelocal, a hop count, or IP addresses/CIDRs (comma-separated)',
  })
  TRUST_PROXY = 'loopback';

  /** How often each node sends `live.heartbeat` to the sockets of each followed room (docs/realtime.md). */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : /^\d+$/.test(String(value)) ? Number(value) : value))
  @IsOptional()
  @IsInt({ message: 'LIVE_HEARTBEAT_MS must be a whole number of milliseconds between 500 and 60000' })
  @Min(500, { message: 'LIVE_HEARTBEAT_MS must be a whole number of milliseconds between 500 and 60000' })
  @Max(60_000, { message: 'LIVE_HEARTBEAT_MS must be a whole number of milliseconds between 500 and 60000' })
  LIVE_HEARTBEAT_MS?: number;

  @Transform(({ value }) => (value === undefined || value === '' ? 'development' : value))
  @IsIn(NODE_ENVS, { message: `NODE_ENV must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';
}

export interface AppConfig {
  port: number;
  /** Unset means: start an embedded PostgreSQL under dataDir. */
  databaseUrl?: string;
  redisUrl?: string;
  /** Prefix of every Redis key and pub/sub channel (default `yoriai`): deployments or test runs sharing one Redis stay apart. */
  redisPrefix?: string;
  /** Unset outside production: a random secret is generated and kept in dataDir. */
  jwtSecret?: string;
  dataDir: string;
  logLevel: EnvironmentVariables['LOG_LEVEL'];
  nodeEnv: EnvironmentVariables['NODE_ENV'];
  isProduction: boolean;
  /** Folder of the built web app, served at `/` when it exists. */
  webDistDir?: string;
  trustProxy?: string | boolean | number;
  /** Bind address; tests and benchmarks keep to loopback. */
  host?: string;
  /** Real-time timings over the defaults of realtime/live-timing.ts (LIVE_HEARTBEAT_MS; tests set others). */
  live?: Partial<LiveTiming>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

function quote(value: unknown): string {
  return JSON.stringify(value)?.slice(0, 80) ?? String(value);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.keys(new EnvironmentVariables()).concat(['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'JWT_SECRET', 'TRUST_PROXY', 'LIVE_HEARTBEAT_MS']).map((k) => [k, env[k]]));
  const vars = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(vars, { skipMissingProperties: false });
  const problems = [...new Set(errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => (e.property === 'JWT_SECRET' || e.property.endsWith('_URL') ? m : `${m} (got ${quote(raw[e.property])})`)),
  ))];
  if (vars.NODE_ENV === 'production' && !vars.JWT_SECRET) {
    problems.push('JWT_SECRET is required when NODE_ENV=production (at least 32 characters)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: vars.PORT,
    databaseUrl: vars.DATABASE_URL,
    redisUrl: vars.REDIS_URL,
    redisPrefix: vars.REDIS_PREFIX,
    jwtSecret: vars.JWT_SECRET,
    dataDir: path.resolve(vars.DATA_DIR),
    logLevel: vars.LOG_LEVEL,
    nodeEnv: vars.NODE_ENV,
    isProduction: vars.NODE_ENV === 'production',
    ...(vars.LIVE_HEARTBEAT_MS !== undefined ? { live: { heartbeatMs: vars.LIVE_HEARTBEAT_MS } } : {}),
    trustProxy: vars.TRUST_PROXY === 'true' ? true : vars.TRUST_PROXY === 'false' ? false : /^\d+$/.test(vars.TRUST_PROXY) ? Number(vars.TRUST_PROXY) : vars.TRUST_PROXY,
  };
}

/** Hides the password of a connection URL for log lines and error messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
