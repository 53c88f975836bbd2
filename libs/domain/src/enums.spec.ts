import * as enums from './enums';

const families: [string, ReadonlyArray<string>, Record<string, enums.Label>, (x: unknown) => boolean][] = [
  ['ROLES', enums.ROLES, enums.ROLE_LABELS, enums.isRole],
  ['PROPOSAL_STATUSES', enums.PROPOSAL_STATUSES, enums.STATUS_LABELS, enums.isProposalStatus],
  ['STANCES', enums.STANCES, enums.STANCE_LABELS, enums.isStance],
  ['VOTE_CHOICES', enums.VOTE_CHOICES, enums.CHOICE_LABELS, enums.isVoteChoice],
  ['DECISION_RULES', enums.DECISION_RULES, enums.RULE_LABELS, enums.isDecisionRule],
  ['BALLOTS', enums.BALLOTS, enums.BALLOT_LABELS, enums.isBallot],
  ['OUTCOMES', enums.OUTCOMES, enums.OUTCOME_LABELS, enums.isOutcome],
  ['MEETING_STATUSES', enums.MEETING_STATUSES, enums.MEETING_STATUS_LABELS, enums.isMeetingStatus],
  ['MINUTES_STATUSES', enums.MINUTES_STATUSES, enums.MINUTES_STATUS_LABELS, enums.isMinutesStatus],
];

describe.each(families)('%s', (_name, values, labels, guard) => {
  it('labels every value in both languages, and nothing else', () => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const v of values) {
      expect(labels[v]?.ja).toBeTruthy();
      expect(labels[v]?.en).toBeTruthy();
    }
  });

  it('guards its values', () => {
    for (const v of values) expect(guard(v)).toBe(true);
    for (const bad of ['', 'nope', values[0]?.toLowerCase(), null, undefined, 0, []]) expect(guard(bad)).toBe(false);
  });
});

describe('enum values', () => {
  it('match the design', () => {
    expect(enums.ROLES).toEqual(['ORGANIZER', 'FACILITATOR', 'SECRETARIAT', 'PARTICIPANT', 'OBSERVER']);
    expect(enums.PROPOSAL_STATUSES).toEqual([
      'DRAFT',
      'OPEN',
      'VOTING',
      'ADOPTED',
      'REJECTED',
      'DEFERRED',
      'WITHDRAWN',
    ]);
    expect(enums.VOTE_CHOICES.map((c) => enums.CHOICE_LABELS[c].ja)).toEqual(['賛成', '反対', '棄権', 'ブロック']);
    expect(enums.DECISION_RULES).toEqual(['MAJORITY', 'SUPERMAJORITY', 'CONSENSUS', 'CROSS_SECTOR']);
    expect(enums.OUTCOMES).toEqual(['ADOPTED', 'REJECTED', 'NO_QUORUM']);
  });
});
