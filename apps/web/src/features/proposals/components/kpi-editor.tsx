import { useTranslation } from 'react-i18next';

export interface KpiDraft {
  key: string;
  indicator: string;
  baseline: string;
  target: string;
  deadline: string;
}

let counter = 0;
export function emptyKpi(): KpiDraft {
  counter += 1;
  return { key: `kpi-${counter}`, indicator: '', baseline: '', target: '', deadline: '' };
}

/** Rows with an indicator and a target become KpiInput; blank rows are dropped. */
export function kpiInputs(rows: ReadonlyArray<KpiDraft>) {
  return rows
    .filter((r) => r.indicator.trim() || r.target.trim())
    .map((r) => ({
      indicator: r.indicator.trim(),
      baseline: r.baseline.trim() || null,
      target: r.target.trim(),
      deadline: r.deadline || null,
    }));
}

export function kpiRowsIncomplete(rows: ReadonlyArray<KpiDraft>): boolean {
  return rows.some((r) => (r.indicator.trim() || r.target.trim() || r.baseline.trim() || r.deadline) && (!r.indicator.trim() || !r.target.trim()));
}

/** KPI rows: indicator, baseline, target, deadline — the policy asks every proposal for numbers. */
export function KpiEditor({ rows, onChange }: { rows: KpiDraft[]; onChange: (rows: KpiDraft[]) => void }) {
  const { t } = useTranslation();
  function update(key: string, patch: Partial<KpiDraft>) {
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  }
  return (
    <fieldset className="stack">
      <legend>{t('kpi.title')}</legend>
      <p className="hint muted small">{t('kpi.hint')}</p>
      {rows.map((r, i) => (
        <div key={r.key} className="card stack" role="group" aria-label={t('kpi.rowLabel', { n: i + 1 })}>
          <div className="field">
            <label htmlFor={`${r.key}-indicator`}>{t('kpi.indicator')}</label>
            <input id={`${r.key}-indicator`} className="input" maxLength={200} value={r.indicator} placeholder={t('kpi.indicatorPlaceholder')} onChange={(e) => update(r.key, { indicator: e.target.value })} />
          </div>
          <div className="grid-2">
            <div className="field">
              <label htmlFor={`${r.key}-baseline`}>{t('kpi.baseline')}</label>
              <input id={`${r.key}-baseline`} className="input" maxLength={200} value={r.baseline} placeholder={t('kpi.baselinePlaceholder')} onChange={(e) => update(r.key, { baseline: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${r.key}-target`}>{t('kpi.target')}</label>
              <input id={`${r.key}-target`} className="input" maxLength={200} value={r.target} placeholder={t('kpi.targetPlaceholder')} onChange={(e) => update(r.key, { target: e.target.value })} />
            </div>
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor={`${r.key}-deadline`}>{t('kpi.deadline')}</label>
              <input id={`${r.key}-deadline`} className="input" type="date" value={r.deadline} onChange={(e) => update(r.key, { deadline: e.target.value })} />
            </div>
            <button type="button" className="btn btn--danger" style={{ marginLeft: 'auto', alignSelf: 'flex-end' }} onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
              {t('kpi.remove', { n: i + 1 })}
            </button>
          </div>
        </div>
      ))}
      <p>
        <button type="button" className="btn" onClick={() => onChange([...rows, emptyKpi()])}>
          {t('kpi.add')}
        </button>
      </p>
    </fieldset>
  );
}
