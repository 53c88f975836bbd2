import type { Sector, Stance } from '@yoriai/domain';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectorBadge, StanceChip } from '../../../components/chips';
import { Markdown } from '../../../components/markdown';
import { Loading } from '../../../components/status';
import { formatDateTime } from '../../../lib/format';
import { useLang } from '../../../lib/i18n';
import { COMMENTS_PAGE, MoreCommentsQuery } from '../api/proposal-page';
import { CommentForm } from './comment-form';

export interface CommentView {
  id: string;
  stance: Stance;
  body?: string | null;
  hidden: boolean;
  hiddenReason?: string | null;
  authorSector: Sector;
  createdAt: string;
  replyCount: number;
  author: { displayName: string; organization?: string | null };
  replies?: ReadonlyArray<CommentView>;
}

const MAX_DEPTH = 3;

function CommentItem({ comment, depth, proposalId, canReply }: { comment: CommentView; depth: number; proposalId: string; canReply: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [replying, setReplying] = useState(false);
  const replies = comment.replies ?? [];
  const unseen = comment.replyCount - replies.length;
  return (
    <li className={`comment comment--${comment.stance}${comment.hidden ? ' comment--hidden' : ''}`} data-testid="comment">
      <div className="meta">
        <StanceChip stance={comment.stance} />
        <SectorBadge sector={comment.authorSector} />
        <strong>{comment.author.displayName}</strong>
        {comment.author.organization && <span>{comment.author.organization}</span>}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, lang)}</time>
      </div>
      <div className="body">
        {comment.hidden ? (
          <p>{t('comments.hidden', { reason: comment.hiddenReason ?? '' })}</p>
        ) : (
          <Markdown>{comment.body ?? ''}</Markdown>
        )}
        {comment.hidden && comment.body && (
          <details>
            <summary>{t('comments.showHidden')}</summary>
            <Markdown>{comment.body}</Markdown>
          </details>
        )}
      </div>
      <div className="row">
        {canReply && depth < MAX_DEPTH && !comment.hidden && (
          <button type="button" className="btn btn--quiet" aria-expanded={replying} onClick={() => setReplying((r) => !r)}>
            {t('comments.reply')}
          </button>
        )}
      </div>
      {replying && <CommentForm proposalId={proposalId} parentId={comment.id} autoFocus onDone={() => setReplying(false)} />}
      {replies.length > 0 && (
        <ul className="replies stack" aria-label={t('comments.repliesTo', { name: comment.author.displayName })}>
          {replies.map((r) => (
            <CommentItem key={r.id} comment={r} depth={depth + 1} proposalId={proposalId} canReply={canReply} />
          ))}
        </ul>
      )}
      {unseen > 0 && <p className="muted small">{t('comments.moreReplies', { count: unseen })}</p>}
    </li>
  );
}

/** The next page of top-level comments, and a button for the one after it. */
function MoreComments({ proposalId, offset, canReply }: { proposalId: string; offset: number; canReply: boolean }) {
  const { data, loading } = useQuery(MoreCommentsQuery, { variables: { id: proposalId, offset } });
  const comments = data?.proposal?.comments ?? [];
  if (loading && !data) return <Loading />;
  return <CommentPage comments={comments} proposalId={proposalId} canReply={canReply} offset={offset} />;
}

function CommentPage({ comments, proposalId, canReply, offset }: { comments: ReadonlyArray<CommentView>; proposalId: string; canReply: boolean; offset: number }) {
  const { t } = useTranslation();
  const [more, setMore] = useState(false);
  return (
    <>
      {comments.map((c) => (
        <CommentItem key={c.id} comment={c} depth={1} proposalId={proposalId} canReply={canReply} />
      ))}
      {comments.length === COMMENTS_PAGE &&
        (more ? (
          <MoreComments proposalId={proposalId} offset={offset + COMMENTS_PAGE} canReply={canReply} />
        ) : (
          <li>
            <button type="button" className="btn" onClick={() => setMore(true)}>
              {t('comments.showMore')}
            </button>
          </li>
        ))}
    </>
  );
}

/** Threaded comments with stance chips; hidden comments keep their place with the reason. */
export function CommentThread({ comments, proposalId, canReply }: { comments: ReadonlyArray<CommentView>; proposalId: string; canReply: boolean }) {
  const { t } = useTranslation();
  if (comments.length === 0) return <p className="muted">{t('comments.none')}</p>;
  return (
    <ul className="list" data-testid="comment-thread">
      <CommentPage comments={comments} proposalId={proposalId} canReply={canReply} offset={0} />
    </ul>
  );
}
