import { badInput, Errors } from '../../common/errors/domain-error';
import type { KpiInput } from './dto/proposal.input';
import type { Kpi } from './proposal.entity';

/**
 * The stored form of KPIs: trimmed text, every key present (null when absent), so that the same
 * KPIs always give the same content hash whatever shape the client sent.
 */
export function normalizeKpis(input: ReadonlyArray<KpiInput> | null | undefined): Kpi[] {
  return (input ?? []).map((k, i) => {
    const indicator = k.indicator.trim();
    const target = k.target.trim();
    if (!indicator || !target) {
      throw badInput('KPI_INCOMPLETE', `KPI ${i + 1} の指標と目標値は空にできません。`, `KPI ${i + 1}: indicator and target may not be blank.`, { index: i });
    }
    const unit = k.unit?.trim();
    // The unit is left out when absent, so KPIs written without one keep the content hash they had.
    return { indicator, baseline: k.baseline?.trim() || null, target, deadline: k.deadline ?? null, ...(unit ? { unit } : {}) };
  });
}

/** A title trimmed of surrounding spaces; blank titles are refused (class-validator only sees the length). */
export function normalizeTitle(title: string): string {
  const t = title.trim();
  if (!t) throw badInput('TITLE_REQUIRED', 'タイトルを入力してください。', 'Enter a title.');
  return t;
}

/** clientRequestId reused for a different target: refusing is safer than returning an unrelated row. */
export const clientRequestReused = () => Errors.clientRequestIdReused({ ja: '別の操作', en: 'another request' });
