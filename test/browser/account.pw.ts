/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test';
import { api, confirmInPopup, openAccountMenuItem, signInAs, tokenOf } from './support';

/** The number the inbox badge shows, read from the link's accessible name ("消息，3 条未读"). */
async function unreadCount(page: Page): Promise<number> {
  const name = await page.getByTestId('inbox-link').getAttribute('aria-label');
  return Number(/(\d+)/.exec(name ?? '')?.[1] ?? NaN);
}

/**
 * Something that tells the demo enterprise member, made through the API: their enterprise expresses interest in an
 * open need, and the coordinator rejects it, which tells the enterprise (MATCH_CLOSED). The need comes from the end of
 * the first hundred (coordinator.pw.ts takes two from the end of the first sixty) and is not enterprise.pw.ts's.
 */
async function notifyEnterpriseMember(page: Page, enterpriseToken: string): Promise<void> {
  const coordinator = await tokenOf(page.request, 'COORDINATOR');
  const { needs } = await api<{ needs: { edges: Array<{ node: { id: string; title: string } }> } }>(
    page.request,
    coordinator,
    '{ needs(status: OPEN, first: 100) { edges { node { id title } } } }',
  );
  for (const { node } of needs.edges.reverse()) {
    if (node.title.includes('Chukurbulak')) continue;
    const interest = await api<{ expressInterest: { id: string; version: number } }>(
      page.request,
      enterpriseToken,
      'mutation($needId: ID!) { expressInterest(input: { needId: $needId, message: "Browser test of the inbox" }) { id version } }',
      { needId: node.id },
    ).catch(() => null);
    if (!interest) continue;
    await api(page.request, coordinator, 'mutation($input: MatchReasonInput!) { rejectMatch(input: $input) { id } }', {
      input: { ...interest.expressInterest, reason: 'Browser test of the inbox' },
    });
    return;
  }
  throw new Error('No open need took an expression of interest');
}

test('an enterprise member: the inbox badge rises live and falls when read; preferences, webhooks and the password form', async ({
  page,
}) => {
  // The demo enterprise member reads WaterBridge in Chinese (the seed's choice), so this test does too.
  let subscribed = false;
  page.on('websocket', (socket) => socket.on('framesent', (frame) => (subscribed ||= String(frame.payload).includes('notificationAdded'))));
  await signInAs(page, 'Enterprise member');

  await test.step('a notification preference, changed, is still there after a reload', async () => {
    // In-app opportunity alerts off: the demo data's alerts, still arriving, would move the badge under the test's feet.
    await openAccountMenuItem(page, '通知');
    const alertsInApp = page.getByRole('switch', { name: '新的商机：站内消息' });
    await expect(alertsInApp).toBeChecked();
    const saved = page.waitForResponse((r) => r.request().postData()?.includes('SetNotificationPreferences') ?? false);
    await alertsInApp.click();
    await saved;
    subscribed = false;
    await page.reload();
    await expect(alertsInApp).not.toBeChecked();
  });

  await test.step('a new notification raises the badge without a reload; read, it falls', async () => {
    await expect(page.getByTestId('inbox-link')).toHaveAttribute('aria-label', /消息，\d+ 条未读/);
    // Live only once the subscription is sent on the WebSocket.
    await expect.poll(() => subscribed).toBe(true);
    const before = await unreadCount(page);
    const token = await page.evaluate(() => localStorage.getItem('waterbridge.token'));
    await notifyEnterpriseMember(page, token ?? '');
    await expect.poll(() => unreadCount(page)).toBeGreaterThan(before);
    const after = await unreadCount(page);

    await page.getByTestId('inbox-link').click();
    await expect(page.getByRole('heading', { name: '消息' })).toBeVisible();
    const newest = page.getByTestId('notification').first();
    await expect(newest).toContainText('匹配已关闭');
    await expect(newest).toContainText('未读');
    await expect(newest.getByRole('link')).toHaveAttribute('href', /^\/matches\//);
    await newest.getByRole('button', { name: '标为已读' }).click();
    await expect(newest).not.toContainText('未读');
    await expect.poll(() => unreadCount(page)).toBeLessThan(after);
    if ((await unreadCount(page)) > 0) await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect(page.getByTestId('inbox-link')).toHaveAttribute('aria-label', '消息，0 条未读');
  });

  await test.step('a webhook: the server refuses a bad URL at its field; the secret shows once, and anew on rotation', async () => {
    await openAccountMenuItem(page, 'Webhook');
    await page.getByLabel('URL').fill('http://example.org/waterbridge');
    await page.getByRole('checkbox', { name: '已记录合作成果' }).check();
    await page.getByRole('button', { name: '创建 Webhook' }).click();
    await expect(page.getByText('url must start with https://')).toBeVisible();

    const url = `https://example.org/waterbridge/${Date.now()}`;
    await page.getByLabel('URL').fill(url);
    await page.getByRole('button', { name: '创建 Webhook' }).click();
    const secret = page.getByRole('textbox', { name: '签名密钥' });
    await expect(page.getByTestId('webhook-secret')).toContainText('只显示这一次');
    const first = await secret.inputValue();
    expect(first.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: '我已保存' }).click();
    await expect(secret).toHaveCount(0);

    const row = page.getByRole('row').filter({ hasText: url });
    await row.getByRole('button', { name: '更换密钥' }).click();
    await confirmInPopup(page, '确定');
    await expect(secret).not.toHaveValue(first);
    expect((await secret.inputValue()).length).toBeGreaterThan(20);

    await row.getByRole('link', { name: '投递记录' }).click();
    await expect(page.getByRole('heading', { name: '投递记录' })).toBeVisible();
    await expect(page.getByText('还没有调用。')).toBeVisible();
    // Leaves no webhook behind for later events to call.
    await page.getByRole('link', { name: '← Webhook' }).click();
    await row.getByRole('button', { name: '删除' }).click();
    await confirmInPopup(page, '确定');
    await expect(row).toHaveCount(0);
  });

  await test.step('a wrong current password is refused at its field', async () => {
    await page.getByRole('tab', { name: '密码' }).click();
    await page.getByLabel('当前密码').fill('not-my-password-at-all');
    await page.getByLabel('新密码', { exact: true }).fill('a-brand-new-passphrase-2026');
    await page.getByLabel('再次输入新密码').fill('a-brand-new-passphrase-2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect(page.getByLabel('当前密码')).toHaveAccessibleDescription(/not your current password/);
  });

  // As it was, for the specs after this one.
  await page.getByRole('tab', { name: '通知' }).click();
  await page.getByRole('switch', { name: '新的商机：站内消息' }).click();
  await expect(page.getByRole('switch', { name: '新的商机：站内消息' })).toBeChecked();
});

test('an administrator creates a user, who is then listed', async ({ page }) => {
  await signInAs(page, 'Administrator', '/admin/users');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  const email = `browser-test-${Date.now()}@example.org`;
  await page.getByRole('button', { name: 'Create user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('Name', { exact: true }).fill('Browser Test Coordinator');
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Organisation').fill('Secretariat');
  await page.getByTitle('WaterBridge Alliance Secretariat (demo)').click();
  await dialog.getByLabel('Role').click();
  await page.getByTitle('Coordinator (secretariat)').click();
  await dialog.getByLabel('Initial password').fill('short');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog.getByLabel('Initial password')).toHaveAccessibleDescription(/password/i);

  await dialog.getByLabel('Initial password').fill('a-long-enough-passphrase-2026');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: email })).toContainText('Coordinator (secretariat)');
});
