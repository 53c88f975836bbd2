import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../../components/page-title';
import { ErrorMessage, Loading, NotAvailable } from '../../../components/status';
import { newRequestId } from '../../../lib/ids';
import { useLang } from '../../../lib/i18n';
import { CreateProposalMutation, NewProposalContextQuery } from '../api/proposals';
import { KpiEditor, emptyKpi, kpiInputs, kpiRowsIncomplete, type KpiDraft } from '../components/kpi-editor';
import { MarkdownField } from '../components/markdown-field';

const TITLE_MAX = 200;
const BODY_MAX = 20000;

export function NewProposalPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const navigate = useNavigate();
  const { processId = '' } = useParams();
  const [params] = useSearchParams();
  const { data, loading, error } = useQuery(NewProposalContextQuery, { variables: { id: processId } });
  const [pillarId, setPillarId] = useState(params.get('pillar') ?? '');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [kpis, setKpis] = useState<KpiDraft[]>(() => [emptyKpi()]);
  const [draft, setDraft] = useState(false);
  const [touched, setTouched] = useState(false);
  // One id per form: a retried submission (double tap, flaky network) creates one proposal.
  const [clientRequestId] = useState(newRequestId);
  const [create, { loading: saving, error: saveError }] = useMutation(CreateProposalMutation);

  if (loading && !data) return <main id="main" className="page"><Loading /></main>;
  if (error && !data) return <main id="main" className="page"><ErrorMessage error={error} /></main>;
  const process = data?.process;
  if (!process) return <main id="main" className="page"><NotAvailable what={t('process.what')} /></main>;
  const pillars = [...process.pillars].sort((a, b) => a.position - b.position);
  const chosenPillar = pillars.some((p) => p.id === pillarId) ? pillarId : (pillars[0]?.id ?? '');
  const kpiIncomplete = kpiRowsIncomplete(kpis);

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!title.trim() || !body.trim() || kpiIncomplete || !chosenPillar) return;
    const res = await create({
      variables: {
        input: { processId, pillarId: chosenPillar, title: title.trim(), body, kpis: kpiInputs(kpis), draft, clientRequestId },
      },
    }).catch(() => null);
    if (res?.data) await navigate(`/p/${processId}/proposals/${res.data.createProposal.id}`);
  }

  return (
    <main id="main" className="page stack">
      <PageTitle title={t('proposal.new')} />
      <p>
        <Link to={`/p/${processId}?pillar=${chosenPillar}`}>← {process.title}</Link>
      </p>
      <h1>{t('proposal.new')}</h1>
      <form className="stack" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <div className="field">
          <label htmlFor="proposal-pillar">{t('proposal.pillar')}</label>
          <select id="proposal-pillar" className="select" value={chosenPillar} onChange={(e) => setPillarId(e.target.value)}>
            {pillars.map((p) => (
              <option key={p.id} value={p.id}>
                {lang === 'en' && p.titleEn ? p.titleEn : p.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="proposal-title">{t('proposal.title')}</label>
          <input
            id="proposal-title"
            className="input"
            maxLength={TITLE_MAX}
            required
            value={title}
            aria-invalid={touched && !title.trim() ? true : undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <MarkdownField id="proposal-body" label={t('proposal.body')} value={body} onChange={setBody} maxLength={BODY_MAX} invalid={touched && !body.trim()} />
        <KpiEditor rows={kpis} onChange={setKpis} />
        <label className="row">
          <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.target.checked)} style={{ width: '1.4rem', height: '1.4rem' }} />
          {t('proposal.saveAsDraft')}
        </label>
        {touched && (!title.trim() || !body.trim()) && (
          <p role="alert" className="form-error">
            {t('proposal.fillRequired')}
          </p>
        )}
        {touched && kpiIncomplete && (
          <p role="alert" className="form-error">
            {t('kpi.incomplete')}
          </p>
        )}
        <ErrorMessage error={saveError} />
        <div className="row">
          <button type="submit" className="btn btn--primary btn--big" disabled={saving}>
            {saving ? t('common.working') : draft ? t('proposal.saveDraft') : t('proposal.publish')}
          </button>
          <Link className="btn btn--quiet" to={`/p/${processId}`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </main>
  );
}
