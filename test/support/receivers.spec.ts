import { createTransport } from 'nodemailer';
import { signWebhook } from '../../src/notifications/webhooks/webhook-signature';
import { startSmtpReceiver } from './smtp-receiver';
import { startWebhookReceiver } from './webhook-receiver';

/** What the notifications benchmark relies on in the receivers it shares with the e2e tests. */
describe('test receivers, as the benchmarks use them', () => {
  it('webhooks: one receiver for many endpoints checks each path with its own secret, and answers 401 to what does not verify', async () => {
    const secrets = new Map([
      ['org-a', 'whsec_a'],
      ['org-b', 'whsec_b'],
    ]);
    const hooks = await startWebhookReceiver({
      secret: (path) => secrets.get(path.slice(path.lastIndexOf('/') + 1)),
      refuseUnverified: true,
    });
    try {
      const call = async (organization: string, secret: string) => {
        const body = JSON.stringify({ id: `delivery-${organization}` });
        const timestamp = Math.floor(Date.now() / 1000);
        const headers = {
          'content-type': 'application/json',
          'waterbridge-timestamp': String(timestamp),
          'waterbridge-signature': signWebhook(secret, timestamp, body),
        };
        return (await fetch(`${hooks.url}/${organization}`, { method: 'POST', headers, body })).status;
      };
      expect([await call('org-a', 'whsec_a'), await call('org-b', 'whsec_b'), await call('org-b', 'whsec_a')]).toEqual([200, 200, 401]);
      expect(hooks.received.map((r) => [r.path, r.signatureValid])).toEqual([
        ['/webhooks/org-a', true],
        ['/webhooks/org-b', true],
        ['/webhooks/org-b', false],
      ]);
    } finally {
      await hooks.stop();
    }
  });

  it('e-mail: headersOnly reads the unfolded header without a MIME parser, and when the DATA ended', async () => {
    const smtp = await startSmtpReceiver({ headersOnly: true });
    const transport = createTransport({ host: smtp.host, port: smtp.port, secure: false, ignoreTLS: true });
    try {
      const key = `${'a'.repeat(36)}:email:${'b'.repeat(36)}`;
      const before = Date.now();
      await transport.sendMail({
        from: 'bench@example.org',
        to: 'member@example.org',
        subject: 'Introduced',
        text: 'A body that is not kept.',
        headers: { 'X-WaterBridge-Delivery': key },
      });
      const [mail] = await smtp.waitFor(1);
      expect(mail.headers['x-waterbridge-delivery'].replace(/\s+/g, '')).toBe(key);
      expect([mail.to, mail.subject, mail.text, mail.raw.includes('A body')]).toEqual([['member@example.org'], 'Introduced', '', false]);
      expect(mail.at).toBeGreaterThanOrEqual(before);
    } finally {
      transport.close();
      await smtp.stop();
    }
  });
});
