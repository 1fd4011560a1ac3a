import { Language, Role } from '../../access/actor';
import { DigestFrequency, NotificationEventType } from '../notification-event-type';
import { ContactSnapshot, DelegateSnapshot, MeetingSnapshot, NotificationPayload, NotificationPayloads } from '../notification-payload';
import { digestEmail, DigestItem, emailMessage, inAppTexts, RecipientView } from './notification-texts';

const APP = 'https://waterbridge.example.org';
const HAN = /[\u4e00-\u9fff]/;

const agencyContacts: ContactSnapshot = {
  organization: 'Lanka Water Board',
  email: 'partnerships@lwb.example.lk',
  phone: '+94 11 263 8999',
  website: 'https://lwb.example.lk',
  people: [{ name: 'Nimal Perera', email: 'nimal.perera@lwb.example.lk' }],
};
const enterpriseContacts: ContactSnapshot = {
  organization: 'Blue River Water Engineering',
  email: 'intl@blueriver.example.cn',
  phone: '+86 10 6588 1234',
  website: 'https://blueriver.example.cn',
  people: [{ name: 'Zhang Wei', email: 'zhang.wei@blueriver.example.cn' }],
};

/** A 1:1 meeting at 14:00–14:20 in Colombo (08:30 UTC), table 3. */
const MEETING: MeetingSnapshot = {
  meetingRequestId: 'meeting-9',
  requester: { name: 'Zhou Min', organization: 'Blue River Water Engineering', organizationZh: '蓝河水务工程有限公司' },
  invitee: { name: 'Nimal Perera', organization: 'Lanka Water Board', organizationZh: '斯里兰卡国家供水排水委员会' },
  message: 'Solar desalination for islands',
  reason: 'Flight changed',
  startsAt: '2030-03-10T08:30:00.000Z',
  endsAt: '2030-03-10T08:50:00.000Z',
  tableNumber: 3,
};

/** A payload with every field an event may carry; `over` narrows it to one situation. */
const payload = (over: Partial<NotificationPayload> = {}): NotificationPayload => ({
  audience: { organizationIds: ['org-agency', 'org-enterprise'], userIds: [], coordinators: true },
  matchId: 'match-7',
  needId: 'need-3',
  needTitle: 'Non-revenue water reduction in Colombo',
  countryCode: 'LK',
  agency: { organizationId: 'org-agency', nameEn: 'Lanka Water Board', nameZh: '斯里兰卡国家供水排水委员会' },
  enterprise: { organizationId: 'org-enterprise', nameEn: 'Blue River Water Engineering', nameZh: '蓝河水务工程有限公司' },
  score: 0.873,
  side: 'ENTERPRISE',
  reason: 'Our teams are fully booked until next year.',
  contacts: { agency: agencyContacts, enterprise: enterpriseContacts },
  outcome: { kind: 'MOU_SIGNED' as const, date: '2026-03-05', note: 'Signed at the Belt and Road water forum.' },
  candidateCount: 3,
  daysWaiting: 9,
  activityId: 'activity-5',
  activityTitle: 'Seminar on rural water supply',
  titleZh: '农村供水研讨会',
  city: 'Colombo',
  startsAt: '2030-03-10T03:30:00.000Z',
  endsAt: '2030-03-12T11:00:00.000Z',
  timeZone: 'Asia/Colombo',
  registrationDeadline: '2030-03-01T11:30:00.000Z',
  change: 'REGISTERED' as const,
  delegates: [{ registrationId: 'reg-1', name: 'Li Wei', status: 'PENDING' as const, waitingListPosition: null, reason: null }],
  meetingChange: 'REQUESTED' as const,
  meeting: MEETING,
  meetings: [MEETING],
  unplaced: 1,
  minutesBefore: 60,
  ...over,
});
/** Only what every event has: the fallbacks must still read as sentences. */
const sparse: NotificationPayload = {
  audience: { organizationIds: [], userIds: [], coordinators: true },
  matchId: 'match-7',
  needId: 'need-3',
};

const agencyReader: RecipientView = { displayName: 'Nimal Perera', organizationId: 'org-agency', role: Role.AGENCY_MEMBER };
const enterpriseReader: RecipientView = { displayName: 'Zhang Wei', organizationId: 'org-enterprise', role: Role.ENTERPRISE_MEMBER };
const coordinator: RecipientView = { displayName: 'Amina Diallo', organizationId: 'org-secretariat', role: Role.COORDINATOR };

const TYPES = Object.values(NotificationEventType);
const LANGUAGES = Object.values(Language);
const everything = (type: NotificationEventType, p: NotificationPayload, language: Language, reader: RecipientView) => {
  const inApp = inAppTexts(type, p, language, reader);
  const mail = emailMessage(type, p, language, reader, APP);
  return { inApp, mail, all: [inApp.title, inApp.body, mail.subject, mail.text, mail.html] };
};

describe('notification texts', () => {
  describe.each(LANGUAGES)('in %s', (language) => {
    it.each(TYPES)('%s reads as finished text for every reader, with a full or a sparse payload', (type) => {
      for (const reader of [agencyReader, enterpriseReader, coordinator]) {
        for (const p of [payload(), sparse]) {
          const { inApp, mail, all } = everything(type, p, language, reader);
          for (const text of all) {
            expect(text).not.toMatch(/undefined|null|\[object|NaN/);
            if (language === Language.ZH) expect(text).toMatch(HAN);
            else expect(text).not.toMatch(HAN);
          }
          expect(inApp.title.length).toBeGreaterThan(5);
          expect(inApp.body.length).toBeGreaterThan(10);
          expect(mail.subject).toBe(inApp.title);
          expect(mail.text).toContain(reader.displayName);
          expect(mail.text).toContain(`${APP}/settings/notifications`);
          expect(mail.html).toContain(`href="${APP}/settings/notifications"`);
        }
      }
    });
  });

  it('has texts for every event type in both languages', () => {
    for (const language of LANGUAGES)
      for (const type of TYPES) expect(inAppTexts(type, payload(), language, coordinator).title).toEqual(expect.any(String));
  });

  it('links to the match, to the need for alerts and the review queue, to the activity for activities', () => {
    const ACTIVITY_EVENTS: NotificationEventType[] = [
      NotificationEventType.ACTIVITY_PUBLISHED,
      NotificationEventType.ACTIVITY_REGISTRATION_CHANGED,
      NotificationEventType.ACTIVITY_CHANGED,
      NotificationEventType.MEETING_REQUEST_CHANGED,
      NotificationEventType.MEETINGS_SCHEDULED,
      NotificationEventType.MEETING_REMINDER,
    ];
    for (const type of TYPES) {
      const { text, html } = emailMessage(type, payload(), Language.EN, coordinator, `${APP}/`);
      const expected = ACTIVITY_EVENTS.includes(type)
        ? `${APP}/activities/activity-5`
        : type === NotificationEventType.CONTRIBUTION_CHANGED
          ? `${APP}/contributions`
          : type === NotificationEventType.OPPORTUNITY_ALERT || type === NotificationEventType.CANDIDATES_TO_REVIEW
            ? `${APP}/needs/need-3`
            : `${APP}/matches/match-7`;
      expect(text).toContain(expected);
      expect(html).toContain(`href="${expected}"`);
    }
  });

  it('escapes what organisations typed before it goes into the HTML', () => {
    const p = payload({
      needTitle: '<script>alert("x")</script> Pumps & pipes',
      agency: { organizationId: 'org-agency', nameEn: 'Water <b>Board</b>', nameZh: null },
    });
    for (const language of LANGUAGES) {
      for (const type of TYPES) {
        const { html, text } = emailMessage(type, p, language, enterpriseReader, APP);
        expect(html).not.toContain('<script>');
        expect(html).not.toContain('<b>Board');
        expect(text).not.toContain('&lt;');
      }
      const { html } = emailMessage(NotificationEventType.OPPORTUNITY_ALERT, p, language, enterpriseReader, APP);
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Pumps &amp; pipes');
    }
  });

  it('gives each side of an engaged match the other side’s contacts, never its own', () => {
    const engaged = NotificationEventType.MATCH_ENGAGED;
    for (const language of LANGUAGES) {
      const forAgency = everything(engaged, payload(), language, agencyReader);
      for (const text of [forAgency.mail.text, forAgency.mail.html]) {
        for (const value of [
          'intl@blueriver.example.cn',
          '+86 10 6588 1234',
          'https://blueriver.example.cn',
          'Zhang Wei',
          'zhang.wei@blueriver.example.cn',
        ])
          expect(text).toContain(value);
        for (const own of ['partnerships@lwb.example.lk', '+94 11 263 8999', 'nimal.perera@lwb.example.lk', 'lwb.example.lk'])
          expect(text).not.toContain(own);
      }
      expect(forAgency.inApp.body).toContain('zhang.wei@blueriver.example.cn');
      expect(forAgency.inApp.body).not.toContain('lwb.example.lk');

      const forEnterprise = everything(engaged, payload(), language, enterpriseReader);
      for (const text of [forEnterprise.mail.text, forEnterprise.mail.html, forEnterprise.inApp.body]) {
        expect(text).toContain('nimal.perera@lwb.example.lk');
        expect(text).not.toContain('blueriver.example.cn');
      }
    }
    expect(emailMessage(engaged, payload(), Language.EN, enterpriseReader, APP).text).toContain('Contact details of Lanka Water Board');
    expect(emailMessage(engaged, payload(), Language.ZH, agencyReader, APP).text).toContain('蓝河水务工程有限公司的联系方式');
  });

  it('words an introduction for the agency, the enterprise and the secretariat differently', () => {
    const introduced = NotificationEventType.MATCH_INTRODUCED;
    const en = [agencyReader, enterpriseReader, coordinator].map((r) => inAppTexts(introduced, payload(), Language.EN, r).body);
    expect(en[0]).toContain('Blue River Water Engineering has been introduced for your need “Non-revenue water reduction in Colombo”');
    expect(en[1]).toContain('You have been introduced to Lanka Water Board for “Non-revenue water reduction in Colombo” in Sri Lanka (LK)');
    expect(en[2]).toContain('Blue River Water Engineering has been introduced to Lanka Water Board');
    expect(new Set(en).size).toBe(3);

    const zh = [agencyReader, enterpriseReader, coordinator].map((r) => inAppTexts(introduced, payload(), Language.ZH, r).body);
    expect(zh[0]).toContain('联盟秘书处已为贵机构的需求“Non-revenue water reduction in Colombo”引荐了蓝河水务工程有限公司');
    expect(zh[1]).toContain('联盟秘书处已将贵公司引荐给斯里兰卡国家供水排水委员会');
    expect(new Set(zh).size).toBe(3);
  });

  it('uses the Chinese name of an organisation in Chinese, and its English name when it has none', () => {
    const noChineseName = payload({
      enterprise: { organizationId: 'org-enterprise', nameEn: 'Blue River Water Engineering', nameZh: null },
    });
    expect(inAppTexts(NotificationEventType.MATCH_INTRODUCED, noChineseName, Language.ZH, agencyReader).body).toContain(
      '引荐了Blue River Water Engineering',
    );
    expect(inAppTexts(NotificationEventType.MATCH_INTRODUCED, payload(), Language.EN, agencyReader).body).not.toContain('蓝河');
  });

  it('tells the other side who answered an introduction, with the reason of a decline', () => {
    const accepted = inAppTexts(NotificationEventType.MATCH_ACCEPTED, payload({ side: 'ENTERPRISE' }), Language.EN, agencyReader);
    expect(accepted.title).toBe('Blue River Water Engineering accepted the introduction');

    const declined = emailMessage(NotificationEventType.MATCH_DECLINED, payload({ side: 'AGENCY' }), Language.EN, enterpriseReader, APP);
    expect(declined.subject).toBe('Lanka Water Board declined the introduction');
    expect(declined.text).toContain('Reason given: “Our teams are fully booked until next year.”');
    expect(
      emailMessage(
        NotificationEventType.MATCH_DECLINED,
        payload({ side: 'AGENCY', reason: '预算尚未批准' }),
        Language.ZH,
        enterpriseReader,
        APP,
      ).text,
    ).toContain('谢绝原因：“预算尚未批准”');
    expect(
      emailMessage(NotificationEventType.MATCH_DECLINED, payload({ reason: undefined }), Language.EN, agencyReader, APP).text,
    ).not.toContain('Reason given');
  });

  it('says who closed a match: the secretariat, or the need itself', () => {
    const closedBy = (p: Partial<Parameters<typeof payload>[0]>, language: Language, reader: typeof agencyReader) =>
      inAppTexts(NotificationEventType.MATCH_CLOSED, payload(p), language, reader).body;
    expect(closedBy({}, Language.EN, enterpriseReader)).toMatch(/^The secretariat has closed the match/);
    expect(closedBy({ closedWithNeed: true }, Language.EN, enterpriseReader)).toContain('has closed: the need no longer takes partners.');
    expect(closedBy({ closedWithNeed: true }, Language.EN, agencyReader)).toContain('has closed with your need.');
    expect(closedBy({ closedWithNeed: true }, Language.ZH, enterpriseReader)).toContain('该需求不再接受合作伙伴');
    expect(closedBy({ closedWithNeed: true }, Language.ZH, agencyReader)).not.toContain('秘书处');
  });

  it('puts the numbers a reader acts on into alerts, review requests, reminders and escalations', () => {
    const alert = inAppTexts(NotificationEventType.OPPORTUNITY_ALERT, payload(), Language.EN, enterpriseReader);
    expect(alert.title).toBe('New opportunity: “Non-revenue water reduction in Colombo” in Sri Lanka (LK) – 87% match');
    const alertZh = inAppTexts(NotificationEventType.OPPORTUNITY_ALERT, payload(), Language.ZH, enterpriseReader);
    expect(alertZh.title).toBe('新合作机会：“Non-revenue water reduction in Colombo”（斯里兰卡，LK），匹配度 87%');

    expect(inAppTexts(NotificationEventType.CANDIDATES_TO_REVIEW, payload(), Language.EN, coordinator).body).toContain(
      '3 candidates for “Non-revenue water reduction in Colombo”',
    );
    expect(inAppTexts(NotificationEventType.CANDIDATES_TO_REVIEW, payload({ candidateCount: 1 }), Language.EN, coordinator).body).toMatch(
      /^1 candidate for .* is waiting/,
    );
    expect(inAppTexts(NotificationEventType.CANDIDATES_TO_REVIEW, payload(), Language.ZH, coordinator).body).toContain(
      '有 3 家候选企业等待您审核',
    );

    expect(inAppTexts(NotificationEventType.MATCH_REMINDER, payload(), Language.EN, enterpriseReader).body).toContain(
      'waiting for your answer for 9 days',
    );
    expect(inAppTexts(NotificationEventType.MATCH_REMINDER, payload({ daysWaiting: 1 }), Language.EN, enterpriseReader).body).toContain(
      'for 1 day.',
    );
    expect(inAppTexts(NotificationEventType.MATCH_REMINDER, payload(), Language.ZH, agencyReader).body).toContain('已等待您答复 9 天');
    expect(inAppTexts(NotificationEventType.MATCH_ESCALATED, payload(), Language.EN, coordinator).title).toBe(
      'No answer after 9 days: “Non-revenue water reduction in Colombo”',
    );
    expect(inAppTexts(NotificationEventType.MATCH_ESCALATED, payload(), Language.ZH, coordinator).body).toContain(
      '已 9 天未获蓝河水务工程有限公司答复',
    );
  });

  it('states a recorded outcome with its date in the reader’s language', () => {
    expect(emailMessage(NotificationEventType.MATCH_OUTCOME_RECORDED, payload(), Language.EN, agencyReader, APP).text).toMatch(
      /memorandum of understanding signed[\s\S]*5 March 2026[\s\S]*Signed at the Belt and Road water forum/,
    );
    expect(emailMessage(NotificationEventType.MATCH_OUTCOME_RECORDED, payload(), Language.ZH, enterpriseReader, APP).text).toMatch(
      /签署合作备忘录[\s\S]*2026年3月5日/,
    );
  });

  it('states an outcome’s value and the stage the collaboration reached, in the app and by e-mail, in each language', () => {
    const contract = payload({
      outcome: {
        kind: 'CONTRACT' as const,
        date: '2026-09-14',
        value: 1_250_000.5,
        currency: 'USD',
        note: null,
        stage: 'CONTRACT' as const,
      },
    });
    expect(inAppTexts(NotificationEventType.MATCH_OUTCOME_RECORDED, contract, Language.EN, agencyReader).body).toBe(
      'The alliance secretariat has recorded an outcome of your cooperation with Blue River Water Engineering on “Non-revenue water reduction in Colombo”: contract signed. Date: 14 September 2026. Value: 1,250,000.5 USD. Stage reached: contract signed (stage 4 of 5).',
    );
    expect(inAppTexts(NotificationEventType.MATCH_OUTCOME_RECORDED, contract, Language.ZH, enterpriseReader).body).toBe(
      '联盟秘书处已登记贵公司与斯里兰卡国家供水排水委员会关于需求“Non-revenue water reduction in Colombo”的合作成果：签订合同。日期：2026年9月14日。金额：1,250,000.5 USD。已达阶段：签订合同（第 4 阶段，共 5 个阶段）。',
    );
    expect(emailMessage(NotificationEventType.MATCH_OUTCOME_RECORDED, contract, Language.EN, enterpriseReader, APP).text).toMatch(
      /Value: 1,250,000\.5 USD\n\s+Stage reached: contract signed \(stage 4 of 5\)/,
    );
    // Training after a contract leaves the stage at the contract: the message names both.
    const training = payload({
      outcome: { kind: 'TRAINING_DELIVERED' as const, date: '2026-10-01', note: null, stage: 'CONTRACT' as const },
    });
    expect(inAppTexts(NotificationEventType.MATCH_OUTCOME_RECORDED, training, Language.EN, agencyReader).body).toMatch(
      /: training delivered\. Date: 1 October 2026\. Stage reached: contract signed \(stage 4 of 5\)\.$/,
    );
    // An event stored before the series (no value, no stage) still reads as before.
    expect(inAppTexts(NotificationEventType.MATCH_OUTCOME_RECORDED, payload(), Language.EN, agencyReader).body).toMatch(
      /: memorandum of understanding signed\. Date: 5 March 2026\.$/,
    );
  });

  describe('activities', () => {
    const PUBLISHED = NotificationEventType.ACTIVITY_PUBLISHED;
    const CHANGED = NotificationEventType.ACTIVITY_REGISTRATION_CHANGED;
    const member: RecipientView = { displayName: 'Zhang Wei', organizationId: 'org-enterprise', role: Role.ENTERPRISE_MEMBER };
    const delegate = (name: string, status: DelegateSnapshot['status'], over: Partial<DelegateSnapshot> = {}): DelegateSnapshot => ({
      registrationId: `reg-${name}`,
      name,
      status,
      waitingListPosition: null,
      reason: null,
      ...over,
    });
    type Changed = NotificationPayloads[NotificationEventType.ACTIVITY_REGISTRATION_CHANGED];
    const changed = (change: Changed['change'], delegates: DelegateSnapshot[], over: Partial<Changed> = {}) =>
      payload({ change, delegates, ...over });
    const read = (type: NotificationEventType, p: NotificationPayload, language: Language) => {
      const inApp = inAppTexts(type, p, language, member);
      return `${inApp.title}\n${inApp.body}`;
    };

    it('announces a publication with the dates in the venue’s time zone, the place and the deadline, and links to the activity', () => {
      const en = emailMessage(PUBLISHED, payload(), Language.EN, member, APP);
      expect(en.subject).toBe('New activity: “Seminar on rural water supply”');
      expect(en.text).toContain('“Seminar on rural water supply” is open for registration: 10–12 March 2030, Colombo, Sri Lanka.');
      // 11:30 UTC is 17:00 in Colombo.
      expect(en.text).toMatch(/Registration closes on 1 March 2030[^\n]*17:00 \(GMT\+5:30\)\./);
      expect(en.text).toContain(`View the activity: ${APP}/activities/activity-5`);
      expect(en.html).toContain(`href="${APP}/activities/activity-5"`);
      expect(inAppTexts(PUBLISHED, payload(), Language.EN, member).body).toContain('Registration closes on 1 March 2030');

      const zh = emailMessage(PUBLISHED, payload(), Language.ZH, member, APP);
      expect(zh.subject).toBe('新活动开放报名：“农村供水研讨会”');
      expect(zh.text).toContain('“农村供水研讨会”现已开放报名（2030年3月10日至12日，斯里兰卡 Colombo）。');
      expect(zh.text).toContain('报名截止时间：2030年3月1日 17:00（GMT+5:30）。');
      expect(zh.text).toContain(`查看活动详情：${APP}/activities/activity-5`);
      // No Chinese title: the English one, in Chinese sentences.
      expect(inAppTexts(PUBLISHED, payload({ titleZh: null }), Language.ZH, member).title).toBe(
        '新活动开放报名：“Seminar on rural water supply”',
      );
    });

    it('counts the days as the venue’s clock does, saying once what the first and last day share', () => {
      const when = (startsAt: string, endsAt: string, timeZone: string, language: Language) =>
        inAppTexts(PUBLISHED, payload({ startsAt, endsAt, timeZone }), language, member).body;
      // 20:00 UTC on 9 March is 01:30 on 10 March in Colombo; 22:00 UTC on 12 March is still the 12th there.
      expect(when('2030-03-09T20:00:00Z', '2030-03-12T12:00:00Z', 'Asia/Colombo', Language.EN)).toContain(': 10–12 March 2030,');
      expect(when('2030-03-09T20:00:00Z', '2030-03-12T12:00:00Z', 'UTC', Language.EN)).toContain(': 9–12 March 2030,');
      expect(when('2030-03-10T03:00:00Z', '2030-03-10T09:00:00Z', 'Asia/Colombo', Language.EN)).toContain(': 10 March 2030,');
      expect(when('2030-02-27T03:00:00Z', '2030-03-02T09:00:00Z', 'Asia/Colombo', Language.EN)).toContain(': 27 February – 2 March 2030,');
      expect(when('2030-12-30T03:00:00Z', '2031-01-02T09:00:00Z', 'Asia/Colombo', Language.EN)).toContain(
        ': 30 December 2030 – 2 January 2031,',
      );
      expect(when('2030-02-27T03:00:00Z', '2030-03-02T09:00:00Z', 'Asia/Colombo', Language.ZH)).toContain('（2030年2月27日至3月2日，');
      expect(when('2030-12-30T03:00:00Z', '2031-01-02T09:00:00Z', 'Asia/Colombo', Language.ZH)).toContain(
        '（2030年12月30日至2031年1月2日，',
      );
      // A zone the runtime does not know: UTC rather than no dates.
      expect(when('2030-03-09T20:00:00Z', '2030-03-12T12:00:00Z', 'Mars/Olympus', Language.EN)).toContain(': 9–12 March 2030,');
    });

    it('tells the registering organisation each kind of change, in English and in Chinese with the Chinese title', () => {
      const cases: Array<[Changed['change'], DelegateSnapshot, Partial<Changed>, string, string]> = [
        [
          'REGISTERED',
          delegate('Li Wei', 'PENDING'),
          {},
          'Seat held: Li Wei for “Seminar on rural water supply”\nLi Wei is registered for “Seminar on rural water supply” (10–12 March 2030, Colombo, Sri Lanka) and holds a seat.',
          '已获席位：Li Wei，“农村供水研讨会”\nLi Wei已报名参加“农村供水研讨会”（2030年3月10日至12日，斯里兰卡 Colombo），并已获得席位。',
        ],
        [
          'REGISTERED',
          delegate('Li Wei', 'WAITLISTED', { waitingListPosition: 3 }),
          {},
          'Waiting list, number 3: Li Wei for “Seminar on rural water supply”\nEvery seat at “Seminar on rural water supply” (10–12 March 2030, Colombo, Sri Lanka) is taken: Li Wei is on the waiting list as number 3, and moves up as seats free.',
          '候补名单第 3 位：Li Wei，“农村供水研讨会”\n“农村供水研讨会”（2030年3月10日至12日，斯里兰卡 Colombo）的席位已满：Li Wei已列入候补名单第 3 位，有席位空出时将依次递补。',
        ],
        [
          'CONFIRMED',
          delegate('Li Wei', 'CONFIRMED'),
          {},
          'Registration confirmed: Li Wei for “Seminar on rural water supply”\nThe secretariat has confirmed the registration of Li Wei',
          '报名已确认：Li Wei，“农村供水研讨会”\n秘书处已确认Li Wei参加“农村供水研讨会”',
        ],
        [
          'REFUSED',
          delegate('Li Wei', 'REFUSED', { reason: 'Two delegates per organisation' }),
          {},
          'Registration refused: Li Wei for “Seminar on rural water supply”\nThe secretariat has refused the registration of Li Wei for “Seminar on rural water supply” (10–12 March 2030, Colombo, Sri Lanka). Reason: “Two delegates per organisation”',
          '报名未获通过：Li Wei，“农村供水研讨会”\n秘书处未通过Li Wei参加“农村供水研讨会”（2030年3月10日至12日，斯里兰卡 Colombo）的报名。原因：“Two delegates per organisation”',
        ],
        [
          'CANCELLED',
          delegate('Li Wei', 'CANCELLED', { reason: 'Visa not granted' }),
          {},
          'Registration cancelled: Li Wei for “Seminar on rural water supply”\nThe secretariat has cancelled the registration of Li Wei for “Seminar on rural water supply” (10–12 March 2030, Colombo, Sri Lanka). Reason: “Visa not granted”',
          '报名已取消：Li Wei，“农村供水研讨会”\n秘书处已取消Li Wei参加“农村供水研讨会”（2030年3月10日至12日，斯里兰卡 Colombo）的报名。原因：“Visa not granted”',
        ],
        [
          'CANCELLED',
          delegate('Li Wei', 'CANCELLED', { reason: 'Flooding at the venue' }),
          { activityCancelled: true },
          'Activity cancelled: “Seminar on rural water supply”\n“Seminar on rural water supply” (10–12 March 2030, Colombo, Sri Lanka) has been cancelled, and with it the registration of Li Wei. Reason: “Flooding at the venue”',
          '活动已取消：“农村供水研讨会”\n“农村供水研讨会”（2030年3月10日至12日，斯里兰卡 Colombo）已取消，Li Wei的报名随之取消。原因：“Flooding at the venue”',
        ],
        [
          'PROMOTED',
          delegate('Li Wei', 'PENDING'),
          {},
          'Seat now held: Li Wei for “Seminar on rural water supply”\nA seat at “Seminar on rural water supply” (10–12 March 2030, Colombo, Sri Lanka) has freed up: Li Wei has moved up from the waiting list and now holds a seat.',
          '候补已获席位：Li Wei，“农村供水研讨会”\n“农村供水研讨会”（2030年3月10日至12日，斯里兰卡 Colombo）有席位空出：Li Wei已从候补名单递补，现已获得席位。',
        ],
      ];
      for (const [change, one, over, en, zh] of cases) {
        expect(read(CHANGED, changed(change, [one], over), Language.EN)).toContain(en);
        expect(read(CHANGED, changed(change, [one], over), Language.ZH)).toContain(zh);
      }
      // Every kind of change reads differently.
      const titles = cases.map(([change, one, over]) => inAppTexts(CHANGED, changed(change, [one], over), Language.EN, member).title);
      expect(new Set(titles).size).toBe(cases.length);
      // No reason given: no reason line.
      expect(read(CHANGED, changed('CANCELLED', [delegate('Li Wei', 'CANCELLED')]), Language.EN)).not.toContain('Reason');
    });

    it('names every delegate of a sign-up, with their seat or place on the list, in one message', () => {
      const signUp = changed('REGISTERED', [
        delegate('Li Wei', 'PENDING'),
        delegate('Ana Silva', 'WAITLISTED', { waitingListPosition: 1 }),
        delegate('Bo Chen', 'WAITLISTED', { waitingListPosition: 2 }),
      ]);
      const inApp = inAppTexts(CHANGED, signUp, Language.EN, member);
      expect(inApp.title).toBe('3 delegates registered for “Seminar on rural water supply”');
      expect(inApp.body).toMatch(
        /^3 delegates of your organisation are registered for “Seminar on rural water supply” \(10–12 March 2030, Colombo, Sri Lanka\): 1 holds a seat and 2 are on the waiting list\./,
      );
      expect(inApp.body).toContain(
        'Li Wei: seat held, to be confirmed by the secretariat; Ana Silva: waiting list, number 1; Bo Chen: waiting list, number 2.',
      );
      const mail = emailMessage(CHANGED, signUp, Language.EN, member, APP);
      expect(mail.text).toMatch(
        /Your delegates for “Seminar on rural water supply”\n\s+Li Wei: seat held[^\n]*\n\s+Ana Silva: waiting list, number 1/,
      );
      expect(mail.text).toContain(`${APP}/activities/activity-5`);
      const zh = inAppTexts(CHANGED, signUp, Language.ZH, member);
      expect(zh.title).toBe('已报名 3 位代表：“农村供水研讨会”');
      expect(zh.body).toMatch(
        /^贵单位的 3 位代表已报名参加“农村供水研讨会”（2030年3月10日至12日，斯里兰卡 Colombo）：1 位已获席位，2 位列入候补名单。/,
      );
      expect(zh.body).toContain('Ana Silva：候补名单第 1 位；Bo Chen：候补名单第 2 位。');
    });

    it('names an organisation’s delegates once when the activity is cancelled, with the reason once', () => {
      const reason = 'Flooding at the venue';
      const cancelled = changed(
        'CANCELLED',
        [delegate('Li Wei', 'CANCELLED', { reason }), delegate('Ana Silva', 'CANCELLED', { reason })],
        { activityCancelled: true },
      );
      const en = inAppTexts(CHANGED, cancelled, Language.EN, member).body;
      expect(en).toContain(
        'has been cancelled, and with it the registration of 2 of your delegates. Li Wei: cancelled; Ana Silva: cancelled.',
      );
      expect(en.split(reason)).toHaveLength(2);
      expect(inAppTexts(CHANGED, cancelled, Language.ZH, member).body).toContain('贵单位的 2 位代表的报名随之取消');
    });

    it('still reads as sentences when an activity’s event carries little', () => {
      const bare = { audience: { organizationIds: ['org-enterprise'], userIds: [], coordinators: false } } as NotificationPayload;
      const anonymous = changed('REFUSED', [delegate('Li Wei', 'REFUSED')], {
        activityTitle: undefined,
        titleZh: undefined,
        startsAt: undefined,
        endsAt: undefined,
        city: undefined,
        countryCode: undefined,
        registrationDeadline: undefined,
      });
      expect(read(PUBLISHED, bare, Language.EN)).toBe('A new activity is open for registration\nA new activity is open for registration.');
      expect(read(PUBLISHED, bare, Language.ZH)).toBe('新活动开放报名\n有新活动开放报名，详情请见活动页面。');
      expect(read(CHANGED, bare, Language.EN)).toBe(
        'Registration update\nThe registration of your delegates for the activity has changed.',
      );
      expect(read(CHANGED, bare, Language.ZH)).toBe('活动报名动态\n贵单位的代表参加该活动的报名情况有变化。');
      expect(read(CHANGED, anonymous, Language.EN)).toBe(
        'Registration refused: Li Wei\nThe secretariat has refused the registration of Li Wei for the activity.',
      );
      for (const language of LANGUAGES)
        for (const p of [bare, anonymous]) {
          const mail = emailMessage(CHANGED, p, language, member, APP);
          for (const text of [mail.subject, mail.text, mail.html]) expect(text).not.toMatch(/undefined|null|\[object|NaN|“”|\(\)|（）/);
        }
    });
  });

  describe('donations and training', () => {
    const recipient: RecipientView = { displayName: 'Nimal Perera', organizationId: 'org-agency', role: Role.AGENCY_MEMBER };
    const donation = (status: string, over: Partial<NotificationPayload> = {}) =>
      payload({
        contribution: 'DONATION',
        contributionId: 'donation-1',
        contributionTitle: 'Water-quality laboratory',
        status,
        giver: { organizationId: 'org-enterprise', nameEn: 'Blue River Water Engineering', nameZh: '蓝河水务工程有限公司' },
        recipient: { organizationId: 'org-agency', nameEn: 'Lanka Water Board', nameZh: null },
        value: 40500,
        currency: 'USD',
        handedOverOn: '2026-01-15',
        ...over,
      });
    const read = (p: NotificationPayload, language = Language.EN) => {
      const inApp = inAppTexts(NotificationEventType.CONTRIBUTION_CHANGED, p, language, recipient);
      return `${inApp.title}\n${inApp.body}`;
    };

    it('tells each move of a donation with the giver, the value, the handover day or the reason', () => {
      expect(read(donation('PLEDGED'))).toBe(
        'Donation pledged: “Water-quality laboratory”\nBlue River Water Engineering has pledged “Water-quality laboratory” (40,500 USD) to Lanka Water Board. The secretariat approves it.',
      );
      expect(read(donation('HANDED_OVER'))).toBe(
        'Donation handed over: “Water-quality laboratory”\n“Water-quality laboratory” was handed over to Lanka Water Board on 15 January 2026.',
      );
      expect(read(donation('REFUSED', { reason: 'Not in the programme’s scope' }))).toContain('Reason: “Not in the programme’s scope”');
      expect(read(donation('PLEDGED'), Language.ZH)).toBe(
        '新的设备捐赠：“Water-quality laboratory”\n蓝河水务工程有限公司拟向Lanka Water Board捐赠“Water-quality laboratory”（40,500 USD），待秘书处批准。',
      );
    });

    it('tells a completed course with what was given', () => {
      const course = donation('COMPLETED', {
        contribution: 'TRAINING',
        contributionTitle: 'Operating small RO units',
        trainees: 18,
        hours: 56,
        certificatesIssued: 17,
      });
      expect(read(course)).toBe(
        'Course completed: “Operating small RO units”\nBlue River Water Engineering has completed the course “Operating small RO units” for Lanka Water Board: 18 trained over 56 hours, 17 certificates issued.',
      );
    });
  });

  describe('an activity changed', () => {
    const member: RecipientView = { displayName: 'Nimal Perera', organizationId: 'org-agency', role: Role.AGENCY_MEMBER };
    // Before: 3–5 March 2030 in Kandy, registration until 20 February 17:00 Colombo time.
    const before = {
      activityId: 'activity-5',
      activityTitle: 'Seminar on rural water supply',
      countryCode: 'LK',
      city: 'Kandy',
      startsAt: '2030-03-03T03:30:00.000Z',
      endsAt: '2030-03-05T11:00:00.000Z',
      timeZone: 'Asia/Colombo',
      registrationDeadline: '2030-02-20T11:30:00.000Z',
    };
    const changed = (changes: Array<'dates' | 'place' | 'deadline'>) => payload({ changes, before });
    const read = (p: NotificationPayload, language: Language) => {
      const inApp = inAppTexts(NotificationEventType.ACTIVITY_CHANGED, p, language, member);
      return `${inApp.title}\n${inApp.body}`;
    };

    it('says what changed, with what it was before, on the venue’s clock', () => {
      expect(read(changed(['dates', 'place']), Language.EN)).toBe(
        'Activity changed: “Seminar on rural water supply”\n“Seminar on rural water supply” has changed: it now takes place on 10–12 March 2030 (was 3–5 March 2030); it now takes place in Colombo, Sri Lanka (was Kandy, Sri Lanka).',
      );
      expect(read(changed(['deadline']), Language.EN)).toMatch(
        /registration now closes on 1 March 2030[^(]*17:00 \(GMT\+5:30\) \(was 20 February 2030[^)]*17:00\)\.$/,
      );
      expect(read(changed(['dates']), Language.ZH)).toBe(
        '活动有变更：“农村供水研讨会”\n“农村供水研讨会”有变更：时间改为2030年3月10日至12日（原为2030年3月3日至5日）。',
      );
    });
  });

  describe('B2B meetings', () => {
    const member: RecipientView = { displayName: 'Nimal Perera', organizationId: 'org-agency', role: Role.AGENCY_MEMBER };
    const read = (type: NotificationEventType, p: NotificationPayload, language: Language) => {
      const inApp = inAppTexts(type, p, language, member);
      return `${inApp.title}\n${inApp.body}`;
    };
    const T = NotificationEventType;

    it('tells each change of a request with who asked whom, the message or the reason', () => {
      expect(read(T.MEETING_REQUEST_CHANGED, payload(), Language.EN)).toBe(
        'Meeting request from Zhou Min (Blue River Water Engineering)\nZhou Min (Blue River Water Engineering) asks to meet Nimal Perera (Lanka Water Board) at “Seminar on rural water supply” (10–12 March 2030, Colombo, Sri Lanka). Their message: “Solar desalination for islands”',
      );
      expect(inAppTexts(T.MEETING_REQUEST_CHANGED, payload(), Language.EN, member).body).not.toContain('Flight changed');
      expect(emailMessage(T.MEETING_REQUEST_CHANGED, payload(), Language.EN, member, APP).text).toContain(
        'Their message: “Solar desalination for islands”',
      );
      expect(read(T.MEETING_REQUEST_CHANGED, payload({ meetingChange: 'DECLINED' }), Language.EN)).toBe(
        'Meeting declined by Nimal Perera (Lanka Water Board)\nNimal Perera (Lanka Water Board) has declined to meet Zhou Min (Blue River Water Engineering) at “Seminar on rural water supply”. Reason: “Flight changed”',
      );
      expect(emailMessage(T.MEETING_REQUEST_CHANGED, payload({ meetingChange: 'DECLINED' }), Language.EN, member, APP).text).toContain(
        'Reason: “Flight changed”',
      );
      // A cancelled meeting that was scheduled says when it would have been, on the venue's clock.
      expect(read(T.MEETING_REQUEST_CHANGED, payload({ meetingChange: 'CANCELLED' }), Language.EN)).toMatch(
        /at “Seminar on rural water supply” \(10 March 2030, 14:00–14:20 \(GMT\+5:30\), table 3\) has been cancelled\. Reason: “Flight changed”$/,
      );
      expect(read(T.MEETING_REQUEST_CHANGED, payload({ meetingChange: 'ACCEPTED' }), Language.ZH)).toBe(
        'Nimal Perera（斯里兰卡国家供水排水委员会）已接受洽谈' +
          '\nNimal Perera（斯里兰卡国家供水排水委员会）已接受在“农村供水研讨会”期间与Zhou Min（蓝河水务工程有限公司）洽谈，秘书处排期时将安排时间和桌号。',
      );
    });

    it('sends an organisation its agenda, each meeting at its time in the venue’s zone and its table, and what found no place', () => {
      const mail = emailMessage(T.MEETINGS_SCHEDULED, payload(), Language.EN, member, APP);
      expect(mail.subject).toBe('Your meetings at “Seminar on rural water supply”: 1 meeting');
      expect(mail.text).toMatch(
        /10 March 2030, 14:00–14:20 \(GMT\+5:30\), table 3[^\n]*Zhou Min \(Blue River Water Engineering\) meets Nimal Perera \(Lanka Water Board\)/,
      );
      expect(mail.text).toContain('1 accepted request of your delegates could not be placed');
      const zh = emailMessage(T.MEETINGS_SCHEDULED, payload(), Language.ZH, member, APP);
      expect(zh.subject).toBe('“农村供水研讨会”洽谈日程：1 场');
      expect(zh.text).toMatch(/2030年3月10日, 14:00–14:20 \(GMT\+5:30\)，第 3 桌/);
    });

    it('reminds of a meeting with its time and table', () => {
      expect(read(T.MEETING_REMINDER, payload(), Language.EN)).toBe(
        'Meeting soon: Zhou Min (Blue River Water Engineering) and Nimal Perera (Lanka Water Board)\nA reminder: Zhou Min (Blue River Water Engineering) meets Nimal Perera (Lanka Water Board) at “Seminar on rural water supply”, 10 March 2030, 14:00–14:20 (GMT+5:30), table 3. Their message: “Solar desalination for islands”',
      );
      expect(read(T.MEETING_REMINDER, payload(), Language.ZH)).toContain('第 3 桌');
    });
  });

  describe('digest', () => {
    const alerts: DigestItem[] = [
      {
        type: NotificationEventType.OPPORTUNITY_ALERT,
        payload: payload({ needId: 'need-1', needTitle: 'Leak detection in Colombo' }),
        createdAt: new Date('2026-03-01T08:00:00Z'),
      },
      {
        type: NotificationEventType.OPPORTUNITY_ALERT,
        payload: payload({ needId: 'need-2', needTitle: 'Desalination pilot in Gwadar', countryCode: 'PK', score: 0.61 }),
        createdAt: new Date('2026-03-01T09:00:00Z'),
      },
      {
        type: NotificationEventType.OPPORTUNITY_ALERT,
        payload: payload({ needId: 'need-3', needTitle: 'Rural water supply in Kampong Cham', countryCode: 'KH', score: 0.45 }),
        createdAt: new Date('2026-03-01T10:00:00Z'),
      },
    ];

    it('lists every item with its link in one e-mail', () => {
      const mail = digestEmail(alerts, Language.EN, enterpriseReader, DigestFrequency.DAILY, APP);
      expect(mail.subject).toBe('Your daily WaterBridge digest: 3 new opportunities');
      for (const [i, title, country, url] of [
        [1, 'Leak detection in Colombo', 'LK', `${APP}/needs/need-1`],
        [2, 'Desalination pilot in Gwadar', 'PK', `${APP}/needs/need-2`],
        [3, 'Rural water supply in Kampong Cham', 'KH', `${APP}/needs/need-3`],
      ]) {
        expect(mail.text).toContain(`${i}. New opportunity: “${title}”`);
        expect(mail.text).toContain(`(${country})`);
        expect(mail.text).toContain(url);
        expect(mail.html).toContain(`href="${url}"`);
      }
      expect(mail.text).toContain(`${APP}/settings/notifications`);
      expect(mail.text).not.toMatch(/undefined|null|\[object/);
    });

    it('is titled in Chinese for Chinese readers, and counts what it holds', () => {
      const zh = digestEmail(alerts, Language.ZH, enterpriseReader, DigestFrequency.DAILY, APP);
      expect(zh.subject).toBe('WaterBridge 每日摘要：3 个新机会');
      expect(zh.text).toContain('新合作机会：“Desalination pilot in Gwadar”（巴基斯坦，PK），匹配度 61%');
      expect(digestEmail(alerts.slice(0, 1), Language.EN, enterpriseReader, DigestFrequency.WEEKLY, APP).subject).toBe(
        'Your weekly WaterBridge digest: 1 new opportunity',
      );
      const mixed = [...alerts, { type: NotificationEventType.MATCH_INTRODUCED, payload: payload(), createdAt: new Date() }];
      expect(digestEmail(mixed, Language.EN, enterpriseReader, DigestFrequency.WEEKLY, APP).subject).toBe(
        'Your weekly WaterBridge digest: 4 updates',
      );
      expect(digestEmail(mixed, Language.ZH, enterpriseReader, DigestFrequency.WEEKLY, APP).subject).toBe(
        'WaterBridge 每周摘要：4 条新动态',
      );
    });
  });
});
