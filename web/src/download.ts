import { tokenOf } from './session';

/** A refusal of a file endpoint (its body shaped as a GraphQL error, with the same codes), shown as any other error. */
export class FileRefusal extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/**
 * Fetches a file of the API with this session's bearer token (a plain link could not send it) and saves it under
 * `fileName`, as the browser saves any download.
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const token = tokenOf();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    // Shaped as a GraphQL error: { errors: [{ message, extensions: { code } }] }.
    const body = (await response.json().catch(() => null)) as {
      errors?: Array<{ message?: string; extensions?: { code?: string } }>;
    } | null;
    const first = body?.errors?.[0];
    throw new FileRefusal(first?.message ?? response.statusText, first?.extensions?.code ?? null);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
