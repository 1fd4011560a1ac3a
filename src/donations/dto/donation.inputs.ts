import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../common/pagination';
import { LIMITS, NotBlank, Trim } from '../../common/validation';
import { DonationStatus } from '../donation-status';

@InputType({ description: 'One kind of item given.' })
export class DonatedItemInput {
  @Field({ description: 'What it is.' })
  @Trim()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.name)
  name: string;

  @Field(() => Int, { description: 'How many (1–1,000,000).' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity: number;

  @Field(() => Float, { nullable: true, description: 'Value of one, in the donation’s currency.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(LIMITS.money)
  unitValue?: number | null;
}

@InputType({ description: 'Equipment your enterprise pledges (coordinators: for any enterprise, naming it).' })
export class PledgeDonationInput {
  @Field(() => ID, { nullable: true, description: 'Coordinators: the donor enterprise. Members always pledge for their own.' })
  @IsOptional()
  @IsUUID()
  donorId?: string | null;

  @Field(() => ID, { description: 'The recipient: a joint research centre or a partner agency.' })
  @IsUUID()
  recipientId: string;

  @Field(() => ID, { nullable: true, description: 'The need it answers (the recipient’s own).' })
  @IsOptional()
  @IsUUID()
  needId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The programme it belongs to.' })
  @IsOptional()
  @IsUUID()
  programmeId?: string | null;

  @Field({ description: `What is given, in a line (at most ${LIMITS.title} characters).` })
  @Trim()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.title)
  title: string;

  @Field(() => [DonatedItemInput], { description: 'The items (1–50).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.listItems)
  @ValidateNested({ each: true })
  @Type(() => DonatedItemInput)
  items: DonatedItemInput[];

  @Field(() => Float, { nullable: true, description: 'Total value; left out, the items’ values summed.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(LIMITS.money)
  value?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the values (needed with any value).' })
  @Trim()
  @IsOptional()
  @IsString()
  @Length(3, 3)
  currency?: string | null;
}

@InputType({ description: 'A move of a donation, at the version you read.' })
export class MoveDonationInput {
  @Field(() => ID, { description: 'The donation.' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'Its version as you read it (CONFLICT when it changed since).' })
  @IsInt()
  version: number;

  @Field(() => DonationStatus, { description: 'Where it moves.' })
  @IsEnum(DonationStatus)
  to: DonationStatus;

  @Field(() => String, { nullable: true, description: 'HANDED_OVER: the day (YYYY-MM-DD, not in the future); today when left out.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'handedOverOn must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'handedOverOn must be a real calendar date' })
  handedOverOn?: string | null;

  @Field(() => String, { nullable: true, description: 'REFUSED, WITHDRAWN: why (required for REFUSED).' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.shortText)
  reason?: string | null;
}

@ArgsType()
export class DonationIdArgs {
  @Field(() => ID, { description: 'Donation id.' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class DonationsArgs extends PageArgs {
  @Field(() => DonationStatus, { nullable: true, description: 'Only donations in this status.' })
  @IsOptional()
  @IsEnum(DonationStatus)
  status?: DonationStatus;

  @Field(() => ID, { nullable: true, description: 'Only donations of this programme.' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @Field(() => ID, { nullable: true, description: 'Only donations answering this need.' })
  @IsOptional()
  @IsUUID()
  needId?: string;
}
