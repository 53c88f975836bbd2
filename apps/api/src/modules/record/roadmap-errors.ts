import { DeliveryRuleError, type DeliveryErrorCode } from '@yoriai/domain';
import { badInput, conflict, type DomainError } from '../../common/errors/domain-error';

const MESSAGES: Record<DeliveryErrorCode, { ja: string; en: string; conflict?: boolean }> = {
  INVALID_STATUS_TRANSITION: { ja: 'この状態にはこの変更はできません（中止した項目は再開できません。必要なら新しい項目を追加してください）。', en: 'This status change is not allowed (a dropped item stays dropped; add a new item instead).', conflict: true },
  REASON_REQUIRED: { ja: '遅延・中止・完了からの再開には理由が必要です。', en: 'Delaying, dropping or reopening an item needs a reason.' },
  INVALID_PROGRESS: { ja: '進捗は 0〜100 の整数です（完了は 100%）。', en: 'Progress is a whole number from 0 to 100 (DONE is 100 %).' },
  INVALID_DATE: { ja: '日付は YYYY-MM-DD 形式の実在する日付で入力してください。', en: 'Dates are real calendar dates written YYYY-MM-DD.' },
  DATES_OUT_OF_ORDER: { ja: '開始日が期限より後になっています。', en: 'The start date is after the due date.' },
  NOTHING_TO_CHANGE: { ja: '変更内容がありません。', en: 'The change changes nothing.' },
  INVALID_MEASUREMENT: { ja: '測定値は有限の数値で入力してください。', en: 'A measurement is a finite number.' },
  MEASUREMENT_IN_FUTURE: { ja: '測定日が今日（日本時間）より後になっています。', en: "The measurement date is after today (Japan's time)." },
};

/** A libs/domain delivery rule refusal as a typed error (BAD_USER_INPUT, or CONFLICT for a refused transition). */
export function toDeliveryError(e: unknown): unknown {
  if (!(e instanceof DeliveryRuleError)) return e;
  const m = MESSAGES[e.code];
  return (m.conflict ? conflict : badInput)(e.code, m.ja, m.en, { detail: e.message });
}

/** Runs a pure delivery rule, turning its refusal into a typed error. */
export function deliveryRule<T>(rule: () => T): T {
  try {
    return rule();
  } catch (e) {
    throw toDeliveryError(e) as DomainError;
  }
}
