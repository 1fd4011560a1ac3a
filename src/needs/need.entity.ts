import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CreatedAt, numericToNumber, UpdatedAt } from '../database/columns';
import { OrganizationEntity } from '../organizations/organization.entity';
import { CountryEntity } from '../reference-data/country.entity';
import { FinancingInstrument } from '../reference-data/financing-instrument';
import { NeedStatus } from './need-status';

export enum FundingStatus {
  UNFUNDED = 'UNFUNDED',
  SEEKING = 'SEEKING',
  PARTIAL = 'PARTIAL',
  SECURED = 'SECURED',
}

/** A water problem an agency wants solved. */
@Entity('need')
@Index(['status', 'countryCode'])
@Index(['organizationId', 'status'])
export class NeedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'char', length: 2 })
  countryCode: string;

  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  country?: CountryEntity;

  /** Place within the country (city, district, river basin). */
  @Column({ type: 'text', nullable: true })
  site: string | null;

  /** OECD-DAC CRS purpose code. */
  @Column({ type: 'text' })
  sectorCode: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sdgTargets: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cooperationModes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  technologyCategories: string[];

  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericToNumber })
  budgetMin: number | null;

  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericToNumber })
  budgetMax: number | null;

  /** ISO 4217; required when a budget is given. */
  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ type: 'enum', enum: FundingStatus, enumName: 'funding_status', default: FundingStatus.SEEKING })
  fundingStatus: FundingStatus;

  /** Who finances it, when known (e.g. "Export-Import Bank of China"); free text, as records name financiers. */
  @Column({ type: 'text', nullable: true })
  financier: string | null;

  /** How it is financed, when known (a grant, a preferential buyer's credit ...). */
  @Column({ type: 'enum', enum: FinancingInstrument, enumName: 'financing_instrument', nullable: true })
  financingInstrument: FinancingInstrument | null;

  @Column({ type: 'int', nullable: true })
  populationServed: number | null;

  /** Date by which proposals are wanted (YYYY-MM-DD). */
  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  /** ISO 639-1 codes of the languages the agency works in. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'enum', enum: NeedStatus, enumName: 'need_status', default: NeedStatus.DRAFT })
  status: NeedStatus;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

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
