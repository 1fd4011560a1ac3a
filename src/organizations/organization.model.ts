import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination';
import { Actor, isStaff } from '../access/actor';
import { OrganizationEntity, OrganizationKind, VerificationStatus } from './organization.entity';

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What an organisation is on WaterBridge.',
  valuesMap: {
    ENTERPRISE: { description: 'A Chinese water enterprise offering capabilities abroad.' },
    AGENCY: { description: 'A partner agency in a Belt and Road country posting water needs.' },
    SECRETARIAT: { description: 'The alliance secretariat whose coordinators review matches.' },
    RESEARCH_CENTRE: {
      description:
        'A joint research centre or laboratory with host institutions on both sides; posts needs (its members have the AGENCY_MEMBER role) and hosts activities.',
    },
  },
});

@ObjectType('HostInstitution', { description: "One of a joint research centre's host institutions." })
export class HostInstitutionModel {
  @Field({ description: 'Name, as the institution writes it (e.g. "Research Center for Eco-Environmental Sciences, CAS").' })
  name: string;

  countryCode: string;
}
registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: 'Whether the secretariat has checked the organisation. Only verified organisations are public and may publish needs.',
  valuesMap: {
    PENDING: { description: 'Registered, not yet checked.' },
    VERIFIED: { description: 'Checked by the secretariat: public, and may publish needs.' },
    REJECTED: { description: 'Checked and refused.' },
  },
});

@ObjectType('Organization', {
  description: 'An enterprise, a partner agency, a joint research centre or the secretariat. Users belong to one.',
})
export class OrganizationModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => OrganizationKind, { description: 'Enterprise, agency, research centre or secretariat.' })
  kind: OrganizationKind;

  @Field({ description: 'Name in English.' })
  nameEn: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  nameZh: string | null;

  @Field(() => String, { nullable: true, description: 'Name in the local language of its country.' })
  nameLocal: string | null;

  countryCode: string;

  /** Resolved to countries by the resolver. */
  countryCodesServed: string[];

  @Field(() => String, { nullable: true, description: 'Web site.' })
  website: string | null;

  @Field(() => [HostInstitutionModel], { description: 'For a research centre: its host institutions on both sides; empty otherwise.' })
  hostInstitutions: HostInstitutionModel[];

  @Field({ description: 'What the organisation does.' })
  description: string;

  @Field(() => VerificationStatus, { description: 'Whether the secretariat has verified the organisation.' })
  verificationStatus: VerificationStatus;

  @Field(() => String, { nullable: true, description: 'For enterprises: the group it belongs to (e.g. POWERCHINA).' })
  parentGroup: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Contact e-mail. Private: null unless you belong to the organisation or are a coordinator or admin.',
  })
  contactEmail: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone. Private, like contactEmail.' })
  contactPhone: string | null;

  @Field({ description: 'When the organisation was registered.' })
  createdAt: Date;

  @Field({ description: 'When the organisation was last changed.' })
  updatedAt: Date;
}

/** Private contact fields only for the organisation itself and the secretariat's staff. */
export function canSeePrivateFields(actor: Actor | null, organizationId: string): boolean {
  return isStaff(actor) || actor?.organizationId === organizationId;
}

export function toOrganizationModel(entity: OrganizationEntity, actor: Actor | null): OrganizationModel {
  const showPrivate = canSeePrivateFields(actor, entity.id);
  return {
    id: entity.id,
    kind: entity.kind,
    nameEn: entity.nameEn,
    nameZh: entity.nameZh,
    nameLocal: entity.nameLocal,
    countryCode: entity.countryCode,
    countryCodesServed: entity.countriesServed,
    website: entity.website,
    hostInstitutions: entity.hostInstitutions.map((host) => ({ name: host.name, countryCode: host.countryCode })),
    description: entity.description,
    verificationStatus: entity.verificationStatus,
    parentGroup: entity.parentGroup,
    contactEmail: showPrivate ? entity.contactEmail : null,
    contactPhone: showPrivate ? entity.contactPhone : null,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export const OrganizationConnection = ConnectionType(OrganizationModel, 'Organization');
