import { DomainError } from '../common/domain-error';
import commonPasswords from './common-passwords.json';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
/** A shorter local part ("li@…", "wu@…") would refuse too many good passwords that merely contain it. */
const LOCAL_PART_MIN = 4;

/** Well-known passwords of 12 characters or more (shorter ones fail the length rule anyway), lower-cased. */
const COMMON = new Set<string>(commonPasswords.map((p) => p.toLowerCase()));

/**
 * Why a new password is refused ("must be at least 12 characters long"), or undefined when it is acceptable. The one
 * rule for every place a password is set (createUser, changePassword, DEMO_PASSWORD); signing in does not apply it, so
 * passwords set under older rules keep working. `email` is the account's address, when known.
 */
export function passwordProblem(password: string, email?: string): string | undefined {
  const characters = [...password];
  if (characters.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters long`;
  if (characters.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters long`;
  if (new Set(characters).size === 1) return 'must not be one character repeated';
  const lower = password.toLowerCase();
  const localPart = email?.trim().toLowerCase().split('@')[0] ?? '';
  if (localPart.length >= LOCAL_PART_MIN && lower.includes(localPart))
    return 'must not contain the name of the e-mail address (the part before @)';
  if (COMMON.has(lower)) return 'is one of the most common passwords: choose another';
  return undefined;
}

/** BAD_USER_INPUT naming `field` when the password breaks a rule of passwordProblem. */
export function assertAcceptablePassword(field: string, password: string, email?: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw DomainError.badInput(field, `${field} ${problem}`);
}
