import { type ComponentType, lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { loadAntd } from '../shared/antd.tsx';
import { Loading } from '../shared/loading.tsx';
import { Layout } from './layout.tsx';
import { NotFound } from './not-found.tsx';
import { RequireAuth } from './require-auth.tsx';

/*
 * Every page is its own chunk: the questionnaire route must not pay for the
 * results chart (ECharts), the review console or the admin tables.
 */

/**
 * A page under antd's theme, loaded with it (app/antd-theme.tsx). Not the
 * questionnaire: its first paint uses no antd, and what it shows with antd
 * later brings the theme along.
 */
const page = (load: () => Promise<{ default: ComponentType }>) =>
  lazy(async () => {
    const [m, antd] = await Promise.all([load(), loadAntd()]);
    return { default: antd.themed(m.default) };
  });

const LoginPage = page(() => import('../auth/login-page.tsx'));
const HomePage = page(() => import('../home/home-page.tsx'));
const GuidedStartPage = page(() => import('../start/guided-start-page.tsx'));
const QuestionnairePage = lazy(() => import('../questionnaire/questionnaire-page.tsx'));
const ResultsPage = page(() => import('../results/results-page.tsx'));
const ReviewPage = page(() => import('../review/review-page.tsx'));
const AdminPage = page(() => import('../admin/admin-page.tsx'));
const WelcomePage = page(() => import('../admin/welcome-page.tsx'));
const CarryOverPage = page(() => import('../carry-over/carry-over-page.tsx'));
const ConfirmPage = page(() => import('../carry-over/confirm-page.tsx'));
const HistoryPage = page(() => import('../history/history-page.tsx'));
const ReturnedPage = page(() => import('../review/returned-page.tsx'));
const ReviewerAgreementPage = page(() => import('../review/reviewer-agreement-page.tsx'));
const AuditPage = page(() => import('../audit/audit-page.tsx'));
const InboxPage = page(() => import('../notifications/inbox-page.tsx'));
const ProgrammesPage = page(() => import('../programmes/programmes-page.tsx'));
const ProgrammePage = page(() => import('../programmes/programme-page.tsx'));
const ProgrammeDashboard = page(() => import('../programmes/dashboard-page.tsx'));

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/welcome/:token" element={<WelcomePage />} />
        <Route element={<RequireAuth />}>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="start" element={<GuidedStartPage />} />
            <Route path="assessments/:id" element={<Navigate to="results" replace />} />
            <Route path="assessments/:id/fill" element={<QuestionnairePage />} />
            <Route path="assessments/:id/results" element={<ResultsPage />} />
            <Route path="assessments/:id/review" element={<ReviewPage />} />
            <Route path="admin" element={<Navigate to="/admin/assessments" replace />} />
            <Route path="admin/:tab" element={<AdminPage />} />
            <Route path="assessments/:id/carry-over" element={<CarryOverPage />} />
            <Route path="assessments/:id/confirm" element={<ConfirmPage />} />
            <Route path="history" element={<HistoryPage />} />
            <Route path="history/:definition" element={<HistoryPage />} />
            <Route path="assessments/:id/returned" element={<ReturnedPage />} />
            <Route path="assessments/:id/audit" element={<AuditPage />} />
            <Route path="reviewers/:id/agreement" element={<ReviewerAgreementPage />} />
            <Route path="notifications" element={<InboxPage />} />
            <Route path="programmes" element={<ProgrammesPage />} />
            <Route path="programmes/dashboard" element={<ProgrammeDashboard />} />
            <Route path="programmes/:id" element={<ProgrammePage />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
