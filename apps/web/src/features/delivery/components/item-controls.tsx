import { useMutation } from '@apollo/client/react';
import { ACTION_ITEM_STATUS_LABELS, ACTION_ITEM_TRANSITIONS, reasonRequired, type ActionItemStatus } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/status';
import { useLang } from '../../../lib/i18n';
import { MoveItemMutation, type ProgressItem } from '../api/delivery';

/** Move one milestone: status (only the allowed next ones), progress, and the reason the rules ask for. */
export function ItemControls({ item, onChanged }: { item: ProgressItem; onChanged: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [status, setStatus] = useState<ActionItemStatus>(item.status);
  const [progress, setProgress] = useState(String(item.progress));
  const [reason, setReason] = useState('');
  const [move, { loading, error }] = useMutation(MoveItemMutation);
  const options = [item.status, ...ACTION_ITEM_TRANSITIONS[item.status]];
  const needsReason = status !== item.status && reasonRequired(item.status, status);
  if (item.status === 'DROPPED') return null;

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    const input = {
      actionItemId: item.id,
      ...(status !== item.status ? { status } : {}),
      ...(status !== 'DONE' && Number(progress) !== item.progress ? { progress: Number(progress) } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    const res = await move({ variables: { input } }).catch(() => null);
    if (res?.data) {
      setReason('');
      onChanged();
    }
  }

  return (
    <details className="item-controls">
      <summary className="small">{t('delivery.update')}</summary>
      <form className="row wrap" onSubmit={(e) => void handleSubmit(e)}>
        <label className="small">
          {t('delivery.status')}
          <select className="input" value={status} onChange={(e) => setStatus(e.target.value as ActionItemStatus)}>
            {options.map((s) => (
              <option key={s} value={s}>
                {ACTION_ITEM_STATUS_LABELS[s][lang]}
              </option>
            ))}
          </select>
        </label>
        <label className="small">
          {t('delivery.progress')}
          <input className="input" type="number" min={0} max={100} step={5} value={status === 'DONE' ? '100' : progress} disabled={status === 'DONE'} onChange={(e) => setProgress(e.target.value)} />
        </label>
        <label className="small grow">
          {t('delivery.reason')}
          {needsReason ? ` (${t('delivery.required')})` : ''}
          <input className="input" maxLength={2000} required={needsReason} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button className="btn btn--primary" type="submit" disabled={loading}>
          {t('delivery.save')}
        </button>
      </form>
      <ErrorMessage error={error} />
    </details>
  );
}
