import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class RefreshTokenArgs {
  @Field({ description: 'The refresh token of the last `login` or `refreshToken`.' })
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

@ArgsType()
export class LogoutArgs {
  @Field({ description: 'The refresh token of the session to sign out (the last one `login` or `refreshToken` gave).' })
  @IsString()
  @MaxLength(200)
  refreshToken: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Sign out every session of the account, on every device: all its refresh tokens and bearer tokens stop working.',
  })
  @IsOptional()
  @IsBoolean()
  allSessions?: boolean | null;
}
