import { ConsoleLogger, Logger } from '@nestjs/common';
import { AppLogger, LogSettings } from './app-logger';
import { shortReason } from './probes';
import { requestIdFrom, requestScope } from './request-scope';

function capture(settings: Partial<LogSettings> = {}) {
  const lines: string[] = [];
  const logger = new AppLogger({ LOG_LEVEL: 'log', LOG_FORMAT: 'json', ...settings }, { write: (line: string) => void lines.push(line) });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('AppLogger', () => {
  it('writes one JSON object per line with time, level, context and msg, from the LOG_LEVEL up', () => {
    const { logger, records } = capture({ LOG_LEVEL: 'warn' });
    logger.log('routine', 'Search');
    logger.warn('disk nearly full', 'Jobs');
    logger.error('gone', 'Jobs');
    expect(records()).toEqual([
      { level: 'warn', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), context: 'Jobs', msg: 'disk nearly full' },
      { level: 'error', time: expect.any(String), context: 'Jobs', msg: 'gone' },
    ]);
  });

  it("moves Nest's start-up chatter to debug", () => {
    const quiet = capture();
    quiet.logger.log('AppModule dependencies initialized', 'InstanceLoader');
    expect(quiet.lines).toEqual([]);
    const verbose = capture({ LOG_LEVEL: 'debug' });
    verbose.logger.log('AppModule dependencies initialized', 'InstanceLoader');
    expect(verbose.records()[0]).toMatchObject({ level: 'debug', context: 'InstanceLoader' });
  });

  it('logs the message of an error, and its stack only at debug level', () => {
    const error = new Error('connection reset');
    const normal = capture();
    normal.logger.error(error, 'Jobs');
    normal.logger.error('job failed', error.stack, 'Jobs');
    // Callers that pass `error.stack` as the message keep only its first line.
    normal.logger.error(error.stack, 'Runtime');
    expect(normal.records().map((r) => [r.msg, r.stack])).toEqual([
      ['connection reset', undefined],
      ['job failed', undefined],
      ['Error: connection reset', undefined],
    ]);
    expect(normal.lines.join('')).not.toMatch(/\sat\s/);

    const debug = capture({ LOG_LEVEL: 'debug' });
    debug.logger.error('job failed', error.stack, 'Jobs');
    expect(debug.records()[0]).toMatchObject({ msg: 'job failed', context: 'Jobs', stack: error.stack });
  });

  it('redacts secrets passed as fields, and credentials quoted in messages', () => {
    const { logger, lines, records } = capture();
    logger.log(
      {
        msg: 'sign-in',
        email: 'a@example.org',
        password: 'hunter2-hunter2',
        user: { passwordHash: 'scrypt$x', token: 'eyJabc' },
        headers: { authorization: 'Bearer eyJabc' },
      },
      'Auth',
    );
    logger.warn('cannot reach postgres://waterbridge:s3cret@db:5432/wb with Bearer eyJhbGciOi.x.y', 'Database');
    expect(records()[0]).toMatchObject({
      email: 'a@example.org',
      password: '[redacted]',
      user: { passwordHash: '[redacted]', token: '[redacted]' },
      headers: { authorization: '[redacted]' },
    });
    expect(records()[1].msg).toBe('cannot reach postgres://waterbridge:[redacted]@db:5432/wb with Bearer [redacted]');
    expect(lines.join('')).not.toMatch(/hunter2|scrypt\$x|eyJ|s3cret/);
  });

  it('adds the request id to every line written while a request is served', () => {
    const { logger, records } = capture();
    requestScope.run({ requestId: 'req-7' }, () => logger.log('inside', 'Search'));
    logger.log('outside', 'Search');
    expect(records().map((r) => r.requestId)).toEqual(['req-7', undefined]);
  });

  it('is what Nest loggers write through once installed', () => {
    const { logger, records } = capture();
    Logger.overrideLogger(logger);
    try {
      new Logger('Matching').log('ranked 12 candidates');
      new Logger('Matching').error('ranking failed');
    } finally {
      Logger.overrideLogger(new ConsoleLogger());
    }
    expect(records().map((r) => [r.level, r.context, r.msg])).toEqual([
      ['info', 'Matching', 'ranked 12 candidates'],
      ['error', 'Matching', 'ranking failed'],
    ]);
  });

  it('LOG_FORMAT=pretty writes one readable line per entry', () => {
    const { logger, lines } = capture({ LOG_FORMAT: 'pretty' });
    logger.log({ msg: 'graphql', operationName: 'Needs', durationMs: 12.5, errors: ['FORBIDDEN'] }, 'GraphQL');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} INFO {2}\[GraphQL\] graphql operationName=Needs durationMs=12\.5 errors=\["FORBIDDEN"\]\n$/,
    );
  });
});

describe('request ids', () => {
  it("keeps a caller's short plain token and replaces anything else", () => {
    expect(requestIdFrom('edge-01.a_b')).toBe('edge-01.a_b');
    expect(requestIdFrom(['first', 'second'])).toBe('first');
    for (const bad of [undefined, '', 'a b', 'x'.repeat(101), 'a\nb', '{"$ne":1}'])
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});

describe('shortReason', () => {
  it('names the system error code along the causes, or the innermost message without URLs', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:7700'), { code: 'ECONNREFUSED' });
    expect(
      shortReason(
        new Error('Request to http://search.internal:7700/health has failed', { cause: new TypeError('fetch failed', { cause: refused }) }),
      ),
    ).toBe('ECONNREFUSED');
    expect(shortReason(new Error('Request to http://search.internal:7700/health has failed', { cause: new Error('bad port') }))).toBe(
      'bad port',
    );
    expect(shortReason(new Error('relation "pgboss.version" does not exist'))).toBe('relation "pgboss.version" does not exist');
    expect(shortReason(new Error('cannot reach https://u:p@search.internal/health'))).toBe('cannot reach <url>');
  });
});
