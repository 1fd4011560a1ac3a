import { TestDataSource, useTestDataSource } from '../../../test/support/test-data-source';
import { NotificationEventType } from '../notification-event-type';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

describe('WebhookEndpointsRepository (real PostgreSQL)', () => {
  let db: TestDataSource;
  let repo: WebhookEndpointsRepository;

  useTestDataSource((opened) => {
    db = opened;
    repo = new WebhookEndpointsRepository(db.dataSource);
  });

  it('finds the active endpoints of the organisations named, with their events', async () => {
    const [ours, theirs, unnamed] = [await db.factory.organization(), await db.factory.organization(), await db.factory.organization()];
    const events = [NotificationEventType.MATCH_ENGAGED, NotificationEventType.MATCH_CLOSED];
    const a = await db.factory.webhook(ours.id, { url: 'https://a.example.org/hook', events });
    await db.factory.webhook(ours.id, { active: false });
    const b = await db.factory.webhook(theirs.id, { url: 'https://b.example.org/hook' });
    await db.factory.webhook(unnamed.id);

    const found = await db.dataSource.transaction((manager) => repo.findActiveOf([ours.id, theirs.id], manager));
    const expected = [
      { id: a.id, url: a.url, organizationId: ours.id, events },
      { id: b.id, url: b.url, organizationId: theirs.id, events: [NotificationEventType.MATCH_INTRODUCED] },
    ];
    expect(found).toEqual(expected.sort((x, y) => (x.id < y.id ? -1 : 1)));
  });

  it('reads what a delivery needs of an endpoint, inactive or not; nothing once it is deleted', async () => {
    const organization = await db.factory.organization();
    const hook = await db.factory.webhook(organization.id, { active: false, secret: 'whsec_sealed-or-not' });
    const read = () => db.dataSource.transaction((manager) => repo.findForDelivery(hook.id, manager));
    expect(await read()).toEqual({ url: hook.url, secret: 'whsec_sealed-or-not', active: false });
    await db.dataSource.manager.delete(WebhookEndpointEntity, { id: hook.id });
    expect(await read()).toBeUndefined();
  });

  it('replaces a secret stored without the prefix only while it is unchanged', async () => {
    const organization = await db.factory.organization();
    const plain = await db.factory.webhook(organization.id, { secret: 'whsec_plain' });
    const sealed = await db.factory.webhook(organization.id, { secret: 'sealed:v1:abc' });

    const unsealed = await repo.findSecretsWithout('sealed:');
    expect(unsealed).toContainEqual({ id: plain.id, secret: 'whsec_plain' });
    expect(unsealed.map((w) => w.id)).not.toContain(sealed.id);

    expect(await repo.replaceSecret(plain.id, 'whsec_other', 'sealed:v1:xyz')).toBe(false);
    expect(await repo.replaceSecret(plain.id, 'whsec_plain', 'sealed:v1:xyz')).toBe(true);
    expect(await repo.replaceSecret(plain.id, 'whsec_plain', 'sealed:v1:again')).toBe(false);
    expect((await db.dataSource.manager.findOneByOrFail(WebhookEndpointEntity, { id: plain.id })).secret).toBe('sealed:v1:xyz');
    expect((await repo.findSecretsWithout('sealed:')).map((w) => w.id)).not.toContain(plain.id);
  });
});
