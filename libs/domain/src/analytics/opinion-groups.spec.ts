import fc from 'fast-check';
import type { VoteChoice } from '../enums';
import { opinionGroups, splitSectors, type OpinionVote } from './opinion-groups';

function camp(ids: string[], choices: Record<string, VoteChoice>): OpinionVote[] {
  return ids.flatMap((participantId) =>
    Object.entries(choices).map(([proposalId, choice]) => ({ participantId, proposalId, choice })),
  );
}

const twoCamps = [
  ...camp(['a1', 'a2', 'a3', 'a4'], { p1: 'AGREE', p2: 'AGREE', p3: 'DISAGREE', p4: 'BLOCK' }),
  ...camp(['b1', 'b2', 'b3', 'b4'], { p1: 'DISAGREE', p2: 'DISAGREE', p3: 'AGREE', p4: 'AGREE' }),
];

const threeCamps = [
  ...camp(['a1', 'a2', 'a3'], { p1: 'AGREE', p2: 'DISAGREE', p3: 'DISAGREE' }),
  ...camp(['b1', 'b2', 'b3'], { p1: 'DISAGREE', p2: 'AGREE', p3: 'DISAGREE' }),
  ...camp(['c1', 'c2', 'c3'], { p1: 'DISAGREE', p2: 'DISAGREE', p3: 'AGREE' }),
];

describe('opinionGroups', () => {
  it('finds two opposed camps and how each voted', () => {
    const r = opinionGroups(twoCamps);
    expect(r.groups).toEqual([
      { id: 0, members: ['a1', 'a2', 'a3', 'a4'] },
      { id: 1, members: ['b1', 'b2', 'b3', 'b4'] },
    ]);
    expect(r.k).toBe(2);
    expect(r.silhouette).toBeGreaterThan(0.9);
    expect(r.byProposal.filter((c) => c.proposalId === 'p1')).toEqual([
      { proposalId: 'p1', groupId: 0, agreeShare: 1, voters: 4 },
      { proposalId: 'p1', groupId: 1, agreeShare: 0, voters: 4 },
    ]);
    expect(r.byProposal.find((c) => c.proposalId === 'p4' && c.groupId === 0)?.agreeShare).toBe(0);
    expect(r.points).toHaveLength(8);
  });

  it('chooses three groups for three camps, or two when asked', () => {
    const r = opinionGroups(threeCamps);
    expect(r.groups.map((g) => g.members)).toEqual([
      ['a1', 'a2', 'a3'],
      ['b1', 'b2', 'b3'],
      ['c1', 'c2', 'c3'],
    ]);
    expect(opinionGroups(threeCamps, { k: 2 }).groups).toHaveLength(2);
    expect(opinionGroups(threeCamps, { k: 1 }).groups).toHaveLength(1);
  });

  it('gives one group below four participants or when everyone votes alike', () => {
    const few = opinionGroups(camp(['x', 'y', 'z'], { p1: 'AGREE' }).concat(camp(['w'], {})));
    expect(few.groups).toEqual([{ id: 0, members: ['x', 'y', 'z'] }]);
    expect(few.silhouette).toBeNull();
    const alike = opinionGroups(camp(['a', 'b', 'c', 'd', 'e'], { p1: 'AGREE', p2: 'ABSTAIN' }));
    expect(alike.groups).toHaveLength(1);
    expect(alike.byProposal).toEqual([
      { proposalId: 'p1', groupId: 0, agreeShare: 1, voters: 5 },
      { proposalId: 'p2', groupId: 0, agreeShare: null, voters: 5 },
    ]);
  });

  it('handles no votes and rejects a bad k', () => {
    expect(opinionGroups([])).toEqual({ groups: [], byProposal: [], points: [], k: 0, silhouette: null });
    expect(() => opinionGroups(twoCamps, { k: 0 })).toThrow(RangeError);
  });

  it('counts the last vote of a participant on a proposal', () => {
    const r = opinionGroups([
      { participantId: 'a', proposalId: 'p', choice: 'DISAGREE' },
      { participantId: 'a', proposalId: 'p', choice: 'AGREE' },
    ]);
    expect(r.byProposal).toEqual([{ proposalId: 'p', groupId: 0, agreeShare: 1, voters: 1 }]);
  });

  const arbVotes = fc
    .uniqueArray(
      fc.record({
        participantId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
        proposalId: fc.constantFrom('p1', 'p2', 'p3'),
        choice: fc.constantFrom<VoteChoice>('AGREE', 'DISAGREE', 'ABSTAIN', 'BLOCK'),
      }),
      { selector: (v) => `${v.participantId}/${v.proposalId}`, maxLength: 21 },
    )
    .chain((votes) =>
      fc.tuple(fc.constant(votes), fc.shuffledSubarray(votes, { minLength: votes.length, maxLength: votes.length })),
    );

  it('partitions participants into at most four groups, whatever the vote order (property)', () => {
    fc.assert(
      fc.property(arbVotes, ([votes, shuffled]) => {
        const r = opinionGroups(votes);
        const members = r.groups.flatMap((g) => g.members).sort();
        expect(members).toEqual([...new Set(votes.map((v) => v.participantId))].sort());
        expect(r.groups.length).toBeLessThanOrEqual(4);
        expect(r.groups.map((g) => g.id)).toEqual(r.groups.map((_, i) => i));
        const proposals = new Set(votes.map((v) => v.proposalId)).size;
        expect(r.byProposal).toHaveLength(proposals * r.groups.length);
        for (const c of r.byProposal)
          if (c.agreeShare !== null) expect(c.agreeShare >= 0 && c.agreeShare <= 1).toBe(true);
        expect(opinionGroups(shuffled).groups).toEqual(r.groups);
      }),
      { numRuns: 60 },
    );
  });
});

describe('splitSectors', () => {
  const groups = [
    { id: 0, members: ['i1', 'i2', 'i3', 'l1', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7'] },
    { id: 1, members: ['l2', 'm1', 'm2', 'g8', 'g9', 'g10'] },
  ];
  const participants = [
    ...['i1', 'i2', 'i3'].map((participantId) => ({ participantId, sector: 'INDUSTRY' as const })),
    ...['l1', 'l2'].map((participantId) => ({ participantId, sector: 'LABOUR' as const })),
    ...['m1', 'm2'].map((participantId) => ({ participantId, sector: 'MEDIA' as const })),
    ...['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9', 'g10'].map((participantId) => ({
      participantId,
      sector: 'GOVERNMENT' as const,
    })),
    { participantId: 'x', sector: 'CITIZEN' as const },
  ];

  it('lists sectors spread over groups with no group holding 70%', () => {
    // 官: 7 of 10 in one group = 70%, so not split; 労: 1 and 1, split; 産 and 言: all together.
    expect(splitSectors(groups, participants)).toEqual([
      {
        sector: 'LABOUR',
        members: 2,
        byGroup: [
          { groupId: 0, count: 1 },
          { groupId: 1, count: 1 },
        ],
      },
    ]);
    expect(splitSectors(groups, participants, 0.71).map((s) => s.sector)).toEqual(['GOVERNMENT', 'LABOUR']);
  });
});
