import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  agreementMatrix,
  AgreementCell,
  crossPillar,
  CrossPillarCell,
  dialogueIndex,
  DialogueIndex,
  inclusion,
  Inclusion,
  missingVoices,
  opinionGroups,
  rankByBridging,
  representation,
  RepresentationRow,
  SECTORS,
  sectorWeightedTally,
  SectorWeightedTally,
  splitSectors,
  type Ballot,
  type Sector,
  type Tally,
  type VoteChoice,
} from '@yoriai/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { badInput, Errors } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { ProcessEntity } from '../process/process.entity';
import { SECRET_MIN_VOTERS, shownTally, tallyFromCounts, UNSEALED } from '../voting/tally.service';
import type { SetRepresentationTargetsInput } from './analytics.model';

export interface ProposalTally {
  proposalId: string;
  pillarId: string;
  ballot: Ballot;
  tally: Tally;
}

export interface AnalyticsCell extends AgreementCell {
  pillarId: string;
  suppressed: boolean;
}

export interface OpinionGroupView {
  id: number;
  size: number;
  sectors: { sector: Sector; count: number }[];
  agreement: { proposalId: string; agreeShare: number | null; voters: number }[];
}

export type RepresentationBasis = 'MEMBERS' | 'VOTERS';

const PROPOSAL = { ja: '提案', en: 'The proposal' };

/**
 * Sectors whose own figures may be shown: all of an open ballot; of a secret ballot only those the
 * shown tally lists unmerged with at least 3 voters (see mergeSmallSectors).
 */
export function visibleSectors(ballot: Ballot, tally: Tally): Sector[] {
  if (ballot !== 'SECRET') return tally.bySector.map((r) => r.sector);
  return shownTally(ballot, tally)
    .bySector.filter((r) => !(r.mergedSectors && r.mergedSectors.length > 1) && r.total >= SECRET_MIN_VOTERS)
    .map((r) => r.sector);
}

/** The tally with only the visible sectors' rows (totals unchanged, which are public anyway). */
function visibleTally(ballot: Ballot, tally: Tally): Tally {
  if (ballot !== 'SECRET') return tally;
  const visible = new Set(visibleSectors(ballot, tally));
  return { ...tally, bySector: tally.bySector.filter((r) => visible.has(r.sector)) };
}

/**
 * Cross-sector consensus analytics (DESIGN.md §3, docs/analytics.md). The measures are pure
 * functions in libs/domain; this service only gathers their inputs with a few grouped queries
 * (never one query per proposal or vote) and applies the secrecy rules of secret ballots.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** The tally of each proposal's latest voting round that may be shown (an open secret round is left out: the round before it counts). */
  async latestTallies(processId: string, pillarId?: string | null): Promise<ProposalTally[]> {
    const rows: { proposal_id: string; pillar_id: string; ballot: Ballot; sector: Sector | null; choice: VoteChoice | null; n: number }[] = await this.dataSource.query(
      `WITH latest AS (
         SELECT DISTINCT ON (r.proposal_id) r.id, r.proposal_id, r.ballot, p.pillar_id
           FROM voting_round r JOIN proposal p ON p.id = r.proposal_id
          WHERE r.process_id = $1 AND ($2::uuid IS NULL OR p.pillar_id = $2::uuid) AND ${UNSEALED('r')}
          ORDER BY r.proposal_id, r.opened_at DESC)
       SELECT l.proposal_id, l.pillar_id, l.ballot, v.sector, v.choice, count(v.id)::int AS n
         FROM latest l LEFT JOIN vote v ON v.round_id = l.id
        GROUP BY 1, 2, 3, 4, 5
        ORDER BY 1`,
      [processId, pillarId ?? null],
    );
    const byProposal = new Map<string, { pillarId: string; ballot: Ballot; counts: { sector: Sector; choice: VoteChoice; n: number }[] }>();
    for (const r of rows) {
      const entry = byProposal.get(r.proposal_id) ?? { pillarId: r.pillar_id, ballot: r.ballot, counts: [] };
      byProposal.set(r.proposal_id, entry);
      if (r.sector && r.choice) entry.counts.push({ sector: r.sector, choice: r.choice, n: r.n });
    }
    return [...byProposal.entries()].map(([proposalId, e]) => ({ proposalId, pillarId: e.pillarId, ballot: e.ballot, tally: tallyFromCounts(e.counts) }));
  }

  /**
   * Proposal × sector agree shares. For a secret ballot only sectors the public tally shows on their
   * own (≥ 3 voters, not merged) are given: a sector pooled with small ones is suppressed too, since
   * its figure subtracted from the merged row would reveal the small sectors' votes.
   */
  async agreementMatrix(viewer: Viewer, processId: string, pillarId?: string | null): Promise<AnalyticsCell[]> {
    await this.access.require(viewer, processId, 'process.read');
    const tallies = await this.latestTallies(processId, pillarId);
    const shown = new Map(tallies.map((t) => [t.proposalId, t.ballot === 'SECRET' ? new Set(visibleSectors(t.ballot, t.tally)) : null]));
    return agreementMatrix(tallies.map((t) => ({ proposalId: t.proposalId, pillarId: t.pillarId, tally: t.tally }))).map((cell) => {
      const visible = shown.get(cell.proposalId);
      const suppressed = !!visible && cell.voters > 0 && !visible.has(cell.sector);
      return { ...cell, pillarId: cell.pillarId as string, agreeShare: suppressed ? null : cell.agreeShare, suppressed };
    });
  }

  async bridgingRanking(viewer: Viewer, processId: string, first: number): Promise<{ proposalId: string; score: number | null; voters: number }[]> {
    await this.access.require(viewer, processId, 'process.read');
    const tallies = await this.latestTallies(processId);
    // Secret ballots are ranked on what may be shown (small sectors merged), like their live score.
    return rankByBridging(tallies.map((t) => ({ id: t.proposalId, tally: shownTally(t.ballot, t.tally) })))
      .slice(0, first)
      .map((r) => ({ proposalId: r.id, score: r.score, voters: r.voters }));
  }

  /** Secret ballots contribute only the sectors their public tally shows on their own (as in the matrix). */
  async crossPillar(viewer: Viewer, processId: string): Promise<CrossPillarCell[]> {
    await this.access.require(viewer, processId, 'process.read');
    return crossPillar((await this.latestTallies(processId)).map((t) => ({ pillarId: t.pillarId, tally: visibleTally(t.ballot, t.tally) })));
  }

  /** Sectors present (the meeting's attendees, else the process's members; observers never) that neither commented nor voted. */
  async missingVoices(viewer: Viewer | null, proposalId: string, meetingId?: string | null): Promise<Sector[]> {
    if (!viewer) throw Errors.signInRequired();
    const processId = await this.processOfProposal(proposalId);
    await this.access.require(viewer, processId, 'process.read');
    const present: { sector: Sector }[] = meetingId
      ? await this.attendingSectors(this.dataSource.manager, meetingId, processId)
      : await this.dataSource.query(`SELECT DISTINCT sector FROM membership WHERE process_id = $1 AND role <> 'OBSERVER'`, [processId]);
    const spoke: { sector: Sector }[] = await this.dataSource.query(
      `SELECT sector FROM comment WHERE proposal_id = $1 AND hidden_at IS NULL
       UNION
       SELECT v.sector FROM vote v JOIN voting_round r ON r.id = v.round_id WHERE r.proposal_id = $1 AND ${UNSEALED('r')}`,
      [proposalId],
    );
    return missingVoices(
      present.map((r) => r.sector),
      spoke.map((r) => r.sector),
    );
  }

  /**
   * Missing voices of each agenda item of a meeting, for its minutes: sectors that attended (not as
   * observers) and neither commented (visible comments) nor voted (any cast, changes included) on
   * the item's proposals *while the meeting ran*. Pass the minutes' snapshot manager.
   */
  async meetingMissingVoices(meetingId: string, em: EntityManager = this.dataSource.manager): Promise<Map<string, Sector[]>> {
    const meeting: { process_id: string; started: boolean }[] = await em.query(`SELECT process_id, started_at IS NOT NULL AS started FROM meeting WHERE id = $1`, [meetingId]);
    if (!meeting[0]) return new Map();
    const present = (await this.attendingSectors(em, meetingId, meeting[0].process_id)).map((r) => r.sector);
    const items: { id: string }[] = await em.query(`SELECT id FROM agenda_item WHERE meeting_id = $1`, [meetingId]);
    const spoke: { item_id: string; sector: Sector }[] = meeting[0].started
      ? await em.query(
          `WITH m AS (SELECT started_at, coalesce(ended_at, now()) AS ended_at FROM meeting WHERE id = $1),
                items AS (SELECT ai.id AS item_id, unnest(ai.proposal_ids) AS proposal_id FROM agenda_item ai WHERE ai.meeting_id = $1)
           SELECT i.item_id, c.sector FROM items i JOIN comment c ON c.proposal_id = i.proposal_id CROSS JOIN m
            WHERE c.hidden_at IS NULL AND c.created_at >= m.started_at AND c.created_at <= m.ended_at
           UNION
           SELECT i.item_id, e.sector FROM items i JOIN voting_round r ON r.proposal_id = i.proposal_id JOIN vote_event e ON e.round_id = r.id CROSS JOIN m
            WHERE e.created_at >= m.started_at AND e.created_at <= m.ended_at AND ${UNSEALED('r')}`,
          [meetingId],
        )
      : [];
    return new Map(
      items.map((item) => [
        item.id,
        missingVoices(
          present,
          spoke.filter((s) => s.item_id === item.id).map((s) => s.sector),
        ),
      ]),
    );
  }

  /** Sectors of a meeting's attendees who may speak (observers attend but cannot comment or vote). */
  private attendingSectors(em: EntityManager, meetingId: string, processId: string): Promise<{ sector: Sector }[]> {
    return em.query(
      `SELECT DISTINCT a.sector FROM attendance a JOIN meeting m ON m.id = a.meeting_id
         LEFT JOIN membership mb ON mb.process_id = m.process_id AND mb.participant_id = a.participant_id
        WHERE a.meeting_id = $1 AND m.process_id = $2 AND coalesce(mb.role, 'PARTICIPANT') <> 'OBSERVER'`,
      [meetingId, processId],
    );
  }

  async proposalDialogue(proposalId: string): Promise<DialogueIndex> {
    return dialogueIndex(await this.dataSource.query(`SELECT id, parent_id AS "parentId", sector FROM comment WHERE proposal_id = $1`, [proposalId]));
  }

  async processDialogue(viewer: Viewer, processId: string): Promise<DialogueIndex> {
    await this.access.require(viewer, processId, 'process.read');
    return dialogueIndex(
      await this.dataSource.query(`SELECT c.id, c.parent_id AS "parentId", c.sector FROM comment c JOIN proposal p ON p.id = c.proposal_id WHERE p.process_id = $1`, [processId]),
    );
  }

  /** Replies written during the meeting on the proposals of its agenda. */
  async meetingDialogue(meetingId: string): Promise<DialogueIndex> {
    return dialogueIndex(
      await this.dataSource.query(
        `SELECT c.id, c.parent_id AS "parentId", c.sector
           FROM meeting m
           JOIN agenda_item ai ON ai.meeting_id = m.id
           JOIN comment c ON c.proposal_id = ANY (ai.proposal_ids)
          WHERE m.id = $1 AND m.started_at IS NOT NULL
            AND c.created_at >= m.started_at AND c.created_at <= coalesce(m.ended_at, now())`,
        [meetingId],
      ),
    );
  }

  /** Secret ballots: on the shown tally (a merged group of small sectors weighs as one voice). */
  async sectorWeighted(proposalId: string): Promise<SectorWeightedTally | null> {
    const processId = await this.processOfProposal(proposalId);
    const t = (await this.latestTallies(processId)).find((x) => x.proposalId === proposalId);
    return t ? sectorWeightedTally(shownTally(t.ballot, t.tally)) : null;
  }

  /** Each sector's share of members (or of voters in the latest rounds) against the organiser's targets. */
  async representation(viewer: Viewer, processId: string, basis: RepresentationBasis): Promise<RepresentationRow[]> {
    await this.access.require(viewer, processId, 'process.read');
    const rows: { sector: Sector; n: number }[] =
      basis === 'VOTERS'
        ? await this.dataSource.query(
            `SELECT v.sector, count(DISTINCT v.participant_id)::int AS n FROM vote v JOIN voting_round r ON r.id = v.round_id WHERE r.process_id = $1 AND ${UNSEALED('r')} GROUP BY 1`,
            [processId],
          )
        : await this.dataSource.query(`SELECT sector, count(*)::int AS n FROM membership WHERE process_id = $1 AND role <> 'OBSERVER' GROUP BY 1`, [processId]);
    const process = await this.dataSource.manager.findOneByOrFail(ProcessEntity, { id: processId });
    return representation(Object.fromEntries(rows.map((r) => [r.sector, r.n])), (process.representationTargets ?? {}) as Partial<Record<Sector, number>>);
  }

  async meetingRepresentation(meetingId: string, processId: string): Promise<RepresentationRow[]> {
    const rows: { sector: Sector; n: number }[] = await this.dataSource.query(`SELECT sector, count(*)::int AS n FROM attendance WHERE meeting_id = $1 GROUP BY 1`, [meetingId]);
    const process = await this.dataSource.manager.findOneByOrFail(ProcessEntity, { id: processId });
    return representation(Object.fromEntries(rows.map((r) => [r.sector, r.n])), (process.representationTargets ?? {}) as Partial<Record<Sector, number>>);
  }

  async setRepresentationTargets(viewer: Viewer, input: SetRepresentationTargetsInput): Promise<RepresentationRow[]> {
    await this.tx.run(async (em) => {
      await this.access.require(viewer, input.processId, 'process.update', em);
      const targets = input.targets.length ? Object.fromEntries(input.targets.map((t) => [t.sector, t.weight])) : null;
      if (targets && Object.values(targets).every((w) => w === 0)) {
        throw badInput('TARGETS_ALL_ZERO', '目標の合計が 0 です。少なくとも一つの分野に正の値を指定してください。', 'The targets add up to zero: give at least one sector a positive weight.');
      }
      await em.update(ProcessEntity, { id: input.processId }, { representationTargets: targets });
      await this.audit.record(em, { processId: input.processId, actorId: viewer.participantId, action: 'process.setRepresentationTargets', targetType: 'process', targetId: input.processId, data: { targets } });
    });
    return this.representation(viewer, input.processId, 'MEMBERS');
  }

  /**
   * Opinion groups over OPEN-ballot votes only (secret ballots must not feed a per-person model),
   * with agreement per group per proposal, and the declared sectors that are internally split.
   */
  async opinionGroups(viewer: Viewer, processId: string): Promise<{ groups: OpinionGroupView[]; split: { sector: Sector; members: number; largestGroupShare: number }[] }> {
    await this.access.require(viewer, processId, 'process.read');
    const votes: { participantId: string; proposalId: string; choice: VoteChoice; sector: Sector }[] = await this.dataSource.query(
      `WITH latest AS (
         SELECT DISTINCT ON (proposal_id) id, proposal_id FROM voting_round
          WHERE process_id = $1 AND ballot = 'OPEN' ORDER BY proposal_id, opened_at DESC)
       SELECT v.participant_id AS "participantId", l.proposal_id AS "proposalId", v.choice, v.sector
         FROM latest l JOIN vote v ON v.round_id = l.id`,
      [processId],
    );
    const result = opinionGroups(votes, { seed: 42 });
    const sectorOf = new Map(votes.map((v) => [v.participantId, v.sector]));
    const groups = result.groups.map((g) => {
      const counts = new Map<Sector, number>();
      for (const m of g.members) counts.set(sectorOf.get(m) as Sector, (counts.get(sectorOf.get(m) as Sector) ?? 0) + 1);
      return {
        id: g.id,
        size: g.members.length,
        sectors: SECTORS.filter((s) => counts.has(s)).map((sector) => ({ sector, count: counts.get(sector) as number })),
        agreement: result.byProposal.filter((b) => b.groupId === g.id).map((b) => ({ proposalId: b.proposalId, agreeShare: b.agreeShare, voters: b.voters })),
      };
    });
    const split = splitSectors(result.groups, [...sectorOf.entries()].map(([participantId, sector]) => ({ participantId, sector }))).map((s) => ({
      sector: s.sector,
      members: s.members,
      largestGroupShare: Math.max(...s.byGroup.map((b) => b.count)) / s.members,
    }));
    return { groups, split };
  }

  async inclusion(viewer: Viewer, processId: string): Promise<Inclusion> {
    await this.access.require(viewer, processId, 'process.read');
    // Active participants: those who commented or voted in the process.
    const people: { ageBand: string | null; gender: string | null }[] = await this.dataSource.query(
      `SELECT p.age_band AS "ageBand", p.gender FROM participant p
        WHERE p.id IN (SELECT c.author_id FROM comment c JOIN proposal pr ON pr.id = c.proposal_id WHERE pr.process_id = $1
                       UNION
                       SELECT v.participant_id FROM vote v JOIN voting_round r ON r.id = v.round_id WHERE r.process_id = $1 AND ${UNSEALED('r')})`,
      [processId],
    );
    return inclusion(people);
  }

  private async processOfProposal(proposalId: string): Promise<string> {
    const rows: { process_id: string }[] = await this.dataSource.query(`SELECT process_id FROM proposal WHERE id = $1`, [proposalId]);
    if (!rows[0]) throw Errors.notFound(PROPOSAL);
    return rows[0].process_id;
  }
}
