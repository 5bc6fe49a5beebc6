/**
 * The application shell: sign-in gate, header with language switch, navigation limited to the
 * user's capabilities, and the routes. Heavy pages load on first visit (charts only on the dashboard).
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { AppShell, Burger, Button, Group, NavLink, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { post } from './api/client.js';
import { useMe } from './api/queries.js';
import type { Me } from './api/types.js';
import { LanguageSelect } from './components/language-select.js';
import { ErrorAlert, Loading, Page } from './components/page.js';
import { can, navFor, type Capability } from './lib/capabilities.js';
import { SignInPage } from './pages/sign-in.js';
import { SearchPage } from './pages/search.js';

const PersonPage = lazy(() => import('./pages/person/person-page.js'));
const SourcesPage = lazy(() => import('./pages/sources.js'));
const PlacesPage = lazy(() => import('./pages/places.js'));
const DashboardPage = lazy(() => import('./pages/dashboard.js'));
const UsersPage = lazy(() => import('./pages/admin/users.js'));
const AuditPage = lazy(() => import('./pages/admin/audit.js'));
const ReviewQueuePage = lazy(() => import('./pages/review/review-queue.js'));
const ReviewItemPage = lazy(() => import('./pages/review/review-item.js'));
const ImportsPage = lazy(() => import('./pages/imports/imports-page.js'));
const EnquiriesPage = lazy(() => import('./pages/enquiries/enquiries-page.js'));
const EnquiryPage = lazy(() => import('./pages/enquiries/enquiry-page.js'));
const ReportsPage = lazy(() => import('./pages/reports/reports-page.js'));
const ReportPage = lazy(() => import('./pages/reports/report-page.js'));
const ExchangeListsPage = lazy(() => import('./pages/exchange/exchange-lists-page.js'));
const ExchangeListPage = lazy(() => import('./pages/exchange/exchange-list-page.js'));

/** The application: the sign-in page until a session exists, then the shell. */
export function App() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <SignInPage />;
  return <Shell me={me.data} />;
}

function Shell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [location] = useLocation();
  const queryClient = useQueryClient();
  const items = navFor(me);
  const signOut = async () => {
    await post('/api/auth/logout').catch(() => undefined);
    queryClient.clear();
    queryClient.setQueryData(['me'], null);
  };
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="wa-skip">
        {t('app.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.menu')} />
            <Title order={2} size="h4">
              {t('app.name')}
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="md" data-testid="whoami">
              {t('app.signedInAs', {
                name: me.user.displayName ?? me.user.username ?? '',
                role: t(`roles.${me.role}`),
              })}
            </Text>
            <LanguageSelect />
            <Button size="xs" variant="default" onClick={() => void signOut()}>
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.menu')} component="nav">
        <Stack gap={2}>
          {items.map((item) => (
            <NavLink
              key={item.path}
              component={Link}
              href={item.path}
              label={t(item.label)}
              active={location === item.path || location.startsWith(`${item.path}/`)}
              aria-current={location === item.path ? 'page' : undefined}
              onClick={close}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Routes me={me} start={items[0]?.path ?? null} />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function Guarded({ me, needs, children }: { me: Me; needs: Capability; children: ReactNode }) {
  const { t } = useTranslation();
  if (!can(me, needs))
    return (
      <Page title={t('common.notAllowed')}>
        <VisuallyHidden>{t('common.notAllowed')}</VisuallyHidden>
      </Page>
    );
  return <>{children}</>;
}

function Routes({ me, start }: { me: Me; start: string | null }) {
  const { t } = useTranslation();
  return (
    <Switch>
      <Route path="/">
        {start ? <Redirect to={start} replace /> : <Page title={t('common.notAllowed')}>{null}</Page>}
      </Route>
      <Route path="/search">
        <Guarded me={me} needs="person.read">
          <SearchPage />
        </Guarded>
      </Route>
      <Route path="/persons/:id">
        <Guarded me={me} needs="person.read">
          <PersonPage />
        </Guarded>
      </Route>
      <Route path="/review">
        <Guarded me={me} needs="person.merge">
          <ReviewQueuePage />
        </Guarded>
      </Route>
      <Route path="/review/:id">
        <Guarded me={me} needs="person.merge">
          <ReviewItemPage />
        </Guarded>
      </Route>
      <Route path="/enquiries">
        <Guarded me={me} needs="enquiry.read">
          <EnquiriesPage />
        </Guarded>
      </Route>
      <Route path="/enquiries/:id">
        <Guarded me={me} needs="enquiry.read">
          <EnquiryPage />
        </Guarded>
      </Route>
      <Route path="/exchange">
        <Guarded me={me} needs="exchange.read">
          <ExchangeListsPage />
        </Guarded>
      </Route>
      <Route path="/exchange/:id">
        <Guarded me={me} needs="exchange.read">
          <ExchangeListPage />
        </Guarded>
      </Route>
      <Route path="/reports">
        <Guarded me={me} needs="report.read">
          <ReportsPage />
        </Guarded>
      </Route>
      <Route path="/reports/reconciliation">
        <Guarded me={me} needs="report.read">
          <ReportsPage />
        </Guarded>
      </Route>
      <Route path="/reports/:id">
        <Guarded me={me} needs="report.read">
          <ReportPage />
        </Guarded>
      </Route>
      <Route path="/imports">
        <Guarded me={me} needs="import.run">
          <ImportsPage />
        </Guarded>
      </Route>
      <Route path="/sources">
        <Guarded me={me} needs="person.read">
          <SourcesPage />
        </Guarded>
      </Route>
      <Route path="/places">
        <Guarded me={me} needs="person.read">
          <PlacesPage />
        </Guarded>
      </Route>
      <Route path="/dashboard">
        <Guarded me={me} needs="stats.read">
          <DashboardPage />
        </Guarded>
      </Route>
      <Route path="/admin/users">
        <Guarded me={me} needs="user.manage">
          <UsersPage />
        </Guarded>
      </Route>
      <Route path="/admin/audit">
        <Guarded me={me} needs="audit.read">
          <AuditPage />
        </Guarded>
      </Route>
      <Route>
        <Page title={t('common.notFound')}>
          <Link href="/">{t('common.home')}</Link>
        </Page>
      </Route>
    </Switch>
  );
}
