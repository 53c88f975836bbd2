import { useMutation } from '@apollo/client/react';
import { ACTION_ITEM_STATUS_LABELS, type ActionItemStatus, type Sector } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SectorName } from '../../../components/chips';
import { SectorSelect } from '../../../components/sector-choice';
import { ErrorMessage } from '../../../components/status';
import { formatIsoDate } from '../../../lib/format';
import { useLang } from '../../../lib/i18n';
import { AddActionItemMutation, RecordDetailQuery, UpdateActionItemMutation } from '../api/desk';

export interface ActionItemView {
  id: string;
  title: string;
  ownerOrganization?: string | null;
  ownerSector?: Sector | null;
  dueDate?: string | null;
  kpi?: string | null;
  status: ActionItemStatus;
}

function ActionItemRow({ item, canManage }: { item: ActionItemView; canManage: boolean }) {
  const { lang } = useLang();
  const [update, { loading, error }] = useMutation(UpdateActionItemMutation, { refetchQueries: [RecordDetailQuery] });
  return (
    <tr>
      <th scope="row">{item.title}</th>
      <td>
        {item.ownerOrganization ?? '—'}
        {item.ownerSector && (
          <div className="small muted">
            <SectorName sector={item.ownerSector} />
          </div>
        )}
      </td>
      <td>{item.dueDate ? formatIsoDate(item.dueDate, lang) : '—'}</td>
      <td>{item.kpi ?? '—'}</td>
      <td>
        {/* Marking done here; every other roadmap change (delays with reasons, progress) is on the roadmap page. */}
        {canManage && item.status !== 'DONE' && item.status !== 'DROPPED' ? (
          <label className="row">
            <input
              type="checkbox"
              style={{ width: '1.3rem', height: '1.3rem' }}
              checked={false}
              disabled={loading}
              onChange={() => void update({ variables: { input: { actionItemId: item.id, status: 'DONE' } } }).catch(() => null)}
            />
            {ACTION_ITEM_STATUS_LABELS[item.status][lang]}
          </label>
        ) : (
          ACTION_ITEM_STATUS_LABELS[item.status][lang]
        )}
        <ErrorMessage error={error} />
      </td>
    </tr>
  );
}

/** Follow-up actions of a decision: owner (organisation and sector), due date, KPI, done. */
export function ActionItems({ recordId, items, canManage }: { recordId: string; items: ReadonlyArray<ActionItemView>; canManage: boolean }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [ownerOrganization, setOwnerOrganization] = useState('');
  const [ownerSector, setOwnerSector] = useState<Sector | ''>('');
  const [dueDate, setDueDate] = useState('');
  const [kpi, setKpi] = useState('');
  const [add, { loading, error }] = useMutation(AddActionItemMutation, { refetchQueries: [RecordDetailQuery] });
  const idBase = `action-${recordId}`;

  async function handleAdd(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) return;
    const res = await add({
      variables: {
        input: { recordId, title: title.trim(), ownerOrganization: ownerOrganization.trim() || null, ownerSector: ownerSector || null, dueDate: dueDate || null, kpi: kpi.trim() || null },
      },
    }).catch(() => null);
    if (res?.data) {
      setTitle('');
      setOwnerOrganization('');
      setOwnerSector('');
      setDueDate('');
      setKpi('');
    }
  }

  return (
    <section className="stack" aria-labelledby={`${idBase}-heading`}>
      <h4 id={`${idBase}-heading`}>{t('desk.actionItems', { count: items.length })}</h4>
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('desk.actionTitle')}</th>
                <th scope="col">{t('desk.owner')}</th>
                <th scope="col">{t('desk.dueDate')}</th>
                <th scope="col">{t('desk.kpi')}</th>
                <th scope="col">{t('desk.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <ActionItemRow key={i.id} item={i} canManage={canManage} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && (
        <details>
          <summary>{t('desk.addAction')}</summary>
          <form className="stack" onSubmit={(e) => void handleAdd(e)}>
            <div className="field">
              <label htmlFor={`${idBase}-title`}>{t('desk.actionTitle')}</label>
              <input id={`${idBase}-title`} className="input" maxLength={200} required value={title} onChange={(e) => setTitle(e.target.value)} />
            </div>
            <div className="grid-2">
              <div className="field">
                <label htmlFor={`${idBase}-org`}>{t('desk.ownerOrganization')}</label>
                <input id={`${idBase}-org`} className="input" maxLength={200} value={ownerOrganization} onChange={(e) => setOwnerOrganization(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor={`${idBase}-sector`}>{t('desk.ownerSector')}</label>
                <SectorSelect id={`${idBase}-sector`} value={ownerSector} onChange={setOwnerSector} allowEmpty />
              </div>
              <div className="field">
                <label htmlFor={`${idBase}-due`}>{t('desk.dueDate')}</label>
                <input id={`${idBase}-due`} className="input" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor={`${idBase}-kpi`}>{t('desk.kpi')}</label>
                <input id={`${idBase}-kpi`} className="input" maxLength={500} value={kpi} onChange={(e) => setKpi(e.target.value)} />
              </div>
            </div>
            <ErrorMessage error={error} />
            <div>
              <button type="submit" className="btn btn--primary" disabled={loading || !title.trim()}>
                {t('desk.addActionButton')}
              </button>
            </div>
          </form>
        </details>
      )}
    </section>
  );
}
