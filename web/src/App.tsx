import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { GuestOnly, RequireAuth } from './components/RouteGuards';
import { Loading } from './components/Status';
import { AccountPage } from './pages/AccountPage';
import { CardPage } from './pages/CardPage';
import { CardsPage } from './pages/CardsPage';
import { ErrorPage } from './pages/ErrorPage';
import { ExercisesPage } from './pages/ExercisesPage';
import { GuidePage } from './pages/GuidePage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlanPage } from './pages/PlanPage';
import { ProgressPage } from './pages/ProgressPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { StudyPage } from './pages/StudyPage';
import { TopicsPage } from './pages/TopicsPage';

/** The exercise page carries the code editor (CodeMirror), so it loads only when opened. */
const ExercisePage = lazy(() => import('./pages/ExercisePage'));

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'signin',
        element: (
          <GuestOnly>
            <SignInPage />
          </GuestOnly>
        ),
      },
      {
        path: 'signup',
        element: (
          <GuestOnly>
            <SignUpPage />
          </GuestOnly>
        ),
      },
      {
        path: 'account',
        element: (
          <RequireAuth>
            <AccountPage />
          </RequireAuth>
        ),
      },
      {
        path: 'study',
        element: (
          <RequireAuth>
            <StudyPage />
          </RequireAuth>
        ),
      },
      {
        path: 'study/plan',
        element: (
          <RequireAuth>
            <PlanPage />
          </RequireAuth>
        ),
      },
      {
        path: 'progress',
        element: (
          <RequireAuth>
            <ProgressPage />
          </RequireAuth>
        ),
      },
      { path: 'topics', element: <TopicsPage /> },
      { path: 'topics/:id', element: <GuidePage /> },
      { path: 'cards', element: <CardsPage /> },
      { path: 'cards/:id', element: <CardPage /> },
      { path: 'exercises', element: <ExercisesPage /> },
      {
        path: 'exercises/:id',
        element: (
          <Suspense fallback={<Loading label="Loading the exercise…" />}>
            <ExercisePage />
          </Suspense>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
