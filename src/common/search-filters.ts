/** A Meilisearch filter value: always a quoted string, so user input can never change the expression. */
export const quote = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export const equals = (field: string, value: string | undefined): string | undefined =>
  value === undefined ? undefined : `${field} = ${quote(value)}`;

export const oneOf = (field: string, values: readonly string[]): string => `${field} IN [${values.map(quote).join(', ')}]`;

/** AND of the clauses given; undefined when there are none. */
export function allOf(...clauses: Array<string | undefined>): string | undefined {
  const present = clauses.filter((c): c is string => c !== undefined);
  return present.length === 0 ? undefined : present.map((c) => `(${c})`).join(' AND ');
}
