/** A dependency that does not answer in time counts as down: a probe must never hang its caller. */
export class ProbeTimeout extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
  }
}

export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout(ms)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Why a dependency failed, short and safe to show on a public endpoint: a system error code (ECONNREFUSED …) where
 * one is found along the causes, else the innermost cause's message (fetch wraps the useful one) without URLs, which
 * would name internal hosts.
 */
export function shortReason(error: unknown): string {
  let innermost: unknown = error;
  // Duck-typed: errors from Node's fetch may come from another realm, where instanceof Error fails.
  for (
    let cause: unknown = error, depth = 0;
    typeof cause === 'object' && cause !== null && depth < 5;
    cause = (cause as { cause?: unknown }).cause, depth++
  ) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    if (typeof (cause as { message?: unknown }).message === 'string') innermost = cause;
  }
  const message =
    typeof (innermost as { message?: unknown } | null)?.message === 'string' ? (innermost as { message: string }).message : String(error);
  return message.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<url>').slice(0, 120);
}
