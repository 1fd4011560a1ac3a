import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { TokenService } from './token.service';

/**
 * The access tokens (signed and verified with the configured secret), for every module that reads a request's token,
 * and the global guard that holds every GraphQL operation to its declared policy (@Public / @Allow).
 */
@Global()
@Module({ providers: [TokenService, { provide: APP_GUARD, useClass: AccessGuard }], exports: [TokenService] })
export class AccessModule {}
