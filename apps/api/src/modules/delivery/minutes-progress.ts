import { ACTION_ITEM_STATUS_LABELS, SECTOR_LABELS } from '@yoriai/domain';
import type { EntityManager } from 'typeorm';
import { L, type Lang } from '../export/export-labels';
import type { Block } from '../export/minutes-outline';
import type { Bilingual, MinutesProgress } from '../minutes/minutes-document';
import { formatDate } from '../minutes/minutes-time';
import { loadProgress } from './progress-report';

const round4 = (x: number | null) => (x == null ? null : Math.round(x * 10_000) / 10_000);

/**
 * The minutes' progress section (PDCA: every meeting sees where its region's decisions stand):
 * roadmap items and KPIs of every decision of the process, measurements entered by the end of the
 * meeting. Undefined when the process has decided nothing yet.
 */
export async function minutesProgress(em: EntityManager, processId: string, cutoff: Date | null, now = new Date()): Promise<MinutesProgress | undefined> {
  const report = await loadProgress(em, processId, { cutoff, now: cutoff ?? now });
  const decisions = report?.pillars.flatMap((p) => p.decisions) ?? [];
  if (!report || !decisions.length) return undefined;
  return {
    asOf: report.today,
    items: decisions.flatMap((d) =>
      d.roadmap.map((a) => ({
        proposal: d.title,
        title: a.title,
        owner: a.ownerOrganization,
        ownerSectorLabel: a.ownerSector ? ({ ...SECTOR_LABELS[a.ownerSector] } as Bilingual) : null,
        startDate: a.startDate,
        dueDate: a.dueDate,
        statusLabel: { ...ACTION_ITEM_STATUS_LABELS[a.status] },
        progress: a.progress,
        late: a.late,
        reason: a.statusReason,
      })),
    ),
    kpis: decisions.flatMap((d) =>
      d.kpis.map((k) => ({
        proposal: d.title,
        indicator: k.indicator,
        baseline: k.baseline,
        target: k.target,
        deadline: k.deadline,
        unit: k.unit,
        latest: k.latest,
        progress: round4(k.progress),
        reached: k.reached,
        late: k.late,
      })),
    ),
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The section as format-neutral blocks (every renderer walks them: md, docx, pdf). */
export function progressBlocks(progress: MinutesProgress | undefined, lang: Lang): Block[] {
  if (!progress) return [];
  const late = lang === 'ja' ? '（遅れ）' : ' (late)';
  const out: Block[] = [
    { kind: 'heading', level: 2, text: L.progressSection[lang] },
    { kind: 'text', text: L.progressExplain(formatDate(progress.asOf, lang))[lang], muted: true },
  ];
  if (progress.items.length) {
    out.push({ kind: 'heading', level: 3, text: L.progressRoadmap[lang] });
    out.push({
      kind: 'table',
      header: [L.action[lang], L.proposal[lang], L.owner[lang], L.due[lang], L.status[lang], L.progressPercent[lang], L.progressReason[lang]],
      rows: progress.items.map((x) => [
        x.title,
        x.proposal,
        [x.owner, x.ownerSectorLabel?.[lang]].filter(Boolean).join(' / ') || '—',
        x.dueDate ? formatDate(x.dueDate, lang) : '—',
        `${x.statusLabel[lang]}${x.late ? late : ''}`,
        `${x.progress}%`,
        x.reason ?? '—',
      ]),
      numeric: [false, false, false, false, false, true, false],
      widths: [2.6, 2.2, 2, 1.4, 1.2, 0.8, 2.4],
    });
  }
  if (progress.kpis.length) {
    out.push({ kind: 'heading', level: 3, text: L.progressKpis[lang] });
    out.push({
      kind: 'table',
      header: [L.kpiIndicator[lang], L.kpiBaseline[lang], L.progressLatest[lang], L.kpiTarget[lang], L.kpiDeadline[lang], L.progressPercent[lang]],
      rows: progress.kpis.map((k) => [
        k.indicator,
        k.baseline ?? '—',
        k.latest ? `${k.latest.value.toLocaleString('ja-JP')}${k.unit ?? ''}${lang === 'ja' ? `（${formatDate(k.latest.measuredAt, lang)}）` : ` (${formatDate(k.latest.measuredAt, lang)})`}` : '—',
        k.target,
        k.deadline ? formatDate(k.deadline, lang) : '—',
        `${k.progress == null ? '—' : pct(k.progress)}${k.reached ? (lang === 'ja' ? '（達成）' : ' (reached)') : k.late ? late : ''}`,
      ]),
      numeric: [false, false, false, false, false, true],
      widths: [2.6, 1.6, 2.2, 1.6, 1.4, 1.2],
    });
  }
  return out;
}
