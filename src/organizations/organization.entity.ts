import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from '../database/columns';

export enum OrganizationKind {
  ENTERPRISE = 'ENTERPRISE',
  AGENCY = 'AGENCY',
  SECRETARIAT = 'SECRETARIAT',
  /** A joint research centre or laboratory (e.g. the China–Sri Lanka Joint Center for Water Technology Research and Demonstration). */
  RESEARCH_CENTRE = 'RESEARCH_CENTRE',
}

/** Kinds whose members post needs: partner agencies, and joint centres (a demonstration site wants a pilot plant). */
export const NEED_POSTING_KINDS: readonly OrganizationKind[] = [OrganizationKind.AGENCY, OrganizationKind.RESEARCH_CENTRE];

/** One of a joint centre's host institutions: a Chinese one (a CAS institute) and a partner-country one (a water authority). */
export interface HostInstitution {
  name: string;
  countryCode: string;
}

export enum VerificationStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}

@Entity('organization')
@Index(['kind', 'countryCode'])
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind: OrganizationKind;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text', nullable: true })
  nameZh: string | null;

  /** Name in the organisation's own language, when neither English nor Chinese. */
  @Column({ type: 'text', nullable: true })
  nameLocal: string | null;

  @Column({ type: 'char', length: 2 })
  countryCode: string;

  /**
   * For an agency: the countries besides its own where it posts needs (a river-basin commission, a regional body).
   * With countryCode it bounds where the agency's needs may be; once the agency is verified, only an admin changes either.
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  countriesServed: string[];

  @Column({ type: 'text', nullable: true })
  website: string | null;

  /** For a research centre: its host institutions on both sides; empty for other kinds. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  hostInstitutions: HostInstitution[];

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'enum', enum: VerificationStatus, enumName: 'verification_status', default: VerificationStatus.PENDING })
  verificationStatus: VerificationStatus;

  /** Group an enterprise belongs to (subsidiaries fold into it, e.g. Sinohydro → POWERCHINA). */
  @Column({ type: 'text', nullable: true })
  parentGroup: string | null;

  /** Private: shown only to the organisation itself, coordinators and admins. */
  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone: string | null;

  /** Identifier in an imported dataset (e.g. a GCDF company id), for idempotent re-imports. */
  @Index({ unique: true, where: 'external_id IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
