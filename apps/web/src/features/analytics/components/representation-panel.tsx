import { useQuery } from '@apollo/client/react';
import { SECTOR_LABELS, formatPercent, type Sector } from '@yoriai/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import { SectorName } from '../../../components/chips';
import { ErrorMessage, Loading } from '../../../components/status';
import { useLang } from '../../../lib/i18n';
import { RepresentationQuery } from '../api/analytics';
import { TargetEditor } from './target-editor';

export interface ShareRow {
  sector: Sector;
  count: number;
  share: number;
  target: number;
  underRepresented: boolean;
}

type Basis = 'members' | 'voters';

/** A clear warning naming the sectors below half their target (also used for the whole page's summary). */
export function UnderRepresentedWarning({ rows }: { rows: ReadonlyArray<ShareRow> }) {
  const { t } = useTranslation();
  const { label } = useLang();
  const under = rows.filter((r) => r.underRepresented);
  if (under.length === 0) return <p className="notice">{t('analytics.representation.ok')}</p>;
  return (
    <p className="notice notice--warn" role="status" data-testid="under-represented">
      <strong>{t('analytics.representation.warning')}</strong> {under.map((r) => label(SECTOR_LABELS[r.sector])).join(t('common.listSeparator'))}
    </p>
  );
}

/** Who is in the process against the organiser's targets; organisers can change the targets here. */
export function RepresentationPanel({ processId, canEdit }: { processId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const name = useId();
  const [basis, setBasis] = useState<Basis>('members');
  const { data, loading, error } = useQuery(RepresentationQuery, { variables: { id: processId } });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorMessage error={error} />;
  const process = data?.process;
  if (!process) return null;
  const rows = basis === 'members' ? process.members : process.voters;
  const total = rows.reduce((n, r) => n + r.count, 0);
  const chart = rows.map((r) => ({ name: SECTOR_LABELS[r.sector].short, share: r.share, target: r.target }));

  return (
    <div className="stack">
      <fieldset className="chip-radios">
        <legend className="small">{t('analytics.representation.basis')}</legend>
        {(['members', 'voters'] as const).map((b) => (
          <label key={b} className="chip-radio">
            <input type="radio" name={name} value={b} checked={basis === b} onChange={() => setBasis(b)} />
            {t(`analytics.representation.${b}`)}
          </label>
        ))}
      </fieldset>
      {total === 0 ? (
        <p className="muted">{t('analytics.representation.nobody')}</p>
      ) : (
        <>
          <UnderRepresentedWarning rows={rows} />
          <div aria-hidden="true">
            <BarChart responsive style={{ width: '100%', height: 240 }} data={chart} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
              <CartesianGrid vertical={false} stroke="#d4d8e0" />
              <XAxis dataKey="name" tick={{ fill: '#14171f', fontSize: 15, fontWeight: 700 }} />
              <YAxis tickFormatter={(v: number) => formatPercent(v)} tick={{ fill: '#14171f', fontSize: 12 }} width={48} />
              <Legend />
              <Bar dataKey="share" name={t('analytics.representation.share')} fill="#0b4fa8" isAnimationActive={false} />
              <Bar dataKey="target" name={t('analytics.representation.target')} fill="#a1a8b3" isAnimationActive={false} />
            </BarChart>
          </div>
        </>
      )}
      <div className="table-wrap">
        <table className="table" data-testid="representation-table">
          <caption className="visually-hidden">{t('analytics.representation.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.sector')}</th>
              <th scope="col">{t('analytics.representation.count')}</th>
              <th scope="col">{t('analytics.representation.share')}</th>
              <th scope="col">{t('analytics.representation.target')}</th>
              <th scope="col">{t('analytics.representation.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.sector} className={r.underRepresented ? 'row--warn' : undefined}>
                <th scope="row">
                  <SectorName sector={r.sector} />
                </th>
                <td className="num">{r.count}</td>
                <td className="num">{formatPercent(r.share)}</td>
                <td className="num">{formatPercent(r.target)}</td>
                <td>{r.underRepresented ? <strong className="warn-text">{t('analytics.representation.under')}</strong> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit && <TargetEditor processId={processId} rows={process.members} />}
    </div>
  );
}
