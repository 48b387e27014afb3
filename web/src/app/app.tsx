import { ConfigProvider } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Route, RouterProvider, Routes } from 'react-router-dom';
import type { Role } from '../api/session.ts';
import { PageLoading } from '../components/page-loading.tsx';
import { antdLocales } from './antd-locale.ts';
import { AppShell } from './app-shell.tsx';
import { RequireAuth } from './require-auth.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { theme } from './theme.ts';

// One chunk per page, so the first load carries only the shell (and charts load with the
// pages that draw them).
const LoginPage = lazy(() => import('../features/auth/login-page.tsx'));
const WorkbenchPage = lazy(() => import('../features/workbench/workbench-page.tsx'));
const MyMonthPage = lazy(() => import('../features/month/my-month-page.tsx'));
const DashboardPage = lazy(() => import('../features/dashboard/dashboard-page.tsx'));
const ContestsPage = lazy(() => import('../features/contests/contests-page.tsx'));
const ContestPage = lazy(() => import('../features/contests/contest-page.tsx'));
const ContestFormPage = lazy(() => import('../features/contests/contest-form-page.tsx'));
const RubricEditorPage = lazy(() => import('../features/rubrics/rubric-editor-page.tsx'));
const RoundPage = lazy(() => import('../features/rounds/round-page.tsx'));
const CorrectionPage = lazy(() => import('../features/rounds/correction-page.tsx'));
const ResultsPage = lazy(() => import('../features/results/results-page.tsx'));
const FlagsPage = lazy(() => import('../features/flags/flags-page.tsx'));
const LedgerPage = lazy(() => import('../features/ledger/ledger-page.tsx'));
const ProjectPage = lazy(() => import('../features/ledger/project-page.tsx'));
const ProblemsPage = lazy(() => import('../features/ledger/problems-page.tsx'));
const UnitsPage = lazy(() => import('../features/units/units-page.tsx'));
const UsersPage = lazy(() => import('../features/users/users-page.tsx'));
const AuditPage = lazy(() => import('../features/audit/audit-page.tsx'));
const WebhooksPage = lazy(() => import('../features/notifications/webhooks-page.tsx'));
const AssessmentsPage = lazy(() => import('../features/assessments/assessments-page.tsx'));
const AssessmentPage = lazy(() => import('../features/assessments/assessment-page.tsx'));
const SeriesListPage = lazy(() => import('../features/series/series-list-page.tsx'));
const SeriesPage = lazy(() => import('../features/series/series-page.tsx'));
const RectificationsPage = lazy(() => import('../features/rectifications/rectifications-page.tsx'));
const PointsMembersPage = lazy(() => import('../features/points/members-page.tsx'));
const PointsRecordPage = lazy(() => import('../features/points/record-page.tsx'));
const PointsReviewPage = lazy(() => import('../features/points/review-page.tsx'));
const PointsRulesPage = lazy(() => import('../features/points/rules-page.tsx'));
const PointsStatementPage = lazy(() => import('../features/points/statement-page.tsx'));
const PointsLeaderboardPage = lazy(() => import('../features/points/leaderboard-page.tsx'));
const PointsHouseholdsPage = lazy(() => import('../features/points/households-page.tsx'));
const PointsMarketPage = lazy(() => import('../features/points/market-page.tsx'));
const NotFoundPage = lazy(() => import('./not-found-page.tsx'));
// The public site and the big screen: no sign-in, their own frames.
const PublicShell = lazy(() => import('../features/public/public-shell.tsx'));
const PublicContestsPage = lazy(() => import('../features/public/public-contests-page.tsx'));
const PublicContestPage = lazy(() => import('../features/public/public-contest-page.tsx'));
const PublicRoundPage = lazy(() => import('../features/public/public-round-page.tsx'));
const PublicFlagsPage = lazy(() => import('../features/public/public-flags-page.tsx'));
const PublicUnitPage = lazy(() => import('../features/public/public-unit-page.tsx'));
const PublicPracticesPage = lazy(() => import('../features/public/public-practices-page.tsx'));
const PublicPracticePage = lazy(() => import('../features/public/public-practice-page.tsx'));
const PublicNoticesPage = lazy(() => import('../features/public/public-notices-page.tsx'));
const PublicPointsPage = lazy(() => import('../features/points/public-leaderboard-page.tsx'));
const PublicProjectsPage = lazy(() => import('../features/ledger/public-projects-page.tsx'));
const ScreenPage = lazy(() => import('../features/screen/screen-page.tsx'));

const MANAGERS: Role[] = ['admin', 'organizer'];
const OVERSEERS: Role[] = ['admin', 'organizer', 'viewer'];

function guarded(page: ReactNode, roles?: Role[]) {
  return <RequireAuth {...(roles ? { roles } : {})}>{page}</RequireAuth>;
}

/** The start page: the workbench for the signed-in, the boards for everyone else. */
function Start() {
  const { status } = useSession();
  if (status === 'loading') return <PageLoading />;
  // Signed out, the public site: the staff pages read only what a signed-in user may (issue 12).
  return <Navigate to={status === 'signed-in' ? '/workbench' : '/public'} replace />;
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? antdLocales.en : antdLocales['zh-CN']}
      theme={theme}
      // 重试, not 重 试: antd's space between two Chinese characters reads oddly in a form UI.
      button={{ autoInsertSpace: false }}
    >
      {/* No antd <App>: it brings message, notification and modal into the first load; a page
          that needs one uses its hook (message.useMessage()). */}
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </ConfigProvider>
  );
}

/** Every page; one catch-all route of a data router holds them, so pages may block navigation. */
function AppRoutes() {
  return (
    <Routes>
      <Route
        path="login"
        element={
          <Suspense fallback={<PageLoading />}>
            <LoginPage />
          </Suspense>
        }
      />
      <Route
        path="screen"
        element={
          <Suspense fallback={<PageLoading />}>
            <ScreenPage />
          </Suspense>
        }
      />
      <Route
        path="public"
        element={
          <Suspense fallback={<PageLoading />}>
            <PublicShell />
          </Suspense>
        }
      >
        <Route index element={<PublicContestsPage />} />
        <Route path="contests/:id" element={<PublicContestPage />} />
        <Route path="rounds/:id" element={<PublicRoundPage />} />
        <Route path="flags" element={<PublicFlagsPage />} />
        <Route path="notices" element={<PublicNoticesPage />} />
        <Route path="units/:code" element={<PublicUnitPage />} />
        <Route path="practices" element={<PublicPracticesPage />} />
        <Route path="practices/:id" element={<PublicPracticePage />} />
        <Route path="points/leaderboard" element={<PublicPointsPage />} />
        <Route path="projects" element={<PublicProjectsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route element={<AppShell />}>
        <Route index element={<Start />} />
        <Route path="workbench" element={guarded(<WorkbenchPage />)} />
        <Route path="me/month" element={guarded(<MyMonthPage />)} />
        <Route path="dashboard" element={guarded(<DashboardPage />, OVERSEERS)} />
        <Route path="contests" element={guarded(<ContestsPage />)} />
        <Route path="contests/new" element={guarded(<ContestFormPage />, MANAGERS)} />
        <Route path="contests/:id" element={guarded(<ContestPage />)} />
        <Route path="contests/:id/rubric" element={guarded(<RubricEditorPage />, MANAGERS)} />
        <Route path="rounds/:id" element={guarded(<RoundPage />)} />
        <Route path="rounds/:id/results" element={<ResultsPage />} />
        <Route path="rounds/:id/correct" element={guarded(<CorrectionPage />, MANAGERS)} />
        <Route path="flags" element={<FlagsPage />} />
        <Route path="series" element={guarded(<SeriesListPage />)} />
        <Route path="series/:id" element={guarded(<SeriesPage />)} />
        <Route path="rectifications" element={guarded(<RectificationsPage />)} />
        <Route path="projects" element={guarded(<LedgerPage />)} />
        <Route path="projects/:id" element={guarded(<ProjectPage />)} />
        <Route path="problems" element={guarded(<ProblemsPage />)} />
        <Route path="points" element={guarded(<PointsMembersPage />)} />
        <Route path="points/record" element={guarded(<PointsRecordPage />)} />
        <Route path="points/review" element={guarded(<PointsReviewPage />)} />
        <Route path="points/rules" element={guarded(<PointsRulesPage />)} />
        <Route path="points/members/:id" element={guarded(<PointsStatementPage />)} />
        <Route path="points/leaderboard" element={guarded(<PointsLeaderboardPage />)} />
        <Route path="points/households" element={guarded(<PointsHouseholdsPage />)} />
        <Route path="points/market" element={guarded(<PointsMarketPage />)} />
        <Route path="assessments" element={guarded(<AssessmentsPage />)} />
        <Route path="assessments/:id" element={guarded(<AssessmentPage />)} />
        <Route path="units/:code?" element={<UnitsPage />} />
        <Route path="users" element={guarded(<UsersPage />, ['admin', 'secadmin'])} />
        <Route path="audit" element={guarded(<AuditPage />, ['auditor'])} />
        <Route path="webhooks" element={guarded(<WebhooksPage />, ['admin'])} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

// A data router (not <BrowserRouter>): useBlocker, which guards unsaved work, needs one.
const router = createBrowserRouter([{ path: '*', element: <AppRoutes /> }]);
