import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/status';
import { ConsoleMeetingQuery, SetCurrentItemMutation } from '../api/console';

interface Item {
  id: string;
  position: number;
  title: string;
  plannedMinutes?: number | null;
  proposalIds: ReadonlyArray<string>;
}

export function AgendaPanel({ meetingId, items, currentItemId, live }: { meetingId: string; items: ReadonlyArray<Item>; currentItemId?: string | null; live: boolean }) {
  const { t } = useTranslation();
  const [setCurrent, { loading, error }] = useMutation(SetCurrentItemMutation, { refetchQueries: [ConsoleMeetingQuery] });
  return (
    <section className="card stack" aria-labelledby="console-agenda">
      <h2 id="console-agenda">{t('console.agenda')}</h2>
      {items.length === 0 && <p className="muted">{t('console.noAgenda')}</p>}
      <ol className="list agenda">
        {[...items]
          .sort((a, b) => a.position - b.position)
          .map((item) => {
            const current = item.id === currentItemId;
            return (
              <li key={item.id} className={`agenda-item${current ? ' agenda-item--current' : ''}`} aria-current={current ? 'step' : undefined}>
                <div>
                  <strong>
                    {item.position}. {item.title}
                  </strong>
                  <div className="muted small">
                    {item.plannedMinutes ? t('console.plannedMinutes', { n: item.plannedMinutes }) : ''}
                    {item.proposalIds.length > 0 ? ` · ${t('console.proposalCount', { count: item.proposalIds.length })}` : ''}
                  </div>
                </div>
                {current ? (
                  <span className="chip chip--VOTING">{t('console.current')}</span>
                ) : (
                  live && (
                    <button type="button" className="btn" disabled={loading} onClick={() => void setCurrent({ variables: { meetingId, itemId: item.id } }).catch(() => null)}>
                      {t('console.makeCurrent')}
                    </button>
                  )
                )}
              </li>
            );
          })}
      </ol>
      <ErrorMessage error={error} />
    </section>
  );
}
