/**
 * Colour of an agree share in the heat maps: a diverging orange (0%) → near white (50%) → blue
 * (100%) scale, which stays distinct for the common colour-vision deficiencies. Colour is never the
 * only signal: every cell prints its number too, in dark text — the ends are kept light enough for
 * it (≥ 6:1 everywhere; white text would fall below 4.5:1 in the middle tones).
 */
const LOW = [230, 145, 56] as const; // #e69138
const MID = [247, 247, 247] as const; // #f7f7f7
const HIGH = [92, 154, 214] as const; // #5c9ad6
const DARK_TEXT = '#14171f';

type Rgb = readonly [number, number, number];

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => Math.round((a[i] as number) + ((b[i] as number) - (a[i] as number)) * t)) as unknown as Rgb;
}

export function heatColor(share: number): { background: string; color: string } {
  const s = Math.min(1, Math.max(0, share));
  const rgb = s < 0.5 ? mix(LOW, MID, s / 0.5) : mix(MID, HIGH, (s - 0.5) / 0.5);
  return { background: `rgb(${rgb.join(' ')})`, color: DARK_TEXT };
}

/** The legend's gradient, the same stops as heatColor. */
export const HEAT_GRADIENT = `linear-gradient(to right, rgb(${LOW.join(' ')}), rgb(${MID.join(' ')}), rgb(${HIGH.join(' ')}))`;
