import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class RefreshTokenArgs {
  @Field({ description: 'The refresh token of the last `login` or `refreshToken`.' })
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}
