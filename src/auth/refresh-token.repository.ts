import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

/** Refresh tokens by their hash. Rotation is one transaction, so a token is exchanged at most once. */
@Injectable()
export class RefreshTokenRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(row: Pick<RefreshTokenEntity, 'userId' | 'tokenHash' | 'expiresAt'>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(RefreshTokenEntity, row);
  }

  /**
   * Revokes the live token with `tokenHash` of an active user and stores its successor, in one transaction; returns the
   * user id, or null when there is no such token (unknown, expired, already used or revoked, user deactivated).
   */
  async rotate(tokenHash: string, successor: Pick<RefreshTokenEntity, 'tokenHash' | 'expiresAt'>): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      // UPDATE … RETURNING: TypeORM answers [rows, count]. The row lock makes a concurrent second use find it revoked.
      const [rows] = (await manager.query(
        `UPDATE refresh_token r SET used_at = now(), revoked_at = now()
          WHERE r.token_hash = $1 AND r.revoked_at IS NULL AND r.expires_at > now()
            AND EXISTS (SELECT 1 FROM app_user u WHERE u.id = r.user_id AND u.active)
          RETURNING r.user_id AS "userId"`,
        [tokenHash],
      )) as [Array<{ userId: string }>, number];
      if (rows.length === 0) return null;
      await this.insert({ userId: rows[0].userId, ...successor }, manager);
      return rows[0].userId;
    });
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash });
  }

  /** Revokes every live refresh token of the user; returns how many. */
  async revokeAllOfUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [, count] = (await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId])) as [unknown, number];
    return count;
  }

  /** Expired tokens of the user are of no use any more, not even to detect reuse. */
  async deleteExpiredOfUser(userId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM refresh_token WHERE user_id = $1 AND expires_at <= now()`, [userId]);
  }
}
