import { twoSidedVisibility } from '../access/two-sided-visibility';
import { DonationEntity } from './donation.entity';

/** A donation is seen by its donor's and its recipient's members, and by the secretariat's staff. */
export const DonationVisibility = twoSidedVisibility<Pick<DonationEntity, 'donorId' | 'recipientId'>>({
  first: 'donorId',
  second: 'recipientId',
});
