import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, numericToNumber, UpdatedAt } from '../database/columns';
import { OrganizationEntity } from '../organizations/organization.entity';
import { FinancingInstrument } from '../reference-data/financing-instrument';

export enum ProjectRole {
  EPC_CONTRACTOR = 'EPC_CONTRACTOR',
  SUPPLIER = 'SUPPLIER',
  DESIGNER = 'DESIGNER',
  SUPERVISOR = 'SUPERVISOR',
  TRAINER = 'TRAINER',
  OPERATOR = 'OPERATOR',
}

/** A past project of an enterprise: the strongest evidence a match can cite. */
@Entity('reference_project')
@Index(['organizationId'])
@Index(['countryCode'])
@Index(['organizationId', 'externalId'], { unique: true, where: 'external_id IS NOT NULL' })
export class ReferenceProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Null for multi-country (regional) projects. */
  @Column({ type: 'char', length: 2, nullable: true })
  countryCode: string | null;

  @Column({ type: 'smallint', nullable: true })
  year: number | null;

  /** OECD-DAC CRS water purpose code; null for projects outside the water sector. */
  @Column({ type: 'text', nullable: true })
  sectorCode: string | null;

  /** Sector label of the source dataset (e.g. GCDF's "ENERGY"), kept for projects outside water. */
  @Column({ type: 'text', nullable: true })
  sourceSector: string | null;

  @Column({ type: 'enum', enum: ProjectRole, enumName: 'project_role', default: ProjectRole.EPC_CONTRACTOR })
  role: ProjectRole;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  technologyCategories: string[];

  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericToNumber })
  value: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  /** Who financed it, when known (e.g. "Export-Import Bank of China"); free text, as records name financiers. */
  @Column({ type: 'text', nullable: true })
  financier: string | null;

  /** How it was financed, when known. */
  @Column({ type: 'enum', enum: FinancingInstrument, enumName: 'financing_instrument', nullable: true })
  financingInstrument: FinancingInstrument | null;

  /** Identifier in an imported dataset; one source project can sit in several companies' records (co-implementers). */
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
