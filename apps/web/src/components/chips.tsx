import {
  MEETING_STATUS_LABELS,
  OUTCOME_LABELS,
  SECTOR_LABELS,
  STANCE_LABELS,
  STATUS_LABELS,
  type MeetingStatus,
  type Outcome,
  type ProposalStatus,
  type Sector,
  type Stance,
} from '@yoriai/domain';
import { useLang } from '../lib/i18n';

export function StatusChip({ status }: { status: ProposalStatus }) {
  const { label } = useLang();
  return <span className={`chip chip--${status}`}>{label(STATUS_LABELS[status])}</span>;
}

export function OutcomeChip({ outcome }: { outcome: Outcome }) {
  const { label } = useLang();
  return <span className={`chip chip--${outcome}`}>{label(OUTCOME_LABELS[outcome])}</span>;
}

export function StanceChip({ stance }: { stance: Stance }) {
  const { label } = useLang();
  return <span className={`chip chip--${stance}`}>{label(STANCE_LABELS[stance])}</span>;
}

export function MeetingStatusChip({ status }: { status: MeetingStatus }) {
  const { label } = useLang();
  return <span className={`chip chip--${status}`}>{label(MEETING_STATUS_LABELS[status])}</span>;
}

/** 「産」 with the full name for screen readers and on hover. */
export function SectorBadge({ sector }: { sector: Sector }) {
  const { lang } = useLang();
  const l = SECTOR_LABELS[sector];
  const name = lang === 'ja' ? l.ja : l.en;
  return (
    <span className="sector-badge" title={name} aria-label={name} role="img">
      {l.short}
    </span>
  );
}

/** 「労（労働団体）」 / "労 (labour)" inline in text. */
export function SectorName({ sector }: { sector: Sector }) {
  const { lang } = useLang();
  const l = SECTOR_LABELS[sector];
  return <span>{lang === 'ja' ? (l.short === l.ja ? l.ja : `${l.short}（${l.ja}）`) : l.en}</span>;
}
