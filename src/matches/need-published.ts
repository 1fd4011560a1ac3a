/** Queue of the job that, once a need is published, suggests its candidates and alerts the enterprises that fit it. */
export const NEED_PUBLISHED_QUEUE = 'need-published';
