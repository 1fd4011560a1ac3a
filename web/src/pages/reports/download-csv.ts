import { CombinedGraphQLErrors } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';
import { tokenOf } from '../../session';

/** The file name the server gives (`attachment; filename="…"`), else `fallback`. */
function fileNameOf(disposition: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Fetches the report's CSV file with this session's bearer token (a plain link could not send it) and saves it as the
 * browser saves any download. A refusal comes as JSON shaped like a GraphQL error (`{"errors": [{message, extensions}]}`):
 * it is thrown as one, so the page shows its message and code as it shows any other error.
 */
export async function downloadCsv(path: string, fallbackName: string): Promise<void> {
  const token = tokenOf();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: GraphQLFormattedError[] } | null;
    throw new CombinedGraphQLErrors({ errors: body?.errors?.length ? body.errors : [{ message: response.statusText }] });
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
