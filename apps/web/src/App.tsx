import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { useAccess } from './api/channels';
import { useSession } from './auth/session';
import { ErrorNotice } from './components/ErrorNotice';
import { AppLayout } from './layout/AppLayout';
import { INBOX_PATH, STATISTICS_ROLES } from './layout/menu';
import { CalendarPage } from './pages/admin/CalendarPage';
import { OrganisationsPage } from './pages/admin/OrganisationsPage';
import { UsersPage } from './pages/admin/UsersPage';
import { SecurityLogPage } from './pages/audit/SecurityLogPage';
import { SubsidyClaimsPage } from './pages/subsidy/SubsidyClaimsPage';
import { SubsidyStatementPage } from './pages/subsidy/SubsidyStatementPage';
import { CaseListPage } from './pages/CaseListPage';
import { CasePage } from './pages/CasePage';
import { InboxPage } from './pages/InboxPage';
import { LoginPage } from './pages/LoginPage';
import { OpenCasePage } from './pages/OpenCasePage';
import { WorkQueuePage } from './pages/WorkQueuePage';
import { StatisticsPage } from './pages/statistics/StatisticsPage';
import { SurveyPage } from './pages/SurveyPage';
import { RiskRegisterPage } from './pages/risk/RiskRegisterPage';
import { RISK_ROLES } from './pages/risk/risk-types';
import { SupervisionPage } from './pages/risk/SupervisionPage';

export function App() {
  const { me, checking } = useSession();
  if (checking) return <Spin fullscreen tip="正在加载…" />;
  return (
    <Routes>
      <Route path="/login" element={me ? <Navigate to="/" replace /> : <LoginPage />} />
      <Route path="/survey/:token" element={<SurveyPage />} />
      <Route element={<RequireLogin />}>
        <Route element={<AppLayout />}>
          <Route index element={<WorkQueuePage />} />
          <Route path="cases" element={<CaseListPage />} />
          <Route path="cases/new" element={<RequireChannelRole of="openingRoles"><OpenCasePage /></RequireChannelRole>} />
          <Route path="cases/:id" element={<CasePage />} />
          <Route path={INBOX_PATH.slice(1)} element={<RequireChannelRole of="inboxRoles"><InboxPage /></RequireChannelRole>} />
          {/* The court inbox became every receiving organisation's 收案箱; old links and bookmarks still arrive. */}
          <Route path="court/inbox" element={<Redirect to={INBOX_PATH} />} />
          <Route path="risk" element={<RequireRole roles={RISK_ROLES}><RiskRegisterPage /></RequireRole>} />
          <Route path="disputes/:code/supervision" element={<SupervisionPage />} />
          <Route path="admin/users" element={<RequireRole roles={['ADMIN']}><UsersPage /></RequireRole>} />
          <Route path="admin/organisations" element={<RequireRole roles={['ADMIN']}><OrganisationsPage /></RequireRole>} />
          <Route path="admin/calendar" element={<RequireRole roles={['ADMIN']}><CalendarPage /></RequireRole>} />
          <Route path="audit/security-log" element={<RequireRole roles={['AUDITOR']}><SecurityLogPage /></RequireRole>} />
          <Route path="statistics" element={<RequireRole roles={STATISTICS_ROLES}><StatisticsPage /></RequireRole>} />
          <Route path="subsidy/claims" element={<RequireRole roles={['AUDITOR', 'JUSTICE_STATION_OFFICER', 'COMMITTEE_DIRECTOR']}><SubsidyClaimsPage /></RequireRole>} />
          <Route path="subsidy/statements" element={<RequireRole roles={['AUDITOR', 'ADMIN']}><SubsidyStatementPage /></RequireRole>} />
          <Route path="*" element={<Result status="404" title="页面不存在" subTitle="您访问的页面不存在，请从左侧菜单进入。" extra={<Link to="/">返回工作台</Link>} />} />
        </Route>
      </Route>
    </Routes>
  );
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
