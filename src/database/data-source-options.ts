import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { DatabaseLogger } from '../observability/database-logger';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Compiled migrations live in dist/migrations; under jest (ts sources) the .ts files are loaded. */
const MIGRATIONS_GLOB = join(__dirname, '..', '..', 'migrations', '*.{js,ts}');

/** `entities` come from the composition root (src/entities.ts): this folder knows no domain. Migrations need none. */
export function dataSourceOptions(url: string, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install on a managed database.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    logging: ['error'],
    // No SQL or parameters in the log at the default level (see src/observability/database-logger.ts).
    logger: new DatabaseLogger(),
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}
