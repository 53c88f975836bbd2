/**
 * "66.6%", "60%": a share as a percentage, truncated (not rounded) to one decimal, so a share just
 * below a threshold never prints as equal to it. The epsilon absorbs binary float noise (0.57*1000).
 */
export function formatPercent(share: number): string {
  const tenths = Math.floor(share * 1000 + 1e-9);
  const whole = Math.trunc(tenths / 10);
  const decimal = tenths % 10;
  return decimal === 0 ? `${whole}%` : `${whole}.${decimal}%`;
}

/** Rounds for machine-readable parameters in reasons and records (4 decimals are plenty for shares). */
export function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
