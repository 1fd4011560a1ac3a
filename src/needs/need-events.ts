/**
 * The events the needs domain emits, as durable jobs enqueued in the transaction of the move: their queue names (the
 * payloads are in src/jobs/job-map.ts). Matching consumes them (src/matches/need-published.job.ts,
 * need-closed.job.ts); the needs domain imports nothing of matches.
 */

/** Queue of the job that, once a need is published, suggests its candidates and alerts the enterprises that fit it. */
export const NEED_PUBLISHED_QUEUE = 'need-published';

/** Queue of the job that closes a need's open matches once the need stops taking introductions (see NeedClosedJob). */
export const NEED_CLOSED_QUEUE = 'need-closed';
