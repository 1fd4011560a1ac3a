import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditLogService } from '../audit-log/audit-log.service';
import { Actor, Role } from '../access/actor';
import { hashPassword, isOutdatedHash, unusablePasswordHash, verifyPassword } from './password-hasher';
import { assertAcceptablePassword } from './password-policy';
import { RefreshTokenRepository } from './refresh-token.repository';
import { DomainError } from '../common/domain-error';
import { isUniqueViolation } from '../common/database-errors';
import { AppConfig } from '../config/app-config';
import { Connection } from '../common/pagination';
import { definedFields } from '../common/validation';
import { paginate } from '../database/paginate';
import { NEED_POSTING_KINDS, OrganizationEntity, OrganizationKind } from '../organizations/organization.entity';
import { CreateUserInput, UpdateMyProfileInput, UpdateUserInput, UsersArgs } from './dto/user.inputs';
import { UserEntity } from './user.entity';
import { toUserModel, UserModel } from './user.model';

/**
 * Which organisation kinds each role belongs in. A role is what one may do: a joint centre's staff post needs and
 * answer introductions as an agency's do, so they are AGENCY_MEMBERs; the organisation's kind says what it is.
 */
const ROLE_ORGANIZATION_KINDS: Record<Role, readonly OrganizationKind[]> = {
  [Role.ENTERPRISE_MEMBER]: [OrganizationKind.ENTERPRISE],
  [Role.AGENCY_MEMBER]: NEED_POSTING_KINDS,
  [Role.COORDINATOR]: [OrganizationKind.SECRETARIAT],
  [Role.ADMIN]: [OrganizationKind.SECRETARIAT],
};

export function assertRoleFits(role: Role, organization: OrganizationEntity): void {
  const kinds = ROLE_ORGANIZATION_KINDS[role];
  if (!kinds.includes(organization.kind)) {
    throw DomainError.badInput('role', `${role} belongs in a ${kinds.join(' or ')} organisation, not a ${organization.kind}`);
  }
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly config: AppConfig,
    private readonly audit: AuditLogService,
  ) {}

  async list(args: UsersArgs): Promise<Connection<UserModel>> {
    const query = this.users.createQueryBuilder('u');
    if (args.organizationId) query.andWhere('u.organizationId = :org', { org: args.organizationId });
    if (args.role) query.andWhere('u.role = :role', { role: args.role });
    return paginate(query, args, toUserModel);
  }

  async get(id: string): Promise<UserModel> {
    return toUserModel(await this.findById(id));
  }

  async findById(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw DomainError.notFound('User', id);
    return user;
  }

  findActiveById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id, active: true });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  /**
   * Whether `password` is the user's. Without a user it is compared against a hash of nothing, which takes as long, so
   * the timing does not tell whether an e-mail address has an account. A match on a hash weaker than
   * PASSWORD_HASH_COST asks for is replaced by a new one (OWASP: upgrade hashes at the next sign-in).
   */
  async passwordMatches(user: UserEntity | null, password: string): Promise<boolean> {
    const cost = this.config.PASSWORD_HASH_COST;
    if (!user) return verifyPassword(password, await unusablePasswordHash(cost)).then(() => false);
    if (!(await verifyPassword(password, user.passwordHash))) return false;
    if (isOutdatedHash(user.passwordHash, cost)) {
      // Only over the hash just verified: a password changed meanwhile stays as it is.
      await this.users.update({ id: user.id, passwordHash: user.passwordHash }, { passwordHash: await hashPassword(password, cost) });
    }
    return true;
  }

  async create(actor: Actor, input: CreateUserInput): Promise<UserModel> {
    assertAcceptablePassword('password', input.password, input.email);
    const organization = await this.organizations.findOneBy({ id: input.organizationId });
    if (!organization) throw DomainError.badInput('organizationId', `organisation ${input.organizationId} does not exist`);
    assertRoleFits(input.role, organization);
    const email = input.email.toLowerCase();
    if (await this.users.existsBy({ email })) throw DomainError.conflict(`A user with e-mail ${email} already exists`);
    try {
      const user = this.users.create({
        email,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password, this.config.PASSWORD_HASH_COST),
        organizationId: organization.id,
        role: input.role,
        preferredLanguage: input.preferredLanguage,
      });
      return toUserModel(await this.users.manager.transaction((manager) => this.save(manager, actor, 'create', null, user)));
    } catch (error) {
      // Two creations racing past the check above: the unique index decides.
      if (isUniqueViolation(error)) throw DomainError.conflict(`A user with e-mail ${email} already exists`);
      throw error;
    }
  }

  async update(actor: Actor, input: UpdateUserInput): Promise<UserModel> {
    const user = await this.findById(input.id);
    if (input.role !== undefined && input.role !== user.role) {
      const organization = await this.organizations.findOneByOrFail({ id: user.organizationId });
      assertRoleFits(input.role, organization);
    }
    if (user.id === actor.userId && (input.active === false || (input.role !== undefined && input.role !== Role.ADMIN))) {
      throw DomainError.conflict('You cannot deactivate yourself or take away your own admin role');
    }
    const { id: _id, ...changes } = definedFields(input);
    const deactivated = user.active && changes.active === false;
    return toUserModel(
      await this.users.manager.transaction(async (manager) => {
        const saved = await this.save(manager, actor, 'update', user, Object.assign({ ...user }, changes));
        // Deactivation ends every session, so that a reactivation brings none of them back.
        if (deactivated) await this.endEverySession(manager, user.id);
        return saved;
      }),
    );
  }

  async updateProfile(actor: Actor, input: UpdateMyProfileInput): Promise<UserModel> {
    const user = await this.findById(actor.userId);
    return toUserModel(
      await this.users.manager.transaction((manager) =>
        this.save(manager, actor, 'update profile', user, Object.assign({ ...user }, definedFields(input))),
      ),
    );
  }

  /** Ends every session of the user (logout of all sessions). */
  async signOutEverywhere(userId: string): Promise<void> {
    await this.users.manager.transaction((manager) => this.endEverySession(manager, userId));
  }

  /**
   * The one way every session of a user ends (password change, deactivation, logout of all sessions), in the caller's
   * transaction: refresh tokens revoked, access tokens outdated (their token version moves on).
   */
  private async endEverySession(manager: EntityManager, userId: string): Promise<void> {
    await manager.increment(UserEntity, { id: userId }, 'tokenVersion', 1);
    await this.refreshTokens.revokeAllOfUser(userId, manager);
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<boolean> {
    const user = await this.findById(actor.userId);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw DomainError.badInput('currentPassword', 'currentPassword is not your current password');
    }
    if (currentPassword === newPassword) throw DomainError.badInput('newPassword', 'newPassword must differ from the current one');
    assertAcceptablePassword('newPassword', newPassword, user.email);
    const passwordHash = await hashPassword(newPassword, this.config.PASSWORD_HASH_COST);
    // A new password signs out every session.
    await this.users.manager.transaction(async (manager) => {
      await this.save(manager, actor, 'change password', user, { ...user, passwordHash });
      await this.endEverySession(manager, user.id);
    });
    return true;
  }

  /** Saves a user (`before` its stored state, null when new) with its audit entry, in the caller's transaction. */
  private async save(
    manager: EntityManager,
    actor: Actor,
    action: string,
    before: UserEntity | null,
    after: UserEntity,
  ): Promise<UserEntity> {
    const saved = await manager.save(UserEntity, after);
    await this.audit.recordChange(manager, {
      target: UserEntity,
      entityType: 'user',
      entityId: saved.id,
      actor,
      action,
      before,
      after: saved,
    });
    return saved;
  }
}
