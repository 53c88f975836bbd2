import { useMutation, useQuery } from '@apollo/client/react';
import { CHOICE_LABELS, RULE_LABELS, STANCE_LABELS, type Ballot, type DecisionRule, type Outcome, type Sector, type Stance, type VoteChoice } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OutcomeChip, SectorName } from '../../../components/chips';
import { ErrorMessage, Loading } from '../../../components/status';
import { TallyChart, type TallyView } from '../../../components/tally-chart';
import { formatDateTime } from '../../../lib/format';
import { useLang } from '../../../lib/i18n';
import { RecordDetailQuery, RespondToDissentMutation } from '../api/desk';
import { ActionItems, type ActionItemView } from './action-items';

interface DissentView {
  id: string;
  kind: 'VOTE' | 'COMMENT';
  sector?: Sector | null;
  choice?: VoteChoice | null;
  stance?: Stance | null;
  text?: string | null;
  authorName?: string | null;
  response?: string | null;
  respondedAt?: string | null;
  respondedBy?: string | null;
}

export interface RecordView {
  id: string;
  seq: number;
  proposalTitle: string;
  proposalVersion: number;
  rule: DecisionRule;
  ballot: Ballot;
  outcome: Outcome;
  decidedAt: string;
  hash: string;
  prevHash?: string | null;
  supersedesId?: string | null;
  correctionReason?: string | null;
  tally: TallyView;
  reasons: ReadonlyArray<{ code: string; message: string }>;
  dissent: ReadonlyArray<DissentView>;
  actionItems: ReadonlyArray<ActionItemView>;
}

function DissentResponse({ recordId, dissent, canRespond }: { recordId: string; dissent: DissentView; canRespond: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [editing, setEditing] = useState(false);
  const [response, setResponse] = useState(dissent.response ?? '');
  const [respond, { loading, error }] = useMutation(RespondToDissentMutation, { refetchQueries: [RecordDetailQuery] });

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    if (!response.trim()) return;
    const res = await respond({ variables: { input: { recordId, dissentId: dissent.id, response: response.trim() } } }).catch(() => null);
    if (res?.data) setEditing(false);
  }

  return (
    <div className="stack">
      {dissent.response && !editing && (
        <p className="dissent-response">
          <strong>{t('desk.response')}</strong> {dissent.response}
          <span className="muted small">
            {' '}
            — {dissent.respondedBy ?? ''} {dissent.respondedAt ? formatDateTime(dissent.respondedAt, lang) : ''}
          </span>
        </p>
      )}
      {canRespond &&
        (editing ? (
          <form className="stack" onSubmit={(e) => void handleSubmit(e)}>
            <div className="field">
              <label htmlFor={`respond-${recordId}-${dissent.id}`}>{t('desk.responseLabel')}</label>
              <textarea id={`respond-${recordId}-${dissent.id}`} className="textarea" rows={3} maxLength={5000} value={response} onChange={(e) => setResponse(e.target.value)} />
            </div>
            <ErrorMessage error={error} />
            <div className="row">
              <button type="submit" className="btn btn--primary" disabled={loading || !response.trim()}>
                {t('desk.saveResponse')}
              </button>
              <button type="button" className="btn btn--quiet" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <div>
            <button type="button" className="btn btn--quiet" onClick={() => setEditing(true)}>
              {dissent.response ? t('desk.editResponse') : t('desk.respond')}
            </button>
          </div>
        ))}
    </div>
  );
}

interface RecordSummary {
  id: string;
  seq: number;
  proposalTitle: string;
  outcome: Outcome;
  decidedAt: string;
  supersedesId?: string | null;
}

/**
 * One consensus record, folded to its title line; opening it loads the full record: outcome,
 * per-sector tally, the why, the hash link, dissent (with answers) and action items.
 */
export function RecordCard({ record, initiallyOpen, canRespond, canManageActions }: { record: RecordSummary; initiallyOpen: boolean; canRespond: boolean; canManageActions: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="card" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="record">
      <summary className="record-summary">
        <span className="chip chip--DRAFT">{t('desk.recordNo', { seq: record.seq })}</span> <OutcomeChip outcome={record.outcome} />{' '}
        {record.supersedesId && <span className="chip chip--DEFERRED">{t('desk.correction')}</span>} <strong>{record.proposalTitle}</strong>{' '}
        <time className="muted small" dateTime={record.decidedAt}>
          {formatDateTime(record.decidedAt, lang)}
        </time>
      </summary>
      {open && <RecordDetail id={record.id} canRespond={canRespond} canManageActions={canManageActions} />}
    </details>
  );
}

function RecordDetail({ id, canRespond, canManageActions }: { id: string; canRespond: boolean; canManageActions: boolean }) {
  const { data, loading, error } = useQuery(RecordDetailQuery, { variables: { id } });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorMessage error={error} />;
  const record = data?.consensusRecord;
  return record ? <RecordBody record={record} canRespond={canRespond} canManageActions={canManageActions} /> : null;
}

function RecordBody({ record, canRespond, canManageActions }: { record: RecordView; canRespond: boolean; canManageActions: boolean }) {
  const { t } = useTranslation();
  const { label } = useLang();
  return (
    <div className="stack" style={{ marginTop: '0.75rem' }}>
      <p className="muted small">
        {t('proposal.versionN', { n: record.proposalVersion })} · {label(RULE_LABELS[record.rule])}
      </p>
      {record.correctionReason && <p>{t('desk.correctionReason', { reason: record.correctionReason })}</p>}
      <ul className="small">
        {record.reasons.map((r) => (
          <li key={r.code + r.message}>{r.message}</li>
        ))}
      </ul>
      <TallyChart tally={record.tally} />
      <p className="small hash">
        <span className="muted">{t('desk.hash')}</span> <code title={record.hash}>{record.hash.slice(0, 16)}…</code>
        {record.prevHash && (
          <>
            {' '}
            <span className="muted">{t('desk.prevHash')}</span> <code title={record.prevHash}>{record.prevHash.slice(0, 16)}…</code>
          </>
        )}
      </p>
      <section className="stack" aria-labelledby={`dissent-${record.id}`}>
        <h4 id={`dissent-${record.id}`}>{t('desk.dissent', { count: record.dissent.length })}</h4>
        {record.dissent.length === 0 && <p className="muted">{t('desk.noDissent')}</p>}
        <ul className="list">
          {record.dissent.map((d) => (
            <li key={d.id} className="comment comment--CONCERN stack">
              <div className="meta">
                <span className="chip chip--CONCERN">{d.kind === 'VOTE' && d.choice ? label(CHOICE_LABELS[d.choice]) : d.stance ? label(STANCE_LABELS[d.stance]) : ''}</span>
                {d.sector ? <SectorName sector={d.sector} /> : <span>{t('desk.sectorWithheld')}</span>}
                {d.authorName && <strong>{d.authorName}</strong>}
              </div>
              <p className="body">{d.text || t('desk.noReason')}</p>
              <DissentResponse recordId={record.id} dissent={d} canRespond={canRespond} />
            </li>
          ))}
        </ul>
      </section>
      <ActionItems recordId={record.id} items={record.actionItems} canManage={canManageActions} />
    </div>
  );
}
