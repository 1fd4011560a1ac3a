/** One field a mutation changed. Secrets are recorded as changed, never with their values. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  secret: boolean;
}

/**
 * Fields whose values never enter the trail (a password hash, a webhook signing secret, any token): the trail is read
 * by more people, and kept longer, than the secrets themselves.
 */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(['passwordHash', 'password', 'secret', 'token', 'refreshToken', 'tokenHash']);

/** A value as the trail stores it (JSON): dates as ISO strings, undefined as null. */
function auditValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields among `fields` whose value differs between `before` and `after` (null for a row created or deleted), in
 * the order given. Values compare as JSON, so equal arrays and dates are no change.
 */
export function changeEntry<T extends object>(before: T | null, after: T | null, fields: readonly string[]): FieldChange[] {
  const read = (row: T | null, field: string) => auditValue(row ? (row as Record<string, unknown>)[field] : null);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const [was, is] = [read(before, field), read(after, field)];
    if (same(was, is)) continue;
    const secret = SECRET_FIELDS.has(field);
    changes.push({ field, before: secret ? null : was, after: secret ? null : is, secret });
  }
  return changes;
}
