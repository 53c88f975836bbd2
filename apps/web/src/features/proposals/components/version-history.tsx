import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/status';
import { formatDateTime } from '../../../lib/format';
import { useLang } from '../../../lib/i18n';
import { VersionDiffQuery } from '../api/proposal-page';

interface VersionRow {
  version: number;
  title: string;
  note?: string | null;
  createdAt: string;
}

interface Part {
  value: string;
  added: boolean;
  removed: boolean;
}

function DiffParts({ parts, block }: { parts: ReadonlyArray<Part>; block?: boolean }) {
  const { t } = useTranslation();
  const Wrapper = block ? 'pre' : 'span';
  return (
    <Wrapper>
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} aria-label={t('versions.added')}>
            {p.value}
          </ins>
        ) : p.removed ? (
          <del key={i} aria-label={t('versions.removed')}>
            {p.value}
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </Wrapper>
  );
}

function DiffView({ proposalId, from, to }: { proposalId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(VersionDiffQuery, { variables: { id: proposalId, from, to } });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  const diff = data?.proposal?.diff;
  if (!diff) return null;
  return (
    <div className="diff stack card" data-testid="version-diff">
      <h4>{t('versions.comparing', { from, to })}</h4>
      <p>
        <strong>{t('proposal.title')}: </strong>
        <DiffParts parts={diff.title} />
      </p>
      <DiffParts parts={diff.body} block />
      {diff.kpisChanged && <p className="muted">{t('versions.kpisChanged')}</p>}
    </div>
  );
}

/** Every kept version, and what an amendment changed (title by character, body by line). */
export function VersionHistory({ proposalId, versions }: { proposalId: string; versions: ReadonlyArray<VersionRow> }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const latest = versions.length ? Math.max(...versions.map((v) => v.version)) : 1;
  const [compare, setCompare] = useState<number | null>(null);
  if (versions.length <= 1) return <p className="muted">{t('versions.onlyOne')}</p>;
  return (
    <div className="stack">
      <ol className="list">
        {[...versions]
          .sort((a, b) => b.version - a.version)
          .map((v) => (
            <li key={v.version} className="row">
              <strong>{t('proposal.versionN', { n: v.version })}</strong>
              <time dateTime={v.createdAt} className="muted small">
                {formatDateTime(v.createdAt, lang)}
              </time>
              {v.note && <span className="small">— {v.note}</span>}
              {v.version < latest && (
                <button type="button" className="btn btn--quiet" aria-pressed={compare === v.version} onClick={() => setCompare(compare === v.version ? null : v.version)}>
                  {t('versions.compareWithLatest', { n: v.version })}
                </button>
              )}
            </li>
          ))}
      </ol>
      {compare !== null && <DiffView proposalId={proposalId} from={compare} to={latest} />}
    </div>
  );
}
