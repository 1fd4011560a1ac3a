import { Check, Column, Entity, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CreatedAt, numericToNumber, UpdatedAt } from '../database/columns';
import { OrganizationEntity } from '../organizations/organization.entity';

/** A sponsored programme the alliance runs (e.g. an ANSO-sponsored project), through its centres and member enterprises. */
@Entity('programme')
@Check('CHK_programme_period', 'ends_on IS NULL OR ends_on >= starts_on')
export class ProgrammeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text', nullable: true })
  nameZh: string | null;

  /** Who funds it (e.g. the Alliance of International Science Organizations, ANSO). */
  @Column({ type: 'text' })
  sponsor: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericToNumber })
  budget: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  /** SDG 6 targets it serves (taxonomy codes, e.g. "6.1"). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sdgTargets: string[];

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

/** An organisation taking part in a programme: a joint centre, a member enterprise or a partner agency. */
@Entity('programme_member')
@Index(['organizationId'])
export class ProgrammeMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  programme?: ProgrammeEntity;

  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  organization?: OrganizationEntity;

  @CreatedAt()
  createdAt: Date;
}
