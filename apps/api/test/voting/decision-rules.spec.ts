import { decide, type DecisionRule, type Sector, type Tally, type VoteChoice } from '@yoriai/domain';
import type { RunningServer } from '../../src/server';
import type { Account } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { newProcess, type TestProcess } from '../support/process-factories';
import { newProposal } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { castVote, closeVoting, newVoters, openVoting, type OpenVotingOptions, PROPOSAL_VOTING } from '../support/voting-factories';

/** 13 voters: 産 4 · 官 3 · 学 2 · 労 3 · 金 1. Votes are given per sector, in member order. */
const ELECTORATE = { INDUSTRY: 4, GOVERNMENT: 3, ACADEMIA: 2, LABOUR: 3, FINANCE: 1 } as const;
type Ballots = Record<keyof typeof ELECTORATE, VoteChoice[]>;
const A = 'AGREE';
const D = 'DISAGREE';
const X = 'ABSTAIN';
const B = 'BLOCK';

interface Scenario {
  name: string;
  ballots: Ballots;
  expect: Record<DecisionRule, { outcome: string; reasons: string[] }>;
}

const SCENARIOS: Scenario[] = [
  {
    // 10 of 13 agree overall, but labour is unanimous against: only CROSS_SECTOR protects it.
    name: 'one sector steamrolled',
    ballots: { INDUSTRY: [A, A, A, A], GOVERNMENT: [A, A, A], ACADEMIA: [A, A], LABOUR: [D, D, D], FINANCE: [A] },
    expect: {
      MAJORITY: { outcome: 'ADOPTED', reasons: ['MAJORITY_REACHED'] },
      SUPERMAJORITY: { outcome: 'ADOPTED', reasons: ['THRESHOLD_MET'] },
      CONSENSUS: { outcome: 'ADOPTED', reasons: ['NO_BLOCK', 'THRESHOLD_MET'] },
      CROSS_SECTOR: { outcome: 'REJECTED', reasons: ['NO_BLOCK', 'ENOUGH_SECTORS', 'SECTOR_BELOW_THRESHOLD'] },
    },
  },
  {
    // Everyone agrees but one blocks: counting rules adopt, consent-based rules do not.
    name: 'a single block',
    ballots: { INDUSTRY: [A, A, A, A], GOVERNMENT: [A, A, A], ACADEMIA: [A, A], LABOUR: [A, A, A], FINANCE: [B] },
    expect: {
      MAJORITY: { outcome: 'ADOPTED', reasons: ['MAJORITY_REACHED'] },
      SUPERMAJORITY: { outcome: 'ADOPTED', reasons: ['THRESHOLD_MET'] },
      CONSENSUS: { outcome: 'REJECTED', reasons: ['BLOCKED', 'THRESHOLD_MET'] },
      CROSS_SECTOR: { outcome: 'REJECTED', reasons: ['BLOCKED', 'ENOUGH_SECTORS', 'SECTOR_BELOW_THRESHOLD'] },
    },
  },
  {
    // 7 : 6 — a bare majority is not two thirds.
    name: 'a narrow majority',
    ballots: { INDUSTRY: [A, A, A, A], GOVERNMENT: [A, A, A], ACADEMIA: [D, D], LABOUR: [D, D, D], FINANCE: [D] },
    expect: {
      MAJORITY: { outcome: 'ADOPTED', reasons: ['MAJORITY_REACHED'] },
      SUPERMAJORITY: { outcome: 'REJECTED', reasons: ['THRESHOLD_NOT_MET'] },
      CONSENSUS: { outcome: 'REJECTED', reasons: ['NO_BLOCK', 'THRESHOLD_NOT_MET'] },
      CROSS_SECTOR: { outcome: 'REJECTED', reasons: ['NO_BLOCK', 'ENOUGH_SECTORS', 'SECTOR_BELOW_THRESHOLD', 'SECTOR_BELOW_THRESHOLD', 'SECTOR_BELOW_THRESHOLD'] },
    },
  },
  {
    // 8 : 3 (72.7 %), every sector that took a position at ≥ 60 %: CROSS_SECTOR adopts what CONSENSUS (75 %) rejects.
    name: 'broad but short of consent',
    ballots: { INDUSTRY: [A, A, A, D], GOVERNMENT: [A, A, D], ACADEMIA: [X, X], LABOUR: [A, A, D], FINANCE: [A] },
    expect: {
      MAJORITY: { outcome: 'ADOPTED', reasons: ['MAJORITY_REACHED'] },
      SUPERMAJORITY: { outcome: 'ADOPTED', reasons: ['THRESHOLD_MET'] },
      CONSENSUS: { outcome: 'REJECTED', reasons: ['NO_BLOCK', 'THRESHOLD_NOT_MET'] },
      CROSS_SECTOR: { outcome: 'ADOPTED', reasons: ['NO_BLOCK', 'ENOUGH_SECTORS', 'ALL_SECTORS_MET'] },
    },
  },
];

const RULES: DecisionRule[] = ['MAJORITY', 'SUPERMAJORITY', 'CONSENSUS', 'CROSS_SECTOR'];
const STATUS = { ADOPTED: 'ADOPTED', REJECTED: 'REJECTED', NO_QUORUM: 'DEFERRED' } as const;

describe('decision rules on designed tallies (real votes, real records)', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let p: TestProcess;
  let voters: Record<Sector, Account[]>;

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    p = await newProcess(anon, '産官学金労言 合意形成テスト');
    voters = await newVoters(anon, p, ELECTORATE);
  }, 120_000);
  afterAll(() => server.close());

  /** One proposal, one round with `options`, the scenario's votes, closed: the record. */
  async function decideOn(ballots: Ballots, options: OpenVotingOptions) {
    const proposal = await newProposal(p.organizer.client, p, { title: `ルール ${options.rule} の検証 ✅` });
    await openVoting(p.organizer.client, proposal.id, options);
    const casts: Promise<unknown>[] = [];
    for (const [sector, choices] of Object.entries(ballots) as [Sector, VoteChoice[]][]) {
      choices.forEach((choice, i) => casts.push(castVote(voters[sector][i].client, proposal.id, choice, choice === A ? {} : { reason: `${sector} の理由` })));
    }
    await Promise.all(casts);
    const record = await closeVoting(p.organizer.client, proposal.id);
    const status = (await p.organizer.client.ok<{ proposal: { status: string } }>(PROPOSAL_VOTING, { id: proposal.id })).proposal.status;
    return { record, status };
  }

  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: ${RULES.map((r) => `${r} → ${scenario.expect[r].outcome}`).join(', ')}`, async () => {
      for (const rule of RULES) {
        const { record, status } = await decideOn(scenario.ballots, { rule });
        expect({ rule, outcome: record.outcome, reasons: record.reasons.map((r) => r.code) }).toEqual({ rule, ...scenario.expect[rule] });
        expect(status).toBe(STATUS[record.outcome]);
        expect(record.tally.total).toBe(13);
        // Open ballot: the recorded tally and parameters reproduce the outcome with libs/domain alone.
        expect(decide(rule, record.tally as Tally, record.params).outcome).toBe(record.outcome);
      }
    });
  }

  it('names the sector that was steamrolled, in Japanese and in English', async () => {
    const { record } = await decideOn(SCENARIOS[0].ballots, { rule: 'CROSS_SECTOR' });
    const below = record.reasons.find((r) => r.code === 'SECTOR_BELOW_THRESHOLD');
    expect(JSON.parse(below?.params ?? '{}')).toMatchObject({ sector: 'LABOUR', agree: 0, nonAbstaining: 3 });
    expect(below?.message).toContain('労働団体');
    const en = new GqlClient(server.url, 'en').withToken(p.organizer.client.token as string);
    const r = await en.ok<{ consensusRecord: { reasons: { code: string; message: string }[] } }>('query($id: ID!) { consensusRecord(id: $id) { reasons { code message } } }', { id: record.id });
    expect(r.consensusRecord.reasons.find((x) => x.code === 'SECTOR_BELOW_THRESHOLD')?.message).toBe('労 (labour): 0% agree < 60%');
  });

  it('applies custom parameters: a stricter minSectors, a lower threshold, and a quorum (NO_QUORUM defers the proposal)', async () => {
    const broad = SCENARIOS[3].ballots;
    const five = await decideOn(broad, { rule: 'CROSS_SECTOR', minSectors: 5 });
    expect(five.record).toMatchObject({ outcome: 'REJECTED', params: { minSectors: 5, threshold: 0.6 } });
    expect(five.record.reasons.map((r) => r.code)).toContain('TOO_FEW_SECTORS');

    const lenient = await decideOn(SCENARIOS[2].ballots, { rule: 'SUPERMAJORITY', threshold: 0.5 });
    expect(lenient.record).toMatchObject({ outcome: 'ADOPTED', params: { threshold: 0.5 } });

    const quorum = await decideOn(broad, { rule: 'MAJORITY', quorum: 14 });
    expect(quorum.record).toMatchObject({ outcome: 'NO_QUORUM', params: { quorum: 14 } });
    expect(quorum.record.reasons.map((r) => r.code)).toEqual(['QUORUM_NOT_MET']);
    expect(quorum.status).toBe('DEFERRED');
  });
});
