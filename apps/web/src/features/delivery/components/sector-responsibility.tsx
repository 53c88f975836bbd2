import { SECTOR_LABELS } from '@yoriai/domain';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../lib/i18n';
import type { ProgressReport } from '../api/delivery';

/** What each of 産官学金労言 owes on the roadmap, and what is late: owners are sectors and organisations, never people. */
export function SectorResponsibility({ report }: { report: ProgressReport }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const items = report.pillars.flatMap((p) => p.decisions.flatMap((d) => d.roadmap));
  if (!report.sectors.length) return <p className="muted">{t('delivery.noOwners')}</p>;
  return (
    <div className="table-wrap" data-testid="sector-responsibility">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('delivery.sector')}</th>
            <th scope="col">{t('delivery.owes')}</th>
            <th scope="col">{t('delivery.doneCount')}</th>
            <th scope="col">{t('delivery.lateCount')}</th>
            <th scope="col">{t('delivery.lateItems')}</th>
          </tr>
        </thead>
        <tbody>
          {report.sectors.map((s) => (
            <tr key={s.sector} className={s.late ? 'is-late' : ''}>
              <th scope="row">{SECTOR_LABELS[s.sector][lang]}</th>
              <td className="num">{s.items}</td>
              <td className="num">{s.done}</td>
              <td className="num">{s.late ? <strong className="late-mark">⚠ {s.late}</strong> : 0}</td>
              <td>
                {items
                  .filter((i) => i.ownerSector === s.sector && i.late)
                  .map((i) => i.title)
                  .join(t('common.listSeparator')) || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
