import { CapabilityEntity } from '../capabilities/capability.entity';
import { NeedEntity } from '../needs/need.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { CountryEntity } from '../reference-data/country.entity';
import { TaxonomyTermEntity } from '../reference-data/taxonomy-term.entity';
import { ReferenceProjectEntity } from '../reference-projects/reference-project.entity';
import { UserEntity } from '../users/user.entity';
import { SearchOutboxEntity } from '../search/search-outbox.entity';
import { SeedRunEntity } from './seed/seed-run.entity';

/** Every TypeORM entity; the data source and the migration-drift test both read this list. */
export const ENTITIES = [
  CountryEntity,
  TaxonomyTermEntity,
  OrganizationEntity,
  UserEntity,
  NeedEntity,
  CapabilityEntity,
  ReferenceProjectEntity,
  SeedRunEntity,
  SearchOutboxEntity,
];
