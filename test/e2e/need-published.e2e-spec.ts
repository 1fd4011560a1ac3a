import { NeedPublishedJob } from '../../src/matches/need-published.job';
import { MatchingService } from '../../src/matching/matching.service';
import { NotificationFanoutJob } from '../../src/notifications/notification-fanout.job';
import { OrganizationKind } from '../../src/organizations/organization.entity';
import { Role } from '../../src/access/actor';
import { startTestApp, TestApp } from '../support/test-app';

// Enterprises known by their declared capabilities alone score little (a field covering none of the need's words keeps a
// quarter of its scores): a threshold below their scores makes all three fitting.
const MIN_SCORE = 0.001;

describe('need-published job after a crash between suggestions and alerts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ OPPORTUNITY_ALERT_MIN_SCORE: String(MIN_SCORE) });
  });
  afterAll(() => t?.close());

  it('alerts every fitting enterprise once, on the retry, when the first run failed while writing the alerts', async () => {
    const f = t.factory;
    const agency = await f.organization({ kind: OrganizationKind.AGENCY, countryCode: 'LK' });
    const enterprises = await Promise.all(
      ['Jade Membranes', 'Coral Desalination', 'Tide Water Works'].map((nameEn) =>
        f.organization({ kind: OrganizationKind.ENTERPRISE, nameEn }),
      ),
    );
    const members = await Promise.all(enterprises.map((e) => f.user(Role.ENTERPRISE_MEMBER, { organizationId: e.id })));
    for (const e of enterprises)
      await f.capability(e.id, {
        technologyCategory: 'DESALINATION',
        description: 'Seawater reverse osmosis desalination plants.',
        countriesServed: ['LK'],
      });
    const need = await f.need(agency.id, {
      title: 'Seawater desalination plant for Jaffna',
      description: 'A reverse osmosis desalination plant.',
      sectorCode: '14021',
      technologyCategories: ['DESALINATION'],
    });
    await t.indexEverything();

    // A real fault in the database: the first opportunity alert ever written fails (a sequence is not rolled back,
    // so the trigger fires once), as a crash between the two steps would.
    await t.dataSource.query(`CREATE SEQUENCE alert_fault`);
    await t.dataSource.query(`CREATE FUNCTION alert_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('alert_fault') = 1 THEN RAISE EXCEPTION 'injected fault while writing the alerts'; END IF;
        RETURN NEW;
      END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER alert_fault BEFORE INSERT ON notification_event FOR EACH ROW WHEN (NEW.type::text = 'OPPORTUNITY_ALERT') EXECUTE FUNCTION alert_fault()`,
    );

    const job = t.app.get(NeedPublishedJob);
    await expect(job.run(need.id)).rejects.toThrow('injected fault');
    // pg-boss retries a failed job; twice here, so a retry that repeats alerts would show.
    await job.run(need.id);
    await job.run(need.id);

    const ranked = await t.app.get(MatchingService).rankEnterprises(need, 20);
    const fitting = ranked.filter((r) => r.result.score >= MIN_SCORE).map((r) => r.organizationId);
    expect(fitting).toEqual(expect.arrayContaining(enterprises.map((e) => e.id)));
    const alerted: Array<{ organizationId: string }> = await t.dataSource.query(
      `SELECT payload->'audience'->'organizationIds'->>0 AS "organizationId" FROM notification_event WHERE type = 'OPPORTUNITY_ALERT' AND payload->>'needId' = $1`,
      [need.id],
    );
    expect(alerted.map((a) => a.organizationId).sort()).toEqual([...fitting].sort());

    // What the members see: one alert each in their inbox.
    await t.app.get(NotificationFanoutJob).drain();
    const inbox: Array<{ userId: string; n: number }> = await t.dataSource.query(
      `SELECT user_id AS "userId", count(*)::int AS n FROM notification WHERE type = 'OPPORTUNITY_ALERT' AND need_id = $1 GROUP BY user_id`,
      [need.id],
    );
    expect(inbox.filter((row) => members.some((m) => m.id === row.userId)).map((row) => row.n)).toEqual([1, 1, 1]);
  });
});
