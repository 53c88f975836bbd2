import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../components/page-title';
import { Loading } from '../../components/status';
import { DemoButton } from '../../features/demo/components/demo-button';
import { MyInvitations } from '../../features/invitations/components/my-invitations';
import { MyProcesses } from '../../features/process/components/my-processes';
import { useMe } from '../../hooks/use-me';

export function HomePage() {
  const { t } = useTranslation();
  const { me, loading } = useMe();
  if (loading) {
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );
  }
  if (!me) return <Landing />;
  return (
    <main id="main" className="page stack">
      <PageTitle title={t('home.myProcesses')} />
      <h1>{t('home.myProcesses')}</h1>
      {me.kind === 'ACCOUNT' && <MyInvitations />}
      <MyProcesses
        empty={
          <div className="card stack">
            <p>{me.kind === 'GUEST' ? t('home.guestEmpty') : t('home.empty')}</p>
            {me.kind === 'ACCOUNT' && (
              <div className="row">
                <Link className="btn btn--primary" to="/processes/new">
                  {t('home.createProcess')}
                </Link>
                <DemoButton />
              </div>
            )}
          </div>
        }
      />
      {me.kind === 'ACCOUNT' && (
        <p>
          <Link className="btn" to="/processes/new">
            {t('home.createProcess')}
          </Link>
        </p>
      )}
    </main>
  );
}

function Landing() {
  const { t } = useTranslation();
  return (
    <main id="main" className="page stack">
      <PageTitle title="" />
      <section className="hero stack">
        <h1>{t('landing.title')}</h1>
        <p className="lead">{t('landing.lead')}</p>
        <div className="row">
          <Link className="btn btn--primary btn--big" to="/join">
            {t('landing.joinWithCode')}
          </Link>
          <Link className="btn btn--big" to="/signin">
            {t('nav.signIn')}
          </Link>
          <Link className="btn btn--quiet btn--big" to="/signup">
            {t('auth.signUpLink')}
          </Link>
        </div>
      </section>
      <section className="grid-2">
        <div className="card">
          <h2>{t('landing.participantsTitle')}</h2>
          <p>{t('landing.participantsBody')}</p>
        </div>
        <div className="card">
          <h2>{t('landing.facilitatorsTitle')}</h2>
          <p>{t('landing.facilitatorsBody')}</p>
        </div>
        <div className="card">
          <h2>{t('landing.recordsTitle')}</h2>
          <p>{t('landing.recordsBody')}</p>
        </div>
      </section>
      <section className="card stack" aria-labelledby="demo-heading">
        <h2 id="demo-heading">{t('demo.title')}</h2>
        <p>{t('demo.lead')}</p>
        <DemoButton />
      </section>
    </main>
  );
}
