import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './build';

/** The compiled application (`buildOnce()` first). */
export const MAIN = join(ROOT, 'dist', 'src', 'main.js');

/** The last line of the start banner: everything before it (URL, demo accounts) has been printed. */
export const READY = 'Stop with Ctrl-C.';

export interface Started {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
}

/** Starts the compiled application (or `command`) with exactly this environment (plus PATH and HOME). */
export function launch(env: Record<string, string>, command: string[] = [process.execPath, MAIN]): Started {
  let output = '';
  const child = spawn(command[0], command.slice(1), {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Polls `probe` every 100 ms until it holds; fails with the process's output when it exits first or the time is up. */
async function until(started: Started, what: string, probe: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (started.child.exitCode !== null || started.child.signalCode !== null)
      throw new Error(`exited with ${started.child.exitCode ?? started.child.signalCode}:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves once the process printed `text`; fails with its output when it exits first or the time is up. */
export const waitFor = (started: Started, text: string, timeoutMs = 60_000): Promise<void> =>
  until(started, `"${text}"`, () => started.output().includes(text), timeoutMs);

/** Resolves once GET /ready on `port` answers 200 (database, search and job queue answer, the server listens). */
export function waitForReady(started: Started, port: number, timeoutMs = 60_000): Promise<void> {
  const ready = () =>
    fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(5_000) }).then(
      async (res) => {
        await res.body?.cancel();
        return res.status === 200;
      },
      () => false,
    );
  return until(started, `GET /ready to answer 200 on port ${port}`, ready, timeoutMs);
}

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((done) =>
    child.exitCode !== null || child.signalCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code)),
  );
