import { OUTCOMES, PROPOSAL_STATUSES, type ProposalStatus } from './enums';
import { canTransitionMeeting } from './meeting-lifecycle';
import { ALLOWED_TRANSITIONS, canTransition, isEditable, isTerminal, statusForOutcome } from './proposal-lifecycle';

describe('proposal lifecycle', () => {
  it.each<[ProposalStatus, ProposalStatus]>([
    ['DRAFT', 'OPEN'],
    ['DRAFT', 'WITHDRAWN'],
    ['OPEN', 'VOTING'],
    ['OPEN', 'DEFERRED'],
    ['OPEN', 'WITHDRAWN'],
    ['VOTING', 'ADOPTED'],
    ['VOTING', 'REJECTED'],
    ['VOTING', 'DEFERRED'],
    ['DEFERRED', 'OPEN'],
  ])('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each<[ProposalStatus, ProposalStatus]>([
    ['VOTING', 'OPEN'],
    ['VOTING', 'WITHDRAWN'],
    ['DRAFT', 'VOTING'],
    ['OPEN', 'ADOPTED'],
    ['DEFERRED', 'VOTING'],
    ['ADOPTED', 'OPEN'],
    ['REJECTED', 'OPEN'],
    ['WITHDRAWN', 'DRAFT'],
    ['OPEN', 'OPEN'],
  ])('forbids %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('has no way out of a terminal status and a way out of every other', () => {
    for (const s of PROPOSAL_STATUSES) expect(isTerminal(s)).toBe(ALLOWED_TRANSITIONS[s].length === 0);
    expect(PROPOSAL_STATUSES.filter(isTerminal)).toEqual(['ADOPTED', 'REJECTED', 'WITHDRAWN']);
  });

  it('lets only DRAFT and OPEN proposals be amended', () => {
    expect(PROPOSAL_STATUSES.filter(isEditable)).toEqual(['DRAFT', 'OPEN']);
  });

  it('maps each round outcome to a status reachable from VOTING', () => {
    expect(OUTCOMES.map(statusForOutcome)).toEqual(['ADOPTED', 'REJECTED', 'DEFERRED']);
    for (const o of OUTCOMES) expect(canTransition('VOTING', statusForOutcome(o))).toBe(true);
  });
});

describe('meeting lifecycle', () => {
  it('runs SCHEDULED → LIVE → ENDED only', () => {
    expect(canTransitionMeeting('SCHEDULED', 'LIVE')).toBe(true);
    expect(canTransitionMeeting('LIVE', 'ENDED')).toBe(true);
    expect(canTransitionMeeting('ENDED', 'LIVE')).toBe(false);
    expect(canTransitionMeeting('SCHEDULED', 'ENDED')).toBe(false);
  });
});
