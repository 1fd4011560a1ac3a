import { ConsoleLogger, INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { DomainErrorFilter } from './common/domain-error.filter';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
/** Nest's start-up chatter (one line per module and route) moves to debug, so the start banner stays readable. */
const CHATTY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'GraphQLModule', 'NestFactory']);

/** The levels shown for a LOG_LEVEL: it and everything more severe. */
export const logLevels = (level: AppConfig['LOG_LEVEL']): LogLevel[] => LEVELS.slice(0, LEVELS.indexOf(level) + 1);

class AppLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context && CHATTY_CONTEXTS.has(context)) return super.debug(message, context);
    return super.log(message, context);
  }
}

/** The Nest application with its global plumbing; shared by main.ts and the tests so both run the same thing. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new AppLogger({ logLevels: logLevels(config.LOG_LEVEL) }),
    bodyParser: false,
  });
  // A need's description may hold 20,000 characters of Chinese (60 kB in UTF-8): leave room, refuse the absurd.
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  return app;
}
