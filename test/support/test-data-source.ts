import { DataSource } from 'typeorm';
import { appDataSourceOptions } from '../../src/entities';
import { Factory } from './factory';
import { createTestDatabase } from './test-database';

export interface TestDataSource {
  dataSource: DataSource;
  /** The URL of its database, for a client of its own (LISTEN, pg-boss). */
  url: string;
  factory: Factory;
  close(): Promise<void>;
}

/**
 * A TypeORM data source on a fresh, migrated database of its own (reference data included), without the application:
 * for repository specs, which construct the repository on it.
 */
export async function openTestDataSource(): Promise<TestDataSource> {
  const database = await createTestDatabase();
  const dataSource = await new DataSource(appDataSourceOptions(database.url)).initialize();
  return {
    dataSource,
    url: database.url,
    factory: new Factory(dataSource),
    async close() {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/** Opens a data source before a test file's tests, hands it to `use`, and closes it after them. */
export function useTestDataSource(use: (t: TestDataSource) => void | Promise<void>): void {
  let opened: TestDataSource | undefined;
  beforeAll(async () => {
    opened = await openTestDataSource();
    await use(opened);
  });
  afterAll(() => opened?.close());
}
