import { useMutation, useQuery } from '@apollo/client/react';
import { can } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageTitle } from '../../../components/page-title';
import { ErrorMessage, Loading, NotAvailable } from '../../../components/status';
import { useLang } from '../../../lib/i18n';
import { CreateMeetingMutation, NewMeetingContextQuery } from '../api/console';
import { ProgressReviewSuggestion } from '../components/progress-review-suggestion';

interface ItemDraft {
  key: string;
  title: string;
  pillarId: string;
  proposalIds: string[];
  plannedMinutes: string;
}

let seq = 0;
function newItem(partial: Partial<ItemDraft> = {}): ItemDraft {
  seq += 1;
  return { key: `item-${seq}`, title: '', pillarId: '', proposalIds: [], plannedMinutes: '20', ...partial };
}

/** A workshop with its agenda: one item per pillar by default, each with the pillar's open proposals. */
export function NewMeetingPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const navigate = useNavigate();
  const { processId = '' } = useParams();
  const { data, loading, error } = useQuery(NewMeetingContextQuery, { variables: { id: processId } });
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [location, setLocation] = useState('');
  const [items, setItems] = useState<ItemDraft[]>([]);
  const [touched, setTouched] = useState(false);
  const [create, createState] = useMutation(CreateMeetingMutation);

  if (loading && !data) return <main id="main" className="page"><Loading /></main>;
  if (error && !data) return <main id="main" className="page"><ErrorMessage error={error} /></main>;
  const process = data?.process;
  if (!process) return <main id="main" className="page"><NotAvailable what={t('process.what')} /></main>;
  if (!can(process.myMembership?.role, 'meeting.manage')) {
    return (
      <main id="main" className="page">
        <p className="form-error">{t('console.facilitatorOnly')}</p>
      </main>
    );
  }
  const pillars = [...process.pillars].sort((a, b) => a.position - b.position);
  const pillarTitle = (p: { title: string; titleEn?: string | null }) => (lang === 'en' && p.titleEn ? p.titleEn : p.title);
  const discussable = process.proposals.filter((p) => p.status === 'OPEN' || p.status === 'VOTING');

  function handlePerPillar() {
    setItems(
      pillars.map((p) =>
        newItem({ title: pillarTitle(p), pillarId: p.id, proposalIds: discussable.filter((x) => x.pillarId === p.id).map((x) => x.id) }),
      ),
    );
  }

  function update(key: string, patch: Partial<ItemDraft>) {
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  }

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!title.trim() || items.some((i) => !i.title.trim())) return;
    const res = await create({
      variables: {
        input: {
          processId,
          title: title.trim(),
          location: location.trim() || null,
          startsAt: startsAt ? new Date(startsAt).toISOString() : null,
          agenda: items.map((i) => ({
            title: i.title.trim(),
            pillarId: i.pillarId || null,
            proposalIds: i.proposalIds,
            plannedMinutes: i.plannedMinutes ? Number.parseInt(i.plannedMinutes, 10) : null,
          })),
        },
      },
    }).catch(() => null);
    if (res?.data) await navigate(`/m/${res.data.createMeeting.id}/console`);
  }

  return (
    <main id="main" className="page stack">
      <PageTitle title={t('meeting.create')} />
      <p className="small">
        <Link to={`/p/${processId}`}>← {process.title}</Link>
      </p>
      <h1>{t('meeting.create')}</h1>
      <form className="stack" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <div className="field">
          <label htmlFor="meeting-title">{t('meeting.title')}</label>
          <input id="meeting-title" className="input" maxLength={200} required value={title} placeholder={t('meeting.titlePlaceholder')} aria-invalid={touched && !title.trim() ? true : undefined} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="meeting-starts">{t('meeting.startsAt')}</label>
            <input id="meeting-starts" className="input" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="meeting-location">{t('meeting.location')}</label>
            <input id="meeting-location" className="input" maxLength={200} value={location} onChange={(e) => setLocation(e.target.value)} />
          </div>
        </div>
        <fieldset className="stack">
          <legend>{t('meeting.agenda')}</legend>
          <ProgressReviewSuggestion
            processId={processId}
            added={items.some((i) => i.key.startsWith('review'))}
            onAdd={(r) => setItems((all) => [{ ...newItem({ title: r.title, proposalIds: r.proposalIds, plannedMinutes: String(r.plannedMinutes) }), key: 'review' }, ...all])}
          />
          <div className="row">
            <button type="button" className="btn" onClick={handlePerPillar}>
              {t('meeting.itemPerPillar')}
            </button>
            <button type="button" className="btn" onClick={() => setItems((all) => [...all, newItem()])}>
              {t('meeting.addItem')}
            </button>
          </div>
          {items.map((item, index) => {
            const candidates = discussable.filter((p) => !item.pillarId || p.pillarId === item.pillarId);
            return (
              <div key={item.key} className="card stack" role="group" aria-label={t('meeting.itemN', { n: index + 1 })}>
                <div className="field">
                  <label htmlFor={`${item.key}-title`}>{t('meeting.itemTitle', { n: index + 1 })}</label>
                  <input id={`${item.key}-title`} className="input" maxLength={200} value={item.title} aria-invalid={touched && !item.title.trim() ? true : undefined} onChange={(e) => update(item.key, { title: e.target.value })} />
                </div>
                <div className="grid-2">
                  <div className="field">
                    <label htmlFor={`${item.key}-pillar`}>{t('proposal.pillar')}</label>
                    <select id={`${item.key}-pillar`} className="select" value={item.pillarId} onChange={(e) => update(item.key, { pillarId: e.target.value, proposalIds: [] })}>
                      <option value="">{t('common.none')}</option>
                      {pillars.map((p) => (
                        <option key={p.id} value={p.id}>
                          {pillarTitle(p)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`${item.key}-minutes`}>{t('meeting.plannedMinutes')}</label>
                    <input id={`${item.key}-minutes`} className="input" type="number" min={1} max={600} inputMode="numeric" value={item.plannedMinutes} onChange={(e) => update(item.key, { plannedMinutes: e.target.value })} />
                  </div>
                </div>
                <fieldset>
                  <legend>{t('meeting.itemProposals')}</legend>
                  {candidates.length === 0 && <p className="muted small">{t('meeting.noCandidates')}</p>}
                  {candidates.map((p) => (
                    <label key={p.id} className="row">
                      <input
                        type="checkbox"
                        style={{ width: '1.3rem', height: '1.3rem' }}
                        checked={item.proposalIds.includes(p.id)}
                        onChange={(e) => update(item.key, { proposalIds: e.target.checked ? [...item.proposalIds, p.id] : item.proposalIds.filter((x) => x !== p.id) })}
                      />
                      {p.title}
                    </label>
                  ))}
                </fieldset>
                <div>
                  <button type="button" className="btn btn--danger" onClick={() => setItems((all) => all.filter((i) => i.key !== item.key))}>
                    {t('meeting.removeItem', { n: index + 1 })}
                  </button>
                </div>
              </div>
            );
          })}
        </fieldset>
        {touched && (!title.trim() || items.some((i) => !i.title.trim())) && (
          <p role="alert" className="form-error">
            {t('meeting.fillRequired')}
          </p>
        )}
        <ErrorMessage error={createState.error} />
        <button type="submit" className="btn btn--primary btn--big" disabled={createState.loading}>
          {t('meeting.createButton')}
        </button>
      </form>
    </main>
  );
}
