import { Injectable } from '@nestjs/common';
import { canTransition, contentHash, decide, normalizeRuleParams, RuleParamError, statusForOutcome, type Ballot, type DecisionRule, type ProposalStatus, type RuleParams } from '@yoriai/domain';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { badInput, conflict, Errors } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { ProcessEntity } from '../process/process.entity';
import type { Kpi } from '../proposal/proposal.entity';
import { ConsensusRecordEntity } from '../record/consensus-record.entity';
import { collectDissent } from '../record/dissent-collector';
import { RECORD_FORMAT, redactSecretReasons, toRecordReasons } from '../record/record-body';
import { RecordChainService } from '../record/record-chain.service';
import type { OpenVotingInput } from './dto/voting.input';
import { recordRevision } from '../delivery/record-revision';
import { ROUND_COLUMNS, RoundRow, SECRET_MIN_VOTERS, shownTally, TallyService, toRoundEntity } from './tally.service';
import { SECRET_VOTES_AUDIT } from './vote-sql';
import { VotingRoundEntity } from './voting-round.entity';

const PROPOSAL = { ja: '提案', en: 'The proposal' };

interface ProposalRow {
  id: string;
  process_id: string;
  status: ProposalStatus;
  version: number;
}

/** Opening and closing voting rounds; closing writes the consensus record into the process's hash chain. */
@Injectable()
export class VotingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly tallies: TallyService,
    private readonly chain: RecordChainService,
  ) {}

  async openVoting(viewer: Viewer, input: OpenVotingInput): Promise<VotingRoundEntity> {
    return this.tx.run(async (em, emit) => {
      // The proposal row lock serialises concurrent opens (and amendments) of one proposal.
      const proposal = await this.proposal(em, input.proposalId, 'FOR UPDATE');
      await this.access.require(viewer, proposal.process_id, 'voting.manage', em);
      const process = await em.findOneOrFail(ProcessEntity, { where: { id: proposal.process_id } });
      const rule = (input.rule ?? process.defaultRule) as DecisionRule;
      const params = ruleParams(rule, { threshold: input.threshold ?? undefined, quorum: input.quorum ?? undefined, minSectors: input.minSectors ?? undefined });
      if (proposal.status === 'VOTING') throw conflict('VOTING_ALREADY_OPEN', 'この提案では既に投票が行われています。', 'Voting is already open on this proposal.');
      if (!canTransition(proposal.status, 'VOTING')) {
        throw conflict('PROPOSAL_NOT_OPEN', '投票を始められるのは議論中の提案だけです。', 'Voting can only be opened on a proposal that is open for discussion.', { status: proposal.status });
      }
      let round: VotingRoundEntity;
      try {
        round = await em.save(
          em.create(VotingRoundEntity, {
            proposalId: proposal.id,
            processId: proposal.process_id,
            proposalVersion: proposal.version,
            rule,
            params,
            ballot: (input.ballot ?? process.defaultBallot) as Ballot,
            status: 'OPEN',
            openedById: viewer.participantId,
          }),
        );
      } catch (e) {
        // Backstop for the row lock: uq_voting_round_open allows one open round per proposal.
        if ((e as { driverError?: { code?: string } }).driverError?.code === '23505') {
          throw conflict('VOTING_ALREADY_OPEN', 'この提案では既に投票が行われています。', 'Voting is already open on this proposal.');
        }
        throw e;
      }
      await em.query(`UPDATE proposal SET status = 'VOTING', updated_at = now() WHERE id = $1`, [proposal.id]);
      await this.audit.record(em, {
        processId: proposal.process_id,
        actorId: viewer.participantId,
        action: 'voting.open',
        targetType: 'voting_round',
        targetId: round.id,
        data: { proposalId: proposal.id, proposalVersion: round.proposalVersion, rule, params, ballot: round.ballot },
      });
      emit({ type: 'voting.opened', processId: proposal.process_id, proposalId: proposal.id, roundId: round.id });
      emit({ type: 'proposal.updated', processId: proposal.process_id, proposalId: proposal.id });
      return round;
    });
  }

  /**
   * Closes the open round and writes its consensus record, all in one transaction: the round row
   * is locked FOR UPDATE (no vote can land any more; votes hold it FOR SHARE), then the process row
   * (the chain head: concurrent closes in one process append one after the other), then the raw
   * tally is counted and decided.
   */
  async closeVoting(viewer: Viewer, proposalId: string): Promise<ConsensusRecordEntity> {
    return this.tx.run(async (em, emit) => {
      const proposal = await this.proposal(em, proposalId);
      await this.access.require(viewer, proposal.process_id, 'voting.manage', em);
      const [row] = await em.query<RoundRow[]>(`SELECT ${ROUND_COLUMNS} FROM voting_round WHERE process_id = $1 AND proposal_id = $2 AND status = 'OPEN' FOR UPDATE`, [
        proposal.process_id,
        proposalId,
      ]);
      if (!row) {
        const [{ any }] = await em.query<{ any: boolean }[]>('SELECT EXISTS (SELECT 1 FROM voting_round WHERE process_id = $1 AND proposal_id = $2) AS any', [proposal.process_id, proposalId]);
        if (any) throw conflict('VOTING_CLOSED', '投票は既に締め切られています。', 'Voting has already closed.');
        throw conflict('NO_OPEN_ROUND', 'この提案ではまだ投票が始まっていません。', 'Voting has not been opened on this proposal.');
      }
      const round = toRoundEntity(row);
      const head = await this.chain.lockHead(em, proposal.process_id);
      const raw = await this.tallies.rawTally(round.id, em);
      const rule = round.rule as DecisionRule;
      const ballot = round.ballot as Ballot;
      const decision = decide(rule, raw, round.params);
      const version = await this.decidedVersion(em, proposalId, round.proposalVersion);
      const dissent = await collectDissent(em, { roundId: round.id, proposalId, ballot, dissentNamed: head.dissentNamed, raw, minVoters: SECRET_MIN_VOTERS });
      const reasons = toRecordReasons(decision.reasons);
      const decidedAt = new Date();
      const record = await this.chain.append(em, head, {
        format: RECORD_FORMAT,
        processId: proposal.process_id,
        proposalId,
        roundId: round.id,
        proposalVersion: round.proposalVersion,
        proposalHash: version.hash,
        proposalTitle: version.title,
        rule,
        params: decision.params,
        ballot,
        outcome: decision.outcome,
        reasons: ballot === 'SECRET' ? redactSecretReasons(reasons, raw, SECRET_MIN_VOTERS) : reasons,
        tally: shownTally(ballot, raw),
        dissent,
        facilitatorId: viewer.participantId,
        decidedAt: decidedAt.toISOString(),
        supersedesId: null,
        correction: null,
        ...(await recordRevision(em, proposalId)),
      });
      await em.update(VotingRoundEntity, { id: round.id }, { status: 'CLOSED', closedAt: decidedAt, closedById: viewer.participantId, recordId: record.id });
      const status = statusForOutcome(decision.outcome);
      await em.query('UPDATE proposal SET status = $2, updated_at = now() WHERE id = $1', [proposalId, status]);
      if (ballot === 'SECRET') await em.query(SECRET_VOTES_AUDIT, [round.id, proposal.process_id, decidedAt]);
      const base = { processId: proposal.process_id, actorId: viewer.participantId };
      await this.audit.record(em, { ...base, action: 'voting.close', targetType: 'voting_round', targetId: round.id, data: { proposalId, recordId: record.id, outcome: decision.outcome, total: raw.total } });
      await this.audit.record(em, { ...base, action: 'record.create', targetType: 'consensus_record', targetId: record.id, data: { seq: record.seq, hash: record.hash, proposalStatus: status } });
      emit({ type: 'voting.closed', processId: proposal.process_id, proposalId, roundId: round.id, recordId: record.id, outcome: decision.outcome });
      emit({ type: 'record.created', processId: proposal.process_id, proposalId, recordId: record.id, outcome: decision.outcome, hash: record.hash });
      emit({ type: 'proposal.updated', processId: proposal.process_id, proposalId });
      return record;
    });
  }

  private async proposal(em: EntityManager, id: string, lock = ''): Promise<ProposalRow> {
    const [p] = isUUID(id) ? await em.query<ProposalRow[]>(`SELECT id, process_id, status, version FROM proposal WHERE id = $1 ${lock}`, [id]) : [];
    if (!p) throw Errors.notFound(PROPOSAL);
    return p;
  }

  /** Title and content hash of the version that was voted on (the proposal cannot change while VOTING). */
  private async decidedVersion(em: EntityManager, proposalId: string, version: number): Promise<{ title: string; hash: string }> {
    const [v] = await em.query<{ title: string; content_hash: string }[]>('SELECT title, content_hash FROM proposal_version WHERE proposal_id = $1 AND version = $2', [proposalId, version]);
    if (v) return { title: v.title, hash: v.content_hash.trim() };
    // A proposal whose first version was never copied into proposal_version: its row is that version.
    const [p] = await em.query<{ title: string; body: string; kpis: Kpi[]; version: number }[]>('SELECT title, body, kpis, version FROM proposal WHERE id = $1', [proposalId]);
    if (!p || p.version !== version) throw new Error(`proposal ${proposalId} has no version ${version}`);
    return { title: p.title, hash: contentHash(p) };
  }
}

/** libs/domain validation of rule parameters, as a typed input error in both languages. */
export function ruleParams(rule: DecisionRule, params: RuleParams): Required<RuleParams> {
  try {
    return normalizeRuleParams(rule, params);
  } catch (e) {
    if (e instanceof RuleParamError) throw badInput('INVALID_RULE_PARAMS', e.ja, e.en, { field: e.field });
    throw e;
  }
}
