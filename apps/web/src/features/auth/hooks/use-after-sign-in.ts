import { useApolloClient } from '@apollo/client/react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { sessionChanged } from '../../../lib/session';

/** Only same-site paths are followed after sign-in (no open redirect through ?next=). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Keeps the new session, drops everything cached for the previous identity, goes on. */
export function useAfterSignIn() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return async () => {
    // The API set the httpOnly session cookie; the app keeps no token.
    sessionChanged('signed-in');
    await client.resetStore();
    await navigate(safeNext(params.get('next')), { replace: true });
  };
}
