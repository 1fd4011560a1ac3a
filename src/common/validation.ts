import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Matches, ValidateIf, ValidationOptions } from 'class-validator';
import { DomainError } from './domain-error';

/** Limits shared by every input, so the API is consistent. */
export const LIMITS = {
  title: 200,
  name: 200,
  description: 20_000,
  shortText: 500,
  listItems: 50,
  money: 1e13,
} as const;

/** The field may be left out (unchanged) but not set to null. */
export const NotNullIfPresent = () => ValidateIf((_object, value) => value !== undefined);

/** Rejects strings made only of white space. */
export const NotBlank = (options?: ValidationOptions) => Matches(/\S/, { message: '$property must not be blank', ...options });

/** Trims surrounding white space from a string input. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

function firstProblem(errors: ValidationError[], prefix = ''): { field: string; message: string } {
  const error = errors[0];
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  if (error.constraints) {
    const message = Object.values(error.constraints)[0];
    return { field, message };
  }
  return firstProblem(error.children ?? [], field);
}

/** Half of a surrogate pair: UTF-8 cannot carry it, so it would be stored as U+FFFD instead of what was sent. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/**
 * The first string in an argument (at any depth) that PostgreSQL cannot store as sent: one holding U+0000 (text
 * columns refuse it, so the write would fail as an internal error) or an unpaired surrogate (silently replaced).
 * Returns its path (`title`, `input.0.reason`) and what is wrong with it.
 */
export function unstorableText(value: unknown, path: readonly string[] = []): { path: string[]; problem: string } | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path: [...path], problem: 'must not contain the NUL character (U+0000)' };
    if (UNPAIRED_SURROGATE.test(value))
      return { path: [...path], problem: 'must be well-formed Unicode (it holds half of a surrogate pair)' };
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = unstorableText(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/** The validation pipe, which first refuses text that could not be stored as sent, in any argument of any operation. */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // 'custom' parameters are the app's own (the signed-in actor), not client input.
    if (metadata.type !== 'custom') {
      const found = unstorableText(value);
      if (found) {
        const field = found.path.length ? found.path.join('.') : (metadata.data ?? 'input');
        throw DomainError.badInput(field, `${field} ${found.problem}`);
      }
    }
    return super.transform(value, metadata);
  }
}

/**
 * Every argument is validated; the first broken rule becomes BAD_USER_INPUT naming its field. Text PostgreSQL cannot
 * store as sent (NUL, unpaired surrogates) is refused the same way, whatever the field.
 */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const { field, message } = firstProblem(errors);
      const leaf = field.split('.').at(-1) ?? field;
      return DomainError.badInput(field, message.startsWith(leaf) ? `${field}${message.slice(leaf.length)}` : `${field}: ${message}`);
    },
  });
}

/**
 * The fields an update actually sets. Input classes may carry declared-but-absent fields as `undefined`; those mean
 * "leave unchanged" and must not overwrite stored values.
 */
export function definedFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Source titles can be longer than the API accepts; cut on a word boundary. */
export function fitTitle(title: string, max = LIMITS.title): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length)}…`;
}
