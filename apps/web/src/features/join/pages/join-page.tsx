import { JOIN_CODE_LENGTH, normalizeJoinCode } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageTitle } from '../../../components/page-title';

/** Typing the code off the projector: accepts lower case, 全角 and dashes (normalizeJoinCode). */
export function JoinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    const normalized = normalizeJoinCode(code);
    if (!normalized) {
      setInvalid(true);
      return;
    }
    void navigate(`/j/${normalized}`);
  }

  return (
    <main id="main" className="page page--narrow stack">
      <PageTitle title={t('join.title')} />
      <h1>{t('join.title')}</h1>
      <p className="muted">{t('join.lead')}</p>
      <form className="stack" onSubmit={handleSubmit} noValidate>
        <div className="field">
          <label htmlFor="join-code">{t('join.codeLabel')}</label>
          <input
            id="join-code"
            className="input join-code join-code-input"
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            inputMode="text"
            enterKeyHint="go"
            maxLength={20}
            placeholder="ABC 234"
            value={code}
            aria-invalid={invalid || undefined}
            aria-describedby="join-code-hint"
            onChange={(e) => {
              setCode(e.target.value);
              setInvalid(false);
            }}
          />
          <span id="join-code-hint" className={invalid ? 'error' : 'hint'} role={invalid ? 'alert' : undefined}>
            {invalid ? t('join.codeInvalid', { n: JOIN_CODE_LENGTH }) : t('join.codeHint', { n: JOIN_CODE_LENGTH })}
          </span>
        </div>
        <button type="submit" className="btn btn--primary btn--big btn--block">
          {t('join.next')}
        </button>
      </form>
    </main>
  );
}
