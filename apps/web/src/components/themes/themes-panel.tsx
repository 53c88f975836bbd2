import { SECTOR_LABELS, STANCE_LABELS, isSector, isStance, type Sector } from '@yoriai/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveIndicator } from '../live-indicator';
import { useLang } from '../../lib/i18n';
import type { ThemeView } from './use-live-themes';
import './themes.css';

export interface ThemeEditing {
  onRename(themeId: string, label: string): Promise<void>;
  onMerge(themeIds: string[]): Promise<void>;
  busy: boolean;
  error: string | null;
}

interface Props {
  themes: ThemeView[] | null;
  comments: number;
  /** 'screen': large type for the projector, the biggest themes only. */
  variant: 'console' | 'screen';
  /** Facilitators: rename and merge (the server checks theme.edit). */
  editing?: ThemeEditing;
}

const SCREEN_THEMES = 5;

function SectorMix({ theme }: { theme: ThemeView }) {
  const { t } = useTranslation();
  const { label } = useLang();
  const name = (s: string) => (isSector(s) ? label({ ja: SECTOR_LABELS[s].short, en: SECTOR_LABELS[s].en }) : s);
  return (
    <p className="theme-sectors">
      {theme.sectors.map((s) => (
        <span key={s.sector} className="theme-sector" title={isSector(s.sector) ? label(SECTOR_LABELS[s.sector]) : s.sector}>
          {name(s.sector)} <strong>{s.count}</strong>
        </span>
      ))}
      {theme.smallSectors.map((s: Sector) => (
        <span key={s} className="theme-sector theme-sector--small" title={t('themes.smallExplain')}>
          {name(s)} <small>{t('themes.small')}</small>
        </span>
      ))}
      {theme.silentSectors.length > 0 && (
        <span className="theme-silent">
          {t('themes.silent')}: {theme.silentSectors.map(name).join(t('common.listSeparator'))}
        </span>
      )}
    </p>
  );
}

function StanceBar({ theme }: { theme: ThemeView }) {
  const { label } = useLang();
  const total = theme.stances.reduce((n, s) => n + s.count, 0) || 1;
  return (
    <div className="theme-stances" role="img" aria-label={theme.stances.map((s) => `${isStance(s.stance) ? label(STANCE_LABELS[s.stance]) : s.stance} ${s.count}`).join(', ')}>
      {theme.stances
        .filter((s) => s.count > 0)
        .map((s) => (
          <span key={s.stance} className={`theme-stance theme-stance--${s.stance}`} style={{ flexGrow: s.count / total }}>
            {isStance(s.stance) ? label(STANCE_LABELS[s.stance]) : s.stance} {s.count}
          </span>
        ))}
    </div>
  );
}

function RenameForm({ theme, editing, onDone }: { theme: ThemeView; editing: ThemeEditing; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(theme.label);
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    void editing.onRename(theme.id, value.trim()).then(onDone);
  };
  return (
    <form className="row theme-rename" onSubmit={handleSubmit}>
      <label htmlFor={id} className="visually-hidden">
        {t('themes.newName')}
      </label>
      <input id={id} value={value} maxLength={200} required onChange={(e) => setValue(e.target.value)} data-testid="theme-rename-input" />
      <button type="submit" className="btn btn--primary" disabled={editing.busy || !value.trim()}>
        {t('themes.save')}
      </button>
      <button type="button" className="btn btn--quiet" onClick={onDone}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

/**
 * 「いま出ている論点」: what the hall is saying, grouped on the server (docs/analytics.md): each
 * theme's label, size, which sectors raise it (small sectors named only) and who is silent, its
 * stance mix and the bridging/divide badges. Live through `themes.updated`.
 */
export function ThemesPanel({ themes, comments, variant, editing }: Props) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const shown = variant === 'screen' ? (themes ?? []).slice(0, SCREEN_THEMES) : (themes ?? []);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const handleMerge = () => void editing?.onMerge(selected).then(() => setSelected([]));

  return (
    <section className={`themes themes--${variant}`} aria-labelledby={`themes-${variant}`} data-testid={`themes-${variant}`}>
      <div className="row themes-head">
        <h2 id={`themes-${variant}`}>{t('themes.title')}</h2>
        <span className="themes-count">{t('themes.fromComments', { count: comments })}</span>
        <LiveIndicator />
      </div>
      {themes === null ? null : shown.length === 0 ? (
        <p className="muted">{t('themes.none')}</p>
      ) : (
        <ol className="themes-list" aria-live={variant === 'screen' ? 'polite' : undefined}>
          {shown.map((theme) => (
            <li key={theme.id} className="theme" data-testid="theme">
              <div className="row theme-head">
                {editing && (
                  <input
                    type="checkbox"
                    aria-label={t('themes.selectForMerge', { label: theme.label })}
                    checked={selected.includes(theme.id)}
                    onChange={() => toggle(theme.id)}
                  />
                )}
                <h3 className="theme-label" data-testid="theme-label">
                  {theme.label}
                </h3>
                <span className="theme-size">{t('themes.size', { count: theme.size })}</span>
                {theme.bridging && <span className="theme-badge theme-badge--bridging">{t('themes.bridging')}</span>}
                {theme.divide && <span className="theme-badge theme-badge--divide">{t('themes.divide')}</span>}
                {editing && renaming !== theme.id && (
                  <button type="button" className="btn btn--quiet btn--small" onClick={() => setRenaming(theme.id)}>
                    {t('themes.rename')}
                  </button>
                )}
              </div>
              {editing && renaming === theme.id && <RenameForm theme={theme} editing={editing} onDone={() => setRenaming(null)} />}
              {theme.renamed && variant === 'console' && <p className="small muted">{t('themes.keyPhrases')}: {theme.keyPhrases.join(t('common.listSeparator'))}</p>}
              <SectorMix theme={theme} />
              <StanceBar theme={theme} />
            </li>
          ))}
        </ol>
      )}
      {editing && (
        <div className="row themes-actions">
          <button type="button" className="btn" disabled={selected.length < 2 || editing.busy} onClick={handleMerge} data-testid="themes-merge">
            {t('themes.merge', { count: selected.length })}
          </button>
          {editing.error && <p className="form-error">{editing.error}</p>}
          <p className="small muted">{t('themes.editExplain')}</p>
        </div>
      )}
    </section>
  );
}
