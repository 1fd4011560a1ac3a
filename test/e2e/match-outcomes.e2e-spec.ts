import { MatchStatus, SideResponse } from '../../src/matches/match-status';
import { Language } from '../../src/access/actor';
import { ALL_TABLES, databaseFingerprint } from '../support/fingerprint';
import { startSmtpReceiver, SmtpReceiver } from '../support/smtp-receiver';
import { errorCode, startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../support/wait';
import { buildWorld, World } from '../support/world';

const DAY = 24 * 3600_000;
/** The calendar day `days` from now (UTC), as an outcome's date. */
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

interface Outcome {
  kind: string;
  date: string;
  value: number | null;
  currency: string | null;
  note: string | null;
  recordedAt: string;
}
interface SeenMatch {
  status: string;
  version: number;
  stage: string | null;
  outcome: { kind: string } | null;
  outcomes: Outcome[];
}
const FIELDS = 'status version stage outcome { kind } outcomes { kind date value currency note recordedAt }';
const RECORD = `mutation($input: RecordMatchOutcomeInput!) { recordMatchOutcome(input: $input) { ${FIELDS} } }`;

/**
 * A collaboration as a dated series of outcomes: MoU → pilot → contract → handover on one match, each recorded,
 * listed in date order, advancing the stage, told to both sides in their languages and audited; the secretariat's
 * statistics count the furthest stage each match reached.
 */
describe('match outcomes', () => {
  let t: TestApp;
  let w: World;
  let smtp: SmtpReceiver;
  let matchId: string;
  let version: number;
  let needTitle: string;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    t = await startTestApp({
      WORKERS_ENABLED: 'true',
      SMTP_HOST: smtp.host,
      SMTP_PORT: String(smtp.port),
      NOTIFICATION_RETRY_DELAY_SECONDS: '1',
      LOG_LEVEL: 'warn',
    });
    w = await buildWorld(t);
    // The enterprise's member reads Chinese, the agency's English.
    await t.dataSource.query(`UPDATE app_user SET preferred_language = $2 WHERE id = $1`, [w.users.enterprise.id, Language.ZH]);
    // Introduced four months ago and engaged since: the collaboration's steps are dated in between.
    needTitle = 'Rural water treatment plant for Vavuniya';
    const need = await t.factory.need(w.orgs.agencyOrg.id, { title: needTitle, countryCode: 'MV' });
    const match = await t.factory.match(need.id, w.orgs.enterpriseOrg.id, {
      status: MatchStatus.ENGAGED,
      introducedAt: new Date(Date.now() - 120 * DAY),
      agencyResponse: SideResponse.ACCEPTED,
      enterpriseResponse: SideResponse.ACCEPTED,
    });
    matchId = match.id;
    version = match.version;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  /** Records one outcome as the coordinator; returns the match as answered, and keeps its new version. */
  const record = async (input: Record<string, unknown>): Promise<SeenMatch> => {
    const res = await t.gql<{ recordMatchOutcome: SeenMatch }>(
      RECORD,
      { input: { id: matchId, version, ...input } },
      w.token('coordinator'),
    );
    expect(res.errors).toBeUndefined();
    const seen = res.data!.recordMatchOutcome;
    expect(seen.version).toBeGreaterThan(version);
    version = seen.version;
    return seen;
  };
  const inbox = async (who: 'agency' | 'enterprise') => {
    const res = await t.gql<{
      notifications: { edges: Array<{ node: { type: string; title: string; body: string; matchId: string | null } }> };
    }>('{ notifications(first: 50) { edges { node { type title body matchId } } } }', {}, w.token(who));
    return res.data!.notifications.edges.map((e) => e.node).filter((n) => n.type === 'MATCH_OUTCOME_RECORDED' && n.matchId === matchId);
  };

  it('records MoU, pilot, contract and handover one after the other, the stage following each', async () => {
    const mou = await record({ kind: 'MOU_SIGNED', date: day(-100), note: 'MoU signed in Colombo' });
    expect(mou).toMatchObject({ status: 'OUTCOME_RECORDED', stage: 'MOU_SIGNED', outcome: { kind: 'MOU_SIGNED' } });
    expect(mou.outcomes).toEqual([
      { kind: 'MOU_SIGNED', date: day(-100), value: null, currency: null, note: 'MoU signed in Colombo', recordedAt: expect.any(String) },
    ]);

    // The second outcome no longer fails "cannot move to OUTCOME_RECORDED": it is added to the series.
    const pilot = await record({ kind: 'PILOT_OR_DEMONSTRATION', date: day(-60) });
    expect(pilot).toMatchObject({ status: 'OUTCOME_RECORDED', stage: 'PILOT_OR_DEMONSTRATION' });
    const contract = await record({
      kind: 'CONTRACT',
      date: day(-30),
      value: 1_200_000,
      currency: 'usd',
      note: 'EPC contract for the intake and plant',
    });
    expect(contract.stage).toBe('CONTRACT');
    expect(contract.outcomes.at(-1)).toMatchObject({ kind: 'CONTRACT', value: 1_200_000, currency: 'USD' });
    const handover = await record({ kind: 'HANDOVER', date: day(0) });
    expect(handover.stage).toBe('HANDOVER');
    expect(handover.outcomes.map((o) => o.kind)).toEqual(['MOU_SIGNED', 'PILOT_OR_DEMONSTRATION', 'CONTRACT', 'HANDOVER']);
  });

  it('lists the outcomes in date order whatever order they were recorded in, and keeps the furthest stage', async () => {
    // Training given between the MoU and the pilot, recorded last.
    const late = await record({ kind: 'TRAINING_DELIVERED', date: day(-80), note: '24 operators trained' });
    expect(late.outcomes.map((o) => `${o.kind}@${o.date}`)).toEqual([
      `MOU_SIGNED@${day(-100)}`,
      `TRAINING_DELIVERED@${day(-80)}`,
      `PILOT_OR_DEMONSTRATION@${day(-60)}`,
      `CONTRACT@${day(-30)}`,
      `HANDOVER@${day(0)}`,
    ]);
    // Training is stage 2: the collaboration still stands at the handover, which is also the latest outcome.
    expect(late).toMatchObject({ stage: 'HANDOVER', outcome: { kind: 'HANDOVER' } });

    // Both sides read the same series on their match.
    for (const side of ['agency', 'enterprise'] as const) {
      const res = await t.gql<{ match: SeenMatch }>(`query($id: ID!) { match(id: $id) { ${FIELDS} } }`, { id: matchId }, w.token(side));
      expect(res.data!.match.outcomes).toEqual(late.outcomes);
      expect(res.data!.match.stage).toBe('HANDOVER');
    }
  });

  it('tells both sides of each outcome, in the app and by e-mail, each in their language, with its value and the stage reached', async () => {
    const agencyNotes = await waitUntil(
      async () => ((await inbox('agency')).length === 5 ? inbox('agency') : undefined),
      'five outcome notifications for the agency',
    );
    const enterpriseNotes = await waitUntil(
      async () => ((await inbox('enterprise')).length === 5 ? inbox('enterprise') : undefined),
      'five outcome notifications for the enterprise',
    );
    // In English for the agency, in Chinese for the enterprise.
    for (const note of agencyNotes) expect(note.title).toBe(`Outcome recorded: “${needTitle}”`);
    for (const note of enterpriseNotes) expect(note.title).toBe(`合作成果已登记：“${needTitle}”`);
    const contractEn = agencyNotes.find((n) => n.body.includes('contract signed'))!;
    expect(contractEn.body).toContain('Value: 1,200,000 USD.');
    expect(contractEn.body).toContain('Stage reached: contract signed (stage 4 of 5).');
    const contractZh = enterpriseNotes.find((n) => n.body.includes('签订合同'))!;
    expect(contractZh.body).toContain('金额：1,200,000 USD。');
    expect(contractZh.body).toContain('已达阶段：签订合同（第 4 阶段，共 5 个阶段）。');
    // The training recorded last leaves the stage at the handover, and says so.
    expect(agencyNotes.find((n) => n.body.includes('training delivered'))!.body).toContain(
      'Stage reached: works or equipment handed over (stage 5 of 5).',
    );

    const mails = await waitUntil(() => {
      const got = smtp.messages.filter((m) => m.subject.includes(needTitle));
      return got.length === 10 ? got : undefined;
    }, 'ten outcome e-mails, five to each side');
    const toAgency = mails.filter((m) => m.to.includes(w.users.agency.email));
    const toEnterprise = mails.filter((m) => m.to.includes(w.users.enterprise.email));
    expect([toAgency.length, toEnterprise.length]).toEqual([5, 5]);
    const contractMail = toAgency.find((m) => m.text.includes('contract signed'))!;
    expect(contractMail.text).toMatch(
      /Value: 1,200,000 USD[\s\S]*Stage reached: contract signed \(stage 4 of 5\)[\s\S]*EPC contract for the intake and plant/,
    );
    expect(toEnterprise.find((m) => m.text.includes('签订合同'))!.subject).toBe(`合作成果已登记：“${needTitle}”`);
  });

  it('refuses a stale version with CONFLICT and a bad outcome by field, adding nothing to the series', async () => {
    // The notification workers have finished with the outcomes above: nothing else writes while the fingerprints are taken.
    await waitUntil(
      async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM notification_delivery WHERE status = 'PENDING'`))[0].n === 0,
      'every delivery to be sent',
    );
    const refused = async (input: Record<string, unknown>) => {
      const before = await databaseFingerprint(t.dataSource, ALL_TABLES);
      const res = await t.gql(
        RECORD,
        { input: { id: matchId, version, kind: 'CONTRACT', date: day(-1), ...input } },
        w.token('coordinator'),
      );
      expect(await databaseFingerprint(t.dataSource, ALL_TABLES)).toEqual(before);
      return { code: errorCode(res), field: res.errors?.[0].extensions?.field, message: res.errors?.[0].message };
    };
    expect((await refused({ version: version - 1 })).code).toBe('CONFLICT');
    // Introduced 120 days ago: 122 days ago is before the introduction on every calendar.
    expect(await refused({ date: day(-122) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'date',
      message: expect.stringContaining('before the two sides were introduced'),
    });
    expect(await refused({ date: '2099-01-01' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'date',
      message: expect.stringContaining('in the future'),
    });
    expect(await refused({ value: 5000 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currency' });
  });

  it('audits each outcome with its fields', async () => {
    const res = await t.gql<{
      auditTrail: Array<{ action: string; fromStatus: string; toStatus: string; reason: string; actorUserId: string }>;
    }>(
      'query($id: ID!) { auditTrail(entityId: $id) { action fromStatus toStatus reason actorUserId } }',
      { id: matchId },
      w.token('coordinator'),
    );
    const outcomes = res.data!.auditTrail.filter((a) => a.action === 'record outcome');
    expect(outcomes.map((a) => `${a.fromStatus}>${a.toStatus} ${a.reason}`)).toEqual([
      `ENGAGED>OUTCOME_RECORDED MOU_SIGNED on ${day(-100)}: MoU signed in Colombo`,
      `OUTCOME_RECORDED>OUTCOME_RECORDED PILOT_OR_DEMONSTRATION on ${day(-60)}`,
      `OUTCOME_RECORDED>OUTCOME_RECORDED CONTRACT on ${day(-30)}, 1200000 USD: EPC contract for the intake and plant`,
      `OUTCOME_RECORDED>OUTCOME_RECORDED HANDOVER on ${day(0)}`,
      `OUTCOME_RECORDED>OUTCOME_RECORDED TRAINING_DELIVERED on ${day(-80)}: 24 operators trained`,
    ]);
    expect(new Set(outcomes.map((a) => a.actorUserId))).toEqual(new Set([w.users.coordinator.id]));
  });

  it('counts each match once, at the furthest stage it reached, in the secretariat’s statistics', async () => {
    // Two more matches of the Maldives: one got as far as a contract (training followed it, dated later), one ended
    // without a concrete outcome.
    const engaged = async (title: string) => {
      const need = await t.factory.need(w.orgs.agencyOrg.id, { title, countryCode: 'MV' });
      return t.factory.match(need.id, w.orgs.otherEnterpriseOrg.id, {
        status: MatchStatus.ENGAGED,
        introducedAt: new Date(Date.now() - 10 * DAY),
        agencyResponse: SideResponse.ACCEPTED,
        enterpriseResponse: SideResponse.ACCEPTED,
      });
    };
    for (const [m, steps] of [
      [
        await engaged('Leak detection for Malé'),
        [
          ['CONTRACT', -5],
          ['TRAINING_DELIVERED', -1],
        ],
      ],
      [await engaged('Desalination for Addu'), [['NONE', -1]]],
    ] as const) {
      let v = m.version;
      for (const [kind, days] of steps) {
        const res = await t.gql<{ recordMatchOutcome: { version: number } }>(
          RECORD.replace(FIELDS, 'version'),
          { input: { id: m.id, version: v, kind, date: day(days) } },
          w.token('coordinator'),
        );
        expect(res.errors).toBeUndefined();
        v = res.data!.recordMatchOutcome.version;
      }
    }
    const res = await t.gql<{ matchStatistics: { funnel: { outcomeRecorded: number }; stages: unknown[]; outcomes: unknown[] } }>(
      '{ matchStatistics(countryCode: "MV") { funnel { outcomeRecorded } stages { stage count } outcomes { kind count } } }',
      {},
      w.token('coordinator'),
    );
    expect(res.errors).toBeUndefined();
    const stats = res.data!.matchStatistics;
    expect(stats.funnel.outcomeRecorded).toBe(3);
    // The handover match counts at HANDOVER only, not also at the MoU, pilot and contract it went through; the other
    // at its contract, the furthest stage, not at the training dated after it; NONE is no stage.
    expect(stats.stages).toEqual([
      { stage: 'CONTRACT', count: 1 },
      { stage: 'HANDOVER', count: 1 },
    ]);
    // By kind, each match counts once for every kind it recorded.
    expect(stats.outcomes).toEqual(
      expect.arrayContaining([
        { kind: 'MOU_SIGNED', count: 1 },
        { kind: 'TRAINING_DELIVERED', count: 2 },
        { kind: 'CONTRACT', count: 2 },
        { kind: 'NONE', count: 1 },
      ]),
    );
    expect(stats.outcomes).toHaveLength(6);
  });
});
