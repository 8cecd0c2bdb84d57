import { z } from 'zod';
import { AppError } from './errors.js';

/**
 * Deployment settings, from the environment and command-line options. One schema yields the type and
 * the validation; only entry points read process.env and pass it here. Moderation policy is not here:
 * it is data that admins edit in the store.
 */

const intFrom = (def: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(def);

const envSchema = z.object({
  KIEMTIN_DATA_DIR: z.string().min(1).default('./.kiemtin'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  KIEMTIN_DB_POOL_SIZE: intFrom(10, 1, 1000),
  KIEMTIN_HOST: z.string().min(1).default('127.0.0.1'),
  KIEMTIN_PORT: intFrom(8080, 0, 65535),
  KIEMTIN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KIEMTIN_ALLOW_HOSTS: z.string().default(''),
  KIEMTIN_USER_AGENT: z.string().min(1).default('kiemtin/0.1 (+https://github.com/kiemtin/kiemtin)'),
  KIEMTIN_FETCH_TIMEOUT_MS: intFrom(20_000, 100, 600_000),
  KIEMTIN_MAX_BODY_BYTES: intFrom(10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  KIEMTIN_MAX_REDIRECTS: intFrom(5, 0, 20),
  KIEMTIN_HOST_CONCURRENCY: intFrom(2, 1, 64),
  KIEMTIN_HOST_MIN_DELAY_MS: intFrom(1000, 0, 600_000),
  KIEMTIN_FETCH_RETRIES: intFrom(3, 0, 10),
  KIEMTIN_RESPECT_ROBOTS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
});

export type EnvInput = Partial<Record<keyof z.input<typeof envSchema>, string | undefined>>;

export interface FetchConfig {
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  hostConcurrency: number;
  hostMinDelayMs: number;
  retries: number;
  respectRobots: boolean;
  /** Hosts or CIDR ranges that may resolve to private/loopback addresses (KIEMTIN_ALLOW_HOSTS). */
  allowHosts: string[];
}

export interface Config {
  dataDir: string;
  databaseUrl: string | null;
  /** Connections the PostgreSQL pool may open (KIEMTIN_DB_POOL_SIZE); unused by the embedded store. */
  dbPoolSize: number;
  http: { host: string; port: number };
  logLevel: z.infer<typeof envSchema>['KIEMTIN_LOG_LEVEL'];
  fetch: FetchConfig;
}

/** Command-line options that override the environment. */
export interface ConfigOverrides {
  dataDir?: string | undefined;
  allowHosts?: string[] | undefined;
  port?: number | undefined;
  host?: string | undefined;
}

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Validates the environment; a bad setting is a CONFIG_INVALID error naming the variable. */
export function loadConfig(env: EnvInput, overrides: ConfigOverrides = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? '?';
    throw new AppError('CONFIG_INVALID', `Invalid setting ${name}: ${issue?.message ?? 'invalid'}`, {
      details: { setting: name },
    });
  }
  const e = parsed.data;
  return {
    dataDir: overrides.dataDir ?? e.KIEMTIN_DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    dbPoolSize: e.KIEMTIN_DB_POOL_SIZE,
    http: { host: overrides.host ?? e.KIEMTIN_HOST, port: overrides.port ?? e.KIEMTIN_PORT },
    logLevel: e.KIEMTIN_LOG_LEVEL,
    fetch: {
      userAgent: e.KIEMTIN_USER_AGENT,
      timeoutMs: e.KIEMTIN_FETCH_TIMEOUT_MS,
      maxBodyBytes: e.KIEMTIN_MAX_BODY_BYTES,
      maxRedirects: e.KIEMTIN_MAX_REDIRECTS,
      hostConcurrency: e.KIEMTIN_HOST_CONCURRENCY,
      hostMinDelayMs: e.KIEMTIN_HOST_MIN_DELAY_MS,
      retries: e.KIEMTIN_FETCH_RETRIES,
      respectRobots: e.KIEMTIN_RESPECT_ROBOTS,
      allowHosts: [...splitList(e.KIEMTIN_ALLOW_HOSTS), ...(overrides.allowHosts ?? [])],
    },
  };
}
