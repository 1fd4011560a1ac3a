import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { Allow, ANY_ROLE, CurrentActor, Public } from '../access/access.decorator';
import { Actor, Role } from '../access/actor';
import { CountryModel } from '../reference-data/reference-data.model';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { CreateOrganizationInput, OrganizationsArgs, UpdateOrganizationInput } from './dto/organization.inputs';
import { VerificationStatus } from './organization.entity';
import { HostInstitutionModel, OrganizationConnection, OrganizationModel } from './organization.model';
import { OrganizationsService } from './organizations.service';

@ArgsType()
class OrganizationIdArgs {
  @Field(() => ID, { description: 'Identifier of the organisation.' })
  @IsUUID()
  id: string;
}

@ArgsType()
class SetVerificationArgs extends OrganizationIdArgs {
  @Field(() => VerificationStatus, { description: 'The new verification status.' })
  @IsEnum(VerificationStatus)
  status: VerificationStatus;
}

@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  constructor(
    private readonly service: OrganizationsService,
    private readonly referenceData: ReferenceDataService,
  ) {}

  @Public()
  @Query(() => OrganizationConnection, {
    description: 'Organisations, newest first. Anonymous callers and members see verified ones (and their own); staff see all.',
  })
  organizations(@CurrentActor() actor: Actor | null, @Args() args: OrganizationsArgs) {
    return this.service.list(actor, args);
  }

  @Public()
  @Query(() => OrganizationModel, { description: 'One organisation, if visible to the caller.' })
  organization(@CurrentActor() actor: Actor | null, @Args() args: OrganizationIdArgs) {
    return this.service.get(actor, args.id);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => OrganizationModel, { description: 'Register an organisation. Admins only.' })
  createOrganization(@CurrentActor() actor: Actor, @Args('input', { description: 'What to create.' }) input: CreateOrganizationInput) {
    return this.service.create(actor, input);
  }

  @Allow(...ANY_ROLE)
  @Mutation(() => OrganizationModel, {
    description: "Change an organisation's profile. Members change their own organisation; admins any.",
  })
  updateOrganization(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateOrganizationInput) {
    return this.service.update(actor, input);
  }

  @Allow(Role.COORDINATOR, Role.ADMIN)
  @Mutation(() => OrganizationModel, { description: 'Verify (or reject) an organisation after checking it. Coordinators and admins.' })
  setOrganizationVerification(@CurrentActor() actor: Actor, @Args() args: SetVerificationArgs) {
    return this.service.setVerification(actor, args.id, args.status);
  }

  @ResolveField(() => CountryModel, { description: 'Country the organisation is based in.' })
  country(@Parent() organization: OrganizationModel): CountryModel {
    return this.referenceData.country(organization.countryCode);
  }

  @ResolveField(() => [CountryModel], {
    description: 'For an agency: the countries besides its own where it posts needs (e.g. a river-basin commission). Empty for others.',
  })
  countriesServed(@Parent() organization: OrganizationModel): CountryModel[] {
    return organization.countryCodesServed.map((code) => this.referenceData.country(code));
  }
}

@Resolver(() => HostInstitutionModel)
export class HostInstitutionResolver {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @ResolveField(() => CountryModel, { description: 'Country of the institution.' })
  country(@Parent() host: HostInstitutionModel): CountryModel {
    return this.referenceData.country(host.countryCode);
  }
}
