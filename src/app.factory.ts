import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { DomainErrorFilter } from './common/domain-error.filter';
import { createValidationPipe } from './common/validation';
import { applyHttpSecurity, requestErrorHandler } from './common/http-security';
import { AppConfig, servesApi } from './config/app-config';
import { serveConsole } from './console/serve-console';
import { createAppLogger, LogDestination } from './observability/app-logger';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The levels shown for a LOG_LEVEL: it and everything more severe. */
export const logLevels = (level: AppConfig['LOG_LEVEL']): LogLevel[] => LEVELS.slice(0, LEVELS.indexOf(level) + 1);

/**
 * The Nest application with its global plumbing; shared by main.ts and the tests so both run the same thing.
 * `logDestination`: where the JSON log lines go (stdout unless a test captures them).
 */
export async function createApp(config: AppConfig, options: { logDestination?: LogDestination } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: createAppLogger(config, options.logDestination),
    bodyParser: false,
  });
  applyHttpSecurity(app, config);
  if (servesApi(config)) serveConsole(app);
  // A need's description may hold 20,000 characters of Chinese (60 kB in UTF-8): leave room, refuse the absurd.
  app.useBodyParser('json', { limit: config.GRAPHQL_MAX_BODY_BYTES });
  app.use(requestErrorHandler(config));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  return app;
}
