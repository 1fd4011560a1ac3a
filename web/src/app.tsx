import { ApolloProvider, useMutation } from '@apollo/client/react';
import { MenuOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Drawer, Grid, Layout, Menu, Result, Segmented, Space } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { createApolloClient } from './apollo';
import { graphql } from './gql';
import { currentLanguage, switchLanguage, type Language } from './i18n';
import type { Messages } from './i18n/en';
import { forgetSession, SessionProvider, tokenOf, useSession } from './session';
import { Loading } from './states';
import type { Role } from './gql/graphql';
import { AccountMenu, InboxLink } from './pages/account/header';
import { accountRoutes } from './pages/account/routes';
import { activityRoutes } from './pages/activities/routes';
import { programmeRoutes } from './pages/programmes/routes';
import { contributionRoutes } from './pages/contributions/routes';
import { agencyRoutes } from './pages/agency/routes';
import { coordinatorRoutes } from './pages/coordinator/routes';
import { enterpriseRoutes } from './pages/enterprise/routes';
import { matchRoutes } from './pages/match/routes';

// Each page is its own chunk: the home page loads only what it shows.
const HomePage = lazy(() => import('./pages/home').then((m) => ({ default: m.HomePage })));
const NeedPage = lazy(() => import('./pages/need').then((m) => ({ default: m.NeedPage })));
const EnterprisesPage = lazy(() => import('./pages/enterprises').then((m) => ({ default: m.EnterprisesPage })));
const EnterprisePage = lazy(() => import('./pages/enterprise').then((m) => ({ default: m.EnterprisePage })));
const SignInPage = lazy(() => import('./pages/sign-in').then((m) => ({ default: m.SignInPage })));

/**
 * Ant Design's default blue (#1677ff, 4.1:1 on white) and secondary grey (3.4:1) fall short of WCAG AA's 4.5:1 for
 * text; these pass it (axe checks every page in test/browser/accessibility.pw.ts).
 */
const THEME = {
  colorPrimary: '#0958d9',
  colorLink: '#0958d9',
  colorTextSecondary: '#595959',
  colorTextDescription: '#595959',
  // Field errors in antd's red (#ff4d4f, 3.3:1) fail AA too.
  colorError: '#cf1322',
  // A reader who asked their system for less motion gets none (WCAG 2.3.3): dialogs, pop-ups and menus appear at once.
  motion: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
  // The console ships its own Chinese font (woff2 slices, fetched only for the characters a page shows): Chinese
  // reads the same on a machine without CJK fonts.
  fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans SC', sans-serif",
};

/** Small descriptions label in antd's tertiary grey (3.0:1): the console's secondary grey passes AA. */
const COMPONENTS = { Descriptions: { labelColor: '#595959' } };

const SAVE_LANGUAGE = graphql(`
  mutation SaveLanguage($language: Language!) {
    updateMyProfile(input: { preferredLanguage: $language }) {
      id
      preferredLanguage
    }
  }
`);

/** EN / 中文: switches at once, and for a signed-in person saves it as the account's language (e-mails follow it too). */
function LanguageSwitch() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [save] = useMutation(SAVE_LANGUAGE);
  const choose = async (language: Language) => {
    // Sent before the page changes language, with the session's token of this moment: a sign-out right after cannot
    // strip it of its token.
    // Keyed on the token, not on `user`: the account is briefly unknown while it is read again (after sign-in), and a
    // choice made then must still be saved.
    const saved = tokenOf() && user?.preferredLanguage !== language ? save({ variables: { language } }).catch(() => undefined) : undefined;
    await switchLanguage(language);
    await saved;
  };
  return (
    <Segmented<Language>
      aria-label={t('nav.language')}
      value={currentLanguage()}
      options={[
        { value: 'EN', label: 'EN' },
        { value: 'ZH', label: '中文' },
      ]}
      onChange={(language) => void choose(language)}
    />
  );
}

type MenuEntry = { path: string; label: `nav.${keyof Messages['nav']}` };
const PUBLIC_MENU: MenuEntry[] = [
  { path: '/', label: 'nav.needs' },
  { path: '/enterprises', label: 'nav.enterprises' },
  { path: '/activities', label: 'nav.activities' },
];
/** What each role works on, after the public pages. */
const ROLE_MENU: Record<Role, MenuEntry[]> = {
  AGENCY_MEMBER: [
    { path: '/my/needs', label: 'nav.myNeeds' },
    { path: '/my/matches', label: 'nav.myMatches' },
    { path: '/contributions', label: 'nav.contributions' },
  ],
  ENTERPRISE_MEMBER: [
    { path: '/opportunities', label: 'nav.opportunities' },
    { path: '/my/matches', label: 'nav.myMatches' },
    { path: '/my/profile', label: 'nav.myProfile' },
    { path: '/contributions', label: 'nav.contributions' },
  ],
  COORDINATOR: [
    { path: '/review', label: 'nav.reviewQueue' },
    { path: '/statistics', label: 'nav.statistics' },
    { path: '/reports', label: 'nav.reports' },
    { path: '/organizations', label: 'nav.organizations' },
    { path: '/contributions', label: 'nav.contributions' },
  ],
  ADMIN: [
    { path: '/admin/users', label: 'nav.users' },
    { path: '/organizations', label: 'nav.organizations' },
  ],
};

/** The menu entry a path belongs to: the longest menu path it starts with ('/' also owns /needs/...). */
function selectedMenuKey(pathname: string): string {
  const all = [...PUBLIC_MENU, ...Object.values(ROLE_MENU).flat()].map((entry) => entry.path).filter((path) => path !== '/');
  const found = all.filter((path) => pathname === path || pathname.startsWith(`${path}/`)).sort((a, b) => b.length - a.length)[0];
  if (found) return found;
  // The programmes are reached from the activities.
  if (pathname.startsWith('/programmes')) return '/activities';
  return pathname === '/' || pathname.startsWith('/needs') ? '/' : '';
}

function Header() {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const wide = Grid.useBreakpoint().md ?? true;
  const [drawer, setDrawer] = useState(false);
  const items = [...PUBLIC_MENU, ...(user ? ROLE_MENU[user.role] : [])].map(({ path, label }) => ({
    key: path,
    label: (
      <Link to={path} onClick={() => setDrawer(false)}>
        {t(label)}
      </Link>
    ),
  }));
  const selected = [selectedMenuKey(location.pathname)];
  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: wide ? 16 : 8,
        paddingInline: wide ? 24 : 8,
        background: '#fff',
        borderBottom: '1px solid #eee',
      }}
    >
      {/* On a phone the menu is a drawer: a horizontal one would shrink to nothing beside the rest. */}
      {!wide && <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={() => setDrawer(true)} />}
      <Link to="/" style={{ fontWeight: 600, fontSize: wide ? 18 : 16, whiteSpace: 'nowrap' }}>
        {t('app.name')}
      </Link>
      {wide ? (
        // Narrower items than antd's (20 px each side): every role's entries fit beside the rest at 1280 px.
        <ConfigProvider theme={{ components: { Menu: { itemPaddingInline: 10 } } }}>
          <Menu mode="horizontal" selectedKeys={selected} style={{ flex: 1, minWidth: 0, borderBottom: 'none' }} items={items} />
        </ConfigProvider>
      ) : (
        <>
          <div style={{ flex: 1 }} />
          <Drawer placement="left" open={drawer} onClose={() => setDrawer(false)} title={t('app.name')} size={280}>
            <Menu mode="inline" selectedKeys={selected} items={items} style={{ borderInlineEnd: 'none' }} />
          </Drawer>
        </>
      )}
      <Space size={wide ? 'middle' : 'small'}>
        <LanguageSwitch />
        {user ? (
          <>
            <InboxLink />
            <AccountMenu />
          </>
        ) : (
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>{t('nav.signIn')}</Link>
        )}
      </Space>
    </Layout.Header>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('common.notFound')} extra={<Link to="/">{t('common.home')}</Link>} />;
}

function Console() {
  const { i18n } = useTranslation();
  const wide = Grid.useBreakpoint().md ?? true;
  const navigate = useNavigate();
  // One client for the console's life. An expired or revoked session: sign in again, then come back here.
  const client = useMemo(
    () =>
      createApolloClient(() => {
        forgetSession();
        void navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
      }),
    [navigate],
  );
  return (
    <ConfigProvider
      locale={i18n.language === 'zh' ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{ token: THEME, components: COMPONENTS }}
    >
      <ApolloProvider client={client}>
        <SessionProvider>
          <Layout style={{ minHeight: '100vh' }}>
            <Header />
            <Layout.Content style={{ padding: wide ? '24px 48px' : '16px 12px', maxWidth: 1200, width: '100%', margin: '0 auto' }}>
              <Suspense fallback={<Loading />}>
                <Routes>
                  <Route path="/" element={<HomePage />} />
                  <Route path="/needs/:id" element={<NeedPage />} />
                  <Route path="/enterprises" element={<EnterprisesPage />} />
                  <Route path="/enterprises/:id" element={<EnterprisePage />} />
                  <Route path="/sign-in" element={<SignInPage />} />
                  {agencyRoutes}
                  {enterpriseRoutes}
                  {coordinatorRoutes}
                  {accountRoutes}
                  {matchRoutes}
                  {activityRoutes}
                  {programmeRoutes}
                  {contributionRoutes}
                  <Route path="*" element={<NotFound />} />
                </Routes>
              </Suspense>
            </Layout.Content>
          </Layout>
        </SessionProvider>
      </ApolloProvider>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Console />
    </BrowserRouter>
  );
}
