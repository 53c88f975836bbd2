import type { MinutesThemes } from './minutes-themes';
import type { ActionItemStatus, Ballot, DecisionRule, MeetingStatus, MinutesStatus, Outcome, ProposalStatus, Sector, Stance, VoteChoice } from '@yoriai/domain';

/**
 * The minutes (議事録) of one meeting as plain, JSON-serialisable data: the single source that every
 * export format (Markdown, DOCX, PDF, JSON) renders. It is bilingual on purpose — every label the
 * system writes is given as { ja, en }, while what people wrote stays as written — so that one
 * finalised document has exactly one content hash whatever language it is later exported in:
 *
 *   contentHash = sha256(canonicalJson(document))      (libs/domain canonicalJson, lowercase hex)
 *
 * Timestamps are ISO 8601 strings (canonicalJson accepts no Date objects); shares are rounded to
 * 4 decimals. Bump MINUTES_SCHEMA_VERSION on any incompatible change; frozen documents keep the
 * version they had (version 1, before the analytics section, renders without it).
 */
export const MINUTES_SCHEMA_VERSION = 2 as const;
export const MINUTES_KIND = 'yoriai.minutes' as const;
/** Minutes are dated in Japan's time zone: the product is for Japanese regions. */
export const MINUTES_TIME_ZONE = 'Asia/Tokyo' as const;

export interface Bilingual {
  ja: string;
  en: string;
}

export interface MinutesPerson {
  participantId: string;
  name: string;
  organization: string | null;
  sector: Sector | null;
  /** Joined by code (no account). */
  guest: boolean;
}

export interface MinutesAttendee {
  name: string;
  organization: string | null;
  guest: boolean;
  joinedAt: string;
}

export interface MinutesSectorAttendance {
  sector: Sector;
  label: Bilingual;
  count: number;
  attendees: MinutesAttendee[];
}

export interface MinutesKpi {
  indicator: string;
  baseline: string | null;
  target: string;
  deadline: string | null;
}

export interface MinutesComment {
  id: string;
  author: string;
  organization: string | null;
  sector: Sector;
  sectorLabel: Bilingual;
  body: string;
  createdAt: string;
  /** The comment this one replies to (a reply is listed under its own stance). */
  replyToId: string | null;
}

export interface MinutesStanceGroup {
  stance: Stance;
  label: Bilingual;
  comments: MinutesComment[];
}

export interface MinutesDiscussion {
  /** Visible comments written during the meeting. */
  total: number;
  /** Comments hidden by a moderator during the meeting: counted, never printed. */
  hiddenCount: number;
  /** Visible comments written online before the meeting started (not printed; see the proposal page). */
  earlierCount: number;
  byStance: MinutesStanceGroup[];
}

export interface MinutesTallyRow {
  sector: Sector;
  /** Secret ballots: the sectors pooled into this row (each had fewer than 3 voters); else [sector]. */
  sectors: Sector[];
  label: Bilingual;
  agree: number;
  disagree: number;
  abstain: number;
  block: number;
  total: number;
}

export interface MinutesTally {
  agree: number;
  disagree: number;
  abstain: number;
  block: number;
  total: number;
  bySector: MinutesTallyRow[];
}

export interface MinutesDissentResponse {
  response: string;
  respondedBy: string | null;
  respondedAt: string;
}

export interface MinutesDissent {
  id: string;
  /** A DISAGREE or BLOCK vote, or a CONCERN comment. */
  kind: 'VOTE' | 'COMMENT';
  choice: VoteChoice | null;
  choiceLabel: Bilingual | null;
  sector: Sector | null;
  sectorLabel: Bilingual | null;
  /** Named only for open ballots of processes that name dissent; otherwise null. */
  name: string | null;
  reason: string;
  responses: MinutesDissentResponse[];
}

export interface MinutesActionItem {
  id: string;
  title: string;
  ownerOrganization: string | null;
  ownerSector: Sector | null;
  ownerSectorLabel: Bilingual | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  kpi: string | null;
  /** Roadmap status; documents frozen before the roadmap existed say OPEN (read as PLANNED). */
  status: ActionItemStatus | 'OPEN';
  statusLabel: Bilingual;
}

export interface MinutesReason {
  code: string;
  ja: string;
  en: string;
}

/** One cell of the agreement matrix row of a decision (docs/analytics.md). */
export interface MinutesAgreementCell {
  sector: Sector;
  label: Bilingual;
  /** agree / (agree + disagree + block); null when the sector took no position or is suppressed. */
  agreeShare: number | null;
  /** Votes cast by the sector (abstentions included); null when suppressed. */
  voters: number | null;
  /** Secret ballot: the sector is not shown on its own in the tally (fewer than 3 voters, or merged). */
  suppressed: boolean;
}

export interface MinutesDecisionAnalytics {
  /** Lowest sector agree share, small-sample corrected ((agree + 1) / (positions + 2)); null when no sector took a position. */
  bridgingScore: number | null;
  /** Every sector in 産官学金労言・住民 order (the proposal's row of the agreement matrix). */
  agreement: MinutesAgreementCell[];
}

export interface MinutesSectorRef {
  sector: Sector;
  label: Bilingual;
}

export interface MinutesRepresentationRow {
  sector: Sector;
  label: Bilingual;
  /** Attendees of the sector. */
  count: number;
  share: number;
  /** The process's target share (organiser's weights normalised; default 1/6 for each of 産官学金労言). */
  target: number;
  /** share < target / 2 */
  underRepresented: boolean;
}

export interface MinutesAnalytics {
  /** Replies written during the meeting whose author's sector differs from the parent comment's. */
  dialogue: { index: number | null; replies: number; crossSector: number };
  /** Attendance per sector against the representation targets. */
  representation: MinutesRepresentationRow[];
}

export interface MinutesDecision {
  recordId: string;
  seq: number;
  hash: string;
  prevHash: string | null;
  /** The earlier record this one corrects (records are never edited; a correction is a new record). */
  supersedes: { recordId: string; seq: number } | null;
  /** A later record that corrects this one, or null. */
  supersededBy: { recordId: string; seq: number } | null;
  decidedAt: string;
  proposalVersion: number;
  proposalHash: string;
  rule: DecisionRule;
  ruleLabel: Bilingual;
  params: { threshold: number; quorum: number; minSectors: number };
  ballot: Ballot;
  ballotLabel: Bilingual;
  outcome: Outcome;
  outcomeLabel: Bilingual;
  reasons: MinutesReason[];
  tally: MinutesTally;
  dissent: MinutesDissent[];
  actionItems: MinutesActionItem[];
  /** Absent from schemaVersion 1 documents (finalised before the analytics section existed). */
  analytics?: MinutesDecisionAnalytics;
}

export interface MinutesProposal {
  id: string;
  title: string;
  version: number;
  contentHash: string;
  status: ProposalStatus;
  statusLabel: Bilingual;
  author: string;
  authorSector: Sector | null;
  kpis: MinutesKpi[];
  discussion: MinutesDiscussion;
  decisions: MinutesDecision[];
}

export interface MinutesAgendaItem {
  id: string;
  position: number;
  title: string;
  pillar: { id: string; position: number; title: string; titleEn: string | null } | null;
  plannedMinutes: number | null;
  /** The secretariat's summary of this item (議事概要), as written. */
  summary: string;
  proposals: MinutesProposal[];
  /**
   * Sectors that attended (not as observers) and neither commented nor voted on the item's
   * proposals during the meeting. Absent from schemaVersion 1 documents.
   */
  missingVoices?: MinutesSectorRef[];
}

export interface MinutesChainCheck {
  valid: boolean;
  length: number;
  brokenAt: number | null;
  reason: string | null;
  /** Hash of the last record of the process (the chain's head), null for an empty chain. */
  headHash: string | null;
}

export interface MinutesProgressItem {
  proposal: string;
  title: string;
  owner: string | null;
  ownerSectorLabel: Bilingual | null;
  startDate: string | null;
  dueDate: string | null;
  statusLabel: Bilingual;
  progress: number;
  late: boolean;
  reason: string | null;
}

export interface MinutesProgressKpi {
  proposal: string;
  indicator: string;
  baseline: string | null;
  target: string;
  deadline: string | null;
  unit: string | null;
  latest: { value: number; measuredAt: string } | null;
  /** 0–1, rounded to 4 decimals; null without numbers. */
  progress: number | null;
  reached: boolean;
  late: boolean;
}

export interface MinutesProgress {
  /** YYYY-MM-DD in Japan: what "late" was measured against. */
  asOf: string;
  items: MinutesProgressItem[];
  kpis: MinutesProgressKpi[];
}

export interface MinutesDocument {
  kind: typeof MINUTES_KIND;
  /** 2 since the analytics section; frozen version-1 documents lack it. */
  schemaVersion: typeof MINUTES_SCHEMA_VERSION | 1;
  status: MinutesStatus;
  meeting: {
    id: string;
    title: string;
    status: MeetingStatus;
    location: string | null;
    scheduledAt: string | null;
    startedAt: string | null;
    endedAt: string | null;
    timeZone: typeof MINUTES_TIME_ZONE;
    /** 日時, e.g. 「2026年11月23日(月) 14:00–16:30」 / "Mon 23 Nov 2026, 14:00–16:30 JST". */
    when: Bilingual;
  };
  process: { id: string; title: string };
  organizers: MinutesPerson[];
  facilitator: MinutesPerson | null;
  attendance: { total: number; bySector: MinutesSectorAttendance[] };
  agenda: MinutesAgendaItem[];
  /**
   * 「その他（議題外）」: proposals not on the agenda on which a vote was opened or closed, or a comment
   * written, while the meeting ran (every decision of the meeting is in its minutes). Absent from
   * documents frozen before this section existed.
   */
  offAgenda?: MinutesProposal[];
  /** The secretariat's summary of the whole meeting, as written. */
  summary: string;
  /**
   * 進捗状況: the roadmap and KPIs of the process's decisions as they stood when the document was
   * built (delivery/minutes-progress.ts). Absent from documents frozen before this section existed
   * and from processes with no decision yet.
   */
  progress?: MinutesProgress;
  /** Cross-sector analytics of the meeting (docs/analytics.md). Absent from schemaVersion 1 documents. */
  analytics?: MinutesAnalytics;
  /** 「主な論点」: the themes of the meeting's comments (minutes-themes.ts). Absent from documents frozen before it existed. */
  themes?: MinutesThemes;
  footer: {
    generatedAt: string;
    finalizedAt: string | null;
    finalizedBy: string | null;
    /** verifyChain over every consensus record of the process, at generation time. */
    chain: MinutesChainCheck;
  };
}
