import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageTitle } from '../../../components/page-title';
import { ErrorMessage, Loading, NotAvailable } from '../../../components/status';
import { AmendProposalMutation, EditProposalQuery } from '../api/proposals';
import { ProposalPageQuery } from '../api/proposal-page';
import { KpiEditor, emptyKpi, kpiInputs, kpiRowsIncomplete, type KpiDraft } from '../components/kpi-editor';
import { MarkdownField } from '../components/markdown-field';

const TITLE_MAX = 200;
const BODY_MAX = 20000;

interface Source {
  id: string;
  title: string;
  body: string;
  status: string;
  version: number;
  kpis: ReadonlyArray<{ indicator: string; baseline?: string | null; target: string; deadline?: string | null }>;
}

function AmendForm({ processId, proposal }: { processId: string; proposal: Source }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState(proposal.title);
  const [body, setBody] = useState(proposal.body);
  const [kpis, setKpis] = useState<KpiDraft[]>(() =>
    proposal.kpis.length ? proposal.kpis.map((k) => ({ ...emptyKpi(), indicator: k.indicator, baseline: k.baseline ?? '', target: k.target, deadline: k.deadline ?? '' })) : [emptyKpi()],
  );
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const [amend, { loading, error }] = useMutation(AmendProposalMutation, { refetchQueries: [ProposalPageQuery] });
  const kpiIncomplete = kpiRowsIncomplete(kpis);
  const page = `/p/${processId}/proposals/${proposal.id}`;

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!title.trim() || !body.trim() || kpiIncomplete) return;
    const res = await amend({
      variables: { input: { proposalId: proposal.id, title: title.trim(), body, kpis: kpiInputs(kpis), note: note.trim() || null } },
    }).catch(() => null);
    if (res?.data) await navigate(page);
  }

  return (
    <form className="stack" onSubmit={(e) => void handleSubmit(e)} noValidate>
      {proposal.status !== 'DRAFT' && <p className="notice">{t('proposal.amendNewVersion', { n: proposal.version + 1 })}</p>}
      <div className="field">
        <label htmlFor="amend-title">{t('proposal.title')}</label>
        <input id="amend-title" className="input" maxLength={TITLE_MAX} required value={title} aria-invalid={touched && !title.trim() ? true : undefined} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <MarkdownField id="amend-body" label={t('proposal.body')} value={body} onChange={setBody} maxLength={BODY_MAX} invalid={touched && !body.trim()} />
      <KpiEditor rows={kpis} onChange={setKpis} />
      <div className="field">
        <label htmlFor="amend-note">{t('proposal.amendNote')}</label>
        <input id="amend-note" className="input" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        <span className="hint">{t('proposal.amendNoteHint')}</span>
      </div>
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
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit" className="btn btn--primary btn--big" disabled={loading}>
          {t('proposal.saveAmendment')}
        </button>
        <Link className="btn btn--quiet" to={page}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** An amendment: after OPEN it becomes a new version (the old one is kept and diffable). */
export function EditProposalPage() {
  const { t } = useTranslation();
  const { processId = '', proposalId = '' } = useParams();
  const { data, loading, error } = useQuery(EditProposalQuery, { variables: { id: proposalId }, fetchPolicy: 'network-only' });
  if (loading && !data) return <main id="main" className="page"><Loading /></main>;
  if (error && !data) return <main id="main" className="page"><ErrorMessage error={error} /></main>;
  const proposal = data?.proposal;
  if (!proposal) return <main id="main" className="page"><NotAvailable what={t('proposal.what')} /></main>;
  return (
    <main id="main" className="page stack">
      <PageTitle title={t('proposal.amendTitle')} />
      <p className="small">
        <Link to={`/p/${processId}/proposals/${proposal.id}`}>← {proposal.title}</Link>
      </p>
      <h1>{t('proposal.amendTitle')}</h1>
      <AmendForm key={`${proposal.id}:${proposal.version}`} processId={processId} proposal={proposal} />
    </main>
  );
}
