import { randomBytes } from 'node:crypto';
import { DataSource, DeepPartial } from 'typeorm';
import { hashPassword } from '../../src/users/password-hasher';
import { ActivityEntity, ActivityRegistrationEntity } from '../../src/activities/activity.entity';
import { ActivityKind, RegistrationStatus } from '../../src/activities/activity-status';
import { CapabilityEntity } from '../../src/capabilities/capability.entity';
import { FundingStatus, NeedEntity } from '../../src/needs/need.entity';
import { NeedStatus } from '../../src/needs/need-status';
import { OrganizationEntity, OrganizationKind, VerificationStatus } from '../../src/organizations/organization.entity';
import { ReferenceProjectEntity } from '../../src/reference-projects/reference-project.entity';
import { ProgrammeEntity } from '../../src/programmes/programme.entity';
import { UserEntity } from '../../src/users/user.entity';
import { Role } from '../../src/access/actor';
import { MatchEntity } from '../../src/matches/match.entity';
import { MatchOrigin, MatchStatus } from '../../src/matches/match-status';
import { NotificationEventType } from '../../src/notifications/notification-event-type';
import { WebhookEndpointEntity } from '../../src/notifications/webhooks/webhook-endpoint.entity';

const unique = () => randomBytes(4).toString('hex');

export const TEST_PASSWORD = 'correct horse battery staple';
/** The password hash cost of tests (testConfig's PASSWORD_HASH_COST): sign-ins at production's cost would take a second each. */
export const TEST_PASSWORD_HASH_COST = 14;
let passwordHash: Promise<string> | undefined;

/** A valid one-factor explanation snapshot of a suggested match (for rows written straight to the database), fresh each call. */
export const oneFactorExplanation = () => ({
  summary: 'Ranked 1 of 1.',
  factors: [{ key: 'text', label: 'Similar work', value: 1, weight: 0.5, contribution: 0.5, detail: 'test' }],
  tradeFit: { value: 1, detail: 'no project in trades that build nothing' },
  evidence: [],
});

const KIND_OF_ROLE: Record<Role, OrganizationKind> = {
  [Role.ENTERPRISE_MEMBER]: OrganizationKind.ENTERPRISE,
  [Role.AGENCY_MEMBER]: OrganizationKind.AGENCY,
  [Role.COORDINATOR]: OrganizationKind.SECRETARIAT,
  [Role.ADMIN]: OrganizationKind.SECRETARIAT,
};

/** Valid rows with overrides, written straight to the database (factories over fixtures). */
export class Factory {
  constructor(private readonly dataSource: DataSource) {}

  organization(overrides: DeepPartial<OrganizationEntity> = {}): Promise<OrganizationEntity> {
    const repo = this.dataSource.getRepository(OrganizationEntity);
    return repo.save(
      repo.create({
        kind: OrganizationKind.ENTERPRISE,
        nameEn: `Organisation ${unique()}`,
        countryCode: 'CN',
        description: 'Made by the test factory.',
        verificationStatus: VerificationStatus.VERIFIED,
        contactEmail: `contact-${unique()}@example.org`,
        ...overrides,
      }),
    );
  }

  /** A user with TEST_PASSWORD; creates a fitting organisation unless one is given. */
  async user(role: Role, overrides: DeepPartial<UserEntity> = {}): Promise<UserEntity> {
    const organizationId = overrides.organizationId ?? (await this.organization({ kind: KIND_OF_ROLE[role] })).id;
    passwordHash ??= hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST);
    const repo = this.dataSource.getRepository(UserEntity);
    return repo.save(
      repo.create({
        email: `user-${unique()}@example.org`,
        displayName: `User ${unique()}`,
        passwordHash: await passwordHash,
        role,
        ...overrides,
        organizationId,
      }),
    );
  }

  programme(overrides: DeepPartial<ProgrammeEntity> = {}): Promise<ProgrammeEntity> {
    const repo = this.dataSource.getRepository(ProgrammeEntity);
    return repo.save(
      repo.create({ nameEn: `Programme ${unique()}`, sponsor: 'ANSO', startsOn: '2024-01-01', sdgTargets: ['6.1'], ...overrides }),
    );
  }

  /** An activity a month ahead (registration open for three weeks), DRAFT unless told. */
  activity(overrides: DeepPartial<ActivityEntity> = {}): Promise<ActivityEntity> {
    const repo = this.dataSource.getRepository(ActivityEntity);
    const day = 86400_000;
    return repo.save(
      repo.create({
        kind: ActivityKind.SEMINAR,
        title: `Seminar ${unique()}`,
        countryCode: 'LK',
        startsAt: new Date(Date.now() + 30 * day),
        endsAt: new Date(Date.now() + 31 * day),
        registrationDeadline: new Date(Date.now() + 20 * day),
        capacity: 20,
        ...overrides,
      }),
    );
  }

  registration(
    activityId: string,
    organizationId: string,
    overrides: DeepPartial<ActivityRegistrationEntity> = {},
  ): Promise<ActivityRegistrationEntity> {
    const repo = this.dataSource.getRepository(ActivityRegistrationEntity);
    return repo.save(
      repo.create({
        activityId,
        organizationId,
        delegateName: `Delegate ${unique()}`,
        delegateEmail: `delegate-${unique()}@example.org`,
        status: RegistrationStatus.PENDING,
        ...overrides,
      }),
    );
  }

  need(organizationId: string, overrides: DeepPartial<NeedEntity> = {}): Promise<NeedEntity> {
    const repo = this.dataSource.getRepository(NeedEntity);
    return repo.save(
      repo.create({
        organizationId,
        title: `Rural water supply ${unique()}`,
        description: 'Boreholes and a small treatment plant for twelve villages.',
        countryCode: 'LK',
        sectorCode: '14031',
        sdgTargets: ['6.1'],
        cooperationModes: ['EPC'],
        technologyCategories: ['GROUNDWATER_WELLS'],
        fundingStatus: FundingStatus.SEEKING,
        status: NeedStatus.OPEN,
        publishedAt: new Date(),
        ...overrides,
      }),
    );
  }

  capability(organizationId: string, overrides: DeepPartial<CapabilityEntity> = {}): Promise<CapabilityEntity> {
    const repo = this.dataSource.getRepository(CapabilityEntity);
    return repo.save(
      repo.create({
        organizationId,
        technologyCategory: 'DESALINATION',
        description: 'Seawater reverse osmosis plants.',
        trl: 9,
        ...overrides,
      }),
    );
  }

  referenceProject(organizationId: string, overrides: DeepPartial<ReferenceProjectEntity> = {}): Promise<ReferenceProjectEntity> {
    const repo = this.dataSource.getRepository(ReferenceProjectEntity);
    return repo.save(
      repo.create({
        organizationId,
        title: `Water treatment plant ${unique()}`,
        description: 'A 100,000 m³/day plant.',
        countryCode: 'SD',
        year: 2015,
        sectorCode: '14021',
        ...overrides,
      }),
    );
  }

  /** A suggested match with a one-factor explanation. */
  match(needId: string, enterpriseId: string, overrides: DeepPartial<MatchEntity> = {}): Promise<MatchEntity> {
    const repo = this.dataSource.getRepository(MatchEntity);
    return repo.save(
      repo.create({
        needId,
        enterpriseId,
        origin: MatchOrigin.SUGGESTION,
        status: MatchStatus.SUGGESTED,
        score: 0.5,
        rank: 1,
        explanation: oneFactorExplanation(),
        statusChangedAt: new Date(),
        ...overrides,
      }),
    );
  }

  webhook(organizationId: string, overrides: DeepPartial<WebhookEndpointEntity> = {}): Promise<WebhookEndpointEntity> {
    const repo = this.dataSource.getRepository(WebhookEndpointEntity);
    return repo.save(
      repo.create({
        organizationId,
        url: 'https://hooks.example.org/waterbridge',
        secret: `whsec_${unique()}`,
        events: [NotificationEventType.MATCH_INTRODUCED],
        ...overrides,
      }),
    );
  }
}
