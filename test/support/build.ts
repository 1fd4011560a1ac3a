import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

const ABOVE = join(__dirname, '..', '..');
/** The repository: above test/support when jest runs the sources, above dist/test/support when a benchmark runs compiled. */
export const ROOT = basename(ABOVE) === 'dist' ? dirname(ABOVE) : ABOVE;

/** Compiles the application once per test run (tests that run the built program as a user would). */
export function buildOnce(): void {
  const marker = join(tmpdir(), `waterbridge-build-${process.env.WB_TEST_RUN_ID ?? 'local'}`);
  if (existsSync(marker)) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
  });
  writeFileSync(marker, new Date().toISOString());
}
