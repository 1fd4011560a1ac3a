import { Args, ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { Allow, ANY_ROLE, CurrentActor } from '../access/access.decorator';
import { Actor } from '../access/actor';
import { AuditEntryModel, toAuditEntryModel } from './audit-entry.model';
import { AuditTrailService } from './audit-trail.service';

@ArgsType()
class AuditTrailArgs {
  @Field(() => ID, { description: 'The entity: a need, a match, or (for the secretariat) any other audited entity.' })
  @IsUUID()
  entityId: string;
}

@Resolver()
export class AuditResolver {
  constructor(private readonly trail: AuditTrailService) {}

  @Allow(...ANY_ROLE)
  @Query(() => [AuditEntryModel], {
    description:
      "Every recorded change of an entity, oldest first. Coordinators and admins read every trail; an agency the trail of its own needs and of its introduced matches; an enterprise the trail of its matches (the secretariat's review steps before the introduction are not shown to the sides).",
  })
  async auditTrail(@CurrentActor() actor: Actor, @Args() args: AuditTrailArgs): Promise<AuditEntryModel[]> {
    return (await this.trail.readBy(actor, args.entityId)).map(toAuditEntryModel);
  }
}
