import { Injectable } from '@nestjs/common';
import { can, type Ballot, type Role, type Sector, type VoteChoice } from '@yoriai/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { Emit, TransactionRunner } from '../../common/database/transaction-runner';
import { badInput, conflict, Errors, notFound } from '../../common/errors/domain-error';
import type { CastProxyVoteInput, CastVoteInput } from './dto/voting.input';
import { CAST_VOTE, CastRow, prepared, STORED_REQUEST, storedVote, VOTE_CONTEXT, VoteContextRow } from './vote-sql';
import { VoteBatchWriter } from './vote-batch.writer';
import type { VoteModel } from './voting.model';

const PROPOSAL = { ja: '提案', en: 'The proposal' };

interface BallotBox {
  processId: string;
  proposalId: string;
  roundId: string;
  ballot: Ballot;
}

interface CastRequest {
  voterId: string;
  sector: Sector;
  choice: VoteChoice;
  reason: string | null;
  clientRequestId: string;
  /** Who entered it: the voter, or the facilitator entering a paper ballot. */
  actorId: string;
  proxy: boolean;
}

/** Blank reasons are no reasons (the dissent register lists only votes that give one). */
function cleanReason(reason: string | null | undefined): string | null {
  return reason != null && reason.trim() !== '' ? reason : null;
}

/**
 * Casting votes: the hot path. Per vote: BEGIN, one context query (membership + share-locked open
 * round), one statement that appends the event, upserts the current vote and writes the audit row,
 * COMMIT. No tally is kept: screens count from the vote table (TallyService).
 */
const ownVoteStands = () =>
  conflict(
    'OWN_VOTE_STANDS',
    'この方はご自身で投票済みです。本人の投票が優先されるため、代理投票は記録していません。',
    'This member has voted themselves; their own vote stands and the proxy vote was not recorded.',
  );

@Injectable()
export class VoteService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly batch: VoteBatchWriter,
  ) {}

  /**
   * A member's own vote goes through the group commit (VoteBatchWriter); a vote the batch cannot
   * take (anything unusual about its context, or a failed batch) is cast alone, below, which gives
   * the canonical typed errors.
   */
  async castVote(viewer: Viewer, input: CastVoteInput): Promise<VoteModel> {
    const clientRequestId = input.clientRequestId ?? randomUUID();
    const outcome = await this.batch.cast({ viewer, proposalId: input.proposalId, choice: input.choice, reason: cleanReason(input.reason), clientRequestId });
    if (outcome.kind === 'stored') return outcome.vote;
    return this.castAlone(viewer, { ...input, clientRequestId });
  }

  /** One vote in its own transaction. */
  async castAlone(viewer: Viewer, input: CastVoteInput): Promise<VoteModel> {
    return this.tx.run(async (em, emit) => {
      const ctx = await this.context(em, input.proposalId, viewer.participantId);
      // Fast path: the one query already told us the voter's role; anything unusual (not a member,
      // a guest of another process, a role without the right) goes through AccessService for the
      // canonical NOT_FOUND / FORBIDDEN answer.
      const scoped = !viewer.scopeProcessId || viewer.scopeProcessId === ctx.process_id;
      if (!scoped || !ctx.role || !can(ctx.role as Role, 'vote.cast')) {
        await this.access.require(viewer, ctx.process_id, 'vote.cast', em);
        throw Errors.forbidden(); // unreachable: require() throws for every case above
      }
      const box = await this.openBox(em, input.proposalId, ctx);
      return this.cast(em, emit, box, {
        voterId: viewer.participantId,
        sector: ctx.sector as Sector,
        choice: input.choice,
        reason: cleanReason(input.reason),
        clientRequestId: input.clientRequestId ?? randomUUID(),
        actorId: viewer.participantId,
        proxy: false,
      });
    });
  }

  /** A facilitator enters a paper ballot for a member who has the right to vote (flagged and audited as proxy). */
  async castProxyVote(viewer: Viewer, input: CastProxyVoteInput): Promise<VoteModel> {
    return this.tx.run(async (em, emit) => {
      const ctx = await this.context(em, input.proposalId, input.participantId);
      await this.access.require(viewer, ctx.process_id, 'vote.proxy', em);
      if (!ctx.role) {
        throw notFound('PROXY_VOTER_NOT_MEMBER', 'この参加者はこの協議プロセスのメンバーではありません。', 'This participant is not a member of this process.');
      }
      if (!can(ctx.role as Role, 'vote.cast')) {
        throw badInput('PROXY_VOTER_CANNOT_VOTE', `この参加者の役割（${ctx.role}）には投票権がありません。`, `This participant's role (${ctx.role}) has no vote.`, { role: ctx.role });
      }
      const box = await this.openBox(em, input.proposalId, ctx);
      if (await this.votedThemselves(em, box.roundId, input.participantId)) throw ownVoteStands();
      return this.cast(em, emit, box, {
        voterId: input.participantId,
        sector: ctx.sector as Sector,
        choice: input.choice,
        reason: cleanReason(input.reason),
        clientRequestId: input.clientRequestId ?? randomUUID(),
        actorId: viewer.participantId,
        proxy: true,
      });
    });
  }

  /** Whether the member's current vote in the round is their own (not a paper ballot entered for them). */
  private async votedThemselves(em: EntityManager, roundId: string, participantId: string): Promise<boolean> {
    const [row] = await em.query<{ own: boolean }[]>('SELECT NOT proxy AS own FROM vote WHERE round_id = $1 AND participant_id = $2', [roundId, participantId]);
    return row?.own === true;
  }

  private async context(em: EntityManager, proposalId: string, participantId: string): Promise<VoteContextRow> {
    const [ctx] = await prepared<VoteContextRow>(em, VOTE_CONTEXT.name, VOTE_CONTEXT.text, [proposalId, participantId]);
    if (!ctx) throw Errors.notFound(PROPOSAL);
    return ctx;
  }

  /** The share-locked open round, or why there is none. */
  private async openBox(em: EntityManager, proposalId: string, ctx: VoteContextRow): Promise<BallotBox> {
    if (ctx.round_id && ctx.ballot) return { processId: ctx.process_id, proposalId, roundId: ctx.round_id, ballot: ctx.ballot as Ballot };
    const [{ closed }] = await em.query<{ closed: boolean }[]>('SELECT EXISTS (SELECT 1 FROM voting_round WHERE process_id = $1 AND proposal_id = $2) AS closed', [
      ctx.process_id,
      proposalId,
    ]);
    if (closed) throw conflict('VOTING_CLOSED', '投票は締め切られています。', 'Voting has closed.');
    throw conflict('NO_OPEN_ROUND', 'この提案ではまだ投票が始まっていません。', 'Voting has not been opened on this proposal.');
  }

  private async cast(em: EntityManager, emit: Emit, box: BallotBox, req: CastRequest): Promise<VoteModel> {
    const [fresh] = await prepared<CastRow>(em, CAST_VOTE.name, CAST_VOTE.text, [
      box.roundId,
      req.voterId,
      req.sector,
      req.choice,
      req.reason,
      req.proxy,
      req.proxy ? req.actorId : null,
      req.clientRequestId,
      box.processId,
      req.actorId,
      req.proxy ? 'vote.proxy' : 'vote.cast',
      box.roundId,
      box.ballot,
    ]);
    // A proxy vote that met the member's own vote (they voted a moment before): theirs stands, and
    // throwing rolls this event back.
    if (fresh && !fresh.vote_id && req.proxy && (await this.votedThemselves(em, box.roundId, req.voterId))) throw ownVoteStands();
    // A retry is announced too: the node that stored the vote may have died before it announced it
    // (or its COMMIT's answer was lost), and screens would keep the old tally. Tallies are coalesced.
    emit({ type: 'vote.cast', processId: box.processId, proposalId: box.proposalId, roundId: box.roundId });
    // A retry (no new event), or a new event that lost to a newer one of the same voter: answer
    // with what is stored for this request, without touching the current vote.
    const row = fresh?.vote_id ? fresh : (await prepared<CastRow>(em, STORED_REQUEST.name, STORED_REQUEST.text, [box.roundId, req.voterId, req.clientRequestId]))[0];
    if (!row?.vote_id) throw new Error(`vote request ${req.clientRequestId} of ${req.voterId} in round ${box.roundId} has no stored vote`);
    // The same id with another choice or reason is not a retry (finding 8): never answer with the old vote.
    if (!fresh && (row.choice !== req.choice || (row.reason ?? null) !== (req.reason ?? null) || row.proxy !== req.proxy)) {
      throw Errors.clientRequestIdReused({ ja: '別の選択', en: 'another choice' });
    }
    return storedVote(row.vote_id, row, { proposalId: box.proposalId, roundId: box.roundId, participantId: req.voterId, ballot: box.ballot });
  }
}
