import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../../components/markdown';

/** A Markdown textarea with a preview, rendered exactly as readers will see it (no raw HTML). */
export function MarkdownField({ id, label, value, onChange, maxLength, invalid }: { id: string; label: string; value: string; onChange: (v: string) => void; maxLength: number; invalid?: boolean }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState(false);
  return (
    <div className="field">
      <div className="row">
        <label htmlFor={id} className="label">
          {label}
        </label>
        <button type="button" className="btn btn--quiet" aria-pressed={preview} onClick={() => setPreview((p) => !p)} style={{ marginLeft: 'auto' }}>
          {preview ? t('markdown.edit') : t('markdown.preview')}
        </button>
      </div>
      {preview && (
        <div className="card" data-testid="markdown-preview">
          {value.trim() ? <Markdown>{value}</Markdown> : <p className="muted">{t('markdown.empty')}</p>}
        </div>
      )}
      <textarea
          hidden={preview}
          id={id}
          className="textarea"
          rows={12}
          value={value}
          maxLength={maxLength}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.value)}
        />
      <span id={`${id}-hint`} className="hint">
        {t('markdown.hint', { count: value.length, max: maxLength })}
      </span>
    </div>
  );
}
