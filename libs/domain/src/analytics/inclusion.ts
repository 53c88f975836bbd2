import { isAgeBand, isGender, YOUNG_AGE_BANDS } from '../demographics';

export interface InclusionFigure {
  /** numerator / base; null when suppressed. */
  share: number | null;
  /** The numerator (young people, women); null when suppressed. */
  count: number | null;
  /** People who reported this attribute: the denominator. */
  base: number;
  suppressed: boolean;
}

export interface Inclusion {
  participants: number;
  /** Share under 40 among those who gave an age band. */
  youth: InclusionFigure;
  /** Share of women among those who gave a gender (NO_ANSWER is not reporting). */
  women: InclusionFigure;
}

function figure(count: number, base: number, minGroup: number): InclusionFigure {
  // Small cells could point at individuals, so both the group and the base must reach minGroup.
  if (base < minGroup || count < minGroup) return { share: null, count: null, base, suppressed: true };
  return { share: count / base, count, base, suppressed: false };
}

/**
 * Inclusion of young people and women among active participants, from opt-in self-reports.
 * Figures are suppressed (null, suppressed: true) when the numerator or the reporting base is below
 * `minGroup` (default 5). Unknown values count as not reported.
 */
export function inclusion(
  participants: ReadonlyArray<{ ageBand?: string | null; gender?: string | null }>,
  minGroup = 5,
): Inclusion {
  if (!Number.isInteger(minGroup) || minGroup < 1)
    throw new RangeError(`minGroup must be a positive integer, got ${minGroup}`);
  let ageBase = 0;
  let young = 0;
  let genderBase = 0;
  let women = 0;
  for (const p of participants) {
    if (isAgeBand(p.ageBand)) {
      ageBase += 1;
      if (YOUNG_AGE_BANDS.includes(p.ageBand)) young += 1;
    }
    if (isGender(p.gender) && p.gender !== 'NO_ANSWER') {
      genderBase += 1;
      if (p.gender === 'WOMAN') women += 1;
    }
  }
  return {
    participants: participants.length,
    youth: figure(young, ageBase, minGroup),
    women: figure(women, genderBase, minGroup),
  };
}
