import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
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

  /** Run the background workers (search index sync) in this process. */
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

  /** Minimum level of log lines: error, warn, log, debug. */
  @IsIn(['error', 'warn', 'log', 'debug'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' = 'log';
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws one readable line per broken variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const input: Record<string, string> = {};
  for (const key of [...known, 'DATABASE_URL', 'MEILI_URL', 'MEILI_MASTER_KEY', 'JWT_SECRET', 'SEED_DEMO_DATA', 'MIGRATIONS_RUN', 'MATCH_WEIGHTS']) {
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
