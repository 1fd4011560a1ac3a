import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt } from '../database/columns';
import { UserEntity } from './user.entity';

/** A refresh token, kept only as its SHA-256: the token itself is shown once, to the client it was issued to. */
@Entity('refresh_token')
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  user?: UserEntity;

  /** The session: a sign-in starts a family, and every token exchanged from it stays in it. */
  @Index()
  @Column({ type: 'uuid' })
  familyId: string;

  /** Hex SHA-256 of the token. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  /** When it was exchanged for a new one (it is revoked at the same moment). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  usedAt: Date | null;

  /** Revoked tokens refresh nothing; presenting one again revokes the rest of its family. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;

  @CreatedAt()
  createdAt: Date;
}
