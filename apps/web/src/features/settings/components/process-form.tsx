import { useMutation } from '@apollo/client/react';
import { BALLOTS, BALLOT_LABELS, DECISION_RULES, RULE_LABELS, type Ballot, type DecisionRule } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/status';
import { useLang } from '../../../lib/i18n';
import { UpdateProcessMutation } from '../api/settings';

interface ProcessBasics {
  id: string;
  title: string;
  description: string;
  defaultRule: DecisionRule;
  defaultBallot: Ballot;
  dissentNamed: boolean;
}

export function ProcessForm({ process }: { process: ProcessBasics }) {
  const { t } = useTranslation();
  const { label, lang } = useLang();
  const [title, setTitle] = useState(process.title);
  const [description, setDescription] = useState(process.description);
  const [rule, setRule] = useState(process.defaultRule);
  const [ballot, setBallot] = useState(process.defaultBallot);
  const [dissentNamed, setDissentNamed] = useState(process.dissentNamed);
  const [saved, setSaved] = useState(false);
  const [update, { loading, error }] = useMutation(UpdateProcessMutation);

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const res = await update({
      variables: { input: { processId: process.id, title: title.trim(), description, defaultRule: rule, defaultBallot: ballot, dissentNamed } },
    }).catch(() => null);
    if (res?.data) setSaved(true);
  }

  return (
    <form className="stack" onSubmit={(e) => void handleSubmit(e)}>
      <div className="field">
        <label htmlFor="settings-title">{t('settings.processTitle')}</label>
        <input id="settings-title" className="input" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="settings-description">{t('settings.description')}</label>
        <textarea id="settings-description" className="textarea" maxLength={20000} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="settings-rule">{t('settings.defaultRule')}</label>
          <select id="settings-rule" className="select" value={rule} onChange={(e) => setRule(e.target.value as DecisionRule)} aria-describedby="settings-rule-desc">
            {DECISION_RULES.map((r) => (
              <option key={r} value={r}>
                {label(RULE_LABELS[r])}
              </option>
            ))}
          </select>
          <span id="settings-rule-desc" className="hint">
            {lang === 'ja' ? RULE_LABELS[rule].descriptionJa : RULE_LABELS[rule].descriptionEn}
          </span>
        </div>
        <div className="field">
          <label htmlFor="settings-ballot">{t('settings.defaultBallot')}</label>
          <select id="settings-ballot" className="select" value={ballot} onChange={(e) => setBallot(e.target.value as Ballot)}>
            {BALLOTS.map((b) => (
              <option key={b} value={b}>
                {label(BALLOT_LABELS[b])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label className="row">
        <input type="checkbox" checked={dissentNamed} onChange={(e) => setDissentNamed(e.target.checked)} style={{ width: '1.4rem', height: '1.4rem' }} />
        {t('settings.dissentNamed')}
      </label>
      <ErrorMessage error={error} />
      {saved && (
        <p role="status" className="notice">
          {t('common.saved')}
        </p>
      )}
      <div>
        <button type="submit" className="btn btn--primary" disabled={loading}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
