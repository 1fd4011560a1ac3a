import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  validateSync,
  ValidationError,
} from 'class-validator';
import { parseMatchWeights } from '../matching/match-factors';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase()) ? true : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase()) ? false : value;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);
/** The problem with a MATCH_WEIGHTS value, or undefined when it is fine. */
const tryParse = (value: string): string | undefined => {
  try {
    parseMatchWeights(value);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every setting WaterBridge reads, validated once at boot; the rule nearest the property is checked first, so the
 * type check comes last in each list. Each property is one environment variable of the same
 * name; the default is what applies when it is unset. README.md lists them all.
 */
export class AppConfig {
  /** HTTP port of the GraphQL API. */
  @Transform(toInt)
  @Min(1)
  @Max(65535)
  @IsInt()
  PORT: number = 3000;

  /** External PostgreSQL (postgres://user:pass@host:port/db). Unset: an embedded PostgreSQL is started under DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** External Meilisearch (http://host:7700). Unset: an embedded Meilisearch is started under DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s):// URL' })
  MEILI_URL?: string;

  /** Master key of the external Meilisearch; required with MEILI_URL. The embedded one generates its own. */
  @Transform(emptyToUndefined)
  @ValidateIf((c: AppConfig) => c.MEILI_URL !== undefined)
  @MinLength(16, { message: 'must be at least 16 characters (Meilisearch refuses shorter keys)' })
  @IsString({ message: 'is required when MEILI_URL is set' })
  MEILI_MASTER_KEY?: string;

  /** Prefix of every Meilisearch index name, so several installations (or test runs) can share one server. */
  @Matches(/^[A-Za-z0-9_-]*$/, { message: 'may hold only letters, digits, - and _' })
  @IsString()
  MEILI_INDEX_PREFIX: string = 'wb_';

  /** How long a search may take before it is answered SEARCH_UNAVAILABLE, in milliseconds. */
  @Transform(toInt)
  @Min(100)
  @Max(60_000)
  @IsInt()
  SEARCH_TIMEOUT_MS: number = 2000;

  /** Longest wait between two attempts to sync the index while Meilisearch is unreachable, in seconds. */
  @Transform(toInt)
  @Min(1)
  @Max(3600)
  @IsInt()
  SEARCH_SYNC_MAX_BACKOFF_SECONDS: number = 30;

  /**
   * What this process does: `all` (the GraphQL API and the background workers), `api` (the API only; jobs are still
   * enqueued), or `worker` (the background jobs only: no GraphQL, the HTTP port serves health and metrics). Workers
   * scale apart from the API this way: several `api` replicas behind a load balancer, and `worker` processes beside.
   */
  @IsIn(['all', 'api', 'worker'], { message: 'must be all, api or worker' })
  APP_ROLE: 'all' | 'api' | 'worker' = 'all';

  /** Run the background workers in this process (with APP_ROLE all or worker); false only enqueues. */
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'must be true or false' })
  WORKERS_ENABLED: boolean = true;

  /**
   * Weights of the match factors, as JSON ({"text": 0.3, …}); factors left out keep their defaults, and the weights are
   * scaled to add up to 1. See docs/MATCHING.md.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @ValidateBy({
    name: 'matchWeights',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && tryParse(value) === undefined,
      defaultMessage: (args) => tryParse(String(args?.value)) ?? 'is not valid',
    },
  })
  MATCH_WEIGHTS?: string;

  /** Where the embedded servers keep their data (and the embedded mode's generated secrets). */
  @MinLength(1)
  @IsString()
  DATA_DIR: string = '.data';

  /** Port of the embedded PostgreSQL (unused with DATABASE_URL). */
  @Transform(toInt)
  @Min(1)
  @Max(65535)
  @IsInt()
  EMBEDDED_POSTGRES_PORT: number = 54329;

  /** Port of the embedded Meilisearch (unused with MEILI_URL). */
  @Transform(toInt)
  @Min(1)
  @Max(65535)
  @IsInt()
  EMBEDDED_MEILI_PORT: number = 7719;

  /**
   * Secret that signs access tokens (HS256). Required, at least 32 characters, when DATABASE_URL is set; in the
   * embedded mode a random one is generated once and kept in DATA_DIR.
   */
  @Transform(emptyToUndefined)
  @ValidateIf((c: AppConfig) => c.DATABASE_URL !== undefined || c.JWT_SECRET !== undefined)
  @MinLength(32, { message: 'must be at least 32 characters' })
  @IsString({ message: 'is required when DATABASE_URL is set' })
  JWT_SECRET?: string;

  /** Lifetime of an access token, in seconds. */
  @Transform(toInt)
  @Min(60)
  @Max(30 * 24 * 3600)
  @IsInt()
  JWT_TTL_SECONDS: number = 12 * 3600;

  /** Seed the demo organisations, users, needs and track records on first start. Default: on in the embedded mode only. */
  @Transform(toBoolean)
  @IsOptional()
  @IsIn([true, false], { message: 'must be true or false' })
  SEED_DEMO_DATA?: boolean;

  /** Password of every seeded demo account (printed at start). */
  @MinLength(8)
  @IsString()
  DEMO_PASSWORD: string = 'waterbridge-demo';

  /** Apply pending migrations at start. Default: on in the embedded mode; run `npm run migration:run` otherwise. */
  @Transform(toBoolean)
  @IsOptional()
  @IsIn([true, false], { message: 'must be true or false' })
  MIGRATIONS_RUN?: boolean;

  /** Serve GraphQL introspection (schema discovery for tools). */
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'must be true or false' })
  GRAPHQL_INTROSPECTION: boolean = true;

  /**
   * SMTP server for e-mail notifications. Unset: in the embedded mode a local mail catcher is started and keeps every
   * message as an .eml file under DATA_DIR/mail; with DATABASE_URL, e-mail deliveries wait (and retry) until it is set.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SMTP_HOST?: string;

  @Transform(toInt)
  @Min(1)
  @Max(65535)
  @IsInt()
  SMTP_PORT: number = 587;

  /** TLS from the first byte (port 465). Otherwise STARTTLS is used when the server offers it. */
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'must be true or false' })
  SMTP_SECURE: boolean = false;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  /** Sender of every notification e-mail. */
  @MinLength(3)
  @IsString()
  MAIL_FROM: string = 'WaterBridge <notifications@waterbridge.local>';

  /** Address of the web client, for links in e-mails (e.g. https://waterbridge.example.org). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s):// URL' })
  PUBLIC_APP_URL: string = 'http://localhost:3000';

  /** Attempts of one e-mail or webhook delivery before it is parked as DEAD (dead letter). */
  @Transform(toInt)
  @Min(1)
  @Max(50)
  @IsInt()
  NOTIFICATION_MAX_ATTEMPTS: number = 8;

  /** First wait before retrying a failed delivery, in seconds; it doubles on each attempt (exponential backoff). */
  @Transform(toInt)
  @Min(1)
  @Max(3600)
  @IsInt()
  NOTIFICATION_RETRY_DELAY_SECONDS: number = 10;

  /** How long a delivery job may run before the queue counts it as lost (a crashed worker) and retries it, in seconds. */
  @Transform(toInt)
  @Min(5)
  @Max(3600)
  @IsInt()
  NOTIFICATION_JOB_TIMEOUT_SECONDS: number = 60;

  /** How often the job queue looks for jobs of crashed workers (and does its housekeeping), in seconds. */
  @Transform(toInt)
  @Min(1)
  @Max(3600)
  @IsInt()
  JOB_MAINTENANCE_INTERVAL_SECONDS: number = 30;

  /** Time allowed to a webhook receiver to answer, in milliseconds. */
  @Transform(toInt)
  @Min(100)
  @Max(60_000)
  @IsInt()
  WEBHOOK_TIMEOUT_MS: number = 10_000;

  /** Accept http:// webhook URLs (for local development and tests only); otherwise only https:// is accepted. */
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'must be true or false' })
  WEBHOOK_ALLOW_HTTP: boolean = false;

  /** Days an introduction may stay unanswered before the silent side is reminded; after twice as long, the coordinator. */
  @Transform(toInt)
  @Min(1)
  @Max(365)
  @IsInt()
  MATCH_REMINDER_DAYS: number = 7;

  /** Days after which an introduction nobody answered expires. */
  @Transform(toInt)
  @Min(1)
  @Max(3650)
  @IsInt()
  MATCH_EXPIRY_DAYS: number = 30;

  /** A newly published need alerts the enterprises whose match score reaches this (0 to 1). */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value)))
  @Min(0)
  @Max(1)
  @IsNumber({ allowNaN: false }, { message: 'must be a number' })
  OPPORTUNITY_ALERT_MIN_SCORE: number = 0.3;

  /** Minimum level of log lines: error, warn, log, debug. */
  @IsIn(['error', 'warn', 'log', 'debug'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' = 'log';
}

export class ConfigError extends Error {}

/** Whether this process serves the GraphQL API (APP_ROLE all or api). */
export const servesApi = (config: AppConfig): boolean => config.APP_ROLE !== 'worker';

/** Whether this process runs the background jobs (APP_ROLE all or worker, and WORKERS_ENABLED). */
export const runsWorkers = (config: AppConfig): boolean => config.APP_ROLE !== 'api' && config.WORKERS_ENABLED;

/** Reads and validates the environment; throws one readable line per broken variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const input: Record<string, string> = {};
  for (const key of [...known, 'DATABASE_URL', 'MEILI_URL', 'MEILI_MASTER_KEY', 'JWT_SECRET', 'SEED_DEMO_DATA', 'MIGRATIONS_RUN', 'MATCH_WEIGHTS', 'SMTP_HOST', 'SMTP_USER', 'SMTP_PASSWORD']) {
    const value = env[key];
    if (value !== undefined) input[key] = value;
  }
  const config = plainToInstance(AppConfig, input);
  const errors = validateSync(config, { forbidUnknownValues: true, stopAtFirstError: true });
  if (errors.length > 0) throw new ConfigError(errors.map(describe).join('\n'));
  return config;
}

function describe(error: ValidationError): string {
  const rules = Object.values(error.constraints ?? {}).map((m) => m.replace(new RegExp(`^${error.property} `), ''));
  const shown = /SECRET|KEY|PASSWORD|URL/.test(error.property) ? '(value hidden)' : JSON.stringify(error.value);
  return `Invalid configuration: ${error.property} ${rules.join('; ')} (got ${shown})`;
}
