import { SECTORS, STAKEHOLDER_SECTORS, type Sector } from '../sectors';

export interface RepresentationRow {
  sector: Sector;
  count: number;
  /** count / all counted; 0 when nobody is counted. */
  share: number;
  /** Normalised target share. */
  target: number;
  /** share < target / 2 (never flagged when nobody is counted). */
  underRepresented: boolean;
}

/**
 * Who is in the room compared with a target mix. Targets are relative weights: a sector missing
 * from `targets` keeps its default (1/6 for each of 産官学金労言, 0 for residents), then all are
 * scaled to sum to 1 — e.g. { CITIZEN: 1/6 } gives every one of the seven sectors 1/7.
 * A sector is under-represented when its share is below half its target.
 */
export function representation(
  counts: Partial<Record<Sector, number>>,
  targets: Partial<Record<Sector, number>> = {},
): RepresentationRow[] {
  const weights = SECTORS.map((s) => {
    const given = targets[s];
    if (given !== undefined) {
      if (!(Number.isFinite(given) && given >= 0)) throw new RangeError(`Invalid target for ${s}: ${given}`);
      return given;
    }
    return (STAKEHOLDER_SECTORS as ReadonlyArray<Sector>).includes(s) ? 1 / STAKEHOLDER_SECTORS.length : 0;
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  // Targets that already sum to 1 are kept exact (six times 1/6 adds up to 0.9999999999999999).
  const weightSum = Math.abs(sum - 1) < 1e-9 ? 1 : sum;
  const total = SECTORS.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return SECTORS.map((sector, i) => {
    const count = counts[sector] ?? 0;
    const share = total === 0 ? 0 : count / total;
    const target = weightSum === 0 ? 0 : (weights[i] as number) / weightSum;
    return { sector, count, share, target, underRepresented: total > 0 && share < target / 2 };
  });
}
