import { SECTORS, type Sector } from '@yoriai/domain';
import { useTranslation } from 'react-i18next';
import { SectorBadge } from '../../../components/chips';

/** Live attendance per sector: all seven, so an absent sector is visible as a zero. */
export function AttendancePanel({ bySector, total }: { bySector: ReadonlyArray<{ sector: Sector; count: number }>; total: number }) {
  const { t } = useTranslation();
  const counts = new Map(bySector.map((s) => [s.sector, s.count]));
  return (
    <section className="card stack" aria-labelledby="console-attendance">
      <h2 id="console-attendance">{t('console.attendance', { count: total })}</h2>
      <ul className="sector-counts" aria-live="polite" data-testid="attendance">
        {SECTORS.map((s) => {
          const n = counts.get(s) ?? 0;
          return (
            <li key={s} className={n === 0 ? 'zero' : undefined}>
              <SectorBadge sector={s} />
              <span className="count">{n}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
