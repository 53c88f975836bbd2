import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../../components/page-title';
import { ErrorMessage } from '../../../components/status';
import { currentLang } from '../../../lib/i18n';
import { SignUpMutation } from '../api/auth';
import { useAfterSignIn } from '../hooks/use-after-sign-in';

const MIN_PASSWORD = 10;

export function SignUpPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [displayName, setDisplayName] = useState('');
  const [organization, setOrganization] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [signUp, { loading, error }] = useMutation(SignUpMutation);
  const afterSignIn = useAfterSignIn();
  const passwordTooShort = password.length > 0 && password.length < MIN_PASSWORD;

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!displayName.trim() || !email.trim() || password.length < MIN_PASSWORD) return;
    const res = await signUp({
      variables: {
        input: {
          displayName: displayName.trim(),
          email: email.trim(),
          password,
          organization: organization.trim() || null,
          locale: currentLang(),
        },
      },
    }).catch(() => null);
    if (res?.data) await afterSignIn();
  }

  const next = params.get('next');
  return (
    <main id="main" className="page page--narrow stack">
      <PageTitle title={t('auth.signUpTitle')} />
      <h1>{t('auth.signUpTitle')}</h1>
      <p className="muted">{t('auth.signUpLead')}</p>
      <form className="stack" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <div className="field">
          <label htmlFor="signup-name">{t('auth.displayName')}</label>
          <input
            id="signup-name"
            className="input"
            autoComplete="name"
            required
            maxLength={100}
            value={displayName}
            aria-invalid={touched && !displayName.trim() ? true : undefined}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="signup-org">{t('auth.organization')}</label>
          <input id="signup-org" className="input" autoComplete="organization" maxLength={200} value={organization} onChange={(e) => setOrganization(e.target.value)} />
          <span className="hint">{t('common.optional')}</span>
        </div>
        <div className="field">
          <label htmlFor="signup-email">{t('auth.email')}</label>
          <input
            id="signup-email"
            className="input"
            type="email"
            autoComplete="email"
            required
            value={email}
            aria-invalid={touched && !email.trim() ? true : undefined}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="signup-password">{t('auth.password')}</label>
          <input
            id="signup-password"
            className="input"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            value={password}
            aria-invalid={passwordTooShort || undefined}
            aria-describedby="signup-password-hint"
            onChange={(e) => setPassword(e.target.value)}
          />
          <span id="signup-password-hint" className={passwordTooShort ? 'error' : 'hint'}>
            {t('auth.passwordHint', { min: MIN_PASSWORD })}
          </span>
        </div>
        {touched && (!displayName.trim() || !email.trim()) && (
          <p role="alert" className="form-error">
            {t('auth.fillRequired')}
          </p>
        )}
        <ErrorMessage error={error} />
        <button type="submit" className="btn btn--primary btn--big btn--block" disabled={loading}>
          {loading ? t('common.working') : t('auth.signUp')}
        </button>
      </form>
      <p>
        {t('auth.haveAccount')} <Link to={next ? `/signin?next=${encodeURIComponent(next)}` : '/signin'}>{t('auth.signInLink')}</Link>
      </p>
    </main>
  );
}
