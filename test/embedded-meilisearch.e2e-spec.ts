import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedMeilisearch } from '../src/infra/embedded/embedded-meilisearch';
import { freePort } from './support/free-port';

/** The Meilisearch that `npm start` runs when no MEILI_URL is given. */
describe('embedded Meilisearch', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'waterbridge-meili-'));
    chmodSync(dir, 0o711);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts with a master key that begins with a dash, and guards its API with it', async () => {
    // One key in 64 that the embedded mode generates (base64url) begins with "-"; passed as an argument it once
    // read as an unknown option, and Meilisearch would not start.
    writeFileSync(join(dir, 'master-key'), '-Rq3lJd0Yx8cV2nT5wK9bM1zA7');
    const meili = await startEmbeddedMeilisearch({ dir, port: await freePort() });
    try {
      expect(meili.masterKey).toBe('-Rq3lJd0Yx8cV2nT5wK9bM1zA7');
      expect((await fetch(`${meili.url}/indexes`)).status).toBe(401);
      expect((await fetch(`${meili.url}/indexes`, { headers: { authorization: `Bearer ${meili.masterKey}` } })).status).toBe(200);
    } finally {
      await meili.stop();
    }
  });
});
