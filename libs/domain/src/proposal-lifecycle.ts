import type { Outcome, ProposalStatus } from './enums';

/**
 * Allowed proposal status changes.
 *
 * - DRAFT → OPEN (published for discussion) or WITHDRAWN.
 * - OPEN → VOTING (a round opens), DEFERRED (parked), or WITHDRAWN by its author.
 * - VOTING → ADOPTED | REJECTED only by closing a round, or DEFERRED when the round closes without
 *   quorum. A proposal under vote cannot be withdrawn, and VOTING → OPEN (cancelling a round) is
 *   not allowed: votes already cast must end in a consensus record, never silently vanish.
 * - DEFERRED → OPEN reopens discussion; ADOPTED, REJECTED and WITHDRAWN are final (a changed mind
 *   is a new proposal, so the record chain stays append-only).
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<ProposalStatus, ReadonlyArray<ProposalStatus>>> = {
  DRAFT: ['OPEN', 'WITHDRAWN'],
  OPEN: ['VOTING', 'DEFERRED', 'WITHDRAWN'],
  VOTING: ['ADOPTED', 'REJECTED', 'DEFERRED'],
  DEFERRED: ['OPEN'],
  ADOPTED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

export const TERMINAL_STATUSES: ReadonlyArray<ProposalStatus> = ['ADOPTED', 'REJECTED', 'WITHDRAWN'];

export function canTransition(from: ProposalStatus, to: ProposalStatus): boolean {
  return ALLOWED_TRANSITIONS[from]?.includes(to) ?? false;
}

export function isTerminal(status: ProposalStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** DRAFT is edited in place; an edit while OPEN creates a new version (amendment). */
export function isEditable(status: ProposalStatus): boolean {
  return status === 'DRAFT' || status === 'OPEN';
}

/** The status a proposal takes when its voting round closes with this outcome. */
export function statusForOutcome(outcome: Outcome): ProposalStatus {
  switch (outcome) {
    case 'ADOPTED':
      return 'ADOPTED';
    case 'REJECTED':
      return 'REJECTED';
    case 'NO_QUORUM':
      // Too few people to decide is not a "no": the item returns to the agenda later.
      return 'DEFERRED';
  }
}
