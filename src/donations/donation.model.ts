import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination';
import { DonationEntity } from './donation.entity';
import { DonationStatus } from './donation-status';

registerEnumType(DonationStatus, {
  name: 'DonationStatus',
  description: 'Lifecycle of an equipment donation: PLEDGED → APPROVED → SHIPPED → HANDED_OVER → IN_OPERATION, or REFUSED / WITHDRAWN.',
  valuesMap: {
    PLEDGED: { description: 'Offered by the donor; waits for the secretariat.' },
    APPROVED: { description: 'Approved by a coordinator.' },
    SHIPPED: { description: 'On its way.' },
    HANDED_OVER: { description: 'Received by the recipient, on `handedOverOn`.' },
    IN_OPERATION: { description: 'Installed and in use.' },
    REFUSED: { description: 'Refused by a coordinator, with the reason: a pledge, or an approved donation before it ships.' },
    WITHDRAWN: { description: 'Taken back by the donor before it shipped.' },
  },
});

@ObjectType('DonatedItem', { description: 'One kind of item given.' })
export class DonatedItemModel {
  @Field({ description: 'What it is, e.g. "Portable water-quality laboratory".' })
  name: string;

  @Field(() => Int, { description: 'How many.' })
  quantity: number;

  @Field(() => Float, { nullable: true, description: 'Value of one, in the donation’s currency.' })
  unitValue: number | null;
}

@ObjectType('Donation', {
  description: 'Equipment an enterprise gives to a joint centre or a partner agency. Seen by both sides and the secretariat.',
})
export class DonationModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  donorId: string;
  recipientId: string;
  needId: string | null;
  programmeId: string | null;

  @Field(() => ID, { nullable: true, description: 'The match whose outcome its handover was recorded as.' })
  matchId: string | null;

  @Field({ description: 'What is given, in a line.' })
  title: string;

  @Field(() => [DonatedItemModel], { description: 'The items.' })
  items: DonatedItemModel[];

  @Field(() => Float, { nullable: true, description: 'Total value, in `currency`.' })
  value: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the value.' })
  currency: string | null;

  @Field(() => DonationStatus, { description: 'Where it stands.' })
  status: DonationStatus;

  @Field(() => String, { nullable: true, description: 'When it was handed over (YYYY-MM-DD).' })
  handedOverOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was refused or withdrawn.' })
  reason: string | null;

  @Field(() => Int, { description: 'Its version as you read it: pass it back with a move.' })
  version: number;

  @Field({ description: 'When it was pledged.' })
  createdAt: Date;

  @Field({ description: 'When it last changed.' })
  updatedAt: Date;
}

export function toDonationModel(d: DonationEntity): DonationModel {
  return {
    id: d.id,
    donorId: d.donorId,
    recipientId: d.recipientId,
    needId: d.needId,
    programmeId: d.programmeId,
    matchId: d.matchId,
    title: d.title,
    items: d.items.map((i) => ({ name: i.name, quantity: i.quantity, unitValue: i.unitValue })),
    value: d.value,
    currency: d.currency,
    status: d.status,
    handedOverOn: d.handedOverOn,
    reason: d.reason,
    version: d.version,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export const DonationConnection = ConnectionType(DonationModel, 'Donation');
