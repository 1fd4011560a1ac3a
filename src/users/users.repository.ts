import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A member of an organisation as the other side of a match reads them. */
export interface MemberContact {
  organizationId: string;
  name: string;
  email: string;
}

/** Reads of user accounts that TypeORM's repository API does not express well. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The active enterprise and agency members of the organisations, by name (the secretariat's staff are nobody's
   * contact). One query for any number of organisations; `manager` joins the caller's transaction.
   */
  activeMembersOf(organizationIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<MemberContact[]> {
    return manager.query<MemberContact[]>(
      `SELECT organization_id AS "organizationId", display_name AS name, email FROM app_user WHERE organization_id = ANY($1) AND active AND role IN ('ENTERPRISE_MEMBER', 'AGENCY_MEMBER') ORDER BY display_name, id`,
      [organizationIds],
    );
  }
}
