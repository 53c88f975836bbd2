/**
 * Domain events, published after commit. Each carries the ids the realtime listener needs to
 * pick rooms and build payloads (CONTRACT.md § Real time).
 */
export type DomainEvent =
  | { type: 'proposal.created' | 'proposal.updated'; processId: string; proposalId: string }
  | { type: 'comment.created' | 'comment.hidden'; processId: string; proposalId: string; commentId: string }
  | { type: 'vote.cast'; processId: string; proposalId: string; roundId: string }
  | { type: 'voting.opened'; processId: string; proposalId: string; roundId: string }
  | { type: 'voting.closed'; processId: string; proposalId: string; roundId: string; recordId: string; outcome: string }
  | { type: 'record.created'; processId: string; proposalId: string; recordId: string; outcome: string; hash: string }
  | { type: 'meeting.state'; processId: string; meetingId: string }
  /** A roadmap milestone was added, moved or edited (delivery). */
  | { type: 'actionItem.updated'; processId: string; proposalId: string; actionItemId: string }
  /** A KPI measurement (or a correction, which is a new entry) was recorded. */
  | { type: 'kpi.measured'; processId: string; proposalId: string; kpiId: string; measurementId: string }
  /** A facilitator renamed or merged themes of a scope (`proposal:<id>`, `meeting:<id>`, `process:<id>`, `pillar:<id>`). */
  | { type: 'theme.edited'; processId: string; scope: string }
  /** A guest at the door of a CODE_WITH_APPROVAL meeting asked to be admitted, or was admitted or denied. */
  | { type: 'admission.changed'; processId: string; meetingId: string; participantId: string; status: 'PENDING' | 'ADMITTED' | 'DENIED' };
