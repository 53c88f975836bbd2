import type { Ballot, DecisionRule, Role, Sector, VoteChoice } from '@yoriai/domain';
import type { Account } from './factories';
import { GqlClient } from './graphql-client';
import { newMember, type TestProcess } from './process-factories';

export const ROUND_FIELDS = 'id proposalId rule threshold quorum minSectors ballot status proposalVersion openedAt closedAt recordId';
export const TALLY_FIELDS = 'agree disagree abstain block total bySector { sector agree disagree abstain block total mergedSectors }';
export const VOTE_FIELDS = 'id proposalId roundId choice reason sector proxy updatedAt participant { id displayName }';
export const RECORD_FIELDS = `id seq processId proposalId roundId proposalVersion proposalHash proposalTitle rule params { threshold quorum minSectors } ballot outcome
  tally { ${TALLY_FIELDS} } reasons { code message params } dissent { id kind sector choice stance text authorName response respondedAt respondedBy }
  actionItems { id title ownerOrganization ownerSector dueDate kpi status } decidedAt facilitatorId prevHash hash supersedesId supersededById correctionReason`;

export const OPEN_VOTING = `mutation($i: OpenVotingInput!) { openVoting(input: $i) { ${ROUND_FIELDS} } }`;
export const CAST_VOTE = `mutation($i: CastVoteInput!) { castVote(input: $i) { ${VOTE_FIELDS} } }`;
export const CAST_PROXY_VOTE = `mutation($i: CastProxyVoteInput!) { castProxyVote(input: $i) { ${VOTE_FIELDS} } }`;
export const CLOSE_VOTING = `mutation($id: ID!) { closeVoting(proposalId: $id) { ${RECORD_FIELDS} } }`;
export const VERIFY_CHAIN = 'query($id: ID!) { verifyRecordChain(processId: $id) { valid length brokenAt reason } }';
export const CONSENSUS_RECORD = `query($id: ID!) { consensusRecord(id: $id) { ${RECORD_FIELDS} } }`;
export const PROPOSAL_VOTING = `query($id: ID!) { proposal(id: $id) { id status currentRound { ${ROUND_FIELDS} } tally { ${TALLY_FIELDS} } bridgingScore myVote { ${VOTE_FIELDS} } } }`;

export interface TestRound {
  id: string;
  proposalId: string;
  rule: DecisionRule;
  threshold: number;
  quorum: number;
  minSectors: number;
  ballot: Ballot;
  status: 'OPEN' | 'CLOSED';
  proposalVersion: number;
  openedAt: string;
  closedAt: string | null;
  recordId: string | null;
}

export interface TestSectorTally {
  sector: Sector;
  agree: number;
  disagree: number;
  abstain: number;
  block: number;
  total: number;
  mergedSectors: Sector[] | null;
}

export interface TestTally {
  agree: number;
  disagree: number;
  abstain: number;
  block: number;
  total: number;
  bySector: TestSectorTally[];
}

export interface TestVote {
  id: string;
  proposalId: string;
  roundId: string;
  choice: VoteChoice;
  reason: string | null;
  sector: Sector;
  proxy: boolean;
  updatedAt: string;
  participant: { id: string; displayName: string } | null;
}

export interface TestDissent {
  id: string;
  kind: 'VOTE' | 'COMMENT';
  sector: Sector | null;
  choice: VoteChoice | null;
  stance: string | null;
  text: string | null;
  authorName: string | null;
  response: string | null;
  respondedAt: string | null;
  respondedBy: string | null;
}

export interface TestRecord {
  id: string;
  seq: number;
  processId: string;
  proposalId: string;
  roundId: string;
  proposalVersion: number;
  proposalHash: string;
  proposalTitle: string;
  rule: DecisionRule;
  params: { threshold: number; quorum: number; minSectors: number };
  ballot: Ballot;
  outcome: 'ADOPTED' | 'REJECTED' | 'NO_QUORUM';
  tally: TestTally;
  reasons: { code: string; message: string; params: string }[];
  dissent: TestDissent[];
  actionItems: { id: string; title: string; ownerOrganization: string | null; ownerSector: Sector | null; dueDate: string | null; kpi: string | null; status: string }[];
  decidedAt: string;
  facilitatorId: string | null;
  prevHash: string | null;
  hash: string;
  supersedesId: string | null;
  supersededById: string | null;
  correctionReason: string | null;
}

export interface OpenVotingOptions {
  rule?: DecisionRule;
  threshold?: number;
  quorum?: number;
  minSectors?: number;
  ballot?: Ballot;
}

/** Opens a round on the proposal as `client` (an organiser or facilitator). */
export async function openVoting(client: GqlClient, proposalId: string, options: OpenVotingOptions = {}): Promise<TestRound> {
  return (await client.ok<{ openVoting: TestRound }>(OPEN_VOTING, { i: { proposalId, ...options } })).openVoting;
}

export async function castVote(client: GqlClient, proposalId: string, choice: VoteChoice, extra: { reason?: string; clientRequestId?: string } = {}): Promise<TestVote> {
  return (await client.ok<{ castVote: TestVote }>(CAST_VOTE, { i: { proposalId, choice, ...extra } })).castVote;
}

export async function closeVoting(client: GqlClient, proposalId: string): Promise<TestRecord> {
  return (await client.ok<{ closeVoting: TestRecord }>(CLOSE_VOTING, { id: proposalId })).closeVoting;
}

export async function verifyChain(client: GqlClient, processId: string): Promise<{ valid: boolean; length: number; brokenAt: number | null; reason: string | null }> {
  return (await client.ok<{ verifyRecordChain: { valid: boolean; length: number; brokenAt: number | null; reason: string | null } }>(VERIFY_CHAIN, { id: processId })).verifyRecordChain;
}

export type Electorate = Partial<Record<Sector, number>>;

/**
 * Members with the given role, `n` per sector, created a few at a time (sign-up hashes a password,
 * and the machine has two cores). Names are 「<sector> <i>」 so failures read well.
 */
export async function newVoters(base: GqlClient, process: TestProcess, electorate: Electorate, role: Role = 'PARTICIPANT'): Promise<Record<Sector, Account[]>> {
  const out = {} as Record<Sector, Account[]>;
  const jobs: [Sector, number][] = [];
  for (const [sector, n] of Object.entries(electorate) as [Sector, number][]) {
    out[sector] = [];
    for (let i = 0; i < n; i++) jobs.push([sector, i]);
  }
  for (let i = 0; i < jobs.length; i += 4) {
    const batch = jobs.slice(i, i + 4);
    const accounts = await Promise.all(batch.map(([sector, n]) => newMember(base, process, role, sector, `${sector} 投票者${n + 1}`)));
    batch.forEach(([sector], j) => out[sector].push(accounts[j]));
  }
  return out;
}
