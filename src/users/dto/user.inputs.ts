import { ArgsType, Field, ID, InputType, PickType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageArgs } from '../../common/pagination';
import { LIMITS, NotBlank, NotNullIfPresent, Trim } from '../../common/validation';
import { Language, Role } from '../../access/actor';
import { PASSWORD_MAX, PASSWORD_MIN } from '../password-policy';

/** What the password rules ask for, as told to clients (the rules themselves: src/users/password-policy.ts). */
const PASSWORD_RULES = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters, not one of the most common passwords, not containing the name of the e-mail address`;

@InputType({ description: 'A new user account (admins only).' })
export class CreateUserInput {
  @Field({ description: 'E-mail address; unique, case-insensitive.' })
  @Trim()
  @IsEmail()
  @MaxLength(LIMITS.shortText)
  email: string;

  @Field({ description: 'Name shown to others.' })
  @Trim()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.name)
  displayName: string;

  @Field({ description: `Initial password (${PASSWORD_RULES}).` })
  @IsString()
  password: string;

  @Field(() => ID, { description: 'Organisation the user belongs to.' })
  @IsUUID()
  organizationId: string;

  @Field(() => Role, { description: 'Role; must fit the organisation kind (enterprise members in enterprises, etc.).' })
  @IsEnum(Role)
  role: Role;

  @Field(() => Language, { nullable: true, description: 'Language; EN when left out.' })
  @IsOptional()
  @IsEnum(Language)
  preferredLanguage?: Language;
}

@InputType({ description: 'Changes an admin makes to a user account; fields left out stay as they are.' })
export class UpdateUserInput {
  @Field(() => ID, { description: 'The user to change.' })
  @IsUUID()
  id: string;

  @Field({ nullable: true, description: 'Name shown to others.' })
  @Trim()
  @NotNullIfPresent()
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.name)
  displayName?: string;

  @Field(() => Role, { nullable: true, description: 'New role; must fit the organisation kind.' })
  @NotNullIfPresent()
  @IsEnum(Role)
  role?: Role;

  @Field(() => Language, { nullable: true, description: 'Language.' })
  @NotNullIfPresent()
  @IsEnum(Language)
  preferredLanguage?: Language;

  @Field({ nullable: true, description: 'Whether the user may sign in; false also invalidates their tokens.' })
  @NotNullIfPresent()
  @IsBoolean()
  active?: boolean;
}

@InputType({ description: 'Changes a user makes to their own profile; fields left out stay as they are.' })
export class UpdateMyProfileInput extends PickType(UpdateUserInput, ['displayName', 'preferredLanguage'] as const) {}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only members of this organisation.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => Role, { nullable: true, description: 'Only users with this role.' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;
}

@ArgsType()
export class LoginArgs {
  @Field({ description: 'E-mail address.' })
  @Trim()
  @IsString()
  @MaxLength(LIMITS.shortText)
  email: string;

  @Field({ description: 'Password.' })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field({ description: 'The current password.' })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword: string;

  @Field({ description: `The new password (${PASSWORD_RULES}).` })
  @IsString()
  newPassword: string;
}
