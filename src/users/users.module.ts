import { AuditLogModule } from '../audit-log/audit-log.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { OrganizationEntity } from '../organizations/organization.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { RefreshTokenRepository } from './refresh-token.repository';
import { UserEntity } from './user.entity';
import { UsersResolver } from './users.resolver';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Accounts, their passwords and their sessions (refresh tokens): signing in (src/auth) builds on them. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, OrganizationEntity, RefreshTokenEntity]), AuditLogModule, OrganizationsModule],
  providers: [UsersService, UsersResolver, RefreshTokenRepository, UsersRepository],
  exports: [UsersService, RefreshTokenRepository, UsersRepository],
})
export class UsersModule {}
