import { ROLES } from './enums';
import { ACTIONS, can, PERMISSIONS } from './permissions';

// The table as documented in docs/permissions.md: one row per action, ✓ per role
// (ORGANIZER, FACILITATOR, SECRETARIAT, PARTICIPANT, OBSERVER).
const DOCUMENTED: Record<string, string> = {
  'process.read': '✓✓✓✓✓',
  'process.update': '✓····',
  'member.manage': '✓····',
  'audit.read': '✓····',
  'proposal.create': '✓✓✓✓·',
  'proposal.amendAny': '✓✓✓··',
  'proposal.setStatus': '✓✓···',
  'comment.add': '✓✓✓✓·',
  'comment.hide': '✓✓···',
  'theme.edit': '✓✓···',
  'voting.manage': '✓✓···',
  'vote.cast': '✓✓·✓·',
  'vote.proxy': '✓✓···',
  'record.respond': '✓✓✓··',
  'record.correct': '✓·✓··',
  'actionItem.manage': '✓✓✓··',
  'kpi.measure': '✓✓✓··',
  'plan.revise': '✓✓✓··',
  'progress.publish': '✓····',
  'practice.export': '✓·✓··',
  'practice.import': '✓·✓··',
  'meeting.manage': '✓✓···',
  'minutes.edit': '✓·✓··',
  'export.download': '✓✓✓✓✓',
};

describe('permission table', () => {
  it('documents every action', () => {
    expect(Object.keys(DOCUMENTED).sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    ROLES.forEach((role, i) => {
      const allowed = DOCUMENTED[action][i] === '✓';
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    });
  }

  it('denies everything to someone without a role', () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });
});
