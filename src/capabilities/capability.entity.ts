import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, numericToNumber, UpdatedAt } from '../database/columns';
import { OrganizationEntity } from '../organizations/organization.entity';

export enum CapacityUnit {
  M3_PER_DAY = 'M3_PER_DAY',
  HECTARES = 'HECTARES',
  KILOMETRES = 'KILOMETRES',
  MEGAWATTS = 'MEGAWATTS',
  PEOPLE_SERVED = 'PEOPLE_SERVED',
  UNITS = 'UNITS',
}

/** What an enterprise offers in one technology category. */
@Entity('capability')
@Index(['organizationId'])
export class CapabilityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' })
  technologyCategory: string;

  @Column({ type: 'text' })
  description: string;

  /** Technology readiness level, 1–9. */
  @Column({ type: 'smallint', nullable: true })
  trl: number | null;

  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericToNumber })
  capacityMin: number | null;

  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericToNumber })
  capacityMax: number | null;

  @Column({ type: 'enum', enum: CapacityUnit, enumName: 'capacity_unit', nullable: true })
  capacityUnit: CapacityUnit | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cooperationModes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  certifications: string[];

  /** ISO 3166-1 codes of countries served. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  countriesServed: string[];

  /** UN regions served (Africa, Asia...). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  regionsServed: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
