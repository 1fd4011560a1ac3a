import { Args, ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { Allow } from '../auth/access.decorator';
import { Role } from '../users/user.entity';
import { AuditEntryModel, toAuditEntryModel } from './audit-entry.model';
import { AuditTrail } from './audit-trail.service';

@ArgsType()
class AuditTrailArgs {
  @Field(() => ID, { description: 'The entity (a match).' })
  @IsUUID()
  entityId: string;
}

@Resolver()
export class AuditResolver {
  constructor(private readonly trail: AuditTrail) {}

  @Allow(Role.COORDINATOR, Role.ADMIN)
  @Query(() => [AuditEntryModel], { description: 'Every recorded move of an entity (a match), oldest first. Coordinators and admins.' })
  async auditTrail(@Args() args: AuditTrailArgs): Promise<AuditEntryModel[]> {
    return (await this.trail.of(args.entityId)).map(toAuditEntryModel);
  }
}
