import { Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { setUnauthorizedHandler } from './api/index.js';
import { AppLayout } from './layout/AppLayout.js';
import { AgenciesPage } from './pages/AgenciesPage.js';
import { AgencySettingsPage } from './pages/AgencySettingsPage.js';
import { ApprovalsPage } from './pages/ApprovalsPage.js';
import { AuditPage } from './pages/AuditPage.js';
import { AvRecordPage } from './pages/av/AvRecordPage.js';
import { MatterAvPage } from './pages/av/MatterAvPage.js';
import { UnassignedAvPage } from './pages/av/UnassignedAvPage.js';
import { CalendarPage } from './pages/CalendarPage.js';
import { LogWitnessesPage } from './pages/LogWitnessesPage.js';
import { ChecklistPage } from './pages/ChecklistPage.js';
import { DocumentPage } from './pages/DocumentPage.js';
import { FindingsPage } from './pages/FindingsPage.js';
import { IntegrityPage } from './pages/integrity/IntegrityPage.js';
import { HomePage } from './pages/HomePage.js';
import { LegalReviewPage } from './pages/legal-review/LegalReviewPage.js';
import { LegalReviewQueuePage } from './pages/legal-review/LegalReviewQueuePage.js';
import { MajorListPage } from './pages/legal-review/MajorListPage.js';
import { MatterPage } from './pages/MatterPage.js';
import { MattersPage } from './pages/MattersPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OfficersPage } from './pages/OfficersPage.js';
import { PasswordPage } from './pages/PasswordPage.js';
import { PolicyPage } from './pages/PolicyPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { TimelinePage } from './pages/TimelinePage.js';
import { TokensPage } from './pages/TokensPage.js';
import { UnitsPage } from './pages/UnitsPage.js';
import { UsersPage } from './pages/UsersPage.js';
import { useSession } from './session.js';

export function App() {
  const { clear } = useSession();
  const navigate = useNavigate();
  const location = useLocation();

  // Any 401 from the API (session expired, signed out elsewhere) leads back to the sign-in page.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      clear();
      if (!window.location.pathname.startsWith('/login')) navigate('/login', { replace: true, state: { from: window.location.pathname } });
    });
    return () => setUnauthorizedHandler(null);
  }, [clear, navigate]);

  return (
    <Routes location={location}>
      <Route path="/login" element={<SignInPage />} />
      <Route
        element={
          <RequireSignIn>
            <AppLayout />
          </RequireSignIn>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="matters" element={<MattersPage />} />
        <Route path="matters/:matterId" element={<MatterPage />} />
        <Route path="matters/:matterId/timeline" element={<TimelinePage />} />
        <Route path="matters/:matterId/av" element={<MatterAvPage />} />
        <Route path="av/unassigned" element={<UnassignedAvPage />} />
        <Route path="av/:recordId" element={<AvRecordPage />} />
        <Route path="documents/:documentId" element={<DocumentPage />} />
        <Route path="approvals" element={<ApprovalsPage />} />
        <Route path="legal-reviews" element={<LegalReviewQueuePage />} />
        <Route path="legal-reviews/:reviewId" element={<LegalReviewPage />} />
        <Route path="legal-review/list" element={<MajorListPage />} />
        <Route path="agencies" element={<AgenciesPage />} />
        <Route path="agency" element={<AgencySettingsPage />} />
        <Route path="units" element={<UnitsPage />} />
        <Route path="officers" element={<OfficersPage />} />
        <Route path="policy" element={<PolicyPage />} />
        <Route path="checklist" element={<ChecklistPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="log-witnesses" element={<LogWitnessesPage />} />
        <Route path="findings" element={<FindingsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="api-tokens" element={<TokensPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="integrity" element={<IntegrityPage />} />
        <Route path="password" element={<PasswordPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function RequireSignIn({ children }: { children: ReactNode }) {
  const { me, loading, signedOut } = useSession();
  const location = useLocation();
  if (loading) {
    return (
      <div className="fullscreen-center">
        <Spin size="large" description="正在加载…" />
      </div>
    );
  }
  if (!me) return <Navigate to="/login" replace state={signedOut ? null : { from: location.pathname }} />;
  return <>{children}</>;
}
