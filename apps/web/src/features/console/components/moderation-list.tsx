import { useMutation } from '@apollo/client/react';
import type { Sector, Stance } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SectorBadge, StanceChip } from '../../../components/chips';
import { ErrorMessage } from '../../../components/status';
import { ConsoleProposalQuery, HideCommentMutation } from '../api/console';

export interface ModeratedComment {
  id: string;
  stance: Stance;
  body?: string | null;
  hidden: boolean;
  hiddenReason?: string | null;
  authorSector: Sector;
  createdAt: string;
  author: { displayName: string };
}

function HideForm({ commentId, onDone }: { commentId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [hide, { loading, error }] = useMutation(HideCommentMutation, { refetchQueries: [ConsoleProposalQuery] });
  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) return;
    const res = await hide({ variables: { commentId, reason: reason.trim() } }).catch(() => null);
    if (res?.data) onDone();
  }
  return (
    <form className="stack" onSubmit={(e) => void handleSubmit(e)}>
      <div className="field">
        <label htmlFor={`hide-${commentId}`}>{t('console.hideReason')}</label>
        <input id={`hide-${commentId}`} className="input" maxLength={500} required value={reason} onChange={(e) => setReason(e.target.value)} />
        <span className="hint">{t('console.hideHint')}</span>
      </div>
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit" className="btn btn--danger" disabled={!reason.trim() || loading}>
          {t('console.hide')}
        </button>
        <button type="button" className="btn btn--quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Latest comments first, each with "hide with a reason" (never a silent delete). */
export function ModerationList({ comments }: { comments: ReadonlyArray<ModeratedComment> }) {
  const { t } = useTranslation();
  const [hiding, setHiding] = useState<string | null>(null);
  const sorted = [...comments].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (sorted.length === 0) return <p className="muted">{t('comments.none')}</p>;
  return (
    <ul className="list">
      {sorted.map((c) => (
        <li key={c.id} className={`comment comment--${c.stance}${c.hidden ? ' comment--hidden' : ''}`}>
          <div className="meta">
            <StanceChip stance={c.stance} />
            <SectorBadge sector={c.authorSector} />
            <strong>{c.author.displayName}</strong>
          </div>
          <p className="body">{c.hidden ? t('comments.hidden', { reason: c.hiddenReason ?? '' }) : c.body}</p>
          {!c.hidden &&
            (hiding === c.id ? (
              <HideForm commentId={c.id} onDone={() => setHiding(null)} />
            ) : (
              <button type="button" className="btn btn--quiet" onClick={() => setHiding(c.id)}>
                {t('console.hideEllipsis')}
              </button>
            ))}
        </li>
      ))}
    </ul>
  );
}
