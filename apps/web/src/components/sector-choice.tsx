import { SECTORS, SECTOR_LABELS, type Sector } from '@yoriai/domain';
import { useTranslation } from 'react-i18next';
import { useLang } from '../lib/i18n';

/**
 * The seven sectors as large radio cards, each with its one-line explanation: older
 * participants on a phone should not have to guess what 「言」 means.
 */
export function SectorChoice({
  value,
  onChange,
  name,
  legend,
  invalid,
  errorId,
}: {
  value: Sector | null;
  onChange: (sector: Sector) => void;
  name: string;
  legend?: string;
  invalid?: boolean;
  errorId?: string;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <fieldset aria-invalid={invalid || undefined} aria-describedby={invalid ? errorId : undefined}>
      <legend>{legend ?? t('sector.legend')}</legend>
      <div className="choice-cards">
        {SECTORS.map((sector) => {
          const l = SECTOR_LABELS[sector];
          return (
            <label key={sector} className="choice-card">
              <input type="radio" name={name} value={sector} checked={value === sector} onChange={() => onChange(sector)} />
              <span className="sector-badge" aria-hidden="true">
                {l.short}
              </span>
              <span>
                <span className="title">{lang === 'ja' ? l.ja : l.en}</span>
                <span className="desc">{lang === 'ja' ? l.descriptionJa : l.descriptionEn}</span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A compact sector dropdown for desktop forms (inviting members, action item owners). */
export function SectorSelect({
  id,
  value,
  onChange,
  allowEmpty,
}: {
  id: string;
  value: Sector | '';
  onChange: (sector: Sector | '') => void;
  allowEmpty?: boolean;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value as Sector | '')}>
      {allowEmpty && <option value="">{t('common.none')}</option>}
      {SECTORS.map((s) => (
        <option key={s} value={s}>
          {SECTOR_LABELS[s].short} — {lang === 'ja' ? SECTOR_LABELS[s].ja : SECTOR_LABELS[s].en}
        </option>
      ))}
    </select>
  );
}
