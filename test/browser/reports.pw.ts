/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { choose, signInAs } from './support';

/**
 * The alliance report (issue 16) against the demo's alliance work (src/demo/alliance-demo.ts), seeded on the day the
 * server started, with dates relative to it. Over the last 365 days, by joint centre:
 * - the Sri Lankan centre: the reverse-osmosis unit handed over 110 days ago and in operation (68,000 + 9,500 =
 *   77,500 USD); the operators' course ended 95 days ago (40 hours, 24 trainees, so 960 trainee-hours; 22
 *   certificates); the field investigation it hosted 150 days ago (reported) with its 6 meetings placed in slots;
 * - the Cambodian lab: the laboratory handed over 45 days ago (33,000 USD, not in operation), the seminar 60 days ago
 *   with its 3 meetings, the arsenic course (12 hours, 18 trainees);
 * - so 9 meetings in all. The Iranian centre has nothing in the period (its donation is shipped, its course pledged,
 *   its exhibition still open), so it has no row.
 * Other spec files add matches, outcomes and donations of their own (to agencies: the row of no centre), so what is
 * checked is the centres' rows, the meetings, and the totals of the report narrowed to the Sri Lankan centre.
 */
const DAY = 24 * 3600_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const dayText = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const SRI_LANKA = 'China–Sri Lanka Joint Center for Water Technology Research and Demonstration';
const SRI_LANKA_ZH = '中国－斯里兰卡水技术研究与示范联合中心';
const CAMBODIA = 'China–Cambodia Joint Lab for Water and Environment';

/** The cell of the report table's row named `row` under the column headed `column`. */
async function cell(table: Locator, row: string, column: string): Promise<Locator> {
  const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
  const index = headers.indexOf(column);
  expect(index, `column ${column} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return table.locator('tbody tr[data-row-key]').filter({ hasText: row }).locator('td').nth(index);
}

/** The number of a headline figure (its label left out). */
const figure = (page: Page, testId: string) => page.getByTestId(testId).locator('.ant-statistic-content');

/** The period typed into the date range picker, as a person would (start, Enter, end, Enter). */
async function choosePeriod(page: Page, from: string, to: string) {
  const start = page.getByPlaceholder('Start date');
  const end = page.getByPlaceholder('End date');
  // Typing into the range picker as its calendar opens can lose the first date (the page re-renders under it): typed
  // again until the period reaches the address, as a person would retype it.
  await expect(async () => {
    await start.click();
    await start.fill(from);
    await start.press('Enter');
    await end.fill(to);
    await end.press('Enter');
    await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`), { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

test('a coordinator reads the alliance report by joint centre — totals, sortable rows, bars, map — in English and Chinese, and downloads it as CSV', async ({
  page,
}) => {
  const to = isoDay(Date.now());
  const from = isoDay(Date.now() - 365 * DAY);
  await signInAs(page, 'Coordinator', '/reports');
  await expect(page.getByRole('heading', { level: 2, name: 'Reports' })).toBeVisible();
  // By default the current year up to today.
  await expect(page.getByTestId('period-shown')).toContainText(`From 1 Jan ${to.slice(0, 4)} to`);

  await page.getByRole('radiogroup', { name: 'Group by' }).getByText('Joint centre').click();
  await expect(page).toHaveURL(/groupBy=CENTRE/);
  await choosePeriod(page, from, to);
  await expect(page).toHaveURL(new RegExp(`groupBy=CENTRE.*from=${from}&to=${to}`));
  // The report of that period shown (the last one stays shown until it comes).
  await expect(page.getByTestId('period-shown')).toHaveText(`From ${dayText(from)} to ${dayText(to)}, both included`);
  const table = page.getByTestId('report-table');
  await expect(table.locator('tbody tr[data-row-key]').filter({ hasText: SRI_LANKA })).toBeVisible();
  await expect(table.locator('tbody tr[data-row-key]').filter({ hasText: 'China–Iran' })).toHaveCount(0);
  const expected: Array<[string, string]> = [
    ['Donations', '1'],
    ['In operation', '1'],
    ['Value (USD)', 'US$77,500'],
    ['Courses', '1'],
    ['Trainees', '24'],
    ['Course hours', '40'],
    ['Trainee-hours', '960'],
    ['Certificates', '22'],
    ['Activities', '1'],
    ['Meetings', '6'],
  ];
  for (const [column, value] of expected) await expect(await cell(table, SRI_LANKA, column)).toHaveText(value);
  await expect((await cell(table, SRI_LANKA, 'SDG 6 targets')).locator('.ant-tag')).toHaveText(['6.1', '6.a']);

  // The headline: the meetings at both centres' activities.
  await expect(figure(page, 'total-meetings')).toHaveText('9');
  await expect(page.getByTestId('report-totals')).toContainText('Total');

  // Sorted by trainees, most first: the Sri Lankan centre (24) before the Cambodian lab (18).
  const names = table.locator('tbody tr[data-row-key] [data-testid=row-name]');
  await table.getByRole('columnheader', { name: 'Trainees' }).click();
  await expect(async () => {
    const order = await names.allTextContents();
    expect(order.indexOf(SRI_LANKA)).toBeLessThan(order.indexOf(CAMBODIA));
    expect(order.indexOf(SRI_LANKA)).toBeGreaterThanOrEqual(0);
  }).toPass();
  await table.getByRole('columnheader', { name: 'Trainees' }).click();
  await expect(async () => {
    const order = await names.allTextContents();
    expect(order.indexOf(CAMBODIA)).toBeLessThan(order.indexOf(SRI_LANKA));
  }).toPass();

  await expect(page.getByTestId('chart-trainees').locator('canvas')).toBeVisible();
  await expect(page.getByRole('img', { name: /World map of donations handed over by country/ }).locator('canvas')).toBeVisible();
  await expect(page.getByTestId('map-values')).toContainText('Sri Lanka');
  await expect(page.getByTestId('map-values')).toContainText('Cambodia');

  // In Chinese (the browser's choice only: the demo account's saved language stays as seeded).
  await page.evaluate(() => localStorage.setItem('waterbridge.language', 'ZH'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: '报告' })).toBeVisible();
  await expect(page.getByTestId('period-shown')).toContainText(`${Number(from.slice(0, 4))}年`);
  await expect(await cell(table, SRI_LANKA_ZH, '价值（USD）')).toHaveText('US$77,500');
  await expect(await cell(table, SRI_LANKA_ZH, '培训人次')).toHaveText('24');

  // The same report as a spreadsheet, fetched with the session's token.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`alliance-report-centre-${from}-${to}.csv`);
  const csv = readFileSync(await download.path(), 'utf8');
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  const columns = header.split(',');
  expect(columns.slice(0, 4)).toEqual(['group_key', 'name_en', 'name_zh', 'donations_handed_over']);
  const row = (name: string) => {
    const line = lines.find((candidate) => candidate.split(',')[1] === name);
    if (!line) throw new Error(`no line ${name} in ${csv}`);
    return Object.fromEntries(line.split(',').map((value, i) => [columns[i], value]));
  };
  expect(row(SRI_LANKA)).toMatchObject({
    name_zh: SRI_LANKA_ZH,
    donations_handed_over: '1',
    donation_value_handed_over_USD: '77500.00',
    trainees: '24',
    trainee_hours: '960',
    meetings_held: '6',
    sdg_targets: '6.1 6.a',
  });
  expect(row('Total')).toMatchObject({ meetings_held: '9' });

  // Narrowed to the Sri Lankan centre: its work alone in the totals, with the SDG 6 targets it served.
  await choose(page.getByRole('combobox', { name: '联合中心', exact: true }), SRI_LANKA_ZH);
  await expect(page).toHaveURL(/centre=/);
  await expect(table.locator('tbody tr[data-row-key]')).toHaveCount(1);
  await expect(page.getByTestId('total-donations')).toContainText('其中 1 项正在运行');
  await expect(page.getByTestId('total-value-USD')).toHaveText('US$77,500 其中正在运行：US$77,500');
  await expect(figure(page, 'total-donations')).toHaveText('1');
  await expect(figure(page, 'total-trainees')).toHaveText('24');
  await expect(figure(page, 'total-trainee-hours')).toHaveText('960');
  await expect(figure(page, 'total-certificates')).toHaveText('22');
  await expect(figure(page, 'total-meetings')).toHaveText('6');
  await expect(page.getByTestId('total-sdg-targets')).toHaveText(/^6\.1 人人享有安全和负担得起的饮用水\s*6\.a 国际合作和能力建设/);

  // A day that is no date: the server's refusal, with its code, in place of the report.
  await page.goto(`/reports?groupBy=CENTRE&from=${from}&to=${to.slice(0, 4)}-02-30`);
  await expect(page.getByTestId('error-code')).toHaveText('错误码：BAD_USER_INPUT');
});
