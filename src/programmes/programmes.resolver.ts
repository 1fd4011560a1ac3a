import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor, Public } from '../access/access.decorator';
import { Actor, Role } from '../access/actor';
import { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationEntity, OrganizationKind } from '../organizations/organization.entity';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { OrganizationModel, toOrganizationModel } from '../organizations/organization.model';
import { OrganizationVisibility } from '../organizations/organization-visibility.policy';
import { TaxonomyTermModel } from '../reference-data/reference-data.model';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { TaxonomyKind } from '../reference-data/taxonomy-term.entity';
import {
  CreateProgrammeInput,
  ProgrammeIdArgs,
  ProgrammeMemberArgs,
  ProgrammeMembersArgs,
  ProgrammesArgs,
  UpdateProgrammeInput,
} from './dto/programme.inputs';
import { ProgrammeLoaders } from './programme.loaders';
import { ProgrammeConnection, ProgrammeModel } from './programme.model';
import { ProgrammesService } from './programmes.service';

/** How a programme lists its members: the centres it works through, the partners, then the enterprises. */
const MEMBER_ORDER: readonly OrganizationKind[] = [OrganizationKind.RESEARCH_CENTRE, OrganizationKind.AGENCY, OrganizationKind.ENTERPRISE];

@Resolver(() => ProgrammeModel)
export class ProgrammesResolver {
  constructor(
    private readonly service: ProgrammesService,
    private readonly loaders: ProgrammeLoaders,
    private readonly organizations: OrganizationLoaders,
    private readonly referenceData: ReferenceDataService,
  ) {}

  @Public()
  @Query(() => ProgrammeConnection, { description: "The alliance's sponsored programmes, newest first." })
  programmes(@Args() args: ProgrammesArgs) {
    return this.service.list(args);
  }

  @Public()
  @Query(() => ProgrammeModel, { description: 'One programme.' })
  programme(@Args() args: ProgrammeIdArgs) {
    return this.service.get(args.id);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ProgrammeModel, { description: 'Start a programme. Coordinators.' })
  createProgramme(@CurrentActor() actor: Actor, @Args('input', { description: 'What to create.' }) input: CreateProgrammeInput) {
    return this.service.create(actor, input);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ProgrammeModel, { description: 'Change a programme. Coordinators.' })
  updateProgramme(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateProgrammeInput) {
    return this.service.update(actor, input);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ProgrammeModel, {
    description: 'Add verified joint centres, member enterprises or partner agencies to a programme (ones already in stay). Coordinators.',
  })
  addProgrammeMembers(@CurrentActor() actor: Actor, @Args() args: ProgrammeMembersArgs) {
    return this.service.addMembers(actor, args.programmeId, args.organizationIds);
  }

  @Allow(Role.COORDINATOR)
  @Mutation(() => ProgrammeModel, { description: 'Take an organisation out of a programme. Coordinators.' })
  removeProgrammeMember(@CurrentActor() actor: Actor, @Args() args: ProgrammeMemberArgs) {
    return this.service.removeMember(actor, args.programmeId, args.organizationId);
  }

  @ResolveField(() => [TaxonomyTermModel], { description: 'SDG 6 targets it serves.' })
  sdgTargets(@Parent() programme: ProgrammeModel): TaxonomyTermModel[] {
    return programme.sdgTargetCodes.map((code) => this.referenceData.term(TaxonomyKind.SDG_TARGET, code));
  }

  @ResolveField(() => [OrganizationModel], {
    description: 'Joint centres, then partner agencies, then member enterprises taking part, each by English name (those visible to you).',
  })
  async members(@Parent() programme: ProgrammeModel, @Context() context: GraphQLContext): Promise<OrganizationModel[]> {
    const actor = context.req.actor ?? null;
    const ids = await this.loaders.memberIds(context, programme.id);
    const organizations = await this.organizations.byId(context).loadMany(ids);
    return organizations
      .filter((o): o is OrganizationEntity => !(o instanceof Error) && OrganizationVisibility.canSee(actor, o))
      .sort((a, b) => MEMBER_ORDER.indexOf(a.kind) - MEMBER_ORDER.indexOf(b.kind) || a.nameEn.localeCompare(b.nameEn, 'en'))
      .map((o) => toOrganizationModel(o, actor));
  }
}
