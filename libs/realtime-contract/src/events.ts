import type { Sector, Tally } from '@yoriai/domain';

/** Every server event carries its room and a per-room sequence number (gaps mean: refetch). */
export interface RoomEnvelope {
  room: string;
  seq: number;
}

export interface ProposalSummary {
  id: string;
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
  body: string;
  authorName: string;
  authorSector: Sector;
  hidden: boolean;
  createdAt: string;
}

export interface ServerToClientEvents {
  'proposal.created': (e: RoomEnvelope & { proposal: ProposalSummary }) => void;
  'proposal.updated': (e: RoomEnvelope & { proposal: ProposalSummary }) => void;
  'comment.created': (e: RoomEnvelope & { comment: CommentPayload }) => void;
  'comment.hidden': (e: RoomEnvelope & { comment: CommentPayload }) => void;
  'vote.tally': (e: RoomEnvelope & { proposalId: string; roundId: string; tally: Tally; bridgingScore: number | null }) => void;
  'voting.opened': (e: RoomEnvelope & { proposalId: string; roundId: string }) => void;
  'voting.closed': (e: RoomEnvelope & { proposalId: string; roundId: string; recordId: string; outcome: string }) => void;
  'meeting.state': (
    e: RoomEnvelope & {
      meetingId: string;
      status: string;
      currentItemId: string | null;
      timerEndsAt: string | null;
      attendance: Partial<Record<Sector, number>>;
    },
  ) => void;
  'record.created': (e: RoomEnvelope & { recordId: string; proposalId: string; outcome: string; hash: string }) => void;
}

export interface SubscribeAck {
  ok: boolean;
  error?: { code: string; message: string };
}

export interface ClientToServerEvents {
  subscribe: (req: { room: string }, ack: (res: SubscribeAck) => void) => void;
  unsubscribe: (req: { room: string }, ack: (res: SubscribeAck) => void) => void;
}

export type ServerEventName = keyof ServerToClientEvents;
