import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

const ABOVE = join(__dirname, '..', '..');
/** The repository: above test/support when jest runs the sources, above dist/test/support when a benchmark runs compiled. */
export const ROOT = basename(ABOVE) === 'dist' ? dirname(ABOVE) : ABOVE;

/**
 * Compiles the application once per test run (tests that run the built program as a user would). Test files run two
 * at a time: the first to ask builds under a lock file, the other waits, so none runs a half-written dist.
 */
export function buildOnce(): void {
  const marker = join(tmpdir(), `waterbridge-build-${process.env.WB_TEST_RUN_ID ?? 'local'}`);
  if (existsSync(marker)) return;
  const lock = `${marker}.lock`;
  let held: number | undefined;
  while (held === undefined) {
    try {
      held = openSync(lock, 'wx');
    } catch {
      if (existsSync(marker)) return;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (existsSync(marker)) return;
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], {
      cwd: ROOT,
    });
    writeFileSync(marker, new Date().toISOString());
  } finally {
    closeSync(held);
    unlinkSync(lock);
  }
}
