import { createBrowserRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { ApiError } from './api/http';
import { AuthCallbackPage } from './auth/auth-callback-page';
import { SignInPage } from './auth/sign-in-page';
import { BoardPage } from './board/board-page';
import { QueuePage } from './queue/queue-page';
import { Shell } from './shell/shell';

// The map and the charts carry large libraries: loaded when their page is opened, not before the board.
const MapPage = lazy(() => import('./map/map-page').then((module) => ({ default: module.MapPage })));
const KpiPage = lazy(() => import('./kpi/kpi-page').then((module) => ({ default: module.KpiPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 2_000,
      refetchOnWindowFocus: true,
      // A refusal will not change by asking again; a dropped connection might.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 3,
    },
  },
});

const loading = <p className="centered">…</p>;

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/auth/callback', element: <AuthCallbackPage /> },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <BoardPage /> },
      { path: 'queue', element: <QueuePage /> },
      {
        path: 'map',
        element: (
          <Suspense fallback={loading}>
            <MapPage />
          </Suspense>
        ),
      },
      {
        path: 'kpis',
        element: (
          <Suspense fallback={loading}>
            <KpiPage />
          </Suspense>
        ),
      },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
