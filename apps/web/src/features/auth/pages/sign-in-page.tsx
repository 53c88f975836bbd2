import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../../components/page-title';
import { ErrorMessage } from '../../../components/status';
import { SignInMutation } from '../api/auth';
import { useAfterSignIn } from '../hooks/use-after-sign-in';

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [signIn, { loading, error }] = useMutation(SignInMutation);
  const afterSignIn = useAfterSignIn();

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    const res = await signIn({ variables: { email: email.trim(), password } }).catch(() => null);
    if (res?.data) await afterSignIn();
  }

  const next = params.get('next');
  return (
    <main id="main" className="page page--narrow stack">
      <PageTitle title={t('auth.signInTitle')} />
      <h1>{t('auth.signInTitle')}</h1>
      <p className="muted">{t('auth.signInLead')}</p>
      <form className="stack" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <div className="field">
          <label htmlFor="signin-email">{t('auth.email')}</label>
          <input id="signin-email" className="input" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="signin-password">{t('auth.password')}</label>
          <input
            id="signin-password"
            className="input"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <ErrorMessage error={error} />
        <button type="submit" className="btn btn--primary btn--big btn--block" disabled={loading || !email || !password}>
          {loading ? t('common.working') : t('auth.signIn')}
        </button>
      </form>
      <p>
        {t('auth.noAccount')} <Link to={next ? `/signup?next=${encodeURIComponent(next)}` : '/signup'}>{t('auth.signUpLink')}</Link>
      </p>
      <p className="muted small">{t('auth.guestHint')} <Link to="/join">{t('nav.join')}</Link></p>
    </main>
  );
}
