import 'reflect-metadata';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { createAppLogger } from '../observability/app-logger';
import { configOrExit, startRuntime } from '../runtime';
import { CommandError } from './command';
import { COMMANDS } from './commands';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${`${name} ${c.usage}`.padEnd(72)} ${c.summary}`)
  .join('\n')}

Uses the same configuration as npm start (DATABASE_URL, MEILI_URL, DATA_DIR …); with neither URL set it works on the
embedded servers under DATA_DIR, starting them if no running WaterBridge owns them.`;

/** `npm run cli -- <command>`: administration and data commands, on the same services as the API. */
async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(name && name !== '--help' ? `Unknown command "${name}".\n\n${USAGE}` : USAGE);
    return name && name !== '--help' ? 2 : 0;
  }
  let options: unknown;
  try {
    options = command.parse(args);
  } catch (error) {
    if (error instanceof CommandError) {
      console.error(`${error.message}\n\nUsage: npm run cli -- ${name} ${command.usage}`);
      return 2;
    }
    throw error;
  }
  const prepared = await command.prepare?.(options);
  const config = configOrExit({ ...process.env, ...prepared?.environment });
  // The command line neither seeds nor runs background workers: commands do their own work and wait for it.
  config.WORKERS_ENABLED = false;
  // Results go to stdout and progress to stderr; routine log lines would only clutter them.
  if (config.LOG_LEVEL === 'log') config.LOG_LEVEL = 'warn';
  // Log lines go to stderr with the progress, so stdout holds only results.
  const appLogger = createAppLogger(config, process.stderr);
  Logger.overrideLogger(appLogger);
  const logger = new Logger('cli');
  const runtime = await startRuntime(config, logger);
  runtime.app.useLogger(appLogger);
  let code: number;
  try {
    await runtime.app.init();
    code = await command.run(runtime.app as INestApplicationContext, options);
  } catch (error) {
    if (error instanceof CommandError) console.error(error.message);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    code = 1;
  }
  await runtime.stop('done', code, prepared?.cleanup);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
