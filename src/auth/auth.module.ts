import { Global, Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { RequestAuthenticator } from '../access/request-authenticator';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottleRepository } from './login-throttle.repository';
import { LoginThrottleService } from './login-throttle.service';
import { RefreshTokenService } from './refresh-token.service';

/** Signing in and out, refreshing sessions; answers RequestAuthenticator for the access guard and the GraphQL layer. */
@Global()
@Module({
  imports: [UsersModule],
  providers: [
    AuthService,
    { provide: RequestAuthenticator, useExisting: AuthService },
    AuthResolver,
    LoginThrottleRepository,
    LoginThrottleService,
    RefreshTokenService,
  ],
  exports: [AuthService, RequestAuthenticator],
})
export class AuthModule {}
