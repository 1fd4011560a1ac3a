import { DomainError, ErrorCode } from '../../common/domain-error';
import { validateWebhookUrl, WEBHOOK_URL_MAX_LENGTH } from './webhook-url';

const STRICT = { http: false, privateNetworks: false };
const LOCAL = { http: true, privateNetworks: true };

function refusal(url: string, allow = STRICT): DomainError | undefined {
  try {
    validateWebhookUrl(url, allow);
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
}

describe('validateWebhookUrl', () => {
  it('accepts https URLs, trimmed', () => {
    expect(validateWebhookUrl('  https://hooks.example.cn/waterbridge?team=bd ', STRICT)).toBe(
      'https://hooks.example.cn/waterbridge?team=bd',
    );
    expect(validateWebhookUrl('https://8.8.4.4:8443/in', STRICT)).toBe('https://8.8.4.4:8443/in');
  });

  it('accepts http only when WEBHOOK_ALLOW_HTTP is on', () => {
    expect(refusal('http://hooks.example.cn/in')).toMatchObject({
      code: ErrorCode.BadUserInput,
      field: 'url',
      message: 'url must start with https://',
    });
    expect(validateWebhookUrl('http://hooks.example.cn/in', { http: true, privateNetworks: false })).toBe('http://hooks.example.cn/in');
  });

  it.each([
    'https://127.0.0.1:3999/hook',
    'https://10.0.0.5/in',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/in',
    'https://[::ffff:192.168.1.9]/in',
    'https://[fd00::7]/in',
    'https://0.0.0.0/in',
  ])('refuses %s, a loopback, private or reserved address, unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is on', (url) => {
    expect(refusal(url)).toMatchObject({
      code: ErrorCode.BadUserInput,
      field: 'url',
      message: 'url must not point to a loopback, private or reserved address',
    });
    expect(validateWebhookUrl(url, LOCAL)).toBe(url);
  });

  it.each([
    ['another scheme', 'ftp://files.example.org/in', LOCAL],
    ['a relative URL', '/webhooks/in', LOCAL],
    ['no URL at all', 'hooks.example.org', STRICT],
    ['credentials', 'https://user:pass@hooks.example.org/in', STRICT],
    ['a user name alone', 'https://user@hooks.example.org/in', STRICT],
    ['blank', '   ', STRICT],
    ['too long', `https://hooks.example.org/${'a'.repeat(WEBHOOK_URL_MAX_LENGTH)}`, STRICT],
    ['a javascript: URL', 'javascript:alert(1)', LOCAL],
  ])('refuses %s as BAD_USER_INPUT on url', (_what, url, allow) => {
    expect(refusal(url, allow)).toMatchObject({ code: ErrorCode.BadUserInput, field: 'url' });
  });
});
