/** The token of an `Authorization: Bearer <token>` header; null for anything else. */
export function bearerTokenOf(header: string | string[] | undefined): string | null {
  return typeof header === 'string' ? (/^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? null) : null;
}
