import { LoggerService, LogLevel } from '@nestjs/common';
import pino, { DestinationStream, Level, Logger as Pino } from 'pino';
import { AppConfig } from '../config/app-config';
import { requestScope } from './request-scope';

/** Nest's start-up chatter (one line per module and route) moves to debug, so the start banner stays readable. */
const CHATTY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'GraphQLModule', 'NestFactory']);

const PINO_LEVEL: Record<LogLevel, Level> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };
/** Nest's levels from the most to the least verbose, for setLogLevels. */
const NEST_LEVELS: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];

/** Fields that never reach a log line, however a caller passes them (top level or one object down). */
export const REDACTED_FIELDS = [
  'password',
  'passwordHash',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'apiKey',
  'masterKey',
  'authorization',
  'cookie',
];
const REDACT_PATHS = [
  ...REDACTED_FIELDS,
  ...REDACTED_FIELDS.map((field) => `*.${field}`),
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'variables.password',
];

export type LogDestination = DestinationStream;
export type LogSettings = Pick<AppConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>;

/**
 * Nest's logger on pino: one JSON object per line (time, level, context, msg, and the request id while a request is
 * served), or a one-line human format with LOG_FORMAT=pretty. Errors log their message; the stack only at debug
 * level, so a production log holds no internals.
 */
export class AppLogger implements LoggerService {
  private readonly pino: Pino;

  constructor(settings: LogSettings, destination: LogDestination = process.stdout) {
    this.pino = pino(
      {
        level: PINO_LEVEL[settings.LOG_LEVEL],
        base: undefined,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: REDACT_PATHS, censor: '[redacted]' },
        mixin: () => {
          const scope = requestScope.getStore();
          return scope ? { requestId: scope.requestId } : {};
        },
      },
      settings.LOG_FORMAT === 'pretty' ? prettyDestination(destination) : destination,
    );
  }

  log(message: unknown, ...params: unknown[]): void {
    const { context, extras } = contextOf(params);
    this.write(context !== undefined && CHATTY_CONTEXTS.has(context) ? 'debug' : 'info', message, context, undefined, extras);
  }

  /** Nest calls it as (message), (message, context) or (message, stack, context). */
  error(message: unknown, ...params: unknown[]): void {
    let stack: string | undefined;
    let context: string | undefined;
    if (params.length >= 2) {
      context = typeof params[params.length - 1] === 'string' ? (params[params.length - 1] as string) : undefined;
      stack = typeof params[0] === 'string' ? params[0] : undefined;
    } else if (typeof params[0] === 'string') {
      if (looksLikeStack(params[0])) stack = params[0];
      else context = params[0];
    }
    this.write('error', message, context, stack);
  }

  warn(message: unknown, ...params: unknown[]): void {
    const { context, extras } = contextOf(params);
    this.write('warn', message, context, undefined, extras);
  }

  debug(message: unknown, ...params: unknown[]): void {
    const { context, extras } = contextOf(params);
    this.write('debug', message, context, undefined, extras);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    const { context, extras } = contextOf(params);
    this.write('trace', message, context, undefined, extras);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    const { context, extras } = contextOf(params);
    this.write('fatal', message, context, undefined, extras);
  }

  /** Nest passes the enabled levels; the least severe of them becomes the threshold. */
  setLogLevels(levels: LogLevel[]): void {
    const lowest = NEST_LEVELS.find((level) => levels.includes(level));
    this.pino.level = lowest ? PINO_LEVEL[lowest] : 'silent';
  }

  private write(level: Level, message: unknown, context: string | undefined, stack: string | undefined, extras: unknown[] = []): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const debug = this.pino.isLevelEnabled('debug');
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    let msg: string;
    if (message instanceof Error) {
      msg = message.message;
      stack ??= message.stack;
    } else if (isPlainObject(message)) {
      const { msg: text, message: alt, ...rest } = message;
      Object.assign(fields, rest);
      const said = text ?? alt;
      msg = typeof said === 'string' ? said : said === undefined || said === null ? '' : JSON.stringify(said);
    } else {
      msg = String(message);
    }
    if (extras.length > 0) fields.args = extras.map((extra) => (extra instanceof Error ? extra.message : extra));
    if (debug && stack) fields.stack = stack;
    this.pino[level](fields, scrub(debug ? msg : withoutStack(msg)));
  }
}

export function createAppLogger(settings: LogSettings, destination?: LogDestination): AppLogger {
  return new AppLogger(settings, destination);
}

/** Nest appends the context as the last string argument; anything before it is extra detail. */
function contextOf(params: unknown[]): { context?: string; extras: unknown[] } {
  const last = params[params.length - 1];
  return typeof last === 'string' ? { context: last, extras: params.slice(0, -1) } : { extras: params };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const STACK_FRAME = /^\s+at\s/;
const looksLikeStack = (text: string) => text.split('\n').some((line) => STACK_FRAME.test(line));

/** Callers often log `error.stack` as the message; below debug only its first lines (the message) are kept. */
export const withoutStack = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !STACK_FRAME.test(line))
    .join('\n');

/** Credentials inside URLs and bearer tokens, in case a message quotes one. */
export const scrub = (text: string): string =>
  text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, '$1[redacted]@')
    .replace(/\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/g, '$1 [redacted]');

/** LOG_FORMAT=pretty: `2025-01-31 09:00:00.123 INFO  [Context] message key=value …`, stack (debug) below. */
export function prettyLine(line: string): string {
  const { time, level, context, msg, stack, ...fields } = JSON.parse(line) as Record<string, unknown>;
  const when = typeof time === 'string' ? time.replace('T', ' ').slice(0, 23) : '';
  const rest = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const text = [
    when,
    String(level).toUpperCase().padEnd(5),
    context ? `[${typeof context === 'string' ? context : JSON.stringify(context)}]` : undefined,
    msg,
    ...rest,
  ]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
  return `${text}${typeof stack === 'string' ? `\n${stack}` : ''}\n`;
}

function prettyDestination(destination: LogDestination): LogDestination {
  return { write: (line: string) => destination.write(prettyLine(line)) };
}
