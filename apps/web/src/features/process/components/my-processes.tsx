import { useQuery } from '@apollo/client/react';
import { ROLE_LABELS, can } from '@yoriai/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SectorName } from '../../../components/chips';
import { ErrorMessage, Loading } from '../../../components/status';
import { useLang } from '../../../lib/i18n';
import { MyProcessesQuery } from '../api/process';

/** The processes I belong to, with the doors my role opens. `onEmpty` renders when there are none. */
export function MyProcesses({ empty }: { empty?: ReactNode }) {
  const { t } = useTranslation();
  const { label } = useLang();
  const { data, loading, error } = useQuery(MyProcessesQuery);
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorMessage error={error} />;
  const processes = data?.processes ?? [];
  if (processes.length === 0) return <>{empty}</>;
  return (
    <ul className="list" data-testid="my-processes">
      {processes.map((p) => {
        const role = p.myMembership?.role;
        return (
          <li key={p.id} className="card stack">
            <div>
              <h3>
                <Link to={`/p/${p.id}`}>{p.title}</Link>
              </h3>
              {p.myMembership && (
                <p className="muted small">
                  {label(ROLE_LABELS[p.myMembership.role])} · <SectorName sector={p.myMembership.sector} />
                </p>
              )}
            </div>
            <div className="row">
              <Link className="btn btn--primary" to={`/p/${p.id}`}>
                {t('home.openProcess')}
              </Link>
              {can(role, 'minutes.edit') || can(role, 'actionItem.manage') ? (
                <Link className="btn" to={`/p/${p.id}/desk`}>
                  {t('nav.desk')}
                </Link>
              ) : null}
              {can(role, 'member.manage') && (
                <Link className="btn" to={`/p/${p.id}/settings`}>
                  {t('nav.settings')}
                </Link>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
