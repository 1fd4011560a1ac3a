import { DigestFrequency, NotificationEventType as T } from '../notification-event-type';
import {
  ActivityFacts,
  ContributionFacts,
  ContactSnapshot,
  DelegateSnapshot,
  MeetingPartySnapshot,
  MeetingSnapshot,
  NotificationPayloads,
  OUTCOME_STAGE_KINDS,
  OutcomeKind,
  OutcomeSnapshot,
  outcomeStageOf,
  PartySnapshot,
} from '../notification-payload';
import type { CalendarDay, Catalogue, Composed, DetailBlock, DetailRow, Party, TextView } from './notification-catalogue';

// ---- Phrases shared by the Chinese texts (numbers set off by spaces, as in “每日摘要：3 个新机会”) ----

/** The Chinese name when the organisation gave one. */
const named = (party: PartySnapshot | undefined, fallback: string) => party?.nameZh?.trim() || party?.nameEn || fallback;
const agency = (v: TextView) => named(v.payload.agency, '需求方机构');
const enterprise = (v: TextView) => named(v.payload.enterprise, '该企业');
const nameOf = (v: TextView, party: Party) => (party === 'AGENCY' ? agency(v) : enterprise(v));
const other = (party: Party): Party => (party === 'AGENCY' ? 'ENTERPRISE' : 'AGENCY');
const need = (v: TextView) => (v.payload.needTitle ? `“${v.payload.needTitle}”` : '该需求');
const yourNeed = (v: TextView) => (v.payload.needTitle ? `贵机构的需求“${v.payload.needTitle}”` : '贵机构的需求');
/** "（斯里兰卡，LK）" */
const where = (v: TextView) => (v.payload.countryCode ? `（${v.countryName ? `${v.countryName}，` : ''}${v.payload.countryCode}）` : '');
/** How the reader's own organisation is addressed. */
const ours = (party: Party) => (party === 'AGENCY' ? '贵机构' : '贵公司');
const scoreLine = (v: TextView) => (v.score ? [`匹配度：${v.score}。`] : []);
const reasonLine = (v: TextView<Partial<NotificationPayloads[T.MATCH_DECLINED]>>) =>
  v.payload.reason?.trim() ? [`谢绝原因：“${v.payload.reason.trim()}”`] : [];

const OUTCOMES: Record<OutcomeKind, string> = {
  MOU_SIGNED: '签署合作备忘录',
  TRAINING_DELIVERED: '完成培训',
  PILOT_OR_DEMONSTRATION: '开展试点或示范项目',
  CONTRACT: '签订合同',
  HANDOVER: '工程或设备完成移交',
  NONE: '未形成具体成果',
};

/** 成果的日期、金额与已达阶段（成果类型在正文中，备注只在邮件中）。 */
function outcomeRows(v: TextView, o: OutcomeSnapshot): DetailRow[] {
  const stage = o.stage ? outcomeStageOf(o.stage) : null;
  return [
    ...(v.outcomeDate ? [{ label: '日期', value: v.outcomeDate }] : []),
    ...(v.outcomeValue ? [{ label: '金额', value: v.outcomeValue }] : []),
    ...(o.stage && stage
      ? [{ label: '已达阶段', value: `${OUTCOMES[o.stage]}（第 ${stage} 阶段，共 ${OUTCOME_STAGE_KINDS.length} 个阶段）` }]
      : []),
  ];
}

function contactBlock(name: string, c: ContactSnapshot): DetailBlock {
  return {
    heading: `${name}的联系方式`,
    rows: [
      { label: '机构', value: c.organization },
      ...(c.email ? [{ label: '电子邮件', value: c.email, href: `mailto:${c.email}` }] : []),
      ...(c.phone ? [{ label: '电话', value: c.phone }] : []),
      ...(c.website ? [{ label: '网站', value: c.website, href: c.website }] : []),
      ...c.people.map((p) => ({ label: '联系人', value: `${p.name} <${p.email}>`, href: `mailto:${p.email}` })),
    ],
  };
}

function contactLine(c: ContactSnapshot): string {
  const parts = [...c.people.map((p) => `${p.name}（${p.email}）`), c.email, c.phone].filter((p): p is string => !!p);
  return parts.length ? `联系方式：${parts.join('；')}。` : '';
}

/** One side answered the introduction: worded for the other side, the answering side itself, or the secretariat. */
function answered(v: TextView, verb: '接受' | '谢绝'): Pick<Composed, 'title' | 'body'> {
  const a = v.actor;
  if (!a) return { title: `引荐已被${verb}：${need(v)}`, body: `${agency(v)}与${enterprise(v)}关于需求${need(v)}的引荐已被${verb}。` };
  if (v.self === a)
    return { title: `${ours(a)}已${verb}引荐`, body: `${ours(a)}已${verb}与${nameOf(v, other(a))}关于需求${need(v)}的引荐。` };
  if (v.self === 'AGENCY') return { title: `${enterprise(v)}已${verb}引荐`, body: `${enterprise(v)}已${verb}关于${yourNeed(v)}的引荐。` };
  if (v.self === 'ENTERPRISE')
    return { title: `${agency(v)}已${verb}引荐`, body: `${agency(v)}已${verb}与贵公司关于需求${need(v)}的引荐。` };
  return { title: `${nameOf(v, a)}已${verb}引荐`, body: `${nameOf(v, a)}已${verb}与${nameOf(v, other(a))}关于需求${need(v)}的引荐。` };
}

// ---- 活动 ----

type ActivityView = TextView<Partial<ActivityFacts>>;
type RegistrationView = TextView<Partial<NotificationPayloads[T.ACTIVITY_REGISTRATION_CHANGED]>>;

/** “2030年3月10日”“2030年3月10日至12日”“2030年2月28日至3月2日”“2030年12月30日至2031年1月2日”。 */
function dayRange(from: CalendarDay, to: CalendarDay): string {
  const start = `${from.year}年${from.month}月${from.day}日`;
  if (from.year !== to.year) return `${start}至${to.year}年${to.month}月${to.day}日`;
  if (from.month !== to.month) return `${start}至${to.month}月${to.day}日`;
  return from.day === to.day ? start : `${start}至${to.day}日`;
}

/** The Chinese title when the activity has one. */
const titleOf = (v: ActivityView) => v.payload.titleZh?.trim() || v.payload.activityTitle;
const activity = (v: ActivityView) => (titleOf(v) ? `“${titleOf(v)}”` : '该活动');
/** "2030年3月10日至12日，斯里兰卡 Colombo", as much of it as is known. */
const whenWhere = (v: ActivityView) => {
  const place = [v.countryName ?? v.payload.countryCode, v.payload.city?.trim()].filter((p): p is string => !!p).join(' ');
  return [v.activityDates, place].filter((p): p is string => !!p).join('，');
};
/** "（2030年3月10日至12日，斯里兰卡 Colombo）" */
const inBrackets = (v: ActivityView) => (whenWhere(v) ? `（${whenWhere(v)}）` : '');
const deadlineLine = (v: ActivityView) =>
  v.registrationDeadline ? [`报名截止时间：${v.registrationDeadline}${v.zoneName ? `（${v.zoneName}）` : ''}。`] : [];

/** Where one delegate stands, in a list. */
function standing(d: DelegateSnapshot, withReason: boolean): string {
  const why = withReason && d.reason?.trim() ? `（原因：“${d.reason.trim()}”）` : '';
  switch (d.status) {
    case 'PENDING':
      return '已获席位，待秘书处确认';
    case 'WAITLISTED':
      return d.waitingListPosition ? `候补名单第 ${d.waitingListPosition} 位` : '已列入候补名单';
    case 'CONFIRMED':
      return '报名已确认';
    case 'REFUSED':
      return `报名未获通过${why}`;
    case 'CANCELLED':
      return `报名已取消${why}`;
  }
}

/** The reason every delegate shares (a cancelled activity's, a single delegate's), when one was given. */
function sharedReason(delegates: DelegateSnapshot[]): string | null {
  const reasons = new Set(delegates.map((d) => d.reason?.trim() ?? ''));
  const [only] = reasons;
  return reasons.size === 1 && only ? only : null;
}

/** "3 位已获席位，1 位列入候补名单" */
function split(held: number, waiting: number): string {
  const seats = `${held} 位已获席位`;
  const list = `${waiting} 位列入候补名单`;
  if (waiting === 0) return seats;
  return held === 0 ? `全部${list}` : `${seats}，${list}`;
}

/** The sentence, title and list of a registration change: the list (in the app and the e-mail) when it names several delegates. */
function registrationChanged(v: RegistrationView): Composed {
  const delegates = v.payload.delegates ?? [];
  const n = delegates.length;
  const one = n === 1 ? delegates[0] : undefined;
  const who = one ? one.name : n > 1 ? `贵单位的 ${n} 位代表` : '贵单位的代表';
  const titled = !!titleOf(v);
  /** "报名已确认：Li Wei，“标题”", as much of it as is known. */
  const title = (what: string) => {
    const about = [one?.name, titled ? activity(v) : undefined].filter((p): p is string => !!p).join('，');
    return about ? `${what}：${about}` : what;
  };
  const reason = sharedReason(delegates);
  const reasonLines = reason ? [`原因：“${reason}”`] : [];
  const list = n > 1 ? delegates.map((d) => ({ label: d.name, value: standing(d, !reason) })) : [];
  const listNote = list.length ? list.map((r) => `${r.label}：${r.value}`).join('；') + '。' : undefined;
  const texts = (heading: string, body: string, more: string[] = []): Composed => ({
    title: heading,
    body,
    inAppNote: [listNote, ...reasonLines].filter((p): p is string => !!p).join('') || undefined,
    more: [...reasonLines, ...more],
    details: list.length ? [{ heading: `贵单位参加${activity(v)}的代表`, rows: list }] : [],
    link: 'activity',
  });
  const confirms = '已获席位的代表由秘书处逐一确认。';
  switch (v.payload.change) {
    case 'REGISTERED': {
      if (one?.status === 'WAITLISTED') {
        const place = one.waitingListPosition ? `第 ${one.waitingListPosition} 位` : '';
        return texts(
          title(place ? `候补名单${place}` : '已列入候补名单'),
          `${activity(v)}${inBrackets(v)}的席位已满：${one.name}已列入候补名单${place}，有席位空出时将依次递补。`,
        );
      }
      if (one) return texts(title('已获席位'), `${one.name}已报名参加${activity(v)}${inBrackets(v)}，并已获得席位。`, [confirms]);
      const held = delegates.filter((d) => d.status === 'PENDING').length;
      const waiting = delegates.filter((d) => d.status === 'WAITLISTED').length;
      return texts(
        `已报名${n > 1 ? ` ${n} 位` : ''}代表${titled ? `：${activity(v)}` : ''}`,
        `贵单位的${n > 1 ? ` ${n} 位` : ''}代表已报名参加${activity(v)}${inBrackets(v)}${n > 1 ? `：${split(held, waiting)}` : ''}。`,
        held > 0 ? [confirms] : [],
      );
    }
    case 'CONFIRMED':
      return texts(title('报名已确认'), `秘书处已确认${who}参加${activity(v)}${inBrackets(v)}的报名。`);
    case 'REFUSED':
      return texts(title('报名未获通过'), `秘书处未通过${who}参加${activity(v)}${inBrackets(v)}的报名。`);
    case 'CANCELLED':
      if (v.payload.activityCancelled)
        return texts(titled ? `活动已取消：${activity(v)}` : '活动已取消', `${activity(v)}${inBrackets(v)}已取消，${who}的报名随之取消。`);
      return texts(title('报名已取消'), `秘书处已取消${who}参加${activity(v)}${inBrackets(v)}的报名。`);
    case 'PROMOTED':
      return texts(title('候补已获席位'), `${activity(v)}${inBrackets(v)}有席位空出：${who}已从候补名单递补，现已获得席位。`, [confirms]);
    case undefined:
      return texts(title('活动报名动态'), `${who}参加${activity(v)}${inBrackets(v)}的报名情况有变化。`);
  }
}

// ---- 设备捐赠与技术培训 ----

type ContributionView = TextView<Partial<ContributionFacts>>;

function contributionChanged(v: ContributionView): Composed {
  const p = v.payload;
  const training = p.contribution === 'TRAINING';
  const noun = training ? '培训课程' : '设备捐赠';
  const what = p.contributionTitle ? `“${p.contributionTitle}”` : `该${noun}`;
  const nameOf = (party?: { nameEn: string; nameZh: string | null }) => party?.nameZh?.trim() || party?.nameEn;
  const giver = nameOf(p.giver) ?? (training ? '培训方' : '捐赠方');
  const recipient = nameOf(p.recipient) ?? '受援方';
  const said = (p.status === 'REFUSED' || p.status === 'WITHDRAWN') && p.reason?.trim();
  const reasonLines = said ? [`原因：“${said}”`] : [];
  const value =
    p.value != null && p.currency
      ? `（${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(p.value)} ${p.currency}）`
      : '';
  const figures = training && p.trainees != null && p.hours != null ? `（${p.trainees} 名学员，${p.hours} 学时）` : '';
  const texts = (title: string, body: string, more: string[] = []): Composed => ({
    title: p.contributionTitle ? `${title}：${what}` : title,
    body,
    inAppNote: reasonLines[0],
    more: [...reasonLines, ...more],
    link: 'contributions',
  });
  switch (p.status) {
    case 'PLEDGED':
      return training
        ? texts('新的培训课程', `${giver}拟为${recipient}开设培训课程${what}${figures}，待秘书处批准。`)
        : texts('新的设备捐赠', `${giver}拟向${recipient}捐赠${what}${value}，待秘书处批准。`);
    case 'APPROVED':
      return texts(`${noun}已批准`, `秘书处已批准${giver}向${recipient}提供的${noun}${what}。`);
    case 'REFUSED':
      return texts(`${noun}未获批准`, `秘书处未批准${giver}向${recipient}提供的${noun}${what}。`);
    case 'WITHDRAWN':
      return texts(`${noun}已撤回`, `${giver}已撤回向${recipient}提供的${noun}${what}。`);
    case 'SHIPPED':
      return texts('捐赠设备已发运', `${giver}已向${recipient}发运${what}。`, ['受援方收到后请在水桥平台确认交接。']);
    case 'HANDED_OVER':
      return texts('捐赠设备已交接', `${what}已交付${recipient}${v.handedOverOn ? `（${v.handedOverOn}）` : ''}。`);
    case 'IN_OPERATION':
      return texts('捐赠设备已投入使用', `${giver}捐赠的${what}已在${recipient}投入使用。`);
    case 'COMPLETED': {
      const given =
        p.trainees != null && p.hours != null
          ? `：培训 ${p.trainees} 人，共 ${p.hours} 学时，颁发证书 ${p.certificatesIssued ?? 0} 份`
          : '';
      return texts('培训课程已完成', `${giver}已为${recipient}完成培训课程${what}${given}。`);
    }
    default:
      return texts(`${noun}动态`, `${noun}${what}有变化。`);
  }
}

// ---- 活动变更 ----

type ChangedView = TextView<Partial<NotificationPayloads[T.ACTIVITY_CHANGED]>>;

function activityChanged(v: ChangedView): Composed {
  const changes = v.payload.changes ?? [];
  const was = v.payload.before;
  const placeOf = (country?: string | null, city?: string | null) => [country, city?.trim()].filter((p): p is string => !!p).join(' ');
  const parts: string[] = [];
  if (changes.includes('dates') && v.activityDates)
    parts.push(`时间改为${v.activityDates}${v.before?.activityDates ? `（原为${v.before.activityDates}）` : ''}`);
  if (changes.includes('place')) {
    const now = placeOf(v.countryName ?? v.payload.countryCode, v.payload.city);
    const before = placeOf(was?.countryCode ? (regionNameZh(was.countryCode) ?? was.countryCode) : null, was?.city);
    if (now) parts.push(`地点改为${now}${before ? `（原为${before}）` : ''}`);
  }
  if (changes.includes('deadline') && v.registrationDeadline)
    parts.push(
      `报名截止时间改为${v.registrationDeadline}${v.zoneName ? `（${v.zoneName}）` : ''}${v.before?.registrationDeadline ? `（原为${v.before.registrationDeadline}）` : ''}`,
    );
  return {
    title: titleOf(v) ? `活动有变更：${activity(v)}` : '一项活动有变更',
    body: parts.length ? `${activity(v)}有变更：${parts.join('；')}。` : `${activity(v)}有变更，详情请见活动页面。`,
    more: ['贵单位代表的报名保持有效。如有代表无法出席，请在活动页面取消其报名。'],
    link: 'activity',
  };
}

/** A country's Chinese name, for the place an activity had before. */
function regionNameZh(code: string): string | null {
  try {
    const name = new Intl.DisplayNames(['zh-CN'], { type: 'region', fallback: 'none' }).of(code.toUpperCase());
    return name ?? null;
  } catch {
    return null;
  }
}

// ---- 一对一洽谈 ----

type MeetingView = TextView<Partial<NotificationPayloads[T.MEETING_REQUEST_CHANGED]>>;
type ScheduleView = TextView<Partial<NotificationPayloads[T.MEETINGS_SCHEDULED]>>;
type ReminderView = TextView<Partial<NotificationPayloads[T.MEETING_REMINDER]>>;

/** “李伟（科伦坡水务局）”，有中文名称时用中文名称。 */
const person = (p: MeetingPartySnapshot | undefined) => (p ? `${p.name}（${p.organizationZh?.trim() || p.organization}）` : '一位代表');
const messageLine = (m: MeetingSnapshot | undefined) => (m?.message?.trim() ? [`对方留言：“${m.message.trim()}”`] : []);
const meetingReasonLine = (m: MeetingSnapshot | undefined) => (m?.reason?.trim() ? [`原因：“${m.reason.trim()}”`] : []);
const placeOf = (v: TextView<unknown>, m: MeetingSnapshot) =>
  [v.meetingTime(m), m.tableNumber ? `第 ${m.tableNumber} 桌` : null].filter((p): p is string => !!p).join('，');

function meetingChanged(v: MeetingView): Composed {
  const m = v.payload.meeting;
  switch (v.payload.meetingChange) {
    case 'REQUESTED':
      return {
        title: `洽谈邀请：${person(m?.requester)}`,
        body: `${person(m?.requester)}希望在${activity(v)}${inBrackets(v)}期间与${person(m?.invitee)}进行一对一洽谈。`,
        inAppNote: messageLine(m)[0],
        more: [...messageLine(m), '请在活动页面接受或谢绝。接受的洽谈将在秘书处排期时安排时间和桌号。'],
        link: 'activity',
      };
    case 'ACCEPTED':
      return {
        title: `${person(m?.invitee)}已接受洽谈`,
        body: `${person(m?.invitee)}已接受在${activity(v)}期间与${person(m?.requester)}洽谈，秘书处排期时将安排时间和桌号。`,
        link: 'activity',
      };
    case 'DECLINED':
      return {
        title: `${person(m?.invitee)}已谢绝洽谈`,
        body: `${person(m?.invitee)}已谢绝在${activity(v)}期间与${person(m?.requester)}洽谈。`,
        inAppNote: meetingReasonLine(m)[0],
        more: meetingReasonLine(m),
        link: 'activity',
      };
    case undefined:
      return {
        title: '洽谈邀请动态',
        body: `贵单位代表在${activity(v)}期间的一项洽谈邀请有变化。`,
        link: 'activity',
      };
    case 'CANCELLED': {
      const when = m && placeOf(v, m) ? `（${placeOf(v, m)}）` : '';
      return {
        title: '洽谈邀请已取消',
        body: `${person(m?.requester)}与${person(m?.invitee)}在${activity(v)}期间的洽谈${when}已取消。`,
        inAppNote: meetingReasonLine(m)[0],
        more: meetingReasonLine(m),
        link: 'activity',
      };
    }
  }
}

function meetingsScheduled(v: ScheduleView): Composed {
  const meetings = v.payload.meetings ?? [];
  const unplaced = v.payload.unplaced ?? 0;
  const left = unplaced > 0 ? [`贵单位代表有 ${unplaced} 项已接受的洽谈未能排入日程，原因见洽谈列表。`] : [];
  return {
    title: titleOf(v) ? `${activity(v)}洽谈日程：${meetings.length} 场` : `洽谈日程：${meetings.length} 场`,
    body: `秘书处已为${activity(v)}${inBrackets(v)}排定一对一洽谈：贵单位代表共有 ${meetings.length} 场洽谈。`,
    inAppNote: left[0],
    more: [...left, '每位代表的日程可在活动页面下载为日历文件（.ics）。'],
    details: meetings.length
      ? [
          {
            heading: '日程',
            rows: meetings.map((m) => ({ label: placeOf(v, m) || '时间待定', value: `${person(m.requester)}与${person(m.invitee)}` })),
          },
        ]
      : [],
    link: 'activity',
  };
}

function meetingReminder(v: ReminderView): Composed {
  const m = v.payload.meeting;
  const where = m ? placeOf(v, m) : '';
  return {
    title: `洽谈即将开始：${person(m?.requester)}与${person(m?.invitee)}`,
    body: `提醒：${person(m?.requester)}将与${person(m?.invitee)}在${activity(v)}洽谈${where ? `，${where}` : ''}。`,
    inAppNote: messageLine(m)[0],
    more: messageLine(m),
    link: 'activity',
  };
}

// ---- One entry per event type ----

const events: Catalogue['events'] = {
  [T.MATCH_INTRODUCED]: (v) => {
    if (v.self === 'AGENCY') {
      return {
        title: `新的企业引荐：${enterprise(v)}`,
        body: `联盟秘书处已为${yourNeed(v)}引荐了${enterprise(v)}。请查看方案，并选择接受或谢绝此次引荐。`,
        more: scoreLine(v),
        link: 'match',
      };
    }
    if (v.self === 'ENTERPRISE') {
      return {
        title: `新的合作引荐：${agency(v)}`,
        body: `联盟秘书处已将贵公司引荐给${agency(v)}，对接需求${need(v)}${where(v)}。请查看需求详情，并选择接受或谢绝此次引荐。`,
        more: scoreLine(v),
        link: 'match',
      };
    }
    return {
      title: `已完成引荐：${enterprise(v)}与${agency(v)}`,
      body: `${enterprise(v)}已被引荐给${agency(v)}，对接需求${need(v)}${where(v)}。双方将分别选择接受或谢绝。`,
      more: scoreLine(v),
      link: 'match',
    };
  },

  [T.MATCH_ACCEPTED]: (v) => {
    const waiting = v.self !== 'NEUTRAL' && v.actor && v.self !== v.actor;
    return {
      ...answered(v, '接受'),
      more: [
        v.self !== 'NEUTRAL' && waiting ? `${ours(v.self)}也接受后，双方即可获得彼此的联系方式。` : '双方均接受引荐后，才会交换联系方式。',
      ],
      link: 'match',
    };
  },

  [T.MATCH_DECLINED]: (v) => ({
    ...answered(v, '谢绝'),
    // The reason is what the other side most wants to know: in the app too.
    inAppNote: reasonLine(v)[0],
    more: [...reasonLine(v), '此匹配现已关闭。'],
    link: 'match',
  }),

  [T.MATCH_CLOSED]: (v) => {
    const why = v.payload.reason?.trim() ? [`原因：“${v.payload.reason.trim()}”`] : [];
    const withNeed = v.payload.closedWithNeed === true;
    if (v.self === 'AGENCY') {
      const body = withNeed
        ? `${yourNeed(v)}与${enterprise(v)}之间的匹配已随需求关闭。`
        : `秘书处已关闭${yourNeed(v)}与${enterprise(v)}之间的匹配。`;
      return { title: `匹配已关闭：${enterprise(v)}与${need(v)}`, body, inAppNote: why[0], more: why, link: 'match' };
    }
    if (v.self === 'ENTERPRISE') {
      const body = withNeed
        ? `贵公司与${agency(v)}就${need(v)}${where(v)}的匹配已关闭：该需求不再接受合作伙伴。`
        : `秘书处已关闭贵公司与${agency(v)}就${need(v)}${where(v)}的匹配。`;
      return { title: `匹配已关闭：${need(v)}`, body, inAppNote: why[0], more: why, link: 'match' };
    }
    return {
      title: `匹配已关闭：${enterprise(v)}与${agency(v)}`,
      body: `${enterprise(v)}与${agency(v)}就${need(v)}的匹配已关闭。`,
      inAppNote: why[0],
      more: why,
      link: 'match',
    };
  },

  [T.MATCH_ENGAGED]: (v) => {
    const contacts = v.payload.contacts;
    if (v.self === 'NEUTRAL') {
      return {
        title: `${agency(v)}与${enterprise(v)}已成功对接`,
        body: `${agency(v)}与${enterprise(v)}均已接受关于需求${need(v)}的引荐，双方已交换联系方式。`,
        details: contacts ? [contactBlock(agency(v), contacts.agency), contactBlock(enterprise(v), contacts.enterprise)] : [],
        link: 'match',
      };
    }
    // Only the other side's contacts: the reader knows their own.
    const them = other(v.self);
    const theirs = contacts ? (them === 'AGENCY' ? contacts.agency : contacts.enterprise) : undefined;
    return {
      title: `对接成功：${nameOf(v, them)}`,
      body: `${ours(v.self)}与${nameOf(v, them)}均已接受关于需求${need(v)}的引荐，现在可以直接与对方联系。`,
      inAppNote: theirs ? contactLine(theirs) : undefined,
      more: theirs ? [] : ['对方的联系方式可在匹配详情页查看。'],
      details: theirs ? [contactBlock(nameOf(v, them), theirs)] : [],
      link: 'match',
    };
  },

  [T.MATCH_OUTCOME_RECORDED]: (v) => {
    const outcome = v.payload.outcome;
    const what = outcome ? `：${OUTCOMES[outcome.kind]}` : '';
    const rows = outcome ? outcomeRows(v, outcome) : [];
    const details: DetailBlock[] = outcome
      ? [
          {
            heading: '已登记的成果',
            rows: [
              { label: '成果', value: OUTCOMES[outcome.kind] },
              ...rows,
              ...(outcome.note?.trim() ? [{ label: '备注', value: outcome.note.trim() }] : []),
            ],
          },
        ]
      : [];
    const inAppNote = rows.length ? rows.map((r) => `${r.label}：${r.value}。`).join('') : undefined;
    if (v.self === 'NEUTRAL') {
      return {
        title: `合作成果已登记：${need(v)}`,
        body: `${agency(v)}与${enterprise(v)}关于需求${need(v)}的匹配成果已登记${what}。`,
        inAppNote,
        details,
        link: 'match',
      };
    }
    return {
      title: `合作成果已登记：${need(v)}`,
      body: `联盟秘书处已登记${ours(v.self)}与${nameOf(v, other(v.self))}关于需求${need(v)}的合作成果${what}。`,
      inAppNote,
      more: ['感谢您通过 WaterBridge 开展合作。'],
      details,
      link: 'match',
    };
  },

  [T.CANDIDATES_TO_REVIEW]: (v) => {
    const n = v.payload.candidateCount;
    const count = n === undefined ? '新的候选企业' : `${n} 家候选企业`;
    return {
      title: `${count}待审核：${need(v)}`,
      body: `需求${need(v)}${where(v)}有${n === undefined ? '' : ' '}${count}等待您审核。`,
      more: v.payload.enterprise ? [`最新一家：${enterprise(v)}${v.score ? `（匹配度 ${v.score}）` : ''}。`] : [],
      link: 'need',
    };
  },

  [T.OPPORTUNITY_ALERT]: (v) => {
    const score = v.score ? `，匹配度 ${v.score}` : '';
    if (v.self === 'ENTERPRISE') {
      return {
        title: `新合作机会：${need(v)}${where(v)}${score}`,
        body: `${agency(v)}发布了一项与贵公司业务相契合的需求：${need(v)}${where(v)}。${v.score ? `匹配度：${v.score}。` : ''}`,
        more: ['如有意向，请打开需求页面表达合作意向；联盟秘书处审核后将为双方安排引荐。'],
        link: 'need',
      };
    }
    return {
      title: `合作机会：${need(v)}${where(v)}${score}`,
      body: `需求${need(v)}${where(v)}与${enterprise(v)}相匹配${score}。`,
      link: 'need',
    };
  },

  [T.MATCH_REMINDER]: (v) => {
    const n = v.payload.daysWaiting;
    const waited = n === undefined ? '仍在等待您的答复' : `已等待您答复 ${n} 天`;
    const ask = '请选择接受或谢绝，以便双方了解进展。';
    if (v.self === 'AGENCY') {
      return {
        title: `提醒：${enterprise(v)}的引荐仍待您答复`,
        body: `${enterprise(v)}关于${yourNeed(v)}的引荐${waited}。${ask}`,
        link: 'match',
      };
    }
    if (v.self === 'ENTERPRISE') {
      return {
        title: `提醒：与${agency(v)}的引荐仍待您答复`,
        body: `贵公司与${agency(v)}关于需求${need(v)}的引荐${waited}。${ask}`,
        link: 'match',
      };
    }
    const silent = v.actor ? nameOf(v, v.actor) : '其中一方';
    return {
      title: `已发送提醒：${need(v)}`,
      body: `${agency(v)}与${enterprise(v)}关于需求${need(v)}的引荐${n === undefined ? '仍' : `已 ${n} 天`}未获${silent}答复。`,
      link: 'match',
    };
  },

  [T.MATCH_ESCALATED]: (v) => {
    const n = v.payload.daysWaiting;
    const silent = v.actor ? nameOf(v, v.actor) : '其中一方';
    return {
      title: n === undefined ? `引荐未获答复：${need(v)}` : `${n} 天未获答复：${need(v)}`,
      body: `${agency(v)}与${enterprise(v)}关于需求${need(v)}的引荐${n === undefined ? '' : `已 ${n} 天`}未获${silent}答复，发送提醒后仍无回应。`,
      more: ['建议您直接与对方跟进，或撤回此匹配。'],
      link: 'match',
    };
  },

  [T.ACTIVITY_PUBLISHED]: (v) => ({
    title: titleOf(v) ? `新活动开放报名：${activity(v)}` : '新活动开放报名',
    body: titleOf(v) ? `${activity(v)}现已开放报名${inBrackets(v)}。` : `有新活动开放报名${inBrackets(v)}，详情请见活动页面。`,
    inAppNote: deadlineLine(v)[0],
    more: [...deadlineLine(v), '请在活动页面为贵单位的代表报名：席位按报名先后分配，额满后进入候补名单。'],
    link: 'activity',
  }),

  [T.ACTIVITY_REGISTRATION_CHANGED]: registrationChanged,
  [T.ACTIVITY_CHANGED]: activityChanged,
  [T.CONTRIBUTION_CHANGED]: contributionChanged,
  [T.MEETING_REQUEST_CHANGED]: meetingChanged,
  [T.MEETINGS_SCHEDULED]: meetingsScheduled,
  [T.MEETING_REMINDER]: meetingReminder,
};

export const zh: Catalogue = {
  locale: 'zh-CN',
  colon: '：',
  events,
  days: dayRange,
  greeting: (name) => `${name}，您好：`,
  action: { match: '查看匹配详情', need: '查看需求详情', activity: '查看活动详情', contributions: '查看捐赠与培训' },
  signOff: ['祝工作顺利！', 'WaterBridge 团队'],
  preferences: {
    note: '您收到此邮件，是因为您在 WaterBridge 上的通知设置。',
    link: '更改通知设置',
  },
  digest: {
    subject: (count, onlyOpportunities, frequency) => {
      const period = { [DigestFrequency.DAILY]: '每日', [DigestFrequency.WEEKLY]: '每周', [DigestFrequency.IMMEDIATE]: '通知' }[frequency];
      return `WaterBridge ${period}摘要：${count} ${onlyOpportunities ? '个新机会' : '条新动态'}`;
    },
    intro: (frequency) =>
      ({
        [DigestFrequency.DAILY]: '以下是过去一天 WaterBridge 上与您相关的动态：',
        [DigestFrequency.WEEKLY]: '以下是过去一周 WaterBridge 上与您相关的动态：',
        [DigestFrequency.IMMEDIATE]: '以下是自上次摘要以来 WaterBridge 上与您相关的动态：',
      })[frequency],
  },
};
