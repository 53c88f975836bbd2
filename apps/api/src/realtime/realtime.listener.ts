import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { room, type RoomName } from '@yoriai/realtime-contract';
import { DomainEventBus } from '../common/events/domain-event-bus';
import type { DomainEvent } from '../common/events/domain-events';
import { Coalescer } from './coalescer';
import { LiveServer } from './live.server';
import { RealtimePayloads } from './realtime-payloads';
import { ThemesPublisher } from './themes.publisher';

/** ≤ 10 `vote.tally` per second per proposal (RELIABILITY.md: fan-out, not the database, is the limit). */
export const TALLY_WINDOW_MS = 100;
/** Attendance changes as a hall arrives (hundreds of joins a minute): ≤ 5 `meeting.state` per second per meeting. */
export const MEETING_STATE_WINDOW_MS = 200;

/**
 * The one place that turns committed domain events into room events (CONTRACT.md § Real time):
 *
 * | domain event                          | rooms                                   |
 * |---------------------------------------|-----------------------------------------|
 * | proposal.created / proposal.updated   | proposal, and process unless a draft    |
 * | comment.created / comment.hidden      | proposal                                |
 * | vote.cast → coalesced vote.tally      | proposal, process                       |
 * | voting.opened / voting.closed         | proposal, process                       |
 * | record.created                        | proposal, process                       |
 * | meeting.state (coalesced)             | meeting, process                        |
 * | actionItem.updated / kpi.measured     | proposal, process                       |
 * | comments, proposals, theme edits → coalesced themes.updated (ThemesPublisher) | per scope |
 *
 * Comments stay in their proposal's room: they are the busiest stream, and only a page showing the
 * proposal displays them. Tallies also go to the process room, where the projector ranks proposals.
 */
@Injectable()
export class RealtimeListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private unsubscribe?: () => void;
  private stopped = false;
  private readonly tallies = new Coalescer<string>(TALLY_WINDOW_MS, (proposalId) => this.sendTally(proposalId), (key, e) => this.failed('vote.tally', key, e));
  private readonly meetings = new Coalescer<string>(MEETING_STATE_WINDOW_MS, (meetingId) => this.sendMeetingState(meetingId), (key, e) => this.failed('meeting.state', key, e));

  constructor(
    private readonly bus: DomainEventBus,
    private readonly live: LiveServer,
    private readonly payloads: RealtimePayloads,
    private readonly themes: ThemesPublisher,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.subscribe((e) => this.handle(e));
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.tallies.stop();
    this.meetings.stop();
    this.themes.stop();
  }

  async handle(e: DomainEvent): Promise<void> {
    if (this.stopped) return;
    this.themes.handle(e);
    switch (e.type) {
      case 'proposal.created':
      case 'proposal.updated': {
        const proposal = await this.payloads.proposal(e.proposalId);
        if (!proposal) return;
        // A draft exists only for its author and the secretariat: not announced to the whole process.
        const rooms = proposal.status === 'DRAFT' ? [room.proposal(e.proposalId)] : [room.proposal(e.proposalId), room.process(e.processId)];
        await this.toRooms(rooms, (r) => this.live.emitToRoom(r, e.type, { proposal }));
        return;
      }
      case 'comment.created':
      case 'comment.hidden': {
        const comment = await this.payloads.comment(e.commentId);
        if (comment) await this.live.emitToRoom(room.proposal(e.proposalId), e.type, { comment });
        return;
      }
      case 'vote.cast':
        this.tallies.trigger(e.proposalId);
        return;
      case 'voting.opened':
        await this.toRooms([room.proposal(e.proposalId), room.process(e.processId)], (r) => this.live.emitToRoom(r, 'voting.opened', { proposalId: e.proposalId, roundId: e.roundId }));
        // The new round's (empty) tally, so screens drop the previous round's figures at once.
        this.tallies.trigger(e.proposalId);
        return;
      case 'voting.closed':
        await this.toRooms([room.proposal(e.proposalId), room.process(e.processId)], (r) =>
          this.live.emitToRoom(r, 'voting.closed', { proposalId: e.proposalId, roundId: e.roundId, recordId: e.recordId, outcome: e.outcome }),
        );
        return;
      case 'record.created':
        await this.toRooms([room.proposal(e.proposalId), room.process(e.processId)], (r) =>
          this.live.emitToRoom(r, 'record.created', { recordId: e.recordId, proposalId: e.proposalId, outcome: e.outcome, hash: e.hash }),
        );
        return;
      case 'meeting.state':
        this.meetings.trigger(e.meetingId);
        return;
      case 'actionItem.updated': {
        const actionItem = await this.payloads.actionItem(e.actionItemId);
        if (actionItem) await this.toRooms([room.proposal(e.proposalId), room.process(e.processId)], (r) => this.live.emitToRoom(r, 'actionItem.updated', { actionItem }));
        return;
      }
      case 'kpi.measured': {
        const measurement = await this.payloads.measurement(e.measurementId);
        if (measurement) await this.toRooms([room.proposal(e.proposalId), room.process(e.processId)], (r) => this.live.emitToRoom(r, 'kpi.measured', { measurement }));
        return;
      }
      case 'admission.changed':
        // To the person at the door, on whichever node holds their connections; the console re-reads
        // its pending list from meeting.state (emitted alongside).
        this.live.notifyAdmission(e.participantId, { meetingId: e.meetingId, status: e.status });
        return;
    }
  }

  /** Re-reads the tally after the window: the payload is always the whole committed truth. */
  private async sendTally(proposalId: string): Promise<void> {
    const current = await this.payloads.tally(proposalId);
    if (!current || this.stopped) return;
    await this.toRooms([room.proposal(proposalId), room.process(current.processId)], (r) => this.live.emitToRoom(r, 'vote.tally', current.payload));
  }

  private async sendMeetingState(meetingId: string): Promise<void> {
    const payload = await this.payloads.meeting(meetingId);
    if (!payload || this.stopped) return;
    await this.toRooms([room.meeting(meetingId), room.process(payload.processId)], (r) => this.live.emitToRoom(r, 'meeting.state', payload));
  }

  private async toRooms(rooms: RoomName[], send: (r: RoomName) => Promise<void>): Promise<void> {
    await Promise.all(rooms.map(send));
  }

  private failed(what: string, key: string, e: unknown): void {
    if (this.stopped) return; // the database closes during shutdown; a last send may fail then
    this.logger.error(`${what} for ${key} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
