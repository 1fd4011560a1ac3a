import { ConfigError, loadConfig } from './app-config';

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
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: '.data', EMBEDDED_POSTGRES_PORT: 54329, EMBEDDED_MEILI_PORT: 7719, JWT_TTL_SECONDS: 43200, GRAPHQL_INTROSPECTION: true, LOG_LEVEL: 'log' });
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
    expect(fails({ DATABASE_URL: 'mysql://x', JWT_SECRET: 'x'.repeat(32) })).toBe('Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL (got (value hidden))');
  });

  it('requires a strong JWT secret and a Meilisearch key with external servers, without echoing them', () => {
    expect(fails({ DATABASE_URL: 'postgres://u:secret@db/wb' })).toBe('Invalid configuration: JWT_SECRET is required when DATABASE_URL is set (got (value hidden))');
    const weak = fails({ DATABASE_URL: 'postgres://u:p@db/wb', JWT_SECRET: 'short-secret' });
    expect(weak).toBe('Invalid configuration: JWT_SECRET must be at least 32 characters (got (value hidden))');
    expect(fails({ MEILI_URL: 'http://search:7700' })).toMatch(/^Invalid configuration: MEILI_MASTER_KEY is required when MEILI_URL is set/);
  });

  it('reports every broken variable, one per line', () => {
    expect(fails({ PORT: 'x', LOG_LEVEL: 'chatty' }).split('\n')).toHaveLength(2);
  });
});
