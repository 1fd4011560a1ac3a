import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

/** Refresh tokens by their hash. Rotation is one transaction, so a token is exchanged at most once. */
@Injectable()
export class RefreshTokenRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    row: Pick<RefreshTokenEntity, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(RefreshTokenEntity, row);
  }

  /**
   * Revokes the live token with `tokenHash` of an active user and stores its successor in the same family, in one
   * transaction; returns the user and family, or null when there is no such token (unknown, expired, already used or
   * revoked, user deactivated).
   */
  async rotate(
    tokenHash: string,
    successor: Pick<RefreshTokenEntity, 'tokenHash' | 'expiresAt'>,
  ): Promise<{ userId: string; familyId: string } | null> {
    return this.dataSource.transaction(async (manager) => {
      // UPDATE … RETURNING: TypeORM answers [rows, count]. The row lock makes a concurrent second use find it revoked.
      const [rows] = await manager.query<[Array<{ userId: string; familyId: string }>, number]>(
        `UPDATE refresh_token r SET used_at = now(), revoked_at = now()
          WHERE r.token_hash = $1 AND r.revoked_at IS NULL AND r.expires_at > now()
            AND EXISTS (SELECT 1 FROM app_user u WHERE u.id = r.user_id AND u.active)
          RETURNING r.user_id AS "userId", r.family_id AS "familyId"`,
        [tokenHash],
      );
      if (rows.length === 0) return null;
      await this.insert({ ...rows[0], ...successor }, manager);
      return rows[0];
    });
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash });
  }

  /** Whether the family (the session) still holds a live token: it was neither signed out nor revoked. */
  async isFamilyLive(familyId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM refresh_token WHERE family_id = $1 AND revoked_at IS NULL AND expires_at > now() LIMIT 1`,
      [familyId],
    );
    return rows.length > 0;
  }

  /** Revokes every live refresh token of one family (one session); returns how many. */
  async revokeFamily(familyId: string): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
    return count;
  }

  /** Revokes every live refresh token of the user; returns how many. */
  async revokeAllOfUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [, count] = await manager.query<[unknown, number]>(
      `UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    return count;
  }

  /** Expired tokens of the user are of no use any more, not even to detect reuse. */
  async deleteExpiredOfUser(userId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM refresh_token WHERE user_id = $1 AND expires_at <= now()`, [userId]);
  }
}
