import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { room, type RoomName } from '@yoriai/realtime-contract';
import { DomainEventBus } from '../common/events/domain-event-bus';
import type { DomainEvent } from '../common/events/domain-events';
import { Coalescer } from './coalescer';
import { LIVE_TIMING, MAX_TALLY_WINDOW_MS, tallyWindowFor, type LiveTiming } from './live-timing';
import { LiveServer } from './live.server';
import { PendingSends } from './pending-sends';
import { RealtimePayloads } from './realtime-payloads';
import { ThemesPublisher } from './themes.publisher';

/** Keys of coalesced sends: `<processId>/<id>`, so that the rooms are known even when the read fails. */
const scoped = (processId: string, id: string) => `${processId}/${id}`;
const unscope = (key: string) => key.split('/') as [processId: string, id: string];

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
 *
 * Never silently wrong (docs/realtime.md § 9): a payload read that fails after COMMIT is retried, and
 * if it keeps failing the rooms are told to refetch (`deliver`); a coalesced send this node owes is
 * written down in Redis so another node makes it if this one dies inside the window (`coalesced`).
 */
@Injectable()
export class RealtimeListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private unsubscribe?: () => void;
  private stopped = false;
  private readonly coalescers: Coalescer<string>[] = [];
  private readonly tallies: Coalescer<string>;
  private readonly meetings: Coalescer<string>;
  /** Waits between payload read attempts that are running now (cleared on shutdown). */
  private readonly waits = new Set<() => void>();

  constructor(
    private readonly bus: DomainEventBus,
    private readonly live: LiveServer,
    private readonly payloads: RealtimePayloads,
    private readonly themes: ThemesPublisher,
    private readonly pending: PendingSends,
    @Inject(LIVE_TIMING) private readonly timing: LiveTiming,
  ) {
    // A fuller hall gets a wider window (tallyWindowFor): one send is one socket write per screen.
    const tallyWindow = (key: string): number => {
      const [processId, proposalId] = unscope(key);
      return tallyWindowFor(timing, this.live.localFollowers([room.proposal(proposalId), room.process(processId)]));
    };
    this.tallies = this.coalesced('vote.tally', tallyWindow, (key) => this.sendTally(key), Math.max(timing.tallyWindowMs, MAX_TALLY_WINDOW_MS));
    this.meetings = this.coalesced('meeting.state', timing.meetingStateWindowMs, (key) => this.sendMeetingState(key));
  }

  onModuleInit(): void {
    this.unsubscribe = this.bus.subscribe((e) => this.handle(e));
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.unsubscribe?.();
    for (const c of this.coalescers) c.stop();
    for (const wake of this.waits) wake();
    this.themes.stop();
  }

  async handle(e: DomainEvent): Promise<void> {
    if (this.stopped) return;
    this.themes.handle(e);
    switch (e.type) {
      case 'proposal.created':
      case 'proposal.updated': {
        const both = [room.proposal(e.proposalId), room.process(e.processId)];
        await this.deliver(e.type, both, () => this.payloads.proposal(e.proposalId), (proposal) =>
          // A draft exists only for its author and the secretariat: not announced to the whole process.
          this.toRooms(proposal.status === 'DRAFT' ? [room.proposal(e.proposalId)] : both, (r) => this.live.emitToRoom(r, e.type, { proposal })),
        );
        return;
      }
      case 'comment.created':
      case 'comment.hidden': {
        const proposalRoom = room.proposal(e.proposalId);
        await this.deliver(e.type, [proposalRoom], () => this.payloads.comment(e.commentId), (comment) => this.live.emitToRoom(proposalRoom, e.type, { comment }));
        return;
      }
      case 'vote.cast':
        // Synchronously, before the voter is answered: the owed tally is marked before anything else happens.
        this.tallies.trigger(scoped(e.processId, e.proposalId));
        return;
      case 'voting.opened':
        await this.toRooms([room.proposal(e.proposalId), room.process(e.processId)], (r) => this.live.emitToRoom(r, 'voting.opened', { proposalId: e.proposalId, roundId: e.roundId }));
        // The new round's (empty) tally, so screens drop the previous round's figures at once.
        this.tallies.trigger(scoped(e.processId, e.proposalId));
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
        this.meetings.trigger(scoped(e.processId, e.meetingId));
        return;
      case 'actionItem.updated': {
        const rooms = [room.proposal(e.proposalId), room.process(e.processId)];
        await this.deliver(e.type, rooms, () => this.payloads.actionItem(e.actionItemId), (actionItem) => this.toRooms(rooms, (r) => this.live.emitToRoom(r, 'actionItem.updated', { actionItem })));
        return;
      }
      case 'kpi.measured': {
        const rooms = [room.proposal(e.proposalId), room.process(e.processId)];
        await this.deliver(e.type, rooms, () => this.payloads.measurement(e.measurementId), (measurement) => this.toRooms(rooms, (r) => this.live.emitToRoom(r, 'kpi.measured', { measurement })));
        return;
      }
      case 'admission.changed':
        // To the person at the door, on whichever node holds their connections; the console re-reads
        // its pending list from meeting.state (emitted alongside).
        this.live.notifyAdmission(e.participantId, { meetingId: e.meetingId, status: e.status });
        return;
    }
  }

  /**
   * A coalesced room event: at most one send per window per key, each re-reading the whole state.
   * Every send it owes is marked in the PendingSends ledger before it becomes owed and settled once
   * made, so that another node makes it if this one dies inside the window. (Use this for any new
   * coalesced event, e.g. `themes.updated`.)
   */
  private coalesced(kind: string, windowMs: number | ((key: string) => number), send: (key: string) => Promise<void>, longestWindowMs = windowMs as number): Coalescer<string> {
    const coalescer = new Coalescer<string>(
      windowMs,
      (key) => this.pending.covering(kind, key, () => send(key)),
      (key, e) => this.failed(kind, key, e),
      { onDue: (key) => this.pending.owe(kind, key) },
    );
    this.pending.register(kind, longestWindowMs, (key) => coalescer.trigger(key));
    this.coalescers.push(coalescer);
    return coalescer;
  }

  /** Re-reads the tally after the window: the payload is always the whole committed truth. */
  private async sendTally(key: string): Promise<void> {
    const [processId, proposalId] = unscope(key);
    const rooms = [room.proposal(proposalId), room.process(processId)];
    await this.deliver('vote.tally', rooms, () => this.payloads.tally(proposalId), (current) => this.toRooms(rooms, (r) => this.live.emitToRoom(r, 'vote.tally', current.payload)));
  }

  private async sendMeetingState(key: string): Promise<void> {
    const [processId, meetingId] = unscope(key);
    const rooms = [room.meeting(meetingId), room.process(processId)];
    await this.deliver('meeting.state', rooms, () => this.payloads.meeting(meetingId), (payload) => this.toRooms(rooms, (r) => this.live.emitToRoom(r, 'meeting.state', payload)));
  }

  /**
   * Reads an event's payload (after COMMIT: the bus publishes only then) and sends it. A read that
   * fails — PostgreSQL restarting, the connection terminated — is tried again after each wait of
   * `readRetryMs` (≈ 8 s in all). If every attempt fails, each room in `onLoss` gets `live.resync`
   * with the seq the event would have had: its screens refetch instead of staying stale unawares.
   * A payload that is null (the row is gone) is nothing to send.
   */
  private async deliver<T>(what: string, onLoss: RoomName[], read: () => Promise<T | null>, send: (payload: T) => Promise<void>): Promise<void> {
    let payload: T | null;
    for (let attempt = 0; ; attempt++) {
      try {
        payload = await read();
        break;
      } catch (e) {
        const wait = this.timing.readRetryMs[attempt];
        if (this.stopped) return; // the database closes during shutdown
        if (wait === undefined) {
          this.logger.error(`${what}: could not read its payload in ${attempt + 1} attempts (${e instanceof Error ? e.message : String(e)}); telling ${onLoss.join(', ')} to refetch`);
          await this.toRooms(onLoss, (r) => this.live.resyncRoom(r));
          return;
        }
        await this.pause(wait);
      }
    }
    if (payload !== null && !this.stopped) await send(payload);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waits.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waits.add(wake);
    });
  }

  private async toRooms(rooms: RoomName[], send: (r: RoomName) => Promise<void>): Promise<void> {
    await Promise.all(rooms.map(send));
  }

  private failed(what: string, key: string, e: unknown): void {
    if (this.stopped) return; // the database closes during shutdown; a last send may fail then
    this.logger.error(`${what} for ${key} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
