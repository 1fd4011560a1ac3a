import { DomainError } from '../common/domain-error';

export enum DonationStatus {
  PLEDGED = 'PLEDGED',
  APPROVED = 'APPROVED',
  SHIPPED = 'SHIPPED',
  HANDED_OVER = 'HANDED_OVER',
  IN_OPERATION = 'IN_OPERATION',
  REFUSED = 'REFUSED',
  WITHDRAWN = 'WITHDRAWN',
}

/**
 * An equipment donation's lifecycle: PLEDGED (by the donor) → APPROVED (by a coordinator) → SHIPPED → HANDED_OVER →
 * IN_OPERATION; until it ships, a coordinator may refuse it (a pledge, or an approval whose donor stopped answering:
 * only the donor withdraws) and the donor withdraw it.
 */
const ALLOWED: Record<DonationStatus, readonly DonationStatus[]> = {
  [DonationStatus.PLEDGED]: [DonationStatus.APPROVED, DonationStatus.REFUSED, DonationStatus.WITHDRAWN],
  [DonationStatus.APPROVED]: [DonationStatus.SHIPPED, DonationStatus.REFUSED, DonationStatus.WITHDRAWN],
  [DonationStatus.SHIPPED]: [DonationStatus.HANDED_OVER],
  [DonationStatus.HANDED_OVER]: [DonationStatus.IN_OPERATION],
  [DonationStatus.IN_OPERATION]: [],
  [DonationStatus.REFUSED]: [],
  [DonationStatus.WITHDRAWN]: [],
};

export function assertDonationMove(from: DonationStatus, to: DonationStatus): void {
  if (!ALLOWED[from].includes(to)) throw DomainError.conflict(`A donation in status ${from} cannot move to ${to}`);
}

/**
 * Who may make each move: the donor's members, the recipient's, coordinators. Coordinators record a party's move on its
 * behalf (a shipment, a handover: the audit trail says who); taking a pledge back is the donor's own decision.
 */
export type DonationParty = 'DONOR' | 'RECIPIENT' | 'COORDINATOR';
export const MOVERS: Record<DonationStatus, readonly DonationParty[]> = {
  [DonationStatus.PLEDGED]: [],
  [DonationStatus.APPROVED]: ['COORDINATOR'],
  [DonationStatus.REFUSED]: ['COORDINATOR'],
  [DonationStatus.WITHDRAWN]: ['DONOR'],
  // The donor ships, or the secretariat records that it did.
  [DonationStatus.SHIPPED]: ['DONOR', 'COORDINATOR'],
  // The recipient confirms it received the equipment, or the secretariat records it.
  [DonationStatus.HANDED_OVER]: ['RECIPIENT', 'COORDINATOR'],
  [DonationStatus.IN_OPERATION]: ['RECIPIENT', 'COORDINATOR'],
};
