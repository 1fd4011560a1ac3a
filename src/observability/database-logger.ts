import { Logger } from '@nestjs/common';
import { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's log lines through the application's logger. Its own console logger prints a failed query with its SQL
 * and parameters (which may be password hashes or tokens); here a failure logs the database's message and SQLSTATE,
 * and the statement, never its parameters, only at debug level.
 */
export class DatabaseLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  /** Every statement would flood the log; failures and slow ones are what matter. */
  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    const message = typeof error === 'string' ? error : error.message;
    this.logger.warn(`Query failed${typeof code === 'string' ? ` (${code})` : ''}: ${message}`);
    this.logger.debug(`Failed statement: ${query}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow query (${time} ms)`);
    this.logger.debug(`Slow statement: ${query}`);
  }

  /** Schema builds, migrations and TypeORM's info lines: the migration runner reports what it applied itself. */
  logSchemaBuild(): void {}

  logMigration(): void {}

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
