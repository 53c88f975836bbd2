import { useMutation } from '@apollo/client/react';
import { STANCES, STANCE_LABELS, type Stance } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/status';
import { pendingRequest, requestAnswered, unansweredContent } from '../../../lib/ids';
import { useLang } from '../../../lib/i18n';
import { AddCommentMutation, MoreCommentsQuery, ProposalPageQuery } from '../api/proposal-page';

const BODY_MAX = 5000;

/** A comment or a reply, with a stance (賛同・懸念・質問・中立). */
export function CommentForm({ proposalId, parentId, onDone, autoFocus }: { proposalId: string; parentId?: string; onDone?: () => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const { label } = useLang();
  const idBase = parentId ? `reply-${parentId}` : 'comment-new';
  const scope = `comment:${proposalId}:${parentId ?? ''}`;
  // A comment sent but never answered (a lost answer, then a reload) comes back as it was sent.
  const [unanswered] = useState(() => unansweredContent<{ stance: Stance; body: string }>(scope));
  const [stance, setStance] = useState<Stance>(unanswered?.stance ?? (parentId ? 'NEUTRAL' : 'SUPPORT'));
  const [body, setBody] = useState(unanswered?.body ?? '');
  const [add, { loading, error }] = useMutation(AddCommentMutation, { refetchQueries: [ProposalPageQuery, MoreCommentsQuery] });

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) return;
    // The same text again (a retry) keeps its id; edited text is a new request.
    const clientRequestId = pendingRequest(scope, { stance, body: body.trim() });
    const res = await add({ variables: { input: { proposalId, parentId: parentId ?? null, stance, body: body.trim(), clientRequestId } } }).catch(() => null);
    if (res?.data) {
      setBody('');
      requestAnswered(scope); // the next comment is a new request
      onDone?.();
    }
  }

  return (
    <form className="stack card" onSubmit={(e) => void handleSubmit(e)} aria-label={parentId ? t('comments.replyForm') : t('comments.newForm')}>
      <fieldset>
        <legend>{t('comments.stance')}</legend>
        <div className="row" role="radiogroup">
          {STANCES.map((s) => (
            <label key={s} className={`chip-radio chip--${s}`}>
              <input type="radio" name={`${idBase}-stance`} value={s} checked={stance === s} onChange={() => setStance(s)} />
              {label(STANCE_LABELS[s])}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${idBase}-body`}>{parentId ? t('comments.replyBody') : t('comments.body')}</label>
        <textarea
          id={`${idBase}-body`}
          className="textarea"
          rows={4}
          maxLength={BODY_MAX}
          value={body}
          autoFocus={autoFocus}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit" className="btn btn--primary" disabled={loading || !body.trim()}>
          {parentId ? t('comments.sendReply') : t('comments.send')}
        </button>
        {onDone && parentId && (
          <button type="button" className="btn btn--quiet" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
