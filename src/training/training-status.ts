import { DomainError } from '../common/domain-error';

export enum TrainingStatus {
  PLEDGED = 'PLEDGED',
  APPROVED = 'APPROVED',
  COMPLETED = 'COMPLETED',
  REFUSED = 'REFUSED',
  WITHDRAWN = 'WITHDRAWN',
}

/**
 * A training course's lifecycle: PLEDGED (by the trainer) → APPROVED (coordinator) → COMPLETED; or REFUSED (by a
 * coordinator, before it is given: a pledge, or an approved course whose trainer stopped answering) / WITHDRAWN.
 */
const ALLOWED: Record<TrainingStatus, readonly TrainingStatus[]> = {
  [TrainingStatus.PLEDGED]: [TrainingStatus.APPROVED, TrainingStatus.REFUSED, TrainingStatus.WITHDRAWN],
  [TrainingStatus.APPROVED]: [TrainingStatus.COMPLETED, TrainingStatus.REFUSED, TrainingStatus.WITHDRAWN],
  [TrainingStatus.COMPLETED]: [],
  [TrainingStatus.REFUSED]: [],
  [TrainingStatus.WITHDRAWN]: [],
};

export function assertTrainingMove(from: TrainingStatus, to: TrainingStatus): void {
  if (!ALLOWED[from].includes(to)) throw DomainError.conflict(`A training course in status ${from} cannot move to ${to}`);
}

/** Who may make each move; as for donations, coordinators record a party's move for it, but the trainer alone withdraws. */
export type TrainingParty = 'TRAINER' | 'RECIPIENT' | 'COORDINATOR';
export const TRAINING_MOVERS: Record<TrainingStatus, readonly TrainingParty[]> = {
  [TrainingStatus.PLEDGED]: [],
  [TrainingStatus.APPROVED]: ['COORDINATOR'],
  [TrainingStatus.REFUSED]: ['COORDINATOR'],
  [TrainingStatus.WITHDRAWN]: ['TRAINER'],
  // The trainer reports the course given (trainees, hours, certificates), or the secretariat records it.
  [TrainingStatus.COMPLETED]: ['TRAINER', 'COORDINATOR'],
};
