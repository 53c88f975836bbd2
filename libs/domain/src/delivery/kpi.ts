import { DeliveryRuleError, isIsoDate } from './roadmap';

/**
 * KPI indicators of a decided proposal: baseline, target, deadline and unit, with dated
 * measurements. A proposal's KPIs are written as text (「年間3,000人」); the indicator keeps
 * numbers read from them so progress can be charted.
 */

/** The first number in a KPI text and the unit after it: 「年間3,000人」 → { value: 3000, unit: '人' }. */
export function parseKpiNumber(text: string | null | undefined): { value: number | null; unit: string | null } {
  if (!text) return { value: null, unit: null };
  const normalised = text.replace(/[０-９．，－％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = /(-?\d[\d,]*(?:\.\d+)?)\s*([^\d\s（()）]*)/.exec(normalised);
  if (!m) return { value: null, unit: null };
  const value = Number((m[1] as string).replace(/,/g, ''));
  const unit = (m[2] ?? '').trim() || null;
  return { value: Number.isFinite(value) ? value : null, unit };
}

export interface MeasurementInput {
  value: number;
  measuredAt: string;
}

/** A measurement is a finite value on a real date that is not in the future (`today`, YYYY-MM-DD). */
export function validateMeasurement(m: MeasurementInput, today: string): void {
  if (typeof m.value !== 'number' || !Number.isFinite(m.value)) throw new DeliveryRuleError('INVALID_MEASUREMENT', 'the value is not a number');
  if (!isIsoDate(m.measuredAt)) throw new DeliveryRuleError('INVALID_DATE', `${m.measuredAt} is not a date (YYYY-MM-DD)`);
  if (m.measuredAt > today) throw new DeliveryRuleError('MEASUREMENT_IN_FUTURE', `${m.measuredAt} is after today (${today})`);
}

export interface MeasurementRow {
  id: string;
  value: number;
  measuredAt: string;
  createdAt: Date | string;
}

/**
 * The measurements that count: for each date the latest entry (a correction is a new entry for
 * the same date; the earlier one stays in the history), in date order.
 */
export function currentMeasurements<T extends MeasurementRow>(rows: readonly T[]): T[] {
  const byDate = new Map<string, T>();
  for (const r of rows) {
    const prev = byDate.get(r.measuredAt);
    if (!prev || new Date(r.createdAt).getTime() >= new Date(prev.createdAt).getTime()) byDate.set(r.measuredAt, r);
  }
  return [...byDate.values()].sort((a, b) => (a.measuredAt < b.measuredAt ? -1 : a.measuredAt > b.measuredAt ? 1 : 0));
}

export interface KpiTargets {
  baseline: number | null;
  target: number | null;
  deadline: string | null;
}

/** Share of the way from baseline to target (0–1, clamped); null without both numbers or when they are equal. */
export function kpiProgress(kpi: KpiTargets, latest: number | null): number | null {
  if (latest == null || kpi.target == null) return null;
  const base = kpi.baseline ?? 0;
  if (kpi.target === base) return null;
  return Math.min(1, Math.max(0, (latest - base) / (kpi.target - base)));
}

/** Whether the latest value reaches the target (upwards or downwards, as the target lies from the baseline). */
export function kpiReached(kpi: KpiTargets, latest: number | null): boolean {
  if (latest == null || kpi.target == null) return false;
  const base = kpi.baseline ?? 0;
  return kpi.target >= base ? latest >= kpi.target : latest <= kpi.target;
}

/** Late: the deadline has passed and the target is not reached. */
export function kpiLate(kpi: KpiTargets, latest: number | null, today: string): boolean {
  return kpi.deadline != null && kpi.deadline < today && !kpiReached(kpi, latest);
}

/**
 * A tracked KPI's id: the proposal's id and the KPI's place in its list ('<uuid>:<n>', n from 1).
 * KPIs are text inside the hashed proposal version, so they carry no id of their own; a decided
 * (ADOPTED) proposal can no longer be amended, so the place of each KPI is fixed for good.
 */
export function kpiIdOf(proposalId: string, index: number): string {
  return `${proposalId}:${index + 1}`;
}

const KPI_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([1-9]\d?)$/i;

/** The proposal id and 0-based index of a KPI id, or null when it is not one. */
export function parseKpiId(id: unknown): { proposalId: string; index: number } | null {
  if (typeof id !== 'string') return null;
  const m = KPI_ID.exec(id);
  return m ? { proposalId: (m[1] as string).toLowerCase(), index: Number(m[2]) - 1 } : null;
}
