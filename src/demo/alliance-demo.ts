import { EntityManager, In } from 'typeorm';
import { Language, Role } from '../access/actor';
import { ActivityEntity, ActivityRegistrationEntity } from '../activities/activity.entity';
import { ActivityKind, ActivityStatus, RegistrationStatus } from '../activities/activity-status';
import { DonationEntity } from '../donations/donation.entity';
import { DonationStatus } from '../donations/donation-status';
import { MeetingBreakEntity, MeetingRequestEntity, MeetingSlotEntity } from '../meetings/meeting.entity';
import { scheduleMeetings } from '../meetings/meeting-scheduler';
import { MeetingRequestStatus } from '../meetings/meeting-status';
import { NeedEntity } from '../needs/need.entity';
import { NeedStatus } from '../needs/need-status';
import { HostInstitution, OrganizationEntity, OrganizationKind, VerificationStatus } from '../organizations/organization.entity';
import { ProgrammeEntity, ProgrammeMemberEntity } from '../programmes/programme.entity';
import { TrainingCourseEntity } from '../training/training-course.entity';
import { TrainingStatus } from '../training/training-status';
import { UserEntity } from '../users/user.entity';

/**
 * The alliance's own work in the demo (docs/DATA.md says what is real): the three joint centres the issue names, with
 * their real host countries; one programme modelled on the alliance's ANSO-sponsored project; a field investigation
 * and a seminar already held, with their B2B meetings; an exhibition open for registration; donations and training
 * courses in various states. Dates are relative to the day of the seed, so the demo never goes stale.
 */

export const ALLIANCE_SEED_NAME = 'demo-alliance-v1';

/** The Sri Lankan centre's need, which the donation and a course answer (and the demo's matches engage: match-demo.ts). */
export const LK_CENTRE_NEED_TITLE = 'Pilot reverse-osmosis plant for a CKDu-affected village in the dry zone';

export interface DemoCentre {
  key: 'lk' | 'ir' | 'kh';
  nameEn: string;
  nameZh: string;
  countryCode: string;
  description: string;
  hostInstitutions: HostInstitution[];
  login: string;
}

export const DEMO_CENTRES = (domain: string): DemoCentre[] => [
  {
    key: 'lk',
    nameEn: 'China–Sri Lanka Joint Center for Water Technology Research and Demonstration',
    nameZh: '中国－斯里兰卡水技术研究与示范联合中心',
    countryCode: 'LK',
    description:
      'Joint centre for research and demonstration of drinking-water technology in the dry zone, including water for communities affected by chronic kidney disease of unknown aetiology.',
    hostInstitutions: [
      { name: 'Research Center for Eco-Environmental Sciences, Chinese Academy of Sciences', countryCode: 'CN' },
      { name: 'Ministry of Water Supply, Sri Lanka', countryCode: 'LK' },
    ],
    login: `centre-sri-lanka@${domain}`,
  },
  {
    key: 'ir',
    nameEn: 'China–Iran Joint Research Center for Water and Environment',
    nameZh: '中国－伊朗水与环境联合研究中心',
    countryCode: 'IR',
    description: 'Joint research on water scarcity, wastewater reuse and the environment in arid regions.',
    hostInstitutions: [
      { name: 'Chinese Academy of Sciences', countryCode: 'CN' },
      { name: 'A national university of Iran (illustrative)', countryCode: 'IR' },
    ],
    login: `centre-iran@${domain}`,
  },
  {
    key: 'kh',
    nameEn: 'China–Cambodia Joint Lab for Water and Environment',
    nameZh: '中国－柬埔寨水与环境联合实验室',
    countryCode: 'KH',
    description: 'Joint laboratory for drinking-water quality, rural water supply and the Mekong basin environment.',
    hostInstitutions: [
      { name: 'Chinese Academy of Sciences', countryCode: 'CN' },
      { name: 'A national university of Cambodia (illustrative)', countryCode: 'KH' },
    ],
    login: `centre-cambodia@${domain}`,
  },
];

const DAY = 24 * 3600_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Enterprises the demo's alliance work involves, by their id in the demo data (the first one is the demo enterprise account). */
const MEMBER_ENTERPRISES = ['SINOHYDRO', 'CWE', 'CMEC', 'CGGC', 'POWERCHINA', 'CNEEC'];

export interface AllianceSeedReport {
  centres: number;
  activities: number;
  meetings: number;
  donations: number;
  trainingCourses: number;
}

/** Seeds the alliance's demo work on a database that holds the demo organisations. `now` fixes "today". */
export async function seedAlliance(
  manager: EntityManager,
  options: { emailDomain: string; passwordHash: string; now: Date },
): Promise<AllianceSeedReport> {
  const { now } = options;
  const at = (days: number, hour = 0) => new Date(Math.floor(now.getTime() / DAY) * DAY + days * DAY + hour * 3600_000);

  // Joint centres, verified, each with a member account (centre staff are agency members).
  const centres = new Map<DemoCentre['key'], OrganizationEntity>();
  for (const centre of DEMO_CENTRES(options.emailDomain)) {
    const saved = await manager.save(
      manager.create(OrganizationEntity, {
        kind: OrganizationKind.RESEARCH_CENTRE,
        nameEn: centre.nameEn,
        nameZh: centre.nameZh,
        countryCode: centre.countryCode,
        description: centre.description,
        hostInstitutions: centre.hostInstitutions,
        verificationStatus: VerificationStatus.VERIFIED,
        contactEmail: centre.login,
      }),
    );
    centres.set(centre.key, saved);
    await manager.insert(UserEntity, {
      email: centre.login,
      displayName: `${centre.nameEn} (demo member)`,
      role: Role.AGENCY_MEMBER,
      organizationId: saved.id,
      preferredLanguage: Language.EN,
      passwordHash: options.passwordHash,
    });
  }
  const lk = centres.get('lk')!;
  const ir = centres.get('ir')!;
  const kh = centres.get('kh')!;

  const enterprises = await manager.find(OrganizationEntity, { where: { externalId: In(MEMBER_ENTERPRISES) } });
  const enterprise = (externalId: string) => enterprises.find((e) => e.externalId === externalId)!;
  const agencies = await manager.find(OrganizationEntity, { where: { externalId: In(['agency-lk', 'agency-kh', 'agency-ir']) } });
  const agency = (code: string) => agencies.find((a) => a.countryCode === code)!;

  // A centre's need: the demonstration site wants a pilot plant (answered by a donation below).
  const lkNeed = await manager.save(
    manager.create(NeedEntity, {
      organizationId: lk.id,
      title: LK_CENTRE_NEED_TITLE,
      description:
        'The demonstration site needs a containerised brackish-water reverse-osmosis unit (about 10 m³/day) with remote monitoring, and training of two local operators, to supply safe drinking water to a village affected by chronic kidney disease of unknown aetiology.',
      countryCode: 'LK',
      site: 'Anuradhapura District',
      sectorCode: '14030',
      sdgTargets: ['6.1', '6.a'],
      cooperationModes: ['EQUIPMENT_DONATION', 'TECHNICAL_TRAINING'],
      technologyCategories: ['DESALINATION'],
      status: NeedStatus.OPEN,
      publishedAt: at(-20),
    }),
  );

  // The programme, modelled on the alliance's ANSO-sponsored project.
  const programme = await manager.save(
    manager.create(ProgrammeEntity, {
      nameEn: 'Water technology for Belt and Road countries (ANSO collaborative programme, demo)',
      nameZh: '“一带一路”国家水技术合作项目（ANSO 合作项目，演示）',
      sponsor: 'Alliance of International Science Organizations (ANSO)',
      description:
        'Works through the joint centres in Sri Lanka, Iran and Cambodia: field investigations, seminars and exhibitions abroad with member enterprises; equipment donation and technical training.',
      startsOn: isoDay(at(-400)),
      endsOn: isoDay(at(700)),
      budget: 6_000_000,
      currency: 'CNY',
      sdgTargets: ['6.1', '6.3', '6.4', '6.a'],
    }),
  );
  await manager.insert(
    ProgrammeMemberEntity,
    [lk, ir, kh, ...enterprises].map((o) => ({ programmeId: programme.id, organizationId: o.id })),
  );

  // Activities: two held with their meetings, one open for registration.
  let meetingCount = 0;
  const activity = async (fields: Partial<ActivityEntity>) =>
    manager.save(manager.create(ActivityEntity, { programmeId: programme.id, timeZone: 'UTC', ...fields }));
  const delegates = async (activityId: string, people: Array<[OrganizationEntity, string, string, RegistrationStatus?]>) => {
    const rows: ActivityRegistrationEntity[] = [];
    for (const [organization, name, position, status] of people)
      rows.push(
        await manager.save(
          manager.create(ActivityRegistrationEntity, {
            activityId,
            organizationId: organization.id,
            delegateName: name,
            delegateEmail: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${options.emailDomain}`,
            delegatePosition: position,
            status: status ?? RegistrationStatus.CONFIRMED,
          }),
        ),
      );
    return rows;
  };
  /** Slots of `minutes` from `from`, `count` of them. */
  const slots = async (activityId: string, from: Date, minutes: number, count: number) =>
    manager.save(
      Array.from({ length: count }, (_, i) =>
        manager.create(MeetingSlotEntity, {
          activityId,
          startsAt: new Date(from.getTime() + i * minutes * 60_000),
          endsAt: new Date(from.getTime() + (i + 1) * minutes * 60_000),
        }),
      ),
    );
  /** Accepted requests between the pairs named, placed by the real scheduler (as `scheduleMeetings` would). */
  const meetings = async (
    activity: ActivityEntity,
    slotRows: MeetingSlotEntity[],
    pairs: Array<[ActivityRegistrationEntity, ActivityRegistrationEntity, string]>,
    breaks: Array<[ActivityRegistrationEntity, MeetingSlotEntity]> = [],
  ) => {
    if (breaks.length)
      await manager.insert(
        MeetingBreakEntity,
        breaks.map(([r, s]) => ({ registrationId: r.id, slotId: s.id })),
      );
    const requests = await manager.save(
      pairs.map(([from, to, message]) =>
        manager.create(MeetingRequestEntity, {
          activityId: activity.id,
          requesterId: from.id,
          inviteeId: to.id,
          message,
          status: MeetingRequestStatus.ACCEPTED,
        }),
      ),
    );
    const people = [...new Set(pairs.flatMap(([a, b]) => [a.id, b.id]))];
    const schedule = scheduleMeetings({
      slots: slotRows.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt })),
      tables: activity.meetingTables,
      participants: people.map((id) => ({ id, unavailableSlotIds: breaks.filter(([r]) => r.id === id).map(([, s]) => s.id) })),
      requests: requests.map((r) => ({ id: r.id, participantIds: [r.requesterId, r.inviteeId] })),
    });
    for (const p of schedule.placed) {
      await manager.update(MeetingRequestEntity, { id: p.requestId }, { slotId: p.slotId, tableNumber: p.table });
      meetingCount += 1;
    }
    return requests;
  };

  // 1. A field investigation in Sri Lanka, five months ago, reported.
  const investigationStart = at(-150, 3);
  const investigation = await activity({
    kind: ActivityKind.FIELD_INVESTIGATION,
    title: 'Field investigation of drinking-water needs in the dry zone of Sri Lanka',
    titleZh: '斯里兰卡干旱区饮用水需求实地调研',
    description: 'Member enterprises visit village water schemes and the joint centre’s demonstration sites with the centre’s staff.',
    countryCode: 'LK',
    city: 'Kandy',
    hostCentreId: lk.id,
    startsAt: investigationStart,
    endsAt: new Date(investigationStart.getTime() + 3 * DAY),
    timeZone: 'Asia/Colombo',
    capacity: 20,
    registrationDeadline: at(-170),
    technologyCategories: ['DESALINATION', 'DRINKING_WATER_TREATMENT'],
    sdgTargets: ['6.1'],
    status: ActivityStatus.REPORTED,
    report:
      'Twelve delegates from four member enterprises visited six village schemes and two demonstration sites; eight B2B meetings led to one equipment donation and one training course.',
    meetingTables: 3,
  });
  const [ldA, ldB, lkAgency, sino, cwe, cmec] = await delegates(investigation.id, [
    [lk, 'Nuwan Herath', 'Research engineer'],
    [lk, 'Wang Lei', 'Deputy director'],
    [agency('LK'), 'Dilani Fernando', 'Water-quality officer'],
    [enterprise('SINOHYDRO'), 'Liu Yang', 'Overseas business manager'],
    [enterprise('CWE'), 'Chen Jing', 'Project manager, South Asia'],
    [enterprise('CMEC'), 'Zhao Qiang', 'Chief engineer'],
  ]);
  const investigationSlots = await slots(investigation.id, new Date(investigationStart.getTime() + 2 * DAY + 3.5 * 3600_000), 30, 4);
  await meetings(
    investigation,
    investigationSlots,
    [
      [sino, ldA, 'Containerised RO units for village schemes'],
      [cwe, ldA, 'Operator training for small plants'],
      [cmec, lkAgency, 'Water-quality laboratory equipment'],
      [sino, lkAgency, 'Rural water supply in Anuradhapura'],
      [cwe, ldB, 'Joint demonstration site'],
      [cmec, ldB, 'Remote monitoring of RO plants'],
    ],
    [[ldB, investigationSlots[0]]],
  );

  // 2. A seminar in Cambodia, two months ago, held (not yet reported).
  const seminarStart = at(-60, 2);
  const seminar = await activity({
    kind: ActivityKind.SEMINAR,
    title: 'Seminar on rural drinking-water quality in the Mekong basin',
    titleZh: '湄公河流域农村饮用水水质研讨会',
    countryCode: 'KH',
    city: 'Phnom Penh',
    hostCentreId: kh.id,
    startsAt: seminarStart,
    endsAt: new Date(seminarStart.getTime() + 8 * 3600_000),
    timeZone: 'Asia/Phnom_Penh',
    capacity: 40,
    registrationDeadline: at(-75),
    technologyCategories: ['DRINKING_WATER_TREATMENT', 'WATER_QUALITY_MONITORING'],
    sdgTargets: ['6.1', '6.3'],
    status: ActivityStatus.HELD,
    meetingTables: 2,
  });
  const [khLab, khAgency, cggc, power] = await delegates(seminar.id, [
    [kh, 'Sok Dara', 'Laboratory manager'],
    [agency('KH'), 'Chan Sophea', 'Provincial water officer'],
    [enterprise('CGGC'), 'Sun Hui', 'Regional director'],
    [enterprise('POWERCHINA'), 'Xu Ming', 'Water business unit'],
  ]);
  const seminarSlots = await slots(seminar.id, new Date(seminarStart.getTime() + 5 * 3600_000), 20, 3);
  await meetings(seminar, seminarSlots, [
    [cggc, khLab, 'Arsenic removal for rural wells'],
    [power, khAgency, 'Piped supply for market towns'],
    [cggc, khAgency, 'Water kiosks'],
  ]);

  // 3. An exhibition in Iran, in six weeks, open for registration, with its meeting plan.
  const exhibitionStart = at(45, 5);
  const exhibition = await activity({
    kind: ActivityKind.EXHIBITION,
    title: 'Water technology exhibition and B2B meetings, Tehran',
    titleZh: '德黑兰水技术展览暨企业洽谈会',
    description:
      'Member enterprises show desalination, wastewater reuse and irrigation technology; partner agencies and the joint centre meet them one to one.',
    countryCode: 'IR',
    city: 'Tehran',
    hostCentreId: ir.id,
    startsAt: exhibitionStart,
    endsAt: new Date(exhibitionStart.getTime() + 2 * DAY),
    timeZone: 'Asia/Tehran',
    capacity: 30,
    registrationDeadline: at(30, 12),
    technologyCategories: ['DESALINATION', 'WASTEWATER_TREATMENT', 'IRRIGATION'],
    sdgTargets: ['6.3', '6.4'],
    status: ActivityStatus.OPEN,
    meetingTables: 6,
  });
  const [irCentre, irAgency, cneec, sinoAtExhibition] = await delegates(exhibition.id, [
    [ir, 'Reza Karimi', 'Research fellow'],
    [agency('IR'), 'Maryam Ahmadi', 'Deputy for water supply'],
    [enterprise('CNEEC'), 'Han Bo', 'Sales director, Middle East'],
    [enterprise('SINOHYDRO'), 'Liu Yang', 'Overseas business manager'],
    [enterprise('CWE'), 'Chen Jing', 'Project manager', RegistrationStatus.PENDING],
  ]);
  await slots(exhibition.id, new Date(exhibitionStart.getTime() + DAY + 4 * 3600_000), 30, 8);
  await manager.save([
    manager.create(MeetingRequestEntity, {
      activityId: exhibition.id,
      requesterId: cneec.id,
      inviteeId: irAgency.id,
      message: 'Wastewater reuse for irrigation',
      status: MeetingRequestStatus.ACCEPTED,
    }),
    manager.create(MeetingRequestEntity, {
      activityId: exhibition.id,
      requesterId: irCentre.id,
      inviteeId: sinoAtExhibition.id,
      message: 'Solar-powered desalination pilot',
      status: MeetingRequestStatus.REQUESTED,
    }),
  ]);

  // Equipment donations and training courses in various states.
  const donation = (fields: Partial<DonationEntity>) =>
    manager.create(DonationEntity, { programmeId: programme.id, currency: 'USD', ...fields });
  await manager.save([
    donation({
      donorId: enterprise('SINOHYDRO').id,
      recipientId: lk.id,
      needId: lkNeed.id,
      title: 'Containerised reverse-osmosis unit for a demonstration village',
      items: [
        { name: 'Containerised brackish-water RO unit, 10 m³/day', quantity: 1, unitValue: 68_000 },
        { name: 'Remote monitoring kit', quantity: 1, unitValue: 9_500 },
      ],
      value: 77_500,
      status: DonationStatus.IN_OPERATION,
      handedOverOn: isoDay(at(-110)),
    }),
    donation({
      donorId: enterprise('CGGC').id,
      recipientId: kh.id,
      title: 'Field water-quality laboratory',
      items: [
        { name: 'Portable water-quality laboratory', quantity: 2, unitValue: 14_000 },
        { name: 'Arsenic field test kit', quantity: 20, unitValue: 250 },
      ],
      value: 33_000,
      status: DonationStatus.HANDED_OVER,
      handedOverOn: isoDay(at(-45)),
    }),
    donation({
      donorId: enterprise('CNEEC').id,
      recipientId: ir.id,
      title: 'Membrane test bench for wastewater reuse research',
      items: [{ name: 'Membrane bioreactor test bench', quantity: 1, unitValue: 42_000 }],
      value: 42_000,
      status: DonationStatus.SHIPPED,
    }),
    donation({
      donorId: enterprise('CMEC').id,
      recipientId: agency('LK').id,
      title: 'Solar pumps for rural boreholes',
      items: [{ name: 'Solar-powered submersible pump', quantity: 12, unitValue: 2_400 }],
      value: 28_800,
      status: DonationStatus.PLEDGED,
    }),
  ]);
  const course = (fields: Partial<TrainingCourseEntity>) => manager.create(TrainingCourseEntity, { programmeId: programme.id, ...fields });
  await manager.save([
    course({
      trainerId: enterprise('CWE').id,
      recipientId: lk.id,
      needId: lkNeed.id,
      title: 'Operation and maintenance of small reverse-osmosis plants',
      startsOn: isoDay(at(-100)),
      endsOn: isoDay(at(-95)),
      hours: 40,
      trainees: 24,
      certificatesIssued: 22,
      status: TrainingStatus.COMPLETED,
    }),
    course({
      trainerId: enterprise('CGGC').id,
      recipientId: kh.id,
      activityId: seminar.id,
      title: 'Field testing of arsenic and fluoride in drinking water',
      startsOn: isoDay(at(-59)),
      endsOn: isoDay(at(-58)),
      hours: 12,
      trainees: 18,
      certificatesIssued: 18,
      status: TrainingStatus.COMPLETED,
    }),
    course({
      trainerId: lk.id,
      recipientId: agency('KH').id,
      title: 'Community water-safety planning',
      startsOn: isoDay(at(60)),
      endsOn: isoDay(at(64)),
      hours: 30,
      trainees: 20,
      status: TrainingStatus.APPROVED,
    }),
    course({
      trainerId: enterprise('CNEEC').id,
      recipientId: ir.id,
      title: 'Membrane bioreactors for wastewater reuse',
      startsOn: isoDay(at(90)),
      hours: 24,
      trainees: 15,
      status: TrainingStatus.PLEDGED,
    }),
  ]);

  return { centres: centres.size, activities: 3, meetings: meetingCount, donations: 4, trainingCourses: 4 };
}
