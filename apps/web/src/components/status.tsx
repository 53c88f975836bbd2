import { useTranslation } from 'react-i18next';
import { apiError } from '../lib/apollo';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

/** A failed operation in words the person can act on (the API's message is already localised). */
export function ErrorMessage({ error, className }: { error: unknown; className?: string }) {
  const { t } = useTranslation();
  const e = apiError(error);
  if (!e) return null;
  const text = e.code === 'NETWORK' ? t('errors.network') : e.message;
  return (
    <p role="alert" className={className ?? 'form-error'}>
      {text}
    </p>
  );
}

/** For pages whose query returned null: not found, or not visible to this person. */
export function NotAvailable({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t('errors.unavailableTitle', { what })}</h1>
      <p>{t('errors.unavailableBody')}</p>
    </div>
  );
}
