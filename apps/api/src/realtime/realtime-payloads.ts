import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sector } from '@yoriai/domain';
import type { ActionItemPayload, CommentPayload, KpiMeasurementPayload, MeetingStatePayload, ProposalSummary, VoteTallyPayload } from '@yoriai/realtime-contract';
import { DataSource } from 'typeorm';
import { TallyService } from '../modules/voting/tally.service';
import { actionItemPayload, measurementPayload } from '../modules/delivery/delivery-payloads';

/**
 * Reads what a room event carries, AFTER the change committed (the bus publishes after COMMIT), so
 * a payload is always the committed state. Each is one small indexed query.
 */
@Injectable()
export class RealtimePayloads {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tallies: TallyService,
  ) {}

  async proposal(proposalId: string): Promise<ProposalSummary | null> {
    const [row] = await this.dataSource.query<{ id: string; process_id: string; pillar_id: string; title: string; status: string; version: number }[]>(
      'SELECT id, process_id, pillar_id, title, status, version FROM proposal WHERE id = $1',
      [proposalId],
    );
    return row ? { id: row.id, processId: row.process_id, pillarId: row.pillar_id, title: row.title, status: row.status, version: row.version } : null;
  }

  async comment(commentId: string): Promise<CommentPayload | null> {
    const [row] = await this.dataSource.query<
      {
        id: string;
        proposal_id: string;
        parent_id: string | null;
        stance: string;
        body: string;
        sector: Sector;
        hidden_at: Date | null;
        hidden_reason: string | null;
        created_at: Date;
        author_name: string;
      }[]
    >(
      `SELECT c.id, c.proposal_id, c.parent_id, c.stance, c.body, c.sector, c.hidden_at, c.hidden_reason, c.created_at, p.display_name AS author_name
         FROM comment c JOIN participant p ON p.id = c.author_id WHERE c.id = $1`,
      [commentId],
    );
    if (!row) return null;
    const hidden = row.hidden_at !== null;
    return {
      id: row.id,
      proposalId: row.proposal_id,
      parentId: row.parent_id,
      stance: row.stance,
      body: hidden ? '' : row.body,
      authorName: row.author_name,
      authorSector: row.sector,
      hidden,
      hiddenReason: hidden ? row.hidden_reason : null,
      createdAt: row.created_at.toISOString(),
    };
  }

  /**
   * The whole current tally of the proposal's open (else latest) round: shown form, never voter
   * identities. A sealed round (SECRET and still OPEN) gives its turnout and nothing else.
   */
  async tally(proposalId: string): Promise<{ processId: string; payload: VoteTallyPayload } | null> {
    const t = await this.tallies.currentTally(proposalId);
    if (!t) return null;
    const base = { proposalId, roundId: t.roundId, turnout: t.turnout };
    return { processId: t.processId, payload: t.sealed ? base : { ...base, tally: t.shown, bridgingScore: t.bridgingScore } };
  }

  async meeting(meetingId: string): Promise<MeetingStatePayload | null> {
    const [m] = await this.dataSource.query<
      {
        id: string;
        process_id: string;
        title: string;
        status: MeetingStatePayload['status'];
        current_item_id: string | null;
        timer_ends_at: Date | null;
        started_at: Date | null;
        ended_at: Date | null;
        agenda: string[] | null;
      }[]
    >(
      `SELECT m.id, m.process_id, m.title, m.status, m.current_item_id, m.timer_ends_at, m.started_at, m.ended_at,
              (SELECT array_agg(a.id::text ORDER BY a.position) FROM agenda_item a WHERE a.meeting_id = m.id) AS agenda
         FROM meeting m WHERE m.id = $1`,
      [meetingId],
    );
    if (!m) return null;
    const counts = await this.dataSource.query<{ sector: Sector; n: number }[]>(
      'SELECT sector, count(*)::int AS n FROM attendance WHERE meeting_id = $1 GROUP BY sector',
      [meetingId],
    );
    const attendance: Partial<Record<Sector, number>> = {};
    let total = 0;
    for (const c of counts) {
      attendance[c.sector] = c.n;
      total += c.n;
    }
    return {
      meetingId: m.id,
      processId: m.process_id,
      title: m.title,
      status: m.status,
      currentItemId: m.current_item_id,
      timerEndsAt: m.timer_ends_at?.toISOString() ?? null,
      startedAt: m.started_at?.toISOString() ?? null,
      endedAt: m.ended_at?.toISOString() ?? null,
      agendaItemIds: m.agenda ?? [],
      attendance,
      attendanceTotal: total,
    };
  }

  actionItem(actionItemId: string): Promise<ActionItemPayload | null> {
    return actionItemPayload(this.dataSource.manager, actionItemId);
  }

  measurement(measurementId: string): Promise<KpiMeasurementPayload | null> {
    return measurementPayload(this.dataSource.manager, measurementId);
  }
}
