/**
 * Every queue and what its jobs carry: `JobQueueService.send`, `insert` and `register` are typed by it, so the producer and
 * the handler of a job agree at compile time. Plain types only: this folder imports no domain folder (the queue
 * name constants stay with their domains, and must equal a key here to compile).
 */
export interface JobPayloads {
  'need-published': { needId: string };
  /** `reason` names why, when it is not the need's own move (e.g. its deadline passed). */
  'need-closed': { needId: string; reason?: string };
  'need-deadlines': object;
  'match-reminders': object;
  /** `attempt`: consecutive failed attempts before this one (drives the backoff). */
  'search-sync': { attempt?: number };
  'notification-fanout': object;
  'notification-delivery': { deliveryId: string };
  'notification-delivery-sweep': object;
  'notification-digest': object;
  'matching-refit': object;
  'meeting-reminders': object;
}

export type JobName = keyof JobPayloads;

/** Queues whose job carries nothing required: they can be scheduled, and nudged with an empty job. */
export type BareJobName = { [N in JobName]: object extends JobPayloads[N] ? N : never }[JobName];
