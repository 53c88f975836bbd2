import type { Sector, Tally } from '@yoriai/domain';
import type { RoomName } from './rooms';

/**
 * Every room event carries its room and a per-room sequence number. `seq` grows by one per event
 * in that room, across all API nodes. A client keeps the last seq it saw per room and refetches the
 * room's state over GraphQL when the next event is not `last + 1` (a gap: something was missed) or is
 * lower than `last` (the counter was reset, e.g. a single node restarted). See docs/realtime.md.
 */
export interface RoomEnvelope {
  room: RoomName;
  seq: number;
}

export interface ProposalSummary {
  id: string;
  processId: string;
  pillarId: string;
  title: string;
  status: string;
  version: number;
}

export interface CommentPayload {
  id: string;
  proposalId: string;
  parentId: string | null;
  stance: string;
  /** Empty when the comment is hidden: a hidden body never goes out on a broadcast. */
  body: string;
  authorName: string;
  authorSector: Sector;
  hidden: boolean;
  hiddenReason: string | null;
  createdAt: string;
}

export interface VoteTallyPayload {
  proposalId: string;
  roundId: string;
  /** How many have voted in the round (one current vote per voter). */
  turnout: number;
  /**
   * The whole current tally (a closed secret ballot: small sectors merged), never a delta. ABSENT while
   * a SECRET round is open: then nothing but the turnout leaves the server (docs/security.md).
   */
  tally?: Tally;
  /** Lowest per-sector agree share (0–1), null before any sector took a position; absent with `tally`. */
  bridgingScore?: number | null;
}

export interface MeetingStatePayload {
  meetingId: string;
  processId: string;
  title: string;
  status: 'SCHEDULED' | 'LIVE' | 'ENDED';
  currentItemId: string | null;
  /** ISO time the facilitator's timer ends, null when no timer runs. */
  timerEndsAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  /** Agenda item ids in order: a changed list means the agenda was edited (refetch it). */
  agendaItemIds: string[];
  /** Attendees per sector (only sectors with attendees). */
  attendance: Partial<Record<Sector, number>>;
  attendanceTotal: number;
}

/**
 * A roadmap milestone changed (delivery): the whole item as it now is, so a screen can update its row
 * without a refetch. Owner organisation and sector only — never a person's name.
 */
export interface ActionItemPayload {
  id: string;
  recordId: string;
  proposalId: string;
  title: string;
  status: 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'DELAYED' | 'DROPPED';
  progress: number;
  startDate: string | null;
  dueDate: string | null;
  statusReason: string | null;
  ownerOrganization: string | null;
  ownerSector: Sector | null;
  kpiId: string | null;
  late: boolean;
}

/** A KPI measurement was recorded; a correction is a new measurement for the same date (the older one stays in the history). */
export interface KpiMeasurementPayload {
  id: string;
  kpiId: string;
  proposalId: string;
  value: number;
  measuredAt: string;
  source: string | null;
  note: string | null;
  sector: Sector | null;
  createdAt: string;
  /** The earlier entry for the same date that this one corrects, if any. */
  supersedesId: string | null;
}

/** One theme as a live panel shows it (GraphQL `Theme` without the comments themselves). */
export interface ThemeSummary {
  id: string;
  label: string;
  renamed: boolean;
  keyPhrases: string[];
  size: number;
  /** Sectors with at least 3 authors in the theme (smaller ones are only named, in smallSectors). */
  sectors: { sector: Sector; count: number; share: number; target: number; underRepresented: boolean }[];
  smallSectors: Sector[];
  /** Sectors that commented in scope but not on this theme. */
  silentSectors: Sector[];
  stances: { stance: string; count: number }[];
  bridging: boolean;
  divide: boolean;
  /** Comments per sixth of the scope's time span. */
  trend: number[];
  /** Read them over GraphQL (`Theme.representatives`): bodies are not broadcast. */
  representativeIds: string[];
}

export interface ThemesUpdatedPayload {
  /** `proposal:<id>`, `meeting:<id>`, `process:<id>` or `pillar:<id>` (a pillar's themes go to its process room). */
  scope: string;
  /** Visible comments the themes were built from. */
  comments: number;
  /** The whole current list, largest first: the latest event is the truth. */
  themes: ThemeSummary[];
}

export type ProposalEvent = RoomEnvelope & { proposal: ProposalSummary };
export type CommentEvent = RoomEnvelope & { comment: CommentPayload };
export type VoteTallyEvent = RoomEnvelope & VoteTallyPayload;
export type VotingOpenedEvent = RoomEnvelope & { proposalId: string; roundId: string };
export type VotingClosedEvent = RoomEnvelope & { proposalId: string; roundId: string; recordId: string; outcome: string };
export type MeetingStateEvent = RoomEnvelope & MeetingStatePayload;
export type RecordCreatedEvent = RoomEnvelope & { recordId: string; proposalId: string; outcome: string; hash: string };
export type ActionItemUpdatedEvent = RoomEnvelope & { actionItem: ActionItemPayload };
export type KpiMeasuredEvent = RoomEnvelope & { measurement: KpiMeasurementPayload };
export type ThemesUpdatedEvent = RoomEnvelope & ThemesUpdatedPayload;

/**
 * `live.resync`: the receiver's copy may be stale, refetch it over GraphQL (not a room event).
 * - Without `room` (`REDIS_RECONNECTED`): sent to every socket of a node when events may have been
 *   lost for all its rooms, e.g. its connection to Redis came back after an outage: refetch every room.
 * - With `room` (`EVENT_LOST`): sent to one room when an event of that room could not be built (its
 *   data could not be read after the change committed, even after retrying for several seconds).
 *   `seq` is the number that event would have carried: refetch the room and continue from `seq`.
 */
export type ResyncEvent = ConnectionResyncEvent | RoomResyncEvent;
export interface ConnectionResyncEvent {
  reason: 'REDIS_RECONNECTED';
  room?: undefined;
}
export interface RoomResyncEvent {
  reason: 'EVENT_LOST';
  room: RoomName;
  seq: number;
}

/**
 * `live.heartbeat`: every few seconds (the subscribe ack's `heartbeatMs`), one per room the socket
 * follows, carrying the room's current seq (that of its last event; no seq is used). A client whose
 * last seq stays below it has missed an event even in a quiet room; a client that hears nothing at all
 * (no event, no heartbeat) for about three intervals knows its connection is silently broken.
 */
export interface HeartbeatEvent {
  room: RoomName;
  seq: number;
}

/** The room events: each payload is a RoomEnvelope plus the event's data. */
export interface RoomEvents {
  'proposal.created': (e: ProposalEvent) => void;
  'proposal.updated': (e: ProposalEvent) => void;
  'comment.created': (e: CommentEvent) => void;
  'comment.hidden': (e: CommentEvent) => void;
  'vote.tally': (e: VoteTallyEvent) => void;
  'voting.opened': (e: VotingOpenedEvent) => void;
  'voting.closed': (e: VotingClosedEvent) => void;
  'meeting.state': (e: MeetingStateEvent) => void;
  'record.created': (e: RecordCreatedEvent) => void;
  'actionItem.updated': (e: ActionItemUpdatedEvent) => void;
  'kpi.measured': (e: KpiMeasuredEvent) => void;
  'themes.updated': (e: ThemesUpdatedEvent) => void;
}

/** A room this socket followed may no longer be followed (removed from the process, role changed). */
export interface DeniedEvent {
  room: RoomName;
  error: LiveError;
}

/** The session behind this connection ended (signed out, or the guest was removed); the server closes it. */
export interface EndedEvent {
  reason: 'SESSION_ENDED';
}

/** A guest waiting at the door of a CODE_WITH_APPROVAL meeting was admitted or denied. */
export interface AdmissionEvent {
  meetingId: string;
  status: 'PENDING' | 'ADMITTED' | 'DENIED';
}

export interface ServerToClientEvents extends RoomEvents {
  'live.resync': (e: ResyncEvent) => void;
  'live.heartbeat': (e: HeartbeatEvent) => void;
  'live.denied': (e: DeniedEvent) => void;
  'live.ended': (e: EndedEvent) => void;
  'live.admission': (e: AdmissionEvent) => void;
}

/** Names of the room events (`live.resync` is not one: it concerns the whole connection). */
export type ServerEventName = keyof RoomEvents;
export const ROOM_EVENT_NAMES: ReadonlyArray<ServerEventName> = [
  'proposal.created',
  'proposal.updated',
  'comment.created',
  'comment.hidden',
  'vote.tally',
  'voting.opened',
  'voting.closed',
  'meeting.state',
  'record.created',
  'actionItem.updated',
  'kpi.measured',
  'themes.updated',
];
export const RESYNC_EVENT = 'live.resync';
export const HEARTBEAT_EVENT = 'live.heartbeat';
export const DENIED_EVENT = 'live.denied';
export const ENDED_EVENT = 'live.ended';
export const ADMISSION_EVENT = 'live.admission';
/** A room event's data without the envelope (what the server fills in besides room and seq). */
export type RoomEventData<E extends ServerEventName> = Omit<Parameters<RoomEvents[E]>[0], 'room' | 'seq'>;

/** The typed error of a refused handshake (`connect_error`'s `err.data`) or a refused request (ack). */
export interface LiveError {
  /** The contract category (as GraphQL's extensions.code). */
  code: 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'CLIENT_REQUEST_ID_REUSED' | 'INTERNAL_SERVER_ERROR';
  /** Our reason code, e.g. TOKEN_EXPIRED, ORIGIN_NOT_ALLOWED, NOT_A_MEMBER, TOO_MANY_MESSAGES. */
  reason: string;
  /** Readable, in the handshake's language (Accept-Language or `auth.lang`; Japanese by default). */
  message: string;
}

export interface SubscribeAck {
  ok: boolean;
  /** On success: the room's current seq; the next event of the room has a higher one. */
  seq?: number;
  /** On success: how often the server sends `live.heartbeat` for each followed room (ms). */
  heartbeatMs?: number;
  error?: LiveError;
}

/**
 * Whether a refused request may succeed if sent again later (after a backoff): the server could not
 * answer now (INTERNAL_SERVER_ERROR, e.g. reason DATABASE_UNAVAILABLE; RATE_LIMITED). Every other
 * code is a final answer (no access, no such room, signed out): stop following the room and say why.
 */
export function isTransientLiveError(error: Pick<LiveError, 'code'> | undefined): boolean {
  return !error || error.code === 'INTERNAL_SERVER_ERROR' || error.code === 'RATE_LIMITED';
}

export interface RoomRequest {
  room: string;
}

export interface ClientToServerEvents {
  subscribe: (req: RoomRequest, ack: (res: SubscribeAck) => void) => void;
  unsubscribe: (req: RoomRequest, ack: (res: SubscribeAck) => void) => void;
}

/** The handshake `auth` object: a bearer token (the session cookie is accepted too) and an optional language. */
export interface LiveHandshakeAuth {
  token?: string;
  lang?: 'ja' | 'en';
}
