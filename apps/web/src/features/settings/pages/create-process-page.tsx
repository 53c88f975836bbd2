import { useMutation } from '@apollo/client/react';
import { DECISION_RULES, RULE_LABELS, type DecisionRule, type Sector } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageTitle } from '../../../components/page-title';
import { SectorChoice } from '../../../components/sector-choice';
import { ErrorMessage, Loading } from '../../../components/status';
import { useMe } from '../../../hooks/use-me';
import { useLang } from '../../../lib/i18n';
import { CreateProcessMutation } from '../api/settings';

export function CreateProcessPage() {
  const { t } = useTranslation();
  const { lang, label } = useLang();
  const navigate = useNavigate();
  const { me, loading } = useMe();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [rule, setRule] = useState<DecisionRule>('CROSS_SECTOR');
  const [sector, setSector] = useState<Sector | null>('GOVERNMENT');
  const [touched, setTouched] = useState(false);
  const [create, { loading: saving, error }] = useMutation(CreateProcessMutation);

  if (loading) return <main id="main" className="page"><Loading /></main>;
  if (!me || me.kind !== 'ACCOUNT') {
    return (
      <main id="main" className="page page--narrow stack">
        <h1>{t('settings.createTitle')}</h1>
        <p>{t('settings.signInToCreate')}</p>
        <Link className="btn btn--primary" to="/signin?next=/processes/new">
          {t('nav.signIn')}
        </Link>
      </main>
    );
  }

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!title.trim() || !sector) return;
    const res = await create({
      variables: { input: { title: title.trim(), description, defaultRule: rule, sector } },
    }).catch(() => null);
    if (res?.data) await navigate(`/p/${res.data.createProcess.id}/settings`);
  }

  return (
    <main id="main" className="page stack">
      <PageTitle title={t('settings.createTitle')} />
      <h1>{t('settings.createTitle')}</h1>
      <p className="muted">{t('settings.createLead')}</p>
      <form className="stack" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <div className="field">
          <label htmlFor="process-title">{t('settings.processTitle')}</label>
          <input
            id="process-title"
            className="input"
            maxLength={200}
            required
            placeholder={t('settings.processTitlePlaceholder')}
            value={title}
            aria-invalid={touched && !title.trim() ? true : undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="process-description">{t('settings.description')}</label>
          <textarea id="process-description" className="textarea" maxLength={20000} value={description} onChange={(e) => setDescription(e.target.value)} />
          <span className="hint">{t('common.optionalMarkdown')}</span>
        </div>
        <div className="field">
          <label htmlFor="process-rule">{t('settings.defaultRule')}</label>
          <select id="process-rule" className="select" value={rule} onChange={(e) => setRule(e.target.value as DecisionRule)} aria-describedby="process-rule-desc">
            {DECISION_RULES.map((r) => (
              <option key={r} value={r}>
                {label(RULE_LABELS[r])}
              </option>
            ))}
          </select>
          <span id="process-rule-desc" className="hint">
            {lang === 'ja' ? RULE_LABELS[rule].descriptionJa : RULE_LABELS[rule].descriptionEn}
          </span>
        </div>
        <SectorChoice name="creator-sector" legend={t('settings.yourSector')} value={sector} onChange={setSector} />
        <p className="muted small">{t('settings.pillarsNote')}</p>
        {touched && !title.trim() && (
          <p role="alert" className="form-error">
            {t('settings.titleRequired')}
          </p>
        )}
        <ErrorMessage error={error} />
        <button type="submit" className="btn btn--primary btn--big" disabled={saving}>
          {saving ? t('common.working') : t('settings.create')}
        </button>
      </form>
    </main>
  );
}
