import type { Role } from './enums';

/**
 * The permission table (docs/permissions.md). Every mutation names one action; the API's access
 * service checks it against the caller's role in the process before acting. Tested cell by cell.
 */
export const ACTIONS = [
  'process.read',
  'process.update',
  'member.manage',
  'audit.read',
  'proposal.create',
  'proposal.amendAny',
  'proposal.setStatus',
  'comment.add',
  'comment.hide',
  'theme.edit',
  'voting.manage',
  'vote.cast',
  'vote.proxy',
  'record.respond',
  'record.correct',
  'actionItem.manage',
  'kpi.measure',
  'plan.revise',
  'progress.publish',
  'practice.export',
  'practice.import',
  'meeting.manage',
  'minutes.edit',
  'export.download',
] as const;
export type Action = (typeof ACTIONS)[number];

const O = 'ORGANIZER';
const F = 'FACILITATOR';
const S = 'SECRETARIAT';
const P = 'PARTICIPANT';
const V = 'OBSERVER';

export const PERMISSIONS: Readonly<Record<Action, ReadonlyArray<Role>>> = {
  'process.read': [O, F, S, P, V],
  'process.update': [O],
  'member.manage': [O],
  'audit.read': [O],
  'proposal.create': [O, F, S, P],
  // Authors may always amend and withdraw their own proposals (checked separately).
  'proposal.amendAny': [O, F, S],
  'proposal.setStatus': [O, F],
  'comment.add': [O, F, S, P],
  'comment.hide': [O, F],
  // Renaming and merging themes (広聴) is the facilitator's editing of what the hall said.
  'theme.edit': [O, F],
  'voting.manage': [O, F],
  // The secretariat records and observers watch; stakeholders (including organisers and
  // facilitators, who belong to a sector) vote.
  'vote.cast': [O, F, P],
  'vote.proxy': [O, F],
  'record.respond': [O, F, S],
  'record.correct': [O, S],
  'actionItem.manage': [O, F, S],
  // Members of the sector that owns a roadmap item may also measure its KPI and report its
  // progress (checked in DeliveryService, docs/permissions.md § exceptions).
  'kpi.measure': [O, F, S],
  // A revised plan is a new proposal put to a new vote; its record names the one it revises.
  'plan.revise': [O, F, S],
  // Only the organiser publishes the process's progress to people outside it.
  'progress.publish': [O],
  // What leaves the process as open data, and what comes in as a template, is curated.
  'practice.export': [O, S],
  'practice.import': [O, S],
  'meeting.manage': [O, F],
  'minutes.edit': [O, S],
  'export.download': [O, F, S, P, V],
};

export function can(role: Role | null | undefined, action: Action): boolean {
  return role != null && PERMISSIONS[action].includes(role);
}
