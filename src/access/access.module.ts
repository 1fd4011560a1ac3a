import { Global, Module } from '@nestjs/common';
import { TokenService } from './token.service';

/** The access tokens (signed and verified with the configured secret), for every module that reads a request's token. */
@Global()
@Module({ providers: [TokenService], exports: [TokenService] })
export class AccessModule {}
