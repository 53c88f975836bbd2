import { buildChain, contentHash } from '../hash-chain';
import { verifyPractice, type PracticeProof } from './practice';

const proposal = { id: 'p-1', title: '移住相談のワンストップ窓口 🏠', body: '本文', kpis: [{ indicator: '相談件数', baseline: '年120件', target: '年300件', deadline: '2027-03-31' }] };

function proof(): PracticeProof {
  const chain = buildChain([{ n: 'earlier' }, { proposalId: proposal.id, proposalHash: contentHash(proposal), outcome: 'ADOPTED' }, { n: 'later' }]);
  const record = chain[1]!;
  return {
    proposal: JSON.parse(JSON.stringify(proposal)),
    record: { seq: record.seq, prevHash: record.prevHash, hash: record.hash, body: JSON.parse(JSON.stringify(record.body)) as Record<string, unknown> },
    chain: { headHash: chain[2]!.hash, links: chain.slice(1).map(({ seq, prevHash, hash }) => ({ seq, prevHash, hash })) },
  };
}

describe('practice packages: the proof a receiving region checks', () => {
  it('verifies a record that decided the text and leads to the head', () => {
    expect(verifyPractice(proof())).toEqual({ verified: true, reason: null });
  });

  it.each<[string, (p: PracticeProof) => void, string]>([
    ['text changed', (p) => (p.proposal.body += '!'), 'CONTENT_HASH_MISMATCH'],
    ['KPI changed', (p) => (p.proposal.kpis[0]!.target = '年30件'), 'CONTENT_HASH_MISMATCH'],
    ['record body changed', (p) => (p.record.body.outcome = 'REJECTED'), 'RECORD_HASH_MISMATCH'],
    ['another proposal', (p) => (p.proposal.id = 'p-2'), 'PROPOSAL_MISMATCH'],
    ['a link missing', (p) => p.chain.links.pop(), 'HEAD_MISMATCH'],
    ['links out of order', (p) => p.chain.links.reverse(), 'CHAIN_BROKEN'],
    ['no links', (p) => (p.chain.links = []), 'CHAIN_BROKEN'],
    ['a number JSON cannot hold', (p) => (p.record.body.x = Number.NaN), 'NOT_CANONICAL'],
  ])('refuses a package whose %s', (_what, change, reason) => {
    const p = proof();
    change(p);
    expect(verifyPractice(p)).toEqual({ verified: false, reason });
  });
});
