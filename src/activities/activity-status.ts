import { DomainError } from '../common/domain-error';

export enum ActivityKind {
  FIELD_INVESTIGATION = 'FIELD_INVESTIGATION',
  CONFERENCE = 'CONFERENCE',
  EXHIBITION = 'EXHIBITION',
  SEMINAR = 'SEMINAR',
  TRAINING_COURSE = 'TRAINING_COURSE',
  EQUIPMENT_HANDOVER = 'EQUIPMENT_HANDOVER',
}

export enum ActivityStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  HELD = 'HELD',
  REPORTED = 'REPORTED',
  CANCELLED = 'CANCELLED',
}

/** An activity's lifecycle: DRAFT → OPEN (registration) → CLOSED → HELD → REPORTED; CANCELLED before it is held. */
const ALLOWED: Record<ActivityStatus, readonly ActivityStatus[]> = {
  [ActivityStatus.DRAFT]: [ActivityStatus.OPEN, ActivityStatus.CANCELLED],
  [ActivityStatus.OPEN]: [ActivityStatus.CLOSED, ActivityStatus.CANCELLED],
  [ActivityStatus.CLOSED]: [ActivityStatus.OPEN, ActivityStatus.HELD, ActivityStatus.CANCELLED],
  [ActivityStatus.HELD]: [ActivityStatus.REPORTED],
  [ActivityStatus.REPORTED]: [],
  [ActivityStatus.CANCELLED]: [],
};

export function canMoveActivity(from: ActivityStatus, to: ActivityStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function assertActivityMove(from: ActivityStatus, to: ActivityStatus): void {
  if (!canMoveActivity(from, to)) throw DomainError.conflict(`An activity in status ${from} cannot move to ${to}`);
}

/** Statuses in which registrations may still change (cancelled, confirmed, promoted from the waiting list). */
export const REGISTRATION_LIVE_STATUSES: readonly ActivityStatus[] = [ActivityStatus.OPEN, ActivityStatus.CLOSED];

export enum RegistrationStatus {
  /** Holds a seat; waits for a coordinator's confirmation. */
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  /** No seat left when registered: waits on the list, moved up in order as seats free. */
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
  REFUSED = 'REFUSED',
}

/** Registrations that hold a seat. */
export const SEAT_HOLDING: readonly RegistrationStatus[] = [RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED];

/** A registration's lifecycle; WAITLISTED → PENDING is the waiting list moving up (the system's move). */
const REGISTRATION_ALLOWED: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  [RegistrationStatus.PENDING]: [RegistrationStatus.CONFIRMED, RegistrationStatus.REFUSED, RegistrationStatus.CANCELLED],
  [RegistrationStatus.CONFIRMED]: [RegistrationStatus.CANCELLED],
  [RegistrationStatus.WAITLISTED]: [RegistrationStatus.PENDING, RegistrationStatus.REFUSED, RegistrationStatus.CANCELLED],
  [RegistrationStatus.CANCELLED]: [],
  [RegistrationStatus.REFUSED]: [],
};

export function assertRegistrationMove(from: RegistrationStatus, to: RegistrationStatus): void {
  if (!REGISTRATION_ALLOWED[from].includes(to)) throw DomainError.conflict(`A registration in status ${from} cannot move to ${to}`);
}
