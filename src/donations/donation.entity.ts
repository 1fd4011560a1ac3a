import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CreatedAt, numericToNumber, UpdatedAt } from '../database/columns';
import { MatchEntity } from '../matches/match.entity';
import { NeedEntity } from '../needs/need.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { DonationStatus } from './donation-status';

/** One kind of item given: "Portable water-quality laboratory", 2 units at 18,000 each. */
export interface DonatedItem {
  name: string;
  quantity: number;
  /** Value of one unit, in the donation's currency, when known. */
  unitValue: number | null;
}

/** Equipment an enterprise gives to a joint centre or a partner agency, against a need or within a programme. */
@Entity('equipment_donation')
@Index(['donorId'])
@Index(['recipientId'])
@Check('CHK_equipment_donation_value', 'value IS NULL OR value >= 0')
export class DonationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  donorId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  donor?: OrganizationEntity;

  @Column({ type: 'uuid' })
  recipientId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  recipient?: OrganizationEntity;

  @Column({ type: 'uuid', nullable: true })
  needId: string | null;

  @ManyToOne(() => NeedEntity, { onDelete: 'RESTRICT' })
  need?: NeedEntity;

  @Column({ type: 'uuid', nullable: true })
  programmeId: string | null;

  /** The match whose outcome its handover was recorded as (once, by a coordinator). */
  @Column({ type: 'uuid', nullable: true })
  matchId: string | null;

  @ManyToOne(() => MatchEntity, { onDelete: 'RESTRICT' })
  match?: MatchEntity;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  programme?: ProgrammeEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'jsonb' })
  items: DonatedItem[];

  /** Total value: the items' values summed, or as pledged when the items carry none. */
  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericToNumber })
  value: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ type: 'enum', enum: DonationStatus, enumName: 'donation_status', default: DonationStatus.PLEDGED })
  status: DonationStatus;

  @Column({ type: 'date', nullable: true })
  handedOverOn: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
