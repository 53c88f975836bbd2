import { useMutation } from '@apollo/client/react';
import { todayInJapan } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/status';
import { RecordMeasurementMutation, type ProgressKpi } from '../api/delivery';

/** Enter a dated value; a second value for a date already measured is a correction (the old one stays in the history). */
export function MeasurementForm({ kpi, onChanged }: { kpi: ProgressKpi; onChanged: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [measuredAt, setMeasuredAt] = useState(todayInJapan());
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const [record, { loading, error }] = useMutation(RecordMeasurementMutation);

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    const res = await record({ variables: { input: { kpiId: kpi.id, value: Number(value), measuredAt, source: source.trim() || null, note: note.trim() || null } } }).catch(() => null);
    if (res?.data) {
      setValue('');
      setNote('');
      onChanged();
    }
  }

  const corrects = kpi.measurements.some((m) => m.measuredAt === measuredAt);
  return (
    <details className="item-controls">
      <summary className="small">{t('delivery.measure')}</summary>
      <form className="row wrap" onSubmit={(e) => void handleSubmit(e)}>
        <label className="small">
          {t('delivery.value')}
          {kpi.unit ? `（${kpi.unit}）` : ''}
          <input className="input" type="number" step="any" required value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <label className="small">
          {t('delivery.measuredAt')}
          <input className="input" type="date" required max={todayInJapan()} value={measuredAt} onChange={(e) => setMeasuredAt(e.target.value)} />
        </label>
        <label className="small grow">
          {t('delivery.source')}
          <input className="input" maxLength={500} value={source} onChange={(e) => setSource(e.target.value)} />
        </label>
        <label className="small grow">
          {t('delivery.note')}
          <input className="input" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button className="btn btn--primary" type="submit" disabled={loading}>
          {corrects ? t('delivery.correct') : t('delivery.save')}
        </button>
      </form>
      {corrects && <p className="small muted">{t('delivery.correctionNote')}</p>}
      <ErrorMessage error={error} />
    </details>
  );
}
