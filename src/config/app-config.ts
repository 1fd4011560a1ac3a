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
import proxyaddr from 'proxy-addr';

// Settings arrive as strings (the environment); anything else is left for the validators to refuse.
const toBoolean = ({ value }: { value: unknown }) =>
  value === ''
    ? undefined
    : typeof value !== 'string'
      ? value
      : ['1', 'true', 'yes', 'on'].includes(value.toLowerCase())
        ? true
        : ['0', 'false', 'no', 'off'].includes(value.toLowerCase())
          ? false
          : value;
const toInt = ({ value }: { value: unknown }) =>
  value === '' ? undefined : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const JWT_SECRET_MIN_DISTINCT = 10;

/**
 * OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1 at least. PASSWORD_HASH_COST is log2(N); tests
 * lower it to keep thousands of sign-ins fast, production keeps this.
 */
export const DEFAULT_PASSWORD_HASH_COST = 17;

/** A request budget must be 0 (none) or pay for the costliest query allowed: a smaller one would refuse it forever. */
const AffordsCostliestQuery = () =>
  ValidateBy({
    name: 'affordsCostliestQuery',
    validator: {
      validate: (value: unknown, args) =>
        typeof value !== 'number' || value === 0 || value >= (args?.object as AppConfig).GRAPHQL_MAX_COMPLEXITY,
      defaultMessage: (args) =>
        `must be 0 (no budget) or at least GRAPHQL_MAX_COMPLEXITY (${(args?.object as AppConfig).GRAPHQL_MAX_COMPLEXITY})`,
    },
  });

/** TRUST_PROXY as Express's `trust proxy` takes it: none, a number of proxies, or their addresses and CIDR ranges. */
export type TrustProxy = false | number | string[];

const toTrustProxy = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(text)) return false;
  if (['true', 'yes', 'on'].includes(text)) return true;
  if (/^\d+$/.test(text)) return Number(text);
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
};

/** What is wrong with a TRUST_PROXY value (after toTrustProxy), or undefined when it is fine. */
function trustProxyProblem(value: unknown): string | undefined {
  if (value === true) {
    return 'must not be true: behind a proxy that appends to X-Forwarded-For, every client could choose its own address. Give the number of proxies in front (1 for one nginx or load balancer) or their addresses or CIDR ranges, comma-separated';
  }
  if (value === false) return undefined;
  if (typeof value === 'number') return value <= 20 ? undefined : 'must be at most 20 proxies';
  if (!Array.isArray(value) || value.length === 0)
    return 'must be false, a number of proxies, or proxy addresses or CIDR ranges, comma-separated';
  try {
    // Express compiles the setting with proxy-addr: what it refuses, refuse here, at start.
    proxyaddr.compile(value as string[]);
    return undefined;
  } catch (error) {
    return `must list IP addresses or CIDR ranges (${(error as Error).message})`;
  }
}

/** The origins of CORS_ORIGINS: a list, '*' for any, or an empty list for no cross-origin access. */
export function parseCorsOrigins(value: string): string[] | '*' {
  const origins = value
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  return origins.length === 1 && origins[0] === '*' ? '*' : origins;
}

/** What is wrong with a CORS_ORIGINS value, or undefined when it is fine. */
function corsOriginsProblem(value: string): string | undefined {
  const origins = value
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  if (origins.includes('*')) return origins.length === 1 ? undefined : 'may be * alone, not * among other origins';
  const bad = origins.find((o) => !/^https?:\/\/[^/\s?#*]+$/.test(o));
  return bad === undefined
    ? undefined
    : `must list origins such as https://app.example.org (scheme and host, no path), separated by commas; "${bad}" is not one`;
}

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
  @IsString()
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
  @ValidateBy({
    name: 'varied',
    validator: {
      // "aaaa…" or "0123456789012345…" passes a length rule but not this one; `openssl rand -base64 48` easily does.
      validate: (value: unknown) => typeof value === 'string' && new Set(value).size >= JWT_SECRET_MIN_DISTINCT,
      defaultMessage: () =>
        `must contain at least ${JWT_SECRET_MIN_DISTINCT} different characters (use a random one, e.g. openssl rand -base64 48)`,
    },
  })
  @MinLength(32, { message: 'must be at least 32 characters' })
  @IsString({ message: 'is required when DATABASE_URL is set' })
  JWT_SECRET?: string;

  /**
   * Key (any string of 32 characters or more) with which webhook signing secrets are encrypted at rest. Required when
   * DATABASE_URL is set (a copy of the database must not hold usable secrets); generated in the embedded mode.
   */
  @Transform(emptyToUndefined)
  @ValidateIf((c: AppConfig) => c.DATABASE_URL !== undefined || c.WEBHOOK_SECRETS_KEY !== undefined)
  @MinLength(32, { message: 'must be at least 32 characters' })
  @IsString({ message: 'is required when DATABASE_URL is set (it encrypts webhook signing secrets; e.g. openssl rand -base64 48)' })
  WEBHOOK_SECRETS_KEY?: string;

  /**
   * When set, `/metrics` answers only requests with `Authorization: Bearer <METRICS_TOKEN>` (Prometheus:
   * `authorization: { credentials: … }`). Required when DATABASE_URL is set, unless METRICS_PUBLIC is true.
   */
  @Transform(emptyToUndefined)
  @ValidateIf((c: AppConfig) => (c.DATABASE_URL !== undefined && !c.METRICS_PUBLIC) || c.METRICS_TOKEN !== undefined)
  @MinLength(16, { message: 'must be at least 16 characters' })
  @IsString({ message: 'is required when DATABASE_URL is set, unless METRICS_PUBLIC=true says /metrics is open on purpose' })
  METRICS_TOKEN?: string;

  /**
   * Serve `/metrics` without a token with external servers, on purpose (it is then reachable by the monitoring network
   * only, e.g. a port the load balancer does not expose). Ignored when METRICS_TOKEN is set.
   */
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'must be true or false' })
  METRICS_PUBLIC: boolean = false;

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

  /** Password of every seeded demo account (printed at start); it must pass the password rules (docs/SECURITY.md). */
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
   * Serve Apollo Sandbox (the local landing page) on GET /graphql from a browser, for development. Introspection stays
   * governed by GRAPHQL_INTROSPECTION (the sandbox needs it to show the schema).
   */
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'must be true or false' })
  GRAPHQL_SANDBOX: boolean = false;

  /** Deepest nesting of fields a query may have (introspection has its own fixed limits, see docs/SECURITY.md). */
  @Transform(toInt)
  @Min(2)
  @Max(100)
  @IsInt()
  GRAPHQL_MAX_DEPTH: number = 10;

  /**
   * Highest cost a query may have: a root field costs the work behind it (10 a database read, 100 a search, 1000 a
   * ranking), every other field 1, a page its `first`, and what a list field selects counts once per item it may
   * return (its `first`, else 20; at most 100). See docs/SECURITY.md.
   */
  @Transform(toInt)
  @Min(10)
  @Max(10_000_000)
  @IsInt()
  GRAPHQL_MAX_COMPLEXITY: number = 5000;

  /** Most root fields one operation may have, aliases included (a batch of aliases multiplies the work behind one field). */
  @Transform(toInt)
  @Min(1)
  @Max(10_000)
  @IsInt()
  GRAPHQL_MAX_ROOT_FIELDS: number = 20;

  /**
   * Cost points (GRAPHQL_MAX_COMPLEXITY's measure) an anonymous client address may spend a minute, over HTTP and
   * WebSocket together; a full minute's worth may be spent at once. 0: no budget. See docs/SECURITY.md.
   */
  @AffordsCostliestQuery()
  @Transform(toInt)
  @Min(0)
  @Max(1_000_000_000)
  @IsInt()
  GRAPHQL_BUDGET_ANONYMOUS_PER_MINUTE: number = 20_000;

  /** The same for each signed-in user, wherever they call from. 0: no budget. */
  @AffordsCostliestQuery()
  @Transform(toInt)
  @Min(0)
  @Max(1_000_000_000)
  @IsInt()
  GRAPHQL_BUDGET_SIGNED_IN_PER_MINUTE: number = 60_000;

  /** Largest request body accepted, in bytes (a larger one is answered HTTP 413 PAYLOAD_TOO_LARGE), and largest WebSocket message (closed, 1009). */
  @Transform(toInt)
  @Min(1024)
  @Max(100 * 1024 * 1024)
  @IsInt()
  GRAPHQL_MAX_BODY_BYTES: number = 1024 * 1024;

  /**
   * Origins whose browser pages may call the API, comma-separated (`https://app.example.org,https://admin.example.org`);
   * `*` allows every origin. Empty: no cross-origin access. Credentials (cookies) are never allowed cross-origin.
   */
  @ValidateBy({
    name: 'corsOrigins',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && corsOriginsProblem(value) === undefined,
      defaultMessage: (args) => corsOriginsProblem(String(args?.value)) ?? 'is not valid',
    },
  })
  @IsString()
  CORS_ORIGINS: string = '';

  /**
   * Which proxies in front of the API to believe about the client address (X-Forwarded-For), as Express's `trust proxy`
   * takes it: `false` (none: the connection's address), the number of proxies in front (`1` for one nginx or load
   * balancer: the header's last entry, the one that proxy appended), or the proxies' addresses and CIDR ranges,
   * comma-separated (`10.0.0.0/8,fd00::/8`: the rightmost entry not among them). Never `true`, which would believe the
   * header's first entry, one the client writes itself.
   */
  @ValidateBy({
    name: 'trustProxy',
    validator: {
      validate: (value: unknown) => trustProxyProblem(value) === undefined,
      defaultMessage: (args) => trustProxyProblem(args?.value) ?? 'is not valid',
    },
  })
  @Transform(toTrustProxy)
  TRUST_PROXY: TrustProxy = false;

  /** Open GraphQL WebSocket connections from one client address, per API instance; a further one is closed (4429). */
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  WS_MAX_CONNECTIONS_PER_ADDRESS: number = 20;

  /** Subscriptions open at once on one GraphQL WebSocket connection; a further one is refused (TOO_MANY_REQUESTS). */
  @Transform(toInt)
  @Min(1)
  @Max(1000)
  @IsInt()
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: number = 10;

  /**
   * Sign-in attempts for one e-mail address from one client address, within LOGIN_FAILURE_WINDOW_SECONDS, that lock
   * that pair (a right password gives its attempt back). An attacker elsewhere cannot lock the owner out with them.
   */
  @Transform(toInt)
  @Min(1)
  @Max(1000)
  @IsInt()
  LOGIN_MAX_FAILURES: number = 5;

  /** Sign-in attempts for one e-mail address from any client address, within the window, that lock it (distributed guessing). */
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  LOGIN_MAX_FAILURES_PER_ACCOUNT: number = 100;

  /** Password checks (scrypt) one process runs at once; eight times as many may wait, and further sign-ins are refused. */
  @Transform(toInt)
  @Min(1)
  @Max(256)
  @IsInt()
  LOGIN_MAX_CONCURRENT_CHECKS: number = 4;

  /** Sign-in attempts from one client address (any e-mail), within the window, that lock the address. */
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  LOGIN_MAX_FAILURES_PER_ADDRESS: number = 20;

  /** Window in which failed sign-ins are counted, in seconds. */
  @Transform(toInt)
  @Min(1)
  @Max(86_400)
  @IsInt()
  LOGIN_FAILURE_WINDOW_SECONDS: number = 900;

  /** First lock-out, in seconds; each further lock of the same key lasts twice as long, up to one hour. */
  @Transform(toInt)
  @Min(1)
  @Max(3600)
  @IsInt()
  LOGIN_LOCKOUT_BASE_SECONDS: number = 60;

  /** Lifetime of a refresh token, in seconds (each use replaces it with a new one). */
  @Transform(toInt)
  @Min(300)
  @Max(365 * 24 * 3600)
  @IsInt()
  REFRESH_TOKEN_TTL_SECONDS: number = 30 * 24 * 3600;

  /**
   * Cost of password hashes: scrypt's N is 2^PASSWORD_HASH_COST (r=8, p=1). The default, 17, is OWASP's recommendation
   * (128 MiB and about a second of one core per hash); production keeps it. Tests lower it. Hashes made at a lower
   * cost are replaced at their owner's next sign-in.
   */
  @Transform(toInt)
  @Min(14, { message: 'must not be less than 14 (the cost hashes had before; production keeps the default, 17)' })
  @Max(20)
  @IsInt()
  PASSWORD_HASH_COST: number = DEFAULT_PASSWORD_HASH_COST;

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

  /** With SMTP_SECURE off: insist on STARTTLS, and send nothing over a connection the server will not encrypt. */
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'must be true or false' })
  SMTP_REQUIRE_TLS: boolean = false;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  /** Longest an e-mail send may take, connection and a server that trickles its replies included, in milliseconds. */
  @Transform(toInt)
  @Min(1000)
  @Max(120_000)
  @IsInt()
  SMTP_TIMEOUT_MS: number = 30_000;

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

  /**
   * How long a delivery job may run before the queue counts it as lost (a crashed worker) and retries it, in seconds.
   * At least the longest send (SMTP_TIMEOUT_MS, WEBHOOK_TIMEOUT_MS) plus a margin: a job must outlive its send.
   */
  @ValidateBy({
    name: 'outlivesSends',
    validator: {
      validate: (value: unknown, args) => typeof value !== 'number' || value * 1000 >= deliveryLeaseMs(args?.object as AppConfig),
      defaultMessage: (args) =>
        `must be at least the longest send timeout plus ${SEND_MARGIN_MS / 1000} s (${Math.ceil(deliveryLeaseMs(args?.object as AppConfig) / 1000)} s with SMTP_TIMEOUT_MS and WEBHOOK_TIMEOUT_MS as set), so no job expires while its send runs`,
    },
  })
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

  /**
   * Let webhooks reach loopback, private and link-local addresses (receivers on the same machine or network, as in
   * development and tests). Off, a URL naming or resolving to such an address is refused: members cannot make the
   * server call into its own network.
   */
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'must be true or false' })
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: boolean = false;

  /** Days an introduction may stay unanswered before the silent side is reminded; after twice as long, the coordinator. */
  @Transform(toInt)
  @Min(1)
  @Max(365)
  @IsInt()
  MATCH_REMINDER_DAYS: number = 7;

  /** Minutes before a scheduled B2B meeting when both sides are reminded of it. */
  @Transform(toInt)
  @Min(1)
  @Max(7 * 24 * 60)
  @IsInt()
  MEETING_REMINDER_MINUTES: number = 60;

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

  /**
   * Shape of log lines on stdout: `json` (one JSON object per line, for log collectors) or `pretty` (one readable
   * line each, for a terminal). See docs/OBSERVABILITY.md.
   */
  @IsIn(['json', 'pretty'])
  LOG_FORMAT: 'json' | 'pretty' = 'json';
}

export class ConfigError extends Error {}

/** Time a delivery's lease allows beyond its send timeout (claiming, recording, clock steps). */
export const SEND_MARGIN_MS = 2000;

/** How long a claimed delivery is owned by its worker: the longest send, plus the margin. */
export function deliveryLeaseMs(config: Pick<AppConfig, 'SMTP_TIMEOUT_MS' | 'WEBHOOK_TIMEOUT_MS'>): number {
  const longest = Math.max(...[config.SMTP_TIMEOUT_MS, config.WEBHOOK_TIMEOUT_MS].filter((v) => typeof v === 'number'));
  return longest + SEND_MARGIN_MS;
}

/** Whether this process serves the GraphQL API (APP_ROLE all or api). */
export const servesApi = (config: AppConfig): boolean => config.APP_ROLE !== 'worker';

/** Whether this process runs the background jobs (APP_ROLE all or worker, and WORKERS_ENABLED). */
export const runsWorkers = (config: AppConfig): boolean => config.APP_ROLE !== 'api' && config.WORKERS_ENABLED;

/** Reads and validates the environment; throws one readable line per broken variable. */
/**
 * A rule of one setting that a domain owns (the weights of the match factors, the password rules): the domain knows
 * the rule, the configuration reports a broken one like any other invalid setting. The composition root passes them
 * (src/setting-rules.ts), so this folder imports no domain.
 */
export interface SettingRule {
  setting: keyof AppConfig;
  /** What is wrong with the value, or undefined when it is fine. */
  problem(value: string): string | undefined;
}

export function loadConfig(env: Record<string, string | undefined> = process.env, rules: readonly SettingRule[] = []): AppConfig {
  const known = Object.keys(new AppConfig());
  const input: Record<string, string> = {};
  for (const key of [
    ...known,
    'DATABASE_URL',
    'MEILI_URL',
    'MEILI_MASTER_KEY',
    'JWT_SECRET',
    'SEED_DEMO_DATA',
    'MIGRATIONS_RUN',
    'MATCH_WEIGHTS',
    'SMTP_HOST',
    'SMTP_USER',
    'SMTP_PASSWORD',
    'METRICS_TOKEN',
    'WEBHOOK_SECRETS_KEY',
  ]) {
    const value = env[key];
    if (value !== undefined) input[key] = value;
  }
  const config = plainToInstance(AppConfig, input);
  const errors = validateSync(config, { forbidUnknownValues: true, stopAtFirstError: true });
  const problems = errors.map(describe);
  for (const rule of rules) {
    const value = config[rule.setting];
    const problem = typeof value === 'string' && !errors.some((e) => e.property === rule.setting) ? rule.problem(value) : undefined;
    if (problem) problems.push(describeProblem(rule.setting, value, [problem]));
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return config;
}

function describe(error: ValidationError): string {
  return describeProblem(
    error.property,
    error.value,
    Object.values(error.constraints ?? {}).map((m) => m.replace(new RegExp(`^${error.property} `), '')),
  );
}

function describeProblem(setting: string, value: unknown, problems: string[]): string {
  const shown = /SECRET|KEY|PASSWORD|TOKEN|URL/.test(setting) ? '(value hidden)' : JSON.stringify(value);
  return `Invalid configuration: ${setting} ${problems.join('; ')} (got ${shown})`;
}
