import { ConfigError, loadConfig, SettingRule } from './app-config';

/** What production has besides DATABASE_URL and JWT_SECRET (each test leaves out what it is about). */
const WEBHOOK_SECRETS_KEY = 'webhook-secrets-key-of-thirty-two-characters';
const METRICS_TOKEN = 'scrape-token-for-prometheus-0123';

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};

describe('configuration', () => {
  it('applies the documented defaults to an empty environment (the embedded mode)', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: '.data',
      EMBEDDED_POSTGRES_PORT: 54329,
      EMBEDDED_MEILI_PORT: 7719,
      JWT_TTL_SECONDS: 43200,
      GRAPHQL_INTROSPECTION: true,
      LOG_LEVEL: 'log',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.JWT_SECRET).toBeUndefined();
  });

  it('reads and converts values', () => {
    const config = loadConfig({ PORT: '8080', SEED_DEMO_DATA: 'false', GRAPHQL_INTROSPECTION: 'no', MIGRATIONS_RUN: 'true' });
    expect(config).toMatchObject({ PORT: 8080, SEED_DEMO_DATA: false, GRAPHQL_INTROSPECTION: false, MIGRATIONS_RUN: true });
  });

  it('names the variable and the rule in one line', () => {
    expect(fails({ PORT: '70000' })).toBe('Invalid configuration: PORT must not be greater than 65535 (got 70000)');
    expect(fails({ SEED_DEMO_DATA: 'maybe' })).toBe('Invalid configuration: SEED_DEMO_DATA must be true or false (got "maybe")');
    expect(
      fails({ DATABASE_URL: 'mysql://x', JWT_SECRET: 'a-secret-of-thirty-two-characters-at-least', WEBHOOK_SECRETS_KEY, METRICS_TOKEN }),
    ).toBe('Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL (got (value hidden))');
  });

  it('requires a strong JWT secret and a Meilisearch key with external servers, without echoing them', () => {
    expect(fails({ DATABASE_URL: 'postgres://u:secret@db/wb', WEBHOOK_SECRETS_KEY, METRICS_TOKEN })).toBe(
      'Invalid configuration: JWT_SECRET is required when DATABASE_URL is set (got (value hidden))',
    );
    const weak = fails({ DATABASE_URL: 'postgres://u:p@db/wb', JWT_SECRET: 'short-secret', WEBHOOK_SECRETS_KEY, METRICS_TOKEN });
    expect(weak).toBe('Invalid configuration: JWT_SECRET must be at least 32 characters (got (value hidden))');
    expect(fails({ MEILI_URL: 'http://search:7700' })).toMatch(
      /^Invalid configuration: MEILI_MASTER_KEY is required when MEILI_URL is set/,
    );
  });

  it('refuses an obviously weak JWT secret, however long', () => {
    const external = { DATABASE_URL: 'postgres://u:p@db/wb', WEBHOOK_SECRETS_KEY, METRICS_TOKEN };
    expect(fails({ ...external, JWT_SECRET: 'a'.repeat(64) })).toBe(
      'Invalid configuration: JWT_SECRET must contain at least 10 different characters (use a random one, e.g. openssl rand -base64 48) (got (value hidden))',
    );
    expect(fails({ ...external, JWT_SECRET: '0123401234012340123401234012340123401234' })).toMatch(
      /^Invalid configuration: JWT_SECRET must contain at least 10 different characters/,
    );
    expect(loadConfig({ ...external, JWT_SECRET: 'kR3v9Qx2LmZp8Wn4Ty6Bc1Hd5Fg7Js0A' }).JWT_SECRET).toHaveLength(32);
  });

  it('reads the security limits, with their defaults', () => {
    expect(loadConfig({})).toMatchObject({
      GRAPHQL_MAX_DEPTH: 10,
      GRAPHQL_MAX_COMPLEXITY: 5000,
      GRAPHQL_MAX_BODY_BYTES: 1048576,
      GRAPHQL_SANDBOX: false,
      CORS_ORIGINS: '',
      TRUST_PROXY: false,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_MAX_FAILURES_PER_ADDRESS: 20,
      LOGIN_FAILURE_WINDOW_SECONDS: 900,
      LOGIN_LOCKOUT_BASE_SECONDS: 60,
      REFRESH_TOKEN_TTL_SECONDS: 2592000,
    });
    expect(
      loadConfig({ GRAPHQL_MAX_DEPTH: '15', CORS_ORIGINS: 'https://app.example.org, http://localhost:5173', TRUST_PROXY: '1' }),
    ).toMatchObject({ GRAPHQL_MAX_DEPTH: 15, TRUST_PROXY: 1 });
    expect(loadConfig({ CORS_ORIGINS: '*' }).CORS_ORIGINS).toBe('*');
  });

  it('takes TRUST_PROXY as false, a number of proxies, or their addresses and CIDR ranges; never true', () => {
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,fd00::/8' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toEqual(['loopback']);
    expect(fails({ TRUST_PROXY: 'true' })).toBe(
      'Invalid configuration: TRUST_PROXY must not be true: behind a proxy that appends to X-Forwarded-For, every client could choose its own address. Give the number of proxies in front (1 for one nginx or load balancer) or their addresses or CIDR ranges, comma-separated (got true)',
    );
    expect(fails({ TRUST_PROXY: 'yes' })).toMatch(/^Invalid configuration: TRUST_PROXY must not be true/);
    expect(fails({ TRUST_PROXY: '10.0.0.0/33' })).toBe(
      'Invalid configuration: TRUST_PROXY must list IP addresses or CIDR ranges (invalid range on address: 10.0.0.0/33) (got ["10.0.0.0/33"])',
    );
    expect(fails({ TRUST_PROXY: 'proxy.internal' })).toMatch(
      /^Invalid configuration: TRUST_PROXY must list IP addresses or CIDR ranges \(invalid IP address: proxy.internal\)/,
    );
    expect(fails({ TRUST_PROXY: '21' })).toBe('Invalid configuration: TRUST_PROXY must be at most 20 proxies (got 21)');
  });

  it('refuses CORS origins that are not origins, and * among others', () => {
    expect(fails({ CORS_ORIGINS: 'https://app.example.org/path' })).toBe(
      'Invalid configuration: CORS_ORIGINS must list origins such as https://app.example.org (scheme and host, no path), separated by commas; "https://app.example.org/path" is not one (got "https://app.example.org/path")',
    );
    expect(fails({ CORS_ORIGINS: '*,https://app.example.org' })).toMatch(/^Invalid configuration: CORS_ORIGINS may be \* alone/);
    expect(fails({ GRAPHQL_MAX_BODY_BYTES: '100' })).toBe(
      'Invalid configuration: GRAPHQL_MAX_BODY_BYTES must not be less than 1024 (got 100)',
    );
  });

  it('reads the WebSocket caps, with their defaults, and refuses a cap of 0', () => {
    expect(loadConfig({})).toMatchObject({ WS_MAX_CONNECTIONS_PER_ADDRESS: 20, WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: 10 });
    expect(loadConfig({ WS_MAX_CONNECTIONS_PER_ADDRESS: '3', WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '2' })).toMatchObject({
      WS_MAX_CONNECTIONS_PER_ADDRESS: 3,
      WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: 2,
    });
    expect(fails({ WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '0' })).toBe(
      'Invalid configuration: WS_MAX_SUBSCRIPTIONS_PER_CONNECTION must not be less than 1 (got 0)',
    );
  });

  it('takes an optional METRICS_TOKEN of 16 characters or more, and never prints it', () => {
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'scrape-token-for-prometheus-0123' }).METRICS_TOKEN).toBe('scrape-token-for-prometheus-0123');
    expect(fails({ METRICS_TOKEN: 'short-token' })).toBe(
      'Invalid configuration: METRICS_TOKEN must be at least 16 characters (got (value hidden))',
    );
  });

  it('refuses to start with external servers without WEBHOOK_SECRETS_KEY, or without METRICS_TOKEN unless METRICS_PUBLIC=true', () => {
    const external = { DATABASE_URL: 'postgres://u:p@db/wb', JWT_SECRET: 'kR3v9Qx2LmZp8Wn4Ty6Bc1Hd5Fg7Js0A' };
    expect(fails({ ...external, METRICS_TOKEN })).toBe(
      'Invalid configuration: WEBHOOK_SECRETS_KEY is required when DATABASE_URL is set (it encrypts webhook signing secrets; e.g. openssl rand -base64 48) (got (value hidden))',
    );
    expect(fails({ ...external, WEBHOOK_SECRETS_KEY: 'too-short', METRICS_TOKEN })).toBe(
      'Invalid configuration: WEBHOOK_SECRETS_KEY must be at least 32 characters (got (value hidden))',
    );
    expect(fails({ ...external, WEBHOOK_SECRETS_KEY })).toBe(
      'Invalid configuration: METRICS_TOKEN is required when DATABASE_URL is set, unless METRICS_PUBLIC=true says /metrics is open on purpose (got (value hidden))',
    );
    expect(fails({ ...external }).split('\n')).toHaveLength(2);
    // Open metrics on purpose; or a token.
    expect(loadConfig({ ...external, WEBHOOK_SECRETS_KEY, METRICS_PUBLIC: 'true' })).toMatchObject({
      METRICS_PUBLIC: true,
      METRICS_TOKEN: undefined,
    });
    expect(loadConfig({ ...external, WEBHOOK_SECRETS_KEY, METRICS_TOKEN })).toMatchObject({ METRICS_PUBLIC: false, METRICS_TOKEN });
    expect(fails({ ...external, WEBHOOK_SECRETS_KEY, METRICS_PUBLIC: 'maybe' })).toBe(
      'Invalid configuration: METRICS_PUBLIC must be true or false (got "maybe")',
    );
    // The embedded mode generates the key and keeps /metrics open by default, as before.
    expect(loadConfig({})).toMatchObject({ WEBHOOK_SECRETS_KEY: undefined, METRICS_TOKEN: undefined, METRICS_PUBLIC: false });
  });

  it("hashes passwords at OWASP's cost by default, never below the former one", () => {
    expect(loadConfig({}).PASSWORD_HASH_COST).toBe(17);
    expect(loadConfig({ PASSWORD_HASH_COST: '15' }).PASSWORD_HASH_COST).toBe(15);
    expect(fails({ PASSWORD_HASH_COST: '12' })).toBe(
      'Invalid configuration: PASSWORD_HASH_COST must not be less than 14 (the cost hashes had before; production keeps the default, 17) (got (value hidden))',
    );
    expect(fails({ PASSWORD_HASH_COST: '21' })).toBe(
      'Invalid configuration: PASSWORD_HASH_COST must not be greater than 20 (got (value hidden))',
    );
  });

  it("reports a broken domain rule of a setting like any invalid setting, and keeps the setting's own checks first", () => {
    const rules: SettingRule[] = [
      { setting: 'MAIL_FROM', problem: (from) => (from.includes('@') ? undefined : 'must hold an e-mail address') },
    ];
    expect(loadConfig({ MAIL_FROM: 'WaterBridge <wb@example.org>' }, rules).MAIL_FROM).toBe('WaterBridge <wb@example.org>');
    expect(() => loadConfig({ MAIL_FROM: 'WaterBridge' }, rules)).toThrow(
      'Invalid configuration: MAIL_FROM must hold an e-mail address (got "WaterBridge")',
    );
    expect(() => loadConfig({ MAIL_FROM: 'WB' }, rules)).toThrow(
      /^Invalid configuration: MAIL_FROM must be longer than or equal to 3 characters \(got "WB"\)$/,
    );
  });

  it('refuses a delivery job timeout shorter than the longest send timeout plus the margin', () => {
    // 30 s for an SMTP send by default: a 20 s job would expire while its e-mail is still being sent.
    expect(fails({ NOTIFICATION_JOB_TIMEOUT_SECONDS: '20' })).toBe(
      'Invalid configuration: NOTIFICATION_JOB_TIMEOUT_SECONDS must be at least the longest send timeout plus 2 s (32 s with SMTP_TIMEOUT_MS and WEBHOOK_TIMEOUT_MS as set), so no job expires while its send runs (got 20)',
    );
    expect(fails({ NOTIFICATION_JOB_TIMEOUT_SECONDS: '15', SMTP_TIMEOUT_MS: '5000', WEBHOOK_TIMEOUT_MS: '14000' })).toContain(
      '(16 s with SMTP_TIMEOUT_MS',
    );
    expect(
      loadConfig({ NOTIFICATION_JOB_TIMEOUT_SECONDS: '16', SMTP_TIMEOUT_MS: '5000', WEBHOOK_TIMEOUT_MS: '14000' })
        .NOTIFICATION_JOB_TIMEOUT_SECONDS,
    ).toBe(16);
    expect(loadConfig({})).toMatchObject({ NOTIFICATION_JOB_TIMEOUT_SECONDS: 60, SMTP_TIMEOUT_MS: 30_000, WEBHOOK_TIMEOUT_MS: 10_000 });
  });

  it('takes request budgets of 0 (none) or at least GRAPHQL_MAX_COMPLEXITY, and refuses one that could never pay for an allowed query', () => {
    expect(loadConfig({ GRAPHQL_BUDGET_ANONYMOUS_PER_MINUTE: '0', GRAPHQL_BUDGET_SIGNED_IN_PER_MINUTE: '5000' })).toMatchObject({
      GRAPHQL_BUDGET_ANONYMOUS_PER_MINUTE: 0,
      GRAPHQL_BUDGET_SIGNED_IN_PER_MINUTE: 5000,
    });
    expect(fails({ GRAPHQL_BUDGET_ANONYMOUS_PER_MINUTE: '4999' })).toBe(
      'Invalid configuration: GRAPHQL_BUDGET_ANONYMOUS_PER_MINUTE must be 0 (no budget) or at least GRAPHQL_MAX_COMPLEXITY (5000) (got 4999)',
    );
    expect(
      fails({ GRAPHQL_BUDGET_ANONYMOUS_PER_MINUTE: '0', GRAPHQL_BUDGET_SIGNED_IN_PER_MINUTE: '20000', GRAPHQL_MAX_COMPLEXITY: '30000' }),
    ).toMatch(
      /^Invalid configuration: GRAPHQL_BUDGET_SIGNED_IN_PER_MINUTE must be 0 \(no budget\) or at least GRAPHQL_MAX_COMPLEXITY \(30000\)/,
    );
  });

  it('reports every broken variable, one per line', () => {
    expect(fails({ PORT: 'x', LOG_LEVEL: 'chatty' }).split('\n')).toHaveLength(2);
  });
});
