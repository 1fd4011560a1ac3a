import { unstorableText } from './validation';

describe('unstorableText', () => {
  it('finds NUL and unpaired surrogates at any depth, naming the path', () => {
    expect(unstorableText({ title: 'ok', site: 'a\u0000b' })).toEqual({ path: ['site'], problem: expect.stringContaining('NUL') });
    expect(unstorableText({ input: [{ reason: 'fine' }, { reason: 'x\uDC00' }] })).toEqual({
      path: ['input', '1', 'reason'],
      problem: expect.stringContaining('surrogate'),
    });
    expect(unstorableText('\uD800')).toEqual({ path: [], problem: expect.stringContaining('surrogate') });
  });

  it('lets any well-formed text through, whatever the script or the control characters', () => {
    expect(
      unstorableText({ title: '水处理 😀 e\u0301 \u202E \u0007\t\r\n', list: ['مياه', null, 3, true], nested: { deeper: ['\uFEFF'] } }),
    ).toBeUndefined();
  });
});
