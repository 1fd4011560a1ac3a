import { ArgsType, Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { PageArgs } from '../../common/pagination';
import { LIMITS, NotBlank, Trim } from '../../common/validation';
import { OrganizationKind, VerificationStatus } from '../organization.entity';

const PHONE = /^\+?[0-9 ()./-]{5,30}$/;

@InputType({ description: "One of a joint research centre's host institutions." })
export class HostInstitutionInput {
  @Field({ description: `Name (at most ${LIMITS.name} characters).` })
  @Trim()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.name)
  name: string;

  @Field({ description: 'ISO 3166-1 alpha-2 code of its country.' })
  @Trim()
  @IsString()
  @Length(2, 2)
  countryCode: string;
}

@InputType({ description: 'A new organisation (admins only).' })
export class CreateOrganizationInput {
  @Field(() => OrganizationKind, { description: 'Enterprise, agency, research centre or secretariat.' })
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field({ description: `Name in English (at most ${LIMITS.name} characters).` })
  @Trim()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.name)
  nameEn: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.name)
  nameZh?: string | null;

  @Field(() => String, { nullable: true, description: 'Name in the local language.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.name)
  nameLocal?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2 code of the country the organisation is based in.' })
  @Trim()
  @IsString()
  @Length(2, 2)
  countryCode: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Agencies only: ISO 3166-1 alpha-2 codes of the countries besides its own where it posts needs. Once the agency is verified, only an admin changes these and countryCode.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(250)
  @IsString({ each: true })
  @Length(2, 2, { each: true })
  countriesServed?: string[] | null;

  @Field(() => [HostInstitutionInput], {
    nullable: true,
    description:
      'Research centres only: the host institutions on both sides (at most 10), e.g. a CAS institute and a national water authority.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => HostInstitutionInput)
  hostInstitutions?: HostInstitutionInput[] | null;

  @Field(() => String, { nullable: true, description: 'Web site (http or https URL).' })
  @Trim()
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(LIMITS.shortText)
  website?: string | null;

  @Field(() => String, { nullable: true, description: `What the organisation does (at most ${LIMITS.description} characters).` })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'For enterprises: the group it belongs to.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.name)
  parentGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact e-mail (private).' })
  @Trim()
  @IsOptional()
  @IsEmail()
  @MaxLength(LIMITS.shortText)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone (private).' })
  @Trim()
  @IsOptional()
  @Matches(PHONE, { message: 'contactPhone must be a phone number (digits, spaces, + ( ) . / -)' })
  contactPhone?: string | null;

  @Field(() => VerificationStatus, { nullable: true, description: 'Initial verification status; PENDING when left out.' })
  @IsOptional()
  @IsEnum(VerificationStatus)
  verificationStatus?: VerificationStatus;
}

@InputType({ description: 'Changes to an organisation: fields left out stay as they are; optional fields can be cleared with null.' })
export class UpdateOrganizationInput extends PartialType(OmitType(CreateOrganizationInput, ['kind', 'verificationStatus'] as const)) {
  @Field(() => ID, { description: 'The organisation to change.' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationKind, { nullable: true, description: 'Only organisations of this kind.' })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field({ nullable: true, description: 'Only organisations based in this country (ISO 3166-1 alpha-2).' })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  countryCode?: string;

  @Field(() => VerificationStatus, {
    nullable: true,
    description: 'Only organisations with this verification status (others than VERIFIED are visible to staff only).',
  })
  @IsOptional()
  @IsEnum(VerificationStatus)
  verificationStatus?: VerificationStatus;

  @Field({ nullable: true, description: 'Only enterprises of this parent group.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.name)
  parentGroup?: string;

  @Field({ nullable: true, description: 'Case-insensitive part of the English, Chinese or local name.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.name)
  nameContains?: string;
}
