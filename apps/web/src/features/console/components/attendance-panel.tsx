import { SECTORS, type Sector } from '@yoriai/domain';
import { useTranslation } from 'react-i18next';
import { SectorBadge } from '../../../components/chips';

interface SectorCount {
  sector: Sector;
  count: number;
  guests: number;
  recentGuests: number;
}

/**
 * Live attendance per sector: all seven, so an absent sector is visible as a zero; members and guests
 * (joined by code) apart, and a sector where many guests arrived in the last minutes is flagged, so
 * a facilitator sees a sudden wave of guests (docs/security.md, finding 1).
 */
export function AttendancePanel({ bySector, total }: { bySector: ReadonlyArray<SectorCount>; total: number }) {
  const { t } = useTranslation();
  const counts = new Map(bySector.map((s) => [s.sector, s]));
  const guests = bySector.reduce((n, s) => n + s.guests, 0);
  return (
    <section className="card stack" aria-labelledby="console-attendance">
      <h2 id="console-attendance">{t('console.attendance', { count: total })}</h2>
      <p className="muted small">{t('console.membersAndGuests', { members: total - guests, guests })}</p>
      <ul className="sector-counts" aria-live="polite" data-testid="attendance">
        {SECTORS.map((s) => {
          const c = counts.get(s);
          const n = c?.count ?? 0;
          // A wave: at least 5 guests of this sector within 5 minutes, and most of its attendance.
          const wave = !!c && c.recentGuests >= 5 && c.recentGuests * 2 >= n;
          return (
            <li key={s} className={n === 0 ? 'zero' : wave ? 'wave' : undefined}>
              <SectorBadge sector={s} />
              <span className="count">{n}</span>
              {c && c.guests > 0 && <span className="muted small">{t('console.ofThemGuests', { count: c.guests })}</span>}
              {wave && (
                <span className="chip chip--warn" role="status">
                  {t('console.guestWave', { count: c.recentGuests })}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
