import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../support/build';

/**
 * The lint rules that keep the layer map (docs/ARCHITECTURE.md, "Layers") are real: files that break it are written
 * into src/, linted with the project's own configuration, and removed.
 */
describe('the layer map, as npm run lint enforces it', () => {
  const probes: Record<string, string> = {
    'src/common/lint-probe-layer.ts': "import { NeedEntity } from '../needs/need.entity';\n\nexport type Probe = NeedEntity;\n",
    'src/needs/lint-probe-test.ts': "import { ROOT } from '../../test/support/build';\n\nexport const probe = ROOT;\n",
    'src/needs/lint-probe-allowed.ts':
      "import { DomainError } from '../common/domain-error';\n\nexport const probe = DomainError.notFound('Need', 'x');\n",
  };
  let rulesBroken: Record<string, string[]>;

  beforeAll(async () => {
    for (const [file, text] of Object.entries(probes)) writeFileSync(join(ROOT, file), text);
    try {
      const eslint = join(ROOT, 'node_modules', '.bin', 'eslint');
      const run = await promisify(execFile)(eslint, ['--format', 'json', ...Object.keys(probes)], { cwd: ROOT, maxBuffer: 16 << 20 }).catch(
        (failed: { stdout?: string }) => ({ stdout: failed.stdout ?? '' }),
      );
      const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null }> }>;
      rulesBroken = Object.fromEntries(
        results.map((r) => [r.filePath.slice(ROOT.length + 1), r.messages.map((m) => m.ruleId ?? 'parse error')]),
      );
    } finally {
      for (const file of Object.keys(probes)) rmSync(join(ROOT, file), { force: true });
    }
  }, 180_000);

  it('refuses a platform folder (src/common) importing a domain folder (src/needs)', () => {
    expect(rulesBroken['src/common/lint-probe-layer.ts']).toContain('import-x/no-restricted-paths');
  });

  it('refuses application code importing test code', () => {
    expect(rulesBroken['src/needs/lint-probe-test.ts']).toContain('import-x/no-restricted-paths');
  });

  it('lets a domain import the platform below it', () => {
    expect(rulesBroken['src/needs/lint-probe-allowed.ts']).toEqual([]);
  });
});
