import { Result, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { safeNextPath } from '@app/shared';
import { Link, Navigate, Outlet, Route, Routes, useLocation, useSearchParams } from 'react-router';
import { useAccess } from './api/channels';
import { useSession } from './auth/session';
import { ErrorNotice } from './components/ErrorNotice';
import { AppLayout } from './layout/AppLayout';
import { INBOX_PATH, STATISTICS_ROLES } from './layout/menu';
import { LoginPage } from './pages/LoginPage';
import { WorkQueuePage } from './pages/WorkQueuePage';
import { RISK_ROLES } from './pages/risk/risk-types';
import { NOTIFICATIONS_PATH } from './layout/NotificationBell';

// Only the login page and the work queue are in the first download; every other page (the diagram, charts, admin)
// comes when it is opened, so a slow village connection shows the queue sooner.
const CalendarPage = lazy(() => import('./pages/admin/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const DeliveriesPage = lazy(() => import('./pages/admin/DeliveriesPage').then((m) => ({ default: m.DeliveriesPage })));
const OrganisationsPage = lazy(() => import('./pages/admin/OrganisationsPage').then((m) => ({ default: m.OrganisationsPage })));
const UsersPage = lazy(() => import('./pages/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const SecurityLogPage = lazy(() => import('./pages/audit/SecurityLogPage').then((m) => ({ default: m.SecurityLogPage })));
const SubsidyClaimsPage = lazy(() => import('./pages/subsidy/SubsidyClaimsPage').then((m) => ({ default: m.SubsidyClaimsPage })));
const SubsidyStatementPage = lazy(() => import('./pages/subsidy/SubsidyStatementPage').then((m) => ({ default: m.SubsidyStatementPage })));
const CaseListPage = lazy(() => import('./pages/CaseListPage').then((m) => ({ default: m.CaseListPage })));
const CasePage = lazy(() => import('./pages/CasePage').then((m) => ({ default: m.CasePage })));
const InboxPage = lazy(() => import('./pages/InboxPage').then((m) => ({ default: m.InboxPage })));
const OpenCasePage = lazy(() => import('./pages/OpenCasePage').then((m) => ({ default: m.OpenCasePage })));
const StatisticsPage = lazy(() => import('./pages/statistics/StatisticsPage').then((m) => ({ default: m.StatisticsPage })));
const SurveyPage = lazy(() => import('./pages/SurveyPage').then((m) => ({ default: m.SurveyPage })));
const RiskRegisterPage = lazy(() => import('./pages/risk/RiskRegisterPage').then((m) => ({ default: m.RiskRegisterPage })));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const SupervisionPage = lazy(() => import('./pages/risk/SupervisionPage').then((m) => ({ default: m.SupervisionPage })));

export function App() {
  const { me, checking } = useSession();
  if (checking) return <Spin fullscreen tip="正在加载…" />;
  return (
    <Suspense fallback={<Spin fullscreen tip="正在加载…" />}>
    <Routes>
      <Route path="/login" element={me ? <AfterLogin /> : <LoginPage />} />
      <Route path="/survey/:token" element={<SurveyPage />} />
      <Route element={<RequireLogin />}>
        <Route element={<AppLayout />}>
          <Route index element={<WorkQueuePage />} />
          <Route path="cases" element={<CaseListPage />} />
          <Route path="cases/new" element={<RequireChannelRole of="openingRoles"><OpenCasePage /></RequireChannelRole>} />
          <Route path="cases/:id" element={<CasePage />} />
          <Route path={NOTIFICATIONS_PATH.slice(1)} element={<NotificationsPage />} />
          <Route path={INBOX_PATH.slice(1)} element={<RequireChannelRole of="inboxRoles"><InboxPage /></RequireChannelRole>} />
          {/* The court inbox became every receiving organisation's 收案箱; old links and bookmarks still arrive. */}
          <Route path="court/inbox" element={<Redirect to={INBOX_PATH} />} />
          <Route path="risk" element={<RequireRole roles={RISK_ROLES}><RiskRegisterPage /></RequireRole>} />
          <Route path="disputes/:code/supervision" element={<SupervisionPage />} />
          <Route path="admin/users" element={<RequireRole roles={['ADMIN']}><UsersPage /></RequireRole>} />
          <Route path="admin/organisations" element={<RequireRole roles={['ADMIN']}><OrganisationsPage /></RequireRole>} />
          <Route path="admin/calendar" element={<RequireRole roles={['ADMIN']}><CalendarPage /></RequireRole>} />
          <Route path="admin/deliveries" element={<RequireRole roles={['ADMIN']}><DeliveriesPage /></RequireRole>} />
          <Route path="audit/security-log" element={<RequireRole roles={['AUDITOR']}><SecurityLogPage /></RequireRole>} />
          <Route path="statistics" element={<RequireRole roles={STATISTICS_ROLES}><StatisticsPage /></RequireRole>} />
          <Route path="subsidy/claims" element={<RequireRole roles={['AUDITOR', 'JUSTICE_STATION_OFFICER', 'COMMITTEE_DIRECTOR']}><SubsidyClaimsPage /></RequireRole>} />
          <Route path="subsidy/statements" element={<RequireRole roles={['AUDITOR', 'ADMIN']}><SubsidyStatementPage /></RequireRole>} />
          <Route path="*" element={<Result status="404" title="页面不存在" subTitle="您访问的页面不存在，请从左侧菜单进入。" extra={<Link to="/">返回工作台</Link>} />} />
        </Route>
      </Route>
    </Routes>
    </Suspense>
  );
}

/** Already logged in (in another tab, say): straight to the page the link asked for. */
function AfterLogin() {
  const [params] = useSearchParams();
  return <Navigate to={safeNextPath(params.get('next'))} replace />;
}

function RequireLogin() {
  const { me } = useSession();
  const location = useLocation();
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

function RequireRole({ roles, children }: { roles: string[]; children: ReactNode }) {
  const { hasRole } = useSession();
  if (!hasRole(...roles)) return <Result status="403" title="无权访问" subTitle="您的角色不能使用此功能。" extra={<Link to="/">返回工作台</Link>} />;
  return <>{children}</>;
}

/** A page for the roles the channels name (who opens cases, who has a 收案箱), once the channels have loaded. */
function RequireChannelRole({ of, children }: { of: 'openingRoles' | 'inboxRoles'; children: ReactNode }) {
  const { access, error, reload } = useAccess();
  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  if (!access) return <Spin />;
  return <RequireRole roles={access[of]}>{children}</RequireRole>;
}

/** Keeps the query string, so an old link's page and tab survive. */
function Redirect({ to }: { to: string }) {
  const { search } = useLocation();
  return <Navigate to={`${to}${search}`} replace />;
}
