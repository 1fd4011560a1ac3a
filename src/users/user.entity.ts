import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from '../database/columns';
import { Language, Role } from '../access/actor';
import { OrganizationEntity } from '../organizations/organization.entity';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'enum', enum: Language, enumName: 'language', default: Language.EN })
  preferredLanguage: Language;

  /** `scrypt$N$r$p$salt$hash`, see password-hasher.ts. Never leaves the service layer. */
  @Column({ type: 'text' })
  passwordHash: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  organization?: OrganizationEntity;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role: Role;

  /** Deactivated users cannot sign in and their tokens stop working. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Carried by every access token issued to the user; a password change increments it, so older tokens stop working. */
  @Column({ type: 'integer', default: 0 })
  tokenVersion: number;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
