import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { appDataSourceOptions } from './entities';

/**
 * Entry point of the TypeORM CLI (`npm run migration:run|revert|generate`), against DATABASE_URL.
 * The application builds its own DataSource from the validated configuration.
 */
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'Invalid configuration: DATABASE_URL is required for migration commands (e.g. postgres://user:pass@localhost:5432/waterbridge)',
  );
  process.exit(1);
}

export default new DataSource(appDataSourceOptions(url));
