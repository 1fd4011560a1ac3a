import { DomainError, ErrorCode } from '../../common/domain-error';
import { validateWebhookUrl, WEBHOOK_URL_MAX_LENGTH } from './webhook-url';

function refusal(url: string, allowHttp = false): DomainError | undefined {
  try {
    validateWebhookUrl(url, allowHttp);
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
}

describe('validateWebhookUrl', () => {
  it('accepts https URLs, trimmed', () => {
    expect(validateWebhookUrl('  https://hooks.example.cn/waterbridge?team=bd ', false)).toBe('https://hooks.example.cn/waterbridge?team=bd');
    expect(validateWebhookUrl('https://10.0.0.5:8443/in', false)).toBe('https://10.0.0.5:8443/in');
  });

  it('accepts http only when WEBHOOK_ALLOW_HTTP is on', () => {
    expect(refusal('http://127.0.0.1:3999/hook')).toMatchObject({ code: ErrorCode.BadUserInput, field: 'url', message: 'url must start with https://' });
    expect(validateWebhookUrl('http://127.0.0.1:3999/hook', true)).toBe('http://127.0.0.1:3999/hook');
  });

  it.each([
    ['another scheme', 'ftp://files.example.org/in', true],
    ['a relative URL', '/webhooks/in', true],
    ['no URL at all', 'hooks.example.org', false],
    ['credentials', 'https://user:pass@hooks.example.org/in', false],
    ['a user name alone', 'https://user@hooks.example.org/in', false],
    ['blank', '   ', false],
    ['too long', `https://hooks.example.org/${'a'.repeat(WEBHOOK_URL_MAX_LENGTH)}`, false],
    ['a javascript: URL', 'javascript:alert(1)', true],
  ])('refuses %s as BAD_USER_INPUT on url', (_what, url, allowHttp) => {
    expect(refusal(url, allowHttp)).toMatchObject({ code: ErrorCode.BadUserInput, field: 'url' });
  });
});
