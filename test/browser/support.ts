/// <reference lib="dom" />
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/** The demo accounts' password (the embedded demo seed's default; printed when WaterBridge starts). */
export const DEMO_PASSWORD = 'waterbridge-demo';

export type DemoRole = 'Coordinator' | 'Administrator' | 'Enterprise member' | 'Agency member';

/**
 * Signs in with the demo account of a role, as a person would: the sign-in page's demo list fills in the e-mail.
 * Returns that e-mail. The page ends where it was sent (`next`, default the home page).
 */
export async function signInAs(page: Page, role: DemoRole, next = '/'): Promise<string> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page
    .getByRole('region', { name: 'Demo accounts' })
    .getByRole('button', { name: new RegExp(role) })
    .click();
  const email = await page.getByLabel('E-mail').inputValue();
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  return email;
}

/** One GraphQL call through the app's own API (a test's set-up), as the holder of `token`; fails on any error. */
export async function api<T>(request: APIRequestContext, token: string | null, query: string, variables: object = {}): Promise<T> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** A bearer token of the account `email` (demo password). */
export async function tokenFor(request: APIRequestContext, email: string): Promise<string> {
  const { login } = await api<{ login: { token: string } }>(
    request,
    null,
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email, password: DEMO_PASSWORD },
  );
  return login.token;
}

/** A bearer token of the demo account of a role (the sign-in page's demo list names them). */
export async function tokenOf(request: APIRequestContext, role: 'AGENCY_MEMBER' | 'COORDINATOR' | 'ENTERPRISE_MEMBER' | 'ADMIN') {
  const { demoAccounts } = await api<{ demoAccounts: Array<{ role: string; email: string }> }>(
    request,
    null,
    '{ demoAccounts { role email } }',
  );
  const account = demoAccounts.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return tokenFor(request, account.email);
}

/** GraphQL calls as the account `email`: `const coordinator = await asAccount(request, email); await coordinator(query)`. */
export async function asAccount(request: APIRequestContext, email: string) {
  const token = await tokenFor(request, email);
  return <T>(query: string, variables: object = {}) => api<T>(request, token, query, variables);
}

/**
 * Picks an option of an antd Select: opens it (typing to narrow a searchable one) and clicks the option, whose title
 * is its label — waiting for it, so options that load late (taxonomies, countries) are not missed.
 */
export async function choose(select: Locator, option: string): Promise<void> {
  if (await select.isEditable()) await select.fill(option);
  else await select.click();
  await select.page().getByTitle(option, { exact: true }).click();
}

/**
 * Opens an item of the account menu (the signed-in person's name: settings, sign out). Retried: a re-render of the
 * header right after sign-in may close the menu mid-click.
 */
export async function openAccountMenuItem(page: Page, item: string | RegExp): Promise<void> {
  await expect(async () => {
    await page.getByRole('button', { name: /▾/ }).click();
    await page.getByRole('menuitem', { name: item }).click({ timeout: 2_000 });
  }).toPass();
}

/**
 * Confirms a pop-up question (antd's Popconfirm: "Yes" / "确定") once it has finished appearing: a click during its
 * appearing motion was lost now and then (the pop-up stayed open, nothing was confirmed).
 */
export async function confirmInPopup(page: Page, name: string): Promise<void> {
  const ok = page.getByRole('button', { name, exact: true });
  await expect(ok).toBeVisible();
  // Once the pop-up has finished appearing (antd's motion classes gone).
  await expect(page.locator('.ant-popover[class*="-appear"], .ant-popover[class*="-enter"]')).toHaveCount(0);
  await ok.click();
  await expect(ok).toBeHidden();
}

export interface IntroducedMatch {
  needId: string;
  matchId: string;
  /** The match's version after its approval (for the next move). */
  version: number;
  agency: string;
  enterprise: string;
  coordinator: string;
}

/** Through the API, the agency of `agency` (a token) creates and publishes a need in its own country; returns its id. */
export async function publishedNeed(
  request: APIRequestContext,
  agency: string,
  need: { title: string; description: string; sectorCode: string },
): Promise<string> {
  const { me } = await api<{ me: { organization: { country: { code: string } } } }>(
    request,
    agency,
    '{ me { organization { country { code } } } }',
  );
  const { createNeed } = await api<{ createNeed: { id: string } }>(
    request,
    agency,
    'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
    {
      input: {
        title: need.title,
        description: need.description,
        countryCode: me.organization.country.code,
        sectorCode: need.sectorCode,
        deadline: `${new Date().getUTCFullYear() + 1}-06-30`,
      },
    },
  );
  await api(request, agency, 'mutation($id: ID!) { publishNeed(id: $id) { id } }', { id: createNeed.id });
  return createNeed.id;
}

/**
 * Through the API, what many pages need: the demo agency publishes a need of its own, the demo enterprise expresses
 * interest, the coordinator approves — an introduced match every role may open. Returns the tokens used.
 */
export async function introducedMatch(
  request: APIRequestContext,
  need: { title: string; description: string; sectorCode: string; message: string },
): Promise<IntroducedMatch> {
  const [agency, enterprise, coordinator] = await Promise.all(
    (['AGENCY_MEMBER', 'ENTERPRISE_MEMBER', 'COORDINATOR'] as const).map((role) => tokenOf(request, role)),
  );
  const needId = await publishedNeed(request, agency, need);
  const { expressInterest } = await api<{ expressInterest: { id: string; version: number } }>(
    request,
    enterprise,
    'mutation($needId: ID!, $message: String!) { expressInterest(input: { needId: $needId, message: $message }) { id version } }',
    { needId, message: need.message },
  );
  const { approveMatch } = await api<{ approveMatch: { id: string; version: number } }>(
    request,
    coordinator,
    'mutation($input: MatchVersionInput!) { approveMatch(input: $input) { id version } }',
    { input: expressInterest },
  );
  return { needId, matchId: approveMatch.id, version: approveMatch.version, agency, enterprise, coordinator };
}
