import { useMutation } from '@apollo/client/react';
import { SECTOR_LABELS, type Sector } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/status';
import { useLang } from '../../../lib/i18n';
import { RepresentationQuery, SetRepresentationTargetsMutation } from '../api/analytics';

/** Targets as percentages (the API takes relative weights and normalises them to 100%). */
const asPercent = (x: number) => String(Math.round(x * 1000) / 10);

/** The organiser's targets per sector (setRepresentationTargets), with a way back to the default. */
export function TargetEditor({ processId, rows }: { processId: string; rows: ReadonlyArray<{ sector: Sector; target: number }> }) {
  const { t } = useTranslation();
  const { label } = useLang();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(rows.map((r) => [r.sector, asPercent(r.target)])));
  const [saved, setSaved] = useState(false);
  const [save, state] = useMutation(SetRepresentationTargetsMutation, { refetchQueries: [RepresentationQuery], awaitRefetchQueries: true });

  async function submit(targets: { sector: Sector; weight: number }[]) {
    setSaved(false);
    const res = await save({ variables: { input: { processId, targets } } }).catch(() => null);
    if (res?.data) {
      setValues(Object.fromEntries(res.data.setRepresentationTargets.map((r) => [r.sector, asPercent(r.target)])));
      setSaved(true);
    }
  }

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    void submit(rows.map((r) => ({ sector: r.sector, weight: Math.max(0, Number(values[r.sector] ?? 0) || 0) })));
  }

  return (
    <details className="card target-editor">
      <summary>
        <strong>{t('analytics.targets.title')}</strong>
      </summary>
      <form className="stack" onSubmit={handleSubmit} aria-label={t('analytics.targets.title')}>
        <p className="muted small">{t('analytics.targets.hint')}</p>
        <div className="target-grid">
          {rows.map((r) => (
            <div key={r.sector} className="field">
              <label htmlFor={`target-${r.sector}`}>{label(SECTOR_LABELS[r.sector])}</label>
              <input
                id={`target-${r.sector}`}
                className="input"
                type="number"
                inputMode="decimal"
                min={0}
                max={1000}
                step="any"
                value={values[r.sector] ?? ''}
                onChange={(e) => setValues((v) => ({ ...v, [r.sector]: e.target.value }))}
              />
            </div>
          ))}
        </div>
        <div className="row">
          <button type="submit" className="btn btn--primary" disabled={state.loading}>
            {t('analytics.targets.save')}
          </button>
          <button type="button" className="btn" disabled={state.loading} onClick={() => void submit([])}>
            {t('analytics.targets.reset')}
          </button>
        </div>
        <ErrorMessage error={state.error} />
        {saved && (
          <p className="notice" role="status">
            {t('analytics.targets.saved')}
          </p>
        )}
      </form>
    </details>
  );
}
