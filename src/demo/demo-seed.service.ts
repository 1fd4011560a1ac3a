import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { hashPassword } from '../users/password-hasher';
import { CapabilityEntity } from '../capabilities/capability.entity';
import { fitTitle } from '../common/validation';
import { lockForTransaction, withAdvisoryLock } from '../database/advisory-lock';
import { AppConfig } from '../config/app-config';
import { FundingStatus, NeedEntity } from '../needs/need.entity';
import { NeedStatus } from '../needs/need-status';
import { OrganizationEntity, OrganizationKind, VerificationStatus } from '../organizations/organization.entity';
import { ProjectRole, ReferenceProjectEntity } from '../reference-projects/reference-project.entity';
import { SearchOutboxService } from '../search-outbox/search-outbox.service';
import { UserEntity } from '../users/user.entity';
import { Language, Role } from '../access/actor';
import demoData from './demo-data.json';
import { SeedRunEntity } from './seed-run.entity';
import { ALLIANCE_SEED_NAME, AllianceSeedReport, DEMO_CENTRES, seedAlliance } from './alliance-demo';
import { MATCHES_SEED_NAME, MatchesSeedReport, seedMatches } from './match-demo';
import { AuditLogService } from '../audit-log/audit-log.service';
import { JobQueueService } from '../jobs/job-queue.service';
import { MatchingService } from '../matching/matching.service';
import { MatchingWeightsService } from '../matching/weights/matching-weights.service';
import { MatchWorkflowService } from '../matches/match-workflow.service';

/** Bump when demo-data.json changes shape, so existing installs are not re-seeded by accident. */
export const DEMO_SEED_NAME = 'demo-gcdf-v1';
const EMAIL_DOMAIN = 'demo.waterbridge.org';
/** Any fixed number, other than the migrations' and the job queue's locks. */
const DEMO_SEED_LOCK = 7_240_616;

export interface DemoAccount {
  role: Role;
  email: string;
  organization: string;
}

export interface DemoSeedReport {
  organizations: number;
  users: number;
  needs: number;
  capabilities: number;
  referenceProjects: number;
  accounts: DemoAccount[];
  /** Null when the alliance's work was there already. */
  alliance: AllianceSeedReport | null;
  /** Null when the demo's matches were there already. */
  matches: MatchesSeedReport | null;
}

type DemoData = typeof demoData;

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
/** A demo login from the organisation's id in the data, readable: "N:hunan hongyu engineering" -> hunan-hongyu-engineering@…. */
export const loginOf = (externalId: string) => `${slug(externalId.replace(/^N:/i, ''))}@${EMAIL_DOMAIN}`;

/**
 * Demo organisations, users, needs and track records derived from AidData's GCDF 3.0 (ODC-By; see README).
 * Runs once per database: the whole seed and its marker row commit together, under an advisory lock, so two
 * instances starting at once or a crash half-way never leave a half-seeded or doubly seeded database.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly outbox: SearchOutboxService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matching: MatchingService,
    private readonly weights: MatchingWeightsService,
    private readonly workflow: MatchWorkflowService,
    private readonly audit: AuditLogService,
    private readonly jobs: JobQueueService,
  ) {}

  /** Whether this database holds the demo data (the seed ran on it). */
  isSeeded(): Promise<boolean> {
    return this.dataSource.manager.existsBy(SeedRunEntity, { name: DEMO_SEED_NAME });
  }

  /**
   * Seeds what is missing: the GCDF-derived organisations, needs and track records on a first start; the alliance's
   * work (joint centres, a programme, activities with meetings, donations, training: alliance-demo.ts); the matches
   * engaged after its activities, with their outcomes (match-demo.ts) — each also on a demo database seeded before it
   * existed. Null when there was nothing to do.
   *
   * Two transactions, each with its seed markers: the matches' explanations come from the product's matching, which
   * reads the track records the first one committed. A session lock holds both, so instances starting together seed
   * one after the other (and only one reports), and a crash between them leaves the second to the next start.
   */
  async seedIfFirstStart(data: DemoData = demoData, now = new Date()): Promise<DemoSeedReport | null> {
    return withAdvisoryLock(this.config.DATABASE_URL ?? '', DEMO_SEED_LOCK, async () => {
      const seeded = await this.seedDataAndAlliance(data, now);
      const matches = await this.seedMatchesIfMissing();
      if (!seeded && !matches) return null;
      return { ...(seeded ?? { ...this.emptyReport(data), alliance: null }), matches };
    });
  }

  private seedDataAndAlliance(data: DemoData, now: Date): Promise<Omit<DemoSeedReport, 'matches'> | null> {
    return this.outbox.transaction(async (manager) => {
      await lockForTransaction(manager, 'waterbridge:demo-seed');
      const done = async (name: string) => manager.existsBy(SeedRunEntity, { name });
      const [gcdf, alliance] = [await done(DEMO_SEED_NAME), await done(ALLIANCE_SEED_NAME)];
      if (gcdf && alliance) return null;
      // scrypt runs on libuv's thread pool. Every demo account has the same published password: one hash serves them all.
      const passwordHash = await hashPassword(this.config.DEMO_PASSWORD, this.config.PASSWORD_HASH_COST);
      const report = gcdf ? null : await this.seed(manager, data, passwordHash);
      const allianceReport = await seedAlliance(manager, { emailDomain: EMAIL_DOMAIN, passwordHash, now });
      await manager.insert(SeedRunEntity, [...(gcdf ? [] : [{ name: DEMO_SEED_NAME }]), { name: ALLIANCE_SEED_NAME }]);
      // Everything seeded goes to the search indexes through the outbox, like any other write.
      await this.outbox.recordAll(manager);
      if (report)
        this.logger.log(
          `Seeded ${report.organizations} organisations, ${report.users} users, ${report.needs} needs, ${report.referenceProjects} reference projects`,
        );
      this.logger.log(
        `Seeded the alliance's work: ${allianceReport.centres} joint centres, ${allianceReport.activities} activities with ${allianceReport.meetings} meetings, ${allianceReport.donations} donations, ${allianceReport.trainingCourses} training courses`,
      );
      return { ...(report ?? this.emptyReport(data)), alliance: allianceReport };
    });
  }

  /** The matches engaged after the alliance's activities, on a database holding the demo and the alliance's work. */
  private async seedMatchesIfMissing(): Promise<MatchesSeedReport | null> {
    const done = (name: string) => this.dataSource.manager.existsBy(SeedRunEntity, { name });
    if ((await done(MATCHES_SEED_NAME)) || !(await done(ALLIANCE_SEED_NAME))) return null;
    // The track records as the first transaction committed them (the index may have been built before).
    await this.matching.refresh();
    const report = await this.outbox.transaction(async (manager) => {
      await lockForTransaction(manager, 'waterbridge:demo-seed');
      if (await manager.existsBy(SeedRunEntity, { name: MATCHES_SEED_NAME })) return null;
      const seeded = await seedMatches(
        manager,
        {
          matching: this.matching,
          weights: this.weights,
          workflow: this.workflow,
          audit: this.audit,
          outbox: this.outbox,
          jobs: this.jobs,
        },
        { emailDomain: EMAIL_DOMAIN },
      );
      await manager.insert(SeedRunEntity, { name: MATCHES_SEED_NAME });
      this.logger.log(`Seeded the matching loop: ${seeded.engaged} matches engaged, ${seeded.outcomes} outcomes recorded`);
      return seeded;
    });
    // The outcomes' notifications (to the demo's own accounts) go out now.
    this.workflow.nudge();
    return report;
  }

  private emptyReport(data: DemoData): Omit<DemoSeedReport, 'alliance' | 'matches'> {
    return { organizations: 0, users: 0, needs: 0, capabilities: 0, referenceProjects: 0, accounts: this.demoAccounts(data) };
  }

  /** The accounts printed at start; available on later starts too. */
  demoAccounts(data: DemoData = demoData): DemoAccount[] {
    const enterprise = data.enterprises[0];
    const agency = data.agencies[0];
    return [
      { role: Role.COORDINATOR, email: `coordinator@${EMAIL_DOMAIN}`, organization: 'WaterBridge Alliance Secretariat (demo)' },
      { role: Role.ADMIN, email: `admin@${EMAIL_DOMAIN}`, organization: 'WaterBridge Alliance Secretariat (demo)' },
      { role: Role.ENTERPRISE_MEMBER, email: loginOf(enterprise.externalId), organization: enterprise.nameEn },
      { role: Role.AGENCY_MEMBER, email: loginOf(agency.externalId), organization: agency.nameEn },
    ];
  }

  /** Every seeded login, secretariat first, then enterprises and agencies, as printed at start. */
  everyDemoAccount(data: DemoData = demoData): DemoAccount[] {
    return [
      ...this.demoAccounts(data).slice(0, 2),
      ...data.enterprises.map((e) => ({ role: Role.ENTERPRISE_MEMBER, email: loginOf(e.externalId), organization: e.nameEn })),
      ...data.agencies.map((a) => ({ role: Role.AGENCY_MEMBER, email: loginOf(a.externalId), organization: a.nameEn })),
      // A joint centre's staff are agency members.
      ...DEMO_CENTRES(EMAIL_DOMAIN).map((c) => ({ role: Role.AGENCY_MEMBER, email: c.login, organization: c.nameEn })),
    ];
  }

  /** The start banner: one account per role to try first, then the login of every seeded organisation, by role. */
  banner(password: string, data: DemoData = demoData): string[] {
    const line = (a: DemoAccount) => `  ${a.email.padEnd(60)} ${a.organization}`;
    const lines = [
      `Demo accounts (password "${password}"):`,
      ...this.demoAccounts(data).map((a) => `  ${a.role.padEnd(18)} ${a.email.padEnd(40)} ${a.organization}`),
    ];
    const every = this.everyDemoAccount(data);
    for (const [role, heading] of [
      [Role.COORDINATOR, 'Coordinator'],
      [Role.ADMIN, 'Admin'],
      [Role.ENTERPRISE_MEMBER, 'Enterprises'],
      [Role.AGENCY_MEMBER, 'Agencies and joint centres'],
    ] as const) {
      const accounts = every.filter((a) => a.role === role);
      lines.push(`${heading} (${accounts.length}, same password):`, ...accounts.map(line));
    }
    return lines;
  }

  private async seed(manager: EntityManager, data: DemoData, passwordHash: string): Promise<Omit<DemoSeedReport, 'alliance' | 'matches'>> {
    const secretariat = await manager.save(
      manager.create(OrganizationEntity, {
        kind: OrganizationKind.SECRETARIAT,
        nameEn: 'WaterBridge Alliance Secretariat (demo)',
        nameZh: '水桥联盟秘书处（演示）',
        countryCode: 'CN',
        description: 'Reviews candidate matches and introduces enterprises and agencies.',
        verificationStatus: VerificationStatus.VERIFIED,
        contactEmail: `secretariat@${EMAIL_DOMAIN}`,
      }),
    );
    const users: Partial<UserEntity>[] = [
      { email: `coordinator@${EMAIL_DOMAIN}`, displayName: 'Demo Coordinator', role: Role.COORDINATOR, organizationId: secretariat.id },
      { email: `admin@${EMAIL_DOMAIN}`, displayName: 'Demo Admin', role: Role.ADMIN, organizationId: secretariat.id },
    ];

    const enterpriseIds = await insertAll(
      manager,
      OrganizationEntity,
      data.enterprises.map((e) => ({
        kind: OrganizationKind.ENTERPRISE,
        externalId: e.externalId,
        nameEn: e.nameEn,
        nameZh: e.nameZh,
        parentGroup: e.parentGroup,
        countryCode: e.countryCode,
        description: e.description,
        verificationStatus: VerificationStatus.VERIFIED,
        contactEmail: loginOf(e.externalId),
      })),
    );
    const agencyIds = await insertAll(
      manager,
      OrganizationEntity,
      data.agencies.map((a) => ({
        kind: OrganizationKind.AGENCY,
        externalId: a.externalId,
        nameEn: a.nameEn,
        nameZh: a.nameZh,
        countryCode: a.countryCode,
        description: `Demo partner agency posting water needs of ${a.nameEn.replace(/ Water Authority \(demo\)$/, '')}.`,
        verificationStatus: VerificationStatus.VERIFIED,
        contactEmail: loginOf(a.externalId),
      })),
    );
    const agencyIdByExternal = new Map(data.agencies.map((a, i) => [a.externalId, agencyIds[i]]));

    const capabilities: Partial<CapabilityEntity>[] = [];
    const projects: Partial<ReferenceProjectEntity>[] = [];
    data.enterprises.forEach((e, i) => {
      const organizationId = enterpriseIds[i];
      users.push({
        email: loginOf(e.externalId),
        displayName: `${e.nameEn} (demo member)`,
        role: Role.ENTERPRISE_MEMBER,
        organizationId,
        preferredLanguage: Language.ZH,
      });
      for (const c of e.capabilities) {
        capabilities.push({
          organizationId,
          technologyCategory: c.technologyCategory,
          description: c.description,
          trl: c.trl,
          cooperationModes: c.cooperationModes,
          countriesServed: c.countriesServed,
        });
      }
      for (const p of e.referenceProjects) {
        projects.push({
          organizationId,
          externalId: p.externalId,
          title: fitTitle(p.title),
          description: p.description,
          countryCode: p.countryCode,
          year: p.year,
          sectorCode: p.sectorCode,
          sourceSector: p.gcdfSector,
          role: p.role as ProjectRole,
          technologyCategories: p.technologyCategories,
        });
      }
    });
    data.agencies.forEach((a, i) => {
      users.push({
        email: loginOf(a.externalId),
        displayName: `${a.nameEn} (demo member)`,
        role: Role.AGENCY_MEMBER,
        organizationId: agencyIds[i],
        preferredLanguage: Language.EN,
      });
    });

    const now = new Date();
    const needs: Partial<NeedEntity>[] = data.needs.map((n) => ({
      organizationId: agencyIdByExternal.get(n.agencyExternalId),
      externalId: n.externalId,
      title: fitTitle(n.title),
      description: n.description,
      countryCode: n.countryCode,
      site: n.site,
      sectorCode: n.sectorCode,
      sdgTargets: n.sdgTargets,
      cooperationModes: n.cooperationModes,
      technologyCategories: n.technologyCategories,
      budgetMin: n.budgetMin,
      budgetMax: n.budgetMax,
      currency: n.currency,
      fundingStatus: n.fundingStatus as FundingStatus,
      financier: n.financier,
      status: NeedStatus.OPEN,
      publishedAt: now,
    }));

    await insertAll(
      manager,
      UserEntity,
      users.map((u) => ({ ...u, passwordHash })),
    );
    await insertAll(manager, CapabilityEntity, capabilities);
    await insertAll(manager, ReferenceProjectEntity, projects);
    await insertAll(manager, NeedEntity, needs);

    return {
      organizations: 1 + enterpriseIds.length + agencyIds.length,
      users: users.length,
      needs: needs.length,
      capabilities: capabilities.length,
      referenceProjects: projects.length,
      accounts: this.demoAccounts(data),
    };
  }
}

/** Multi-row inserts in chunks (PostgreSQL caps a statement at 65,535 parameters); returns the new ids in order. */
async function insertAll<E extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<E>, rows: Partial<E>[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const result = await manager.insert(target, rows.slice(i, i + 500));
    ids.push(...result.identifiers.map((identifier) => (identifier as { id: string }).id));
  }
  return ids;
}
