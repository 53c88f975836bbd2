import { useMutation } from '@apollo/client/react';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/status';
import { formatDateTime } from '../../../lib/format';
import { useLang } from '../../../lib/i18n';
import { DeliveryProcessQuery, DeliverySettingsMutation, ImportPracticeMutation } from '../api/delivery';

interface Template {
  proposalId: string;
  title: string;
  status: string;
  provenance: { sourceProcessTitle: string; region?: string | null; recordHash: string; verified: boolean; verifyReason?: string | null; importedAt: string };
}

/** The organiser's switch for the public page, and 横展開: importing a package, and the templates imported so far. */
export function SharingPanel({ processId, progressPublic, region, canPublish, canImport, templates }: { processId: string; progressPublic: boolean; region: string | null; canPublish: boolean; canImport: boolean; templates: ReadonlyArray<Template> }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [regionText, setRegionText] = useState(region ?? '');
  const [save, saving] = useMutation(DeliverySettingsMutation);
  const [importPractice, importing] = useMutation(ImportPracticeMutation, { refetchQueries: [DeliveryProcessQuery] });
  const [parseError, setParseError] = useState<string | null>(null);

  async function handleFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setParseError(null);
    let pkg: unknown;
    try {
      pkg = JSON.parse(await file.text());
    } catch {
      setParseError(t('delivery.notJson'));
      return;
    }
    await importPractice({ variables: { processId, package: pkg } }).catch(() => null);
  }

  return (
    <div className="stack">
      {canPublish && (
        <div className="stack">
          <label className="row">
            <input type="checkbox" checked={progressPublic} disabled={saving.loading} onChange={(e) => void save({ variables: { input: { processId, progressPublic: e.target.checked } } }).catch(() => null)} />
            {t('delivery.publicSwitch')}
          </label>
          {progressPublic && (
            <p className="small">
              {t('delivery.publicAt')} <a href={`/p/${processId}/progress`}>{`/p/${processId}/progress`}</a>
            </p>
          )}
          <form className="row wrap" onSubmit={(e) => (e.preventDefault(), void save({ variables: { input: { processId, region: regionText } } }).catch(() => null))}>
            <label className="small grow">
              {t('delivery.region')}
              <input className="input" maxLength={100} value={regionText} onChange={(e) => setRegionText(e.target.value)} />
            </label>
            <button className="btn" type="submit" disabled={saving.loading}>
              {t('delivery.save')}
            </button>
          </form>
          <ErrorMessage error={saving.error} />
        </div>
      )}
      {canImport && (
        <label className="stack-tight">
          <span>{t('delivery.importLabel')}</span>
          <input type="file" accept="application/json,.json" onChange={(e) => void handleFile(e)} disabled={importing.loading} />
          {parseError && <span className="error">{parseError}</span>}
          <ErrorMessage error={importing.error} />
        </label>
      )}
      <h3>{t('delivery.templates')}</h3>
      {templates.length === 0 ? (
        <p className="muted">{t('delivery.noTemplates')}</p>
      ) : (
        <ul className="stack" data-testid="templates">
          {templates.map((x) => (
            <li key={x.proposalId}>
              <a href={`/p/${processId}/proposals/${x.proposalId}`}>{x.title}</a>{' '}
              <span className="small muted">
                {t('delivery.from', { region: x.provenance.region ?? x.provenance.sourceProcessTitle })} · {formatDateTime(x.provenance.importedAt, lang)} ·{' '}
              </span>
              {x.provenance.verified ? <span className="small reached-mark">✔ {t('delivery.verified')}</span> : <span className="small late-mark">⚠ {t('delivery.unverified', { reason: x.provenance.verifyReason ?? '' })}</span>}
              <div className="small muted mono">{x.provenance.recordHash}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
