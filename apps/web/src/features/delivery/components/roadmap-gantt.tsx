import { ACTION_ITEM_STATUS_LABELS, SECTOR_LABELS } from '@yoriai/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../../lib/format';
import { useLang } from '../../../lib/i18n';
import type { ProgressItem, ProgressReport } from '../api/delivery';
import { at, barStart, dayOf, isoOf, monthTicks, timelineSpan } from '../lib/timeline';

/**
 * The roadmap (工程表) as a Gantt-style timeline per pillar: one bar per milestone from its start
 * to its due date, filled to its progress; late items marked (red, ⚠, the reason); a line for
 * today. Each row is also text (title, owner, status, dates), so it reads without the picture.
 */
export function RoadmapGantt({ report, controls }: { report: ProgressReport; controls?: (item: ProgressItem) => ReactNode }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const items = report.pillars.flatMap((p) => p.decisions.flatMap((d) => d.roadmap));
  if (!items.length) return <p className="muted">{t('delivery.noItems')}</p>;
  const span = timelineSpan(items, report.today);
  const today = at(span, dayOf(report.today));
  const ticks = monthTicks(span);
  return (
    <div className="gantt" data-testid="roadmap">
      <div className="gantt-axis" aria-hidden="true">
        {ticks.map((d) => (
          <span key={d} className="gantt-tick" style={{ left: `${at(span, d)}%` }}>
            {lang === 'ja' ? `${isoOf(d).slice(2, 4)}年${Number(isoOf(d).slice(5, 7))}月` : isoOf(d).slice(0, 7)}
          </span>
        ))}
      </div>
      {report.pillars.map((pillar) => (
        <section key={pillar.id} className="gantt-pillar" aria-label={pillar.title}>
          <h3 className="gantt-pillar-title">{lang === 'en' && pillar.titleEn ? pillar.titleEn : pillar.title}</h3>
          {pillar.decisions.map((d) => (
            <div key={d.proposalId} className="gantt-decision">
              <h4 className="small">
                {d.title} <span className="muted">#{d.seq}</span>
              </h4>
              {d.roadmap.length === 0 && <p className="small muted">{t('delivery.noItemsYet')}</p>}
              {d.roadmap.map((item) => {
                const left = at(span, barStart(item, report.today));
                const right = at(span, item.dueDate ? dayOf(item.dueDate) : dayOf(report.today));
                const width = Math.max(1.5, right - left);
                const owner = [item.ownerOrganization, item.ownerSector ? SECTOR_LABELS[item.ownerSector][lang] : null].filter(Boolean).join(' / ');
                return (
                  <div key={item.id} className={`gantt-row status-${item.status.toLowerCase()}${item.late ? ' is-late' : ''}`} data-testid="roadmap-item">
                    <div className="gantt-label">
                      <strong>{item.title}</strong>
                      <span className="small muted">{owner || '—'}</span>
                      <span className="small">
                        <span className={`status-pill status-pill--${item.status.toLowerCase()}`}>{ACTION_ITEM_STATUS_LABELS[item.status][lang]}</span> {item.progress}%
                        {item.dueDate ? ` · ${t('delivery.due')} ${formatIsoDate(item.dueDate, lang)}` : ''}
                        {item.late ? <strong className="late-mark"> ⚠ {t('delivery.late')}</strong> : null}
                      </span>
                      {item.statusReason && <span className="small reason">{t('delivery.reason')}: {item.statusReason}</span>}
                      {controls?.(item)}
                    </div>
                    <div className="gantt-track" aria-hidden="true">
                      {ticks.map((d) => (
                        <div key={d} className="gantt-gridline" style={{ left: `${at(span, d)}%` }} />
                      ))}
                      <div className="gantt-today" style={{ left: `${today}%` }} />
                      <div className="gantt-bar" style={{ left: `${left}%`, width: `${width}%` }}>
                        <div className="gantt-fill" style={{ width: `${item.progress}%` }} />
                      </div>
                    </div>
                  </div>
                );
              })}
            </div>
          ))}
        </section>
      ))}
      <p className="small muted gantt-legend">
        <span className="legend-today" /> {t('delivery.today', { date: formatIsoDate(report.today, lang) })}
      </p>
    </div>
  );
}
