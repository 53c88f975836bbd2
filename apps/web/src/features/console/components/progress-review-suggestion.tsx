import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';

export const ProgressReviewQuery = graphql(`
  query ProgressReview($processId: ID!) {
    progressReview(processId: $processId) {
      title
      since
      proposalIds
      plannedMinutes
      newMeasurements
      lateItems {
        id
        title
      }
      changedItems {
        id
        title
      }
    }
  }
`);

export interface ReviewItem {
  title: string;
  proposalIds: string[];
  plannedMinutes: number;
}

/**
 * PDCA: proposes 「前回からの進捗確認」 as the first agenda item, with the decisions whose milestones
 * are late or changed since the last meeting (progressReview). Shown only when there is something to review.
 */
export function ProgressReviewSuggestion({ processId, onAdd, added }: { processId: string; onAdd: (item: ReviewItem) => void; added: boolean }) {
  const { t } = useTranslation();
  const { data } = useQuery(ProgressReviewQuery, { variables: { processId } });
  const review = data?.progressReview;
  if (!review || (!review.lateItems.length && !review.changedItems.length && !review.newMeasurements)) return null;
  return (
    <div className="notice stack" data-testid="progress-review">
      <p>
        <strong>{review.title}</strong> — {t('meeting.reviewSummary', { late: review.lateItems.length, changed: review.changedItems.length, measured: review.newMeasurements })}
      </p>
      {review.lateItems.length > 0 && <p className="small">{review.lateItems.map((i) => i.title).join(t('common.listSeparator'))}</p>}
      <div>
        <button type="button" className="btn" disabled={added} onClick={() => onAdd({ title: review.title, proposalIds: review.proposalIds, plannedMinutes: review.plannedMinutes })}>
          {t('meeting.addReview')}
        </button>
      </div>
    </div>
  );
}
