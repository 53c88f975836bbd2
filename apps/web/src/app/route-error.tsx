import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { PageTitle } from '../components/page-title';
import { Loading } from '../components/status';

/** While the first page's code loads. */
export function RouteLoading() {
  return (
    <main id="main" className="page">
      <Loading />
    </main>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="page page--narrow stack">
      <PageTitle title={t('errors.notFoundTitle')} />
      <h1>{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFoundBody')}</p>
      <Link className="btn" to="/">
        {t('nav.home')}
      </Link>
    </main>
  );
}

/** Shown when a page throws or fails to load (e.g. a stale chunk after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <main id="main" className="page page--narrow stack">
      <h1>{t('errors.unexpectedTitle')}</h1>
      <p>{t('errors.unexpectedBody')}</p>
      <div className="row">
        <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </button>
        <a className="btn" href="/">
          {t('nav.home')}
        </a>
      </div>
    </main>
  );
}
