import { AuditModule } from '../audit/audit.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from './user.entity';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';
import { RefreshTokensModule } from '../auth/refresh-tokens.module';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, OrganizationEntity]), AuditModule, OrganizationsModule, RefreshTokensModule],
  providers: [UsersService, UsersResolver],
  exports: [UsersService],
})
export class UsersModule {}
