import { DomainError } from '../common/domain-error';

export enum NeedStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  IN_REVIEW = 'IN_REVIEW',
  MATCHED = 'MATCHED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}

/** The need lifecycle: DRAFT → OPEN → IN_REVIEW → MATCHED → CLOSED, or WITHDRAWN before it is matched. */
const ALLOWED: Record<NeedStatus, readonly NeedStatus[]> = {
  [NeedStatus.DRAFT]: [NeedStatus.OPEN, NeedStatus.WITHDRAWN],
  [NeedStatus.OPEN]: [NeedStatus.IN_REVIEW, NeedStatus.CLOSED, NeedStatus.WITHDRAWN],
  [NeedStatus.IN_REVIEW]: [NeedStatus.OPEN, NeedStatus.MATCHED, NeedStatus.CLOSED, NeedStatus.WITHDRAWN],
  [NeedStatus.MATCHED]: [NeedStatus.CLOSED],
  [NeedStatus.CLOSED]: [],
  [NeedStatus.WITHDRAWN]: [],
};

/** Statuses anyone may see; drafts and withdrawn needs stay with their owner and the coordinators. */
export const PUBLISHED_NEED_STATUSES: readonly NeedStatus[] = [
  NeedStatus.OPEN,
  NeedStatus.IN_REVIEW,
  NeedStatus.MATCHED,
  NeedStatus.CLOSED,
];

/** Statuses in which a need takes candidates and introductions. */
export const RECRUITING_NEED_STATUSES: readonly NeedStatus[] = [NeedStatus.OPEN, NeedStatus.IN_REVIEW];

/** Statuses in which the owner may still edit the need's content. */
export const EDITABLE_NEED_STATUSES: readonly NeedStatus[] = [NeedStatus.DRAFT, NeedStatus.OPEN];

export function canMove(from: NeedStatus, to: NeedStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function assertMove(from: NeedStatus, to: NeedStatus): void {
  if (!canMove(from, to)) {
    throw DomainError.conflict(`A need in status ${from} cannot move to ${to}`);
  }
}
