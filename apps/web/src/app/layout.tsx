import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { graphql } from '../gql';
import { useMe } from '../hooks/use-me';
import { useEffect } from 'react';
import { onSessionChange, sessionChanged } from '../lib/session';
import { LanguageSwitch } from './language-switch';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export function Layout() {
  const { t } = useTranslation();
  const { me } = useMe();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOut] = useMutation(SignOutMutation);

  // The server ended this session (signed out on another device, removed from the process): forget
  // everything cached for it and show the public pages.
  useEffect(
    () =>
      onSessionChange((reason) => {
        if (reason !== 'ended') return;
        void client.clearStore().then(() => navigate('/signin?ended=1'));
      }),
    [client, navigate],
  );

  async function handleSignOut() {
    try {
      await signOut();
    } finally {
      // Forget the identity even if the request failed (the server ends the session and clears the cookie).
      sessionChanged('signed-out');
      await client.clearStore();
      await navigate('/');
      await client.refetchQueries({ include: 'active' });
    }
  }

  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          <span lang="ja">寄合</span> <small>Yoriai</small>
        </Link>
        <nav aria-label={t('nav.label')}>
          <NavLink to="/join" className="btn btn--quiet">
            {t('nav.join')}
          </NavLink>
          {me ? (
            <>
              <span className="muted small" data-testid="signed-in-as">
                {t('nav.signedInAs', { name: me.displayName })}
              </span>
              <button type="button" className="btn btn--quiet" onClick={() => void handleSignOut()}>
                {me.kind === 'GUEST' ? t('nav.leave') : t('nav.signOut')}
              </button>
            </>
          ) : (
            <NavLink to="/signin" className="btn btn--quiet">
              {t('nav.signIn')}
            </NavLink>
          )}
          <LanguageSwitch />
        </nav>
      </header>
      <Outlet />
    </div>
  );
}
