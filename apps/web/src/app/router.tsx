import { createBrowserRouter } from 'react-router-dom';
import { Layout } from './layout';
import { NotFoundPage, RouteError, RouteLoading } from './route-error';

// Pages load on demand: a participant's phone never downloads the console or the desk.
export function createRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <RouteLoading />,
      children: [
        { index: true, lazy: async () => ({ Component: (await import('./routes/home')).HomePage }) },
        { path: 'join', lazy: async () => ({ Component: (await import('../features/join/pages/join-page')).JoinPage }) },
        { path: 'j/:code', lazy: async () => ({ Component: (await import('../features/join/pages/join-meeting-page')).JoinMeetingPage }) },
        { path: 'signin', lazy: async () => ({ Component: (await import('../features/auth/pages/sign-in-page')).SignInPage }) },
        { path: 'signup', lazy: async () => ({ Component: (await import('../features/auth/pages/sign-up-page')).SignUpPage }) },
        {
          path: 'processes/new',
          lazy: async () => ({ Component: (await import('../features/settings/pages/create-process-page')).CreateProcessPage }),
        },
        { path: 'p/:processId', lazy: async () => ({ Component: (await import('../features/process/pages/process-page')).ProcessPage }) },
        {
          path: 'p/:processId/proposals/new',
          lazy: async () => ({ Component: (await import('../features/proposals/pages/new-proposal-page')).NewProposalPage }),
        },
        {
          path: 'p/:processId/proposals/:proposalId',
          lazy: async () => ({ Component: (await import('../features/proposals/pages/proposal-page')).ProposalPage }),
        },
        {
          path: 'p/:processId/proposals/:proposalId/edit',
          lazy: async () => ({ Component: (await import('../features/proposals/pages/edit-proposal-page')).EditProposalPage }),
        },
        {
          path: 'p/:processId/analytics',
          lazy: async () => ({ Component: (await import('../features/analytics/pages/analytics-page')).AnalyticsPage }),
        },
        { path: 'p/:processId/delivery', lazy: async () => ({ Component: (await import('../features/delivery/pages/delivery-page')).DeliveryPage }) },
        { path: 'p/:processId/progress', lazy: async () => ({ Component: (await import('../features/delivery/pages/public-progress-page')).PublicProgressPage }) },
        { path: 'p/:processId/desk', lazy: async () => ({ Component: (await import('../features/desk/pages/desk-page')).DeskPage }) },
        {
          path: 'p/:processId/settings',
          lazy: async () => ({ Component: (await import('../features/settings/pages/settings-page')).SettingsPage }),
        },
        {
          path: 'p/:processId/meetings/new',
          lazy: async () => ({ Component: (await import('../features/console/pages/new-meeting-page')).NewMeetingPage }),
        },
        {
          path: 'm/:meetingId/console',
          lazy: async () => ({ Component: (await import('../features/console/pages/console-page')).ConsolePage }),
        },
        { path: '*', Component: NotFoundPage },
      ],
    },
    {
      // The projector has no header and no controls.
      path: 'meetings/:meetingId/screen',
      errorElement: <RouteError />,
      hydrateFallbackElement: <RouteLoading />,
      lazy: async () => ({ Component: (await import('../features/screen/pages/screen-page')).ScreenPage }),
    },
  ]);
}
