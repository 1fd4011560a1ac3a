import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { TokenService } from './token.service';
import { LoginThrottleRepository } from './login-throttle.repository';
import { LoginThrottleService } from './login-throttle.service';
import { RefreshTokenService } from './refresh-token.service';

@Module({
  imports: [UsersModule],
  providers: [TokenService, AuthService, AuthResolver, LoginThrottleRepository, LoginThrottleService, RefreshTokenService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, TokenService],
})
export class AuthModule {}
