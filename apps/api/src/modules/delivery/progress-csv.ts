import { ACTION_ITEM_STATUS_LABELS, SECTOR_LABELS } from '@yoriai/domain';
import { toCsv } from '../export/csv';
import type { Lang } from '../export/export-labels';
import type { ProgressDecision, ProgressReport } from './progress-report';

const HEADER = {
  ja: ['種別', '柱', '提案', '記録番号', '項目', '担当組織', '担当分野', '開始日', '期限', '状況', '進捗(%)', '遅れ', '理由', '基準値', '目標値', '単位', '測定日', '測定値', '出典', '備考', '測定した分野'],
  en: ['kind', 'pillar', 'proposal', 'record_seq', 'item', 'owner_organization', 'owner_sector', 'start_date', 'due_date', 'status', 'progress_percent', 'late', 'reason', 'baseline', 'target', 'unit', 'measured_at', 'value', 'source', 'note', 'measured_by_sector'],
};
const KIND = { roadmap: { ja: '工程', en: 'roadmap' }, kpi: { ja: 'KPI', en: 'kpi' }, measurement: { ja: '測定値', en: 'measurement' } };
const YES_NO = { ja: ['はい', 'いいえ'], en: ['yes', 'no'] };

type Row = Array<string | number | boolean | null>;

function decisionRows(pillar: string, d: ProgressDecision, lang: Lang): Row[] {
  const rows: Row[] = [];
  const base = (kind: keyof typeof KIND): Row => [KIND[kind][lang], pillar, d.title, d.seq];
  for (const a of d.roadmap) {
    rows.push([
      ...base('roadmap'),
      a.title,
      a.ownerOrganization,
      a.ownerSector ? SECTOR_LABELS[a.ownerSector][lang] : null,
      a.startDate,
      a.dueDate,
      ACTION_ITEM_STATUS_LABELS[a.status][lang],
      a.progress,
      a.late ? YES_NO[lang][0] : YES_NO[lang][1],
      a.statusReason,
      null, null, null, null, null, null, null, null,
    ]);
  }
  for (const k of d.kpis) {
    const kpi = (kind: 'kpi' | 'measurement'): Row => [...base(kind), k.indicator, null, null, null, k.deadline, null, k.progress == null ? null : Math.round(k.progress * 100), k.late ? YES_NO[lang][0] : YES_NO[lang][1], null, k.baseline, k.target, k.unit];
    rows.push([...kpi('kpi'), k.latest?.measuredAt ?? null, k.latest?.value ?? null, null, null, null]);
    for (const m of k.measurements) rows.push([...kpi('measurement'), m.measuredAt, m.value, m.source, m.note, m.sector ? SECTOR_LABELS[m.sector][lang] : null]);
  }
  return rows;
}

/** progress.csv (and a practice package's CSV): one row per roadmap item, per KPI and per measurement that counts; UTF-8 with BOM. */
export function progressCsv(report: Pick<ProgressReport, 'pillars'>, lang: Lang): string {
  const rows = report.pillars.flatMap((p) => p.decisions.flatMap((d) => decisionRows(lang === 'en' ? (p.titleEn ?? p.title) : p.title, d, lang)));
  return toCsv(HEADER[lang], rows);
}
