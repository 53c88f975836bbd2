import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/status';
import { AddPillarMutation, ProcessSettingsQuery, RenamePillarMutation, ReorderPillarsMutation } from '../api/settings';

interface PillarRow {
  id: string;
  position: number;
  title: string;
  titleEn?: string | null;
  proposalCount: number;
}

function PillarItem({ pillar, index, count, onMove }: { pillar: PillarRow; index: number; count: number; onMove: (from: number, to: number) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(pillar.title);
  const [titleEn, setTitleEn] = useState(pillar.titleEn ?? '');
  const [rename, { loading, error }] = useMutation(RenamePillarMutation);
  const dirty = title !== pillar.title || titleEn !== (pillar.titleEn ?? '');

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    await rename({ variables: { input: { pillarId: pillar.id, title: title.trim(), titleEn: titleEn.trim() || null } } }).catch(() => null);
  }

  return (
    <li className="card">
      <form className="stack" onSubmit={(e) => void handleSubmit(e)} aria-label={t('settings.pillarN', { n: index + 1 })}>
        <div className="field">
          <label htmlFor={`pillar-${pillar.id}-title`}>{t('settings.pillarTitleN', { n: index + 1 })}</label>
          <input id={`pillar-${pillar.id}-title`} className="input" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`pillar-${pillar.id}-title-en`}>{t('settings.pillarTitleEn')}</label>
          <input id={`pillar-${pillar.id}-title-en`} className="input" maxLength={200} lang="en" value={titleEn} onChange={(e) => setTitleEn(e.target.value)} />
        </div>
        <ErrorMessage error={error} />
        <div className="row">
          <span className="muted small">{t('settings.proposalCount', { count: pillar.proposalCount })}</span>
          <span style={{ marginLeft: 'auto' }} />
          <button type="button" className="btn" disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={t('settings.moveUp', { title: pillar.title })}>
            ↑
          </button>
          <button type="button" className="btn" disabled={index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={t('settings.moveDown', { title: pillar.title })}>
            ↓
          </button>
          <button type="submit" className="btn btn--primary" disabled={!dirty || !title.trim() || loading}>
            {t('settings.rename')}
          </button>
        </div>
      </form>
    </li>
  );
}

export function PillarEditor({ processId, pillars }: { processId: string; pillars: ReadonlyArray<PillarRow> }) {
  const { t } = useTranslation();
  const sorted = [...pillars].sort((a, b) => a.position - b.position);
  const [newTitle, setNewTitle] = useState('');
  const [add, addState] = useMutation(AddPillarMutation, { refetchQueries: [ProcessSettingsQuery] });
  const [reorder, reorderState] = useMutation(ReorderPillarsMutation, { refetchQueries: [ProcessSettingsQuery] });
  const [announcement, setAnnouncement] = useState('');

  async function handleMove(from: number, to: number) {
    const ids = sorted.map((p) => p.id);
    const [moved] = ids.splice(from, 1);
    if (!moved) return;
    ids.splice(to, 0, moved);
    const res = await reorder({ variables: { input: { processId, pillarIds: ids } } }).catch(() => null);
    if (res?.data) setAnnouncement(t('settings.moved', { title: sorted[from]?.title ?? '', n: to + 1 }));
  }

  async function handleAdd(e: FormEvent) {
    e.preventDefault();
    if (!newTitle.trim()) return;
    const res = await add({ variables: { input: { processId, title: newTitle.trim() } } }).catch(() => null);
    if (res?.data) setNewTitle('');
  }

  return (
    <div className="stack">
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ErrorMessage error={reorderState.error} />
      <ol className="list">
        {sorted.map((p, i) => (
          // key includes the title so a rename elsewhere resets the local input
          <PillarItem key={`${p.id}:${p.title}:${p.titleEn ?? ''}`} pillar={p} index={i} count={sorted.length} onMove={(a, b) => void handleMove(a, b)} />
        ))}
      </ol>
      <form className="card stack" onSubmit={(e) => void handleAdd(e)}>
        <div className="field">
          <label htmlFor="pillar-new">{t('settings.addPillar')}</label>
          <input id="pillar-new" className="input" maxLength={200} value={newTitle} onChange={(e) => setNewTitle(e.target.value)} />
        </div>
        <ErrorMessage error={addState.error} />
        <div>
          <button type="submit" className="btn btn--primary" disabled={!newTitle.trim() || addState.loading}>
            {t('settings.addPillarButton')}
          </button>
        </div>
      </form>
    </div>
  );
}
