import { useMutation } from '@apollo/client/react';
import { MINUTES_STATUS_LABELS, type MinutesStatus } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/status';
import { formatDateTime } from '../../../lib/format';
import { useLang } from '../../../lib/i18n';
import { DeskQuery, FinalizeMinutesMutation, UpdateMinutesSummaryMutation } from '../api/desk';

interface MeetingView {
  id: string;
  title: string;
  status: 'SCHEDULED' | 'LIVE' | 'ENDED';
  endedAt?: string | null;
  minutes?: { id: string; status: MinutesStatus; summary: string; contentHash?: string | null; finalizedAt?: string | null } | null;
}

/** Exports are plain links: the browser sends the session cookie; ?lang=en for English labels. */
export function ExportLinks({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const q = lang === 'en' ? '?lang=en' : '';
  const formats = [
    { ext: 'docx', label: t('desk.exportDocx') },
    { ext: 'pdf', label: t('desk.exportPdf') },
    { ext: 'md', label: t('desk.exportMd') },
    { ext: 'json', label: t('desk.exportJson') },
  ];
  return (
    <div className="row" role="group" aria-label={t('desk.exports')}>
      {formats.map((f) => (
        <a key={f.ext} className="btn" href={`/api/meetings/${meetingId}/minutes.${f.ext}${q}`} download>
          {f.label}
        </a>
      ))}
    </div>
  );
}

/** The secretariat's summary (議事概要) while DRAFT; finalising freezes the minutes. */
export function MinutesEditor({ meeting, canEdit }: { meeting: MeetingView; canEdit: boolean }) {
  const { t } = useTranslation();
  const { label, lang } = useLang();
  const minutes = meeting.minutes;
  const [summary, setSummary] = useState(minutes?.summary ?? '');
  const [saved, setSaved] = useState(false);
  const [save, saveState] = useMutation(UpdateMinutesSummaryMutation, { refetchQueries: [DeskQuery] });
  const [finalize, finalizeState] = useMutation(FinalizeMinutesMutation, { refetchQueries: [DeskQuery] });
  const final = minutes?.status === 'FINAL';
  const idBase = `minutes-${meeting.id}`;

  async function handleSave(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const res = await save({ variables: { meetingId: meeting.id, summary } }).catch(() => null);
    if (res?.data) setSaved(true);
  }

  async function handleFinalize() {
    if (!window.confirm(t('desk.confirmFinalize'))) return;
    await save({ variables: { meetingId: meeting.id, summary } }).catch(() => null);
    await finalize({ variables: { meetingId: meeting.id } }).catch(() => null);
  }

  return (
    <article className="card stack" aria-labelledby={`${idBase}-title`} data-testid="minutes">
      <div className="row">
        {minutes && <span className={`chip chip--${final ? 'ADOPTED' : 'DRAFT'}`}>{label(MINUTES_STATUS_LABELS[minutes.status])}</span>}
        <h3 id={`${idBase}-title`} style={{ margin: 0 }}>
          {meeting.title}
        </h3>
      </div>
      {meeting.endedAt && <p className="muted small">{t('desk.endedAt', { when: formatDateTime(meeting.endedAt, lang) })}</p>}
      {meeting.status !== 'ENDED' && !minutes ? (
        <p className="muted">{t('desk.minutesAfterEnd')}</p>
      ) : final ? (
        <div className="stack">
          <p>{minutes?.summary || t('desk.noSummary')}</p>
          {minutes?.contentHash && (
            <p className="small">
              <span className="muted">{t('desk.minutesHash')}</span> <code>{minutes.contentHash.slice(0, 16)}…</code>
            </p>
          )}
        </div>
      ) : canEdit ? (
        <form className="stack" onSubmit={(e) => void handleSave(e)}>
          <div className="field">
            <label htmlFor={`${idBase}-summary`}>{t('desk.summary')}</label>
            <textarea id={`${idBase}-summary`} className="textarea" rows={8} maxLength={20000} value={summary} onChange={(e) => setSummary(e.target.value)} />
            <span className="hint">{t('desk.summaryHint')}</span>
          </div>
          <ErrorMessage error={saveState.error ?? finalizeState.error} />
          {saved && (
            <p role="status" className="notice">
              {t('common.saved')}
            </p>
          )}
          <div className="row">
            <button type="submit" className="btn btn--primary" disabled={saveState.loading}>
              {t('desk.saveDraft')}
            </button>
            <button type="button" className="btn btn--danger" onClick={() => void handleFinalize()} disabled={finalizeState.loading || saveState.loading}>
              {t('desk.finalize')}
            </button>
          </div>
        </form>
      ) : (
        <p>{minutes?.summary || t('desk.noSummary')}</p>
      )}
      {meeting.status === 'ENDED' && <ExportLinks meetingId={meeting.id} />}
    </article>
  );
}
