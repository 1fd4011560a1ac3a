import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/app-config';
import { startEmbeddedSmtp } from '../../src/infra/embedded/embedded-smtp';
import { MailDeliveryError, MailRepository } from '../../src/notifications/email/mail.repository';
import { freePort } from '../support/free-port';
import { SmtpReceiver, startSmtpReceiver } from '../support/smtp-receiver';

const chineseMail = (messageId: string) => ({
  to: 'zhang.wei@blueriver.example.cn',
  subject: '新的合作机会：科伦坡供水管网漏损控制（LK，匹配度 87%）',
  text: '您好，张伟：\n新发布的需求“科伦坡供水管网漏损控制”与贵公司高度匹配。\n',
  html: '<p>您好，张伟：</p><p>新发布的需求“科伦坡供水管网漏损控制”与贵公司高度匹配。</p>',
  messageId,
  headers: { 'WaterBridge-Delivery': messageId },
});

/** The e-mail channel against a real SMTP server on loopback: what arrives, and how an outage looks to the caller. */
describe('MailRepository', () => {
  let receiver: SmtpReceiver;
  let transport: MailRepository;
  const password = 'S3cret-smtp-passw0rd';

  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    transport = new MailRepository(
      loadConfig({ SMTP_HOST: receiver.host, SMTP_PORT: String(receiver.port), MAIL_FROM: 'WaterBridge <notifications@waterbridge.test>' }),
    );
  });
  afterAll(async () => {
    transport.onModuleDestroy();
    await receiver.stop();
  });
  beforeEach(() => receiver.messages.splice(0));

  it('delivers a Chinese e-mail intact, with the stable Message-ID and reply code 250', async () => {
    const result = await transport.send(chineseMail('email-6f1c2a-zh'));

    expect(result.statusCode).toBe(250);
    expect(result.response).toMatch(/^250/);
    const [mail] = await receiver.waitFor(1);
    expect(mail.to).toEqual(['zhang.wei@blueriver.example.cn']);
    expect(mail.from).toContain('notifications@waterbridge.test');
    expect(mail.subject).toBe('新的合作机会：科伦坡供水管网漏损控制（LK，匹配度 87%）');
    expect(mail.text).toContain('新发布的需求“科伦坡供水管网漏损控制”与贵公司高度匹配。');
    expect(mail.html).toContain('<p>您好，张伟：</p>');
    expect(mail.messageId).toBe('<email-6f1c2a-zh@waterbridge>');
    expect(mail.headers['waterbridge-delivery']).toBe('email-6f1c2a-zh');
  });

  it('keeps the Message-ID of a resend, so the receiving side can tell it is the same message', async () => {
    await transport.send(chineseMail('email.9b2e.user-42'));
    await transport.send(chineseMail('email.9b2e.user-42'));
    const [first, second] = await receiver.waitFor(2);
    expect(first.messageId).toBe('<email.9b2e.user-42@waterbridge>');
    expect(second.messageId).toBe(first.messageId);
  });

  it('fails fast with a MailDeliveryError while the server is down, and delivers again once it is back', async () => {
    // The pool holds an open connection from the tests above: the outage must also reach that one.
    await receiver.down();
    const authed = new MailRepository(
      loadConfig({ SMTP_HOST: receiver.host, SMTP_PORT: String(receiver.port), SMTP_USER: 'waterbridge', SMTP_PASSWORD: password }),
    );
    try {
      for (const t of [transport, authed]) {
        const started = Date.now();
        const error = await t.send(chineseMail('during-outage')).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(MailDeliveryError);
        expect(Date.now() - started).toBeLessThan(15_000);
        expect((error as Error).message).toContain(`${receiver.host}:${receiver.port}`);
        expect((error as Error).message).not.toContain(password);
        expect((error as Error).message).not.toContain(Buffer.from(password).toString('base64'));
      }
    } finally {
      authed.onModuleDestroy();
    }

    await receiver.up();
    const result = await transport.send(chineseMail('after-outage'));
    expect(result.statusCode).toBe(250);
    const [mail] = await receiver.waitFor(1);
    expect(mail.messageId).toBe('<after-outage@waterbridge>');
  });

  it('sends nothing in the clear when SMTP_REQUIRE_TLS is on and the server offers no STARTTLS', async () => {
    const strict = new MailRepository(loadConfig({ SMTP_HOST: receiver.host, SMTP_PORT: String(receiver.port), SMTP_REQUIRE_TLS: 'true' }));
    try {
      const error = (await strict.send(chineseMail('must-be-encrypted')).catch((e: unknown) => e)) as MailDeliveryError;
      expect(error).toBeInstanceOf(MailDeliveryError);
      expect(error.message).toMatch(/^SMTP delivery via 127\.0\.0\.1:\d+ failed/);
      expect(receiver.messages).toHaveLength(0);
    } finally {
      strict.onModuleDestroy();
    }
    // The same server takes the message from a transport that does not insist.
    await transport.send(chineseMail('in-the-clear'));
    expect(await receiver.waitFor(1)).toHaveLength(1);
  });

  it('reports a refused login with the server’s reply code, without the password', async () => {
    // The receiver offers AUTH but accepts no login, as a provider does with a wrong password.
    const wrongLogin = new MailRepository(
      loadConfig({ SMTP_HOST: receiver.host, SMTP_PORT: String(receiver.port), SMTP_USER: 'waterbridge', SMTP_PASSWORD: password }),
    );
    try {
      const error = (await wrongLogin.send(chineseMail('bad-login')).catch((e: unknown) => e)) as MailDeliveryError;
      expect(error).toBeInstanceOf(MailDeliveryError);
      expect(error.statusCode).toBe(535);
      expect(error.permanent).toBe(true);
      expect(error.message).not.toContain(password);
      expect(receiver.messages).toHaveLength(0);
    } finally {
      wrongLogin.onModuleDestroy();
    }
  });

  it('refuses to send without SMTP_HOST, saying what to set', async () => {
    const unconfigured = new MailRepository(loadConfig({}));
    expect(unconfigured.configured).toBe(false);
    await expect(unconfigured.send(chineseMail('nowhere'))).rejects.toThrow(
      new MailDeliveryError('SMTP is not configured (set SMTP_HOST)'),
    );
  });
});

/** The catcher `npm start` runs when no SMTP_HOST is set. */
describe('embedded mail catcher', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'waterbridge-mail-'));
    chmodSync(dir, 0o711);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps each e-mail sent to it as an .eml file', async () => {
    const catcher = await startEmbeddedSmtp({ dir: join(dir, 'mail'), port: await freePort() });
    const transport = new MailRepository(loadConfig({ SMTP_HOST: catcher.host, SMTP_PORT: String(catcher.port) }));
    try {
      expect(transport.configured).toBe(true);
      const result = await transport.send({
        ...chineseMail('caught-1'),
        subject: 'Blue River Water Engineering has been introduced for your need',
      });
      expect(result.statusCode).toBe(250);

      const files = readdirSync(catcher.dir).filter((f) => f.endsWith('.eml'));
      expect(files).toHaveLength(1);
      const eml = readFileSync(join(catcher.dir, files[0]), 'utf8');
      expect(eml).toContain('Subject: Blue River Water Engineering has been introduced for your need');
      expect(eml).toContain('Message-ID: <caught-1@waterbridge>');
    } finally {
      transport.onModuleDestroy();
      await catcher.stop();
    }
  });
});
