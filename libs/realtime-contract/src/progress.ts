import type { Sector } from '@yoriai/domain';
import type { ActionItemPayload, KpiMeasurementPayload } from './events';

/**
 * The progress report (GET /api/processes/:id/progress.json, format yoriai.progress/1): what the
 * member pages, the public progress page, the minutes' progress section and practice packages
 * read. Shared by the API (which writes it) and the web app (which shows it). It holds no person:
 * owners are organisations and sectors, measurements carry the reporting sector only.
 */
export const PROGRESS_FORMAT = 'yoriai.progress/1' as const;

export interface ProgressKpi {
  id: string;
  indicator: string;
  baseline: string | null;
  target: string;
  deadline: string | null;
  unit: string | null;
  /** Numbers read from the text (libs/domain parseKpiNumber); null when the text has none. */
  baselineValue: number | null;
  targetValue: number | null;
  latest: { value: number; measuredAt: string } | null;
  /** Share of the way from baseline to target (0–1), null without numbers. */
  progress: number | null;
  reached: boolean;
  late: boolean;
  /** The measurements that count (latest entry per date), in date order. */
  measurements: KpiMeasurementPayload[];
  /** Entries superseded by a correction (kept; see Kpi.measurements(history: true)). */
  corrections: number;
}

export interface ProgressDecision {
  proposalId: string;
  title: string;
  recordId: string;
  seq: number;
  hash: string;
  decidedAt: string;
  /** The record this decision revises (a revised plan, re-voted), if any. */
  revisesRecordId: string | null;
  kpis: ProgressKpi[];
  roadmap: ActionItemPayload[];
}

export interface ProgressSectorRow {
  sector: Sector;
  items: number;
  done: number;
  late: number;
  delayed: number;
  dropped: number;
}

export interface ProgressReport {
  format: typeof PROGRESS_FORMAT;
  process: { id: string; title: string; region: string | null };
  generatedAt: string;
  /** Today in Japan (YYYY-MM-DD): what "late" is measured against. */
  today: string;
  summary: { decisions: number; items: number; done: number; late: number; delayed: number; dropped: number; kpis: number; kpisReached: number; kpisLate: number };
  /** What each sector owns on the roadmap (産官学金労言・住民 order; sectors owning nothing are left out). */
  sectors: ProgressSectorRow[];
  pillars: Array<{ id: string; position: number; title: string; titleEn: string | null; decisions: ProgressDecision[] }>;
}
