import type { Label } from './enums';

/** Self-reported, optional; used only for aggregate inclusion figures. */
export const AGE_BANDS = ['UNDER_20', '20S', '30S', '40S', '50S', '60S', '70_PLUS'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export function isAgeBand(x: unknown): x is AgeBand {
  return typeof x === 'string' && (AGE_BANDS as ReadonlyArray<string>).includes(x);
}
export const AGE_BAND_LABELS: Record<AgeBand, Label> = {
  UNDER_20: { ja: '20歳未満', en: 'Under 20' },
  '20S': { ja: '20代', en: '20s' },
  '30S': { ja: '30代', en: '30s' },
  '40S': { ja: '40代', en: '40s' },
  '50S': { ja: '50代', en: '50s' },
  '60S': { ja: '60代', en: '60s' },
  '70_PLUS': { ja: '70歳以上', en: '70 or over' },
};
/** "Young" for the inclusion measure: under 40, as in the policy's 若者 focus. */
export const YOUNG_AGE_BANDS: ReadonlyArray<AgeBand> = ['UNDER_20', '20S', '30S'];

export const GENDERS = ['WOMAN', 'MAN', 'OTHER', 'NO_ANSWER'] as const;
export type Gender = (typeof GENDERS)[number];
export function isGender(x: unknown): x is Gender {
  return typeof x === 'string' && (GENDERS as ReadonlyArray<string>).includes(x);
}
export const GENDER_LABELS: Record<Gender, Label> = {
  WOMAN: { ja: '女性', en: 'Woman' },
  MAN: { ja: '男性', en: 'Man' },
  OTHER: { ja: 'その他', en: 'Other' },
  NO_ANSWER: { ja: '回答しない', en: 'Prefer not to say' },
};
