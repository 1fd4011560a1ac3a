import { DomainError } from '../common/domain-error';
import { assertAcceptablePassword, passwordProblem } from './password-policy';

describe('password rules', () => {
  it('accept the demo password, the test password and a pass phrase', () => {
    expect(passwordProblem('waterbridge-demo', 'coordinator@demo.waterbridge.org')).toBeUndefined();
    expect(passwordProblem('correct horse battery staple', 'user-1a2b@example.org')).toBeUndefined();
    expect(passwordProblem('水务合作 2025 丝路', 'li@example.cn')).toBeUndefined();
  });

  it('want 12 to 200 characters, counted as characters, not bytes', () => {
    expect(passwordProblem('eleven chrs')).toBe('must be at least 12 characters long');
    expect(passwordProblem('twelve chars')).toBeUndefined();
    expect(passwordProblem('水'.repeat(11))).toBe('must be at least 12 characters long');
    expect(passwordProblem('ab'.repeat(100))).toBeUndefined();
    expect(passwordProblem('ab'.repeat(100) + 'c')).toBe('must be at most 200 characters long');
  });

  it('refuse one character repeated', () => {
    expect(passwordProblem('aaaaaaaaaaaaaaaa')).toBe('must not be one character repeated');
    expect(passwordProblem('                ')).toBe('must not be one character repeated');
  });

  it("refuse the e-mail address's name, in any case, when it has 4 characters or more", () => {
    expect(passwordProblem('my Amara.Perera pass', 'amara.perera@water.lk')).toBe(
      'must not contain the name of the e-mail address (the part before @)',
    );
    expect(passwordProblem('the lion sleeps tonight', 'li@example.cn')).toBeUndefined();
  });

  it('refuse the most common passwords, in any case', () => {
    expect(passwordProblem('password123456')).toBe('is one of the most common passwords: choose another');
    expect(passwordProblem('QwertyUiop12')).toBe('is one of the most common passwords: choose another');
    expect(passwordProblem('1q2w3e4r5t6y')).toBe('is one of the most common passwords: choose another');
  });

  it('name the field in a BAD_USER_INPUT', () => {
    try {
      assertAcceptablePassword('newPassword', 'short');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'newPassword',
        message: 'newPassword must be at least 12 characters long',
      });
    }
  });
});
