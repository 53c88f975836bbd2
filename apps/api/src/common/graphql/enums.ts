import { registerEnumType } from '@nestjs/graphql';
import {
  ADMISSIONS,
  ADMISSION_STATUSES,
  BALLOTS,
  DECISION_RULES,
  MEETING_STATUSES,
  MINUTES_STATUSES,
  OUTCOMES,
  PROPOSAL_STATUSES,
  ROLES,
  SECTORS,
  STANCES,
  VOTE_CHOICES,
} from '@yoriai/domain';

/** GraphQL enums built from libs/domain's value lists, so the schema and the rules never drift. */
function enumOf<T extends string>(values: ReadonlyArray<T>): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const SectorEnum = enumOf(SECTORS);
export const RoleEnum = enumOf(ROLES);
export const ProposalStatusEnum = enumOf(PROPOSAL_STATUSES);
export const StanceEnum = enumOf(STANCES);
export const VoteChoiceEnum = enumOf(VOTE_CHOICES);
export const DecisionRuleEnum = enumOf(DECISION_RULES);
export const BallotEnum = enumOf(BALLOTS);
export const OutcomeEnum = enumOf(OUTCOMES);
export const MeetingStatusEnum = enumOf(MEETING_STATUSES);
export const MinutesStatusEnum = enumOf(MINUTES_STATUSES);
export const AdmissionEnum = enumOf(ADMISSIONS);
export const AdmissionStatusEnum = enumOf(ADMISSION_STATUSES);

registerEnumType(SectorEnum, { name: 'Sector', description: '産 INDUSTRY · 官 GOVERNMENT · 学 ACADEMIA · 金 FINANCE · 労 LABOUR · 言 MEDIA · 住民 CITIZEN' });
registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(ProposalStatusEnum, { name: 'ProposalStatus' });
registerEnumType(StanceEnum, { name: 'Stance' });
registerEnumType(VoteChoiceEnum, { name: 'VoteChoice' });
registerEnumType(DecisionRuleEnum, { name: 'DecisionRule' });
registerEnumType(BallotEnum, { name: 'Ballot' });
registerEnumType(OutcomeEnum, { name: 'Outcome' });
registerEnumType(MeetingStatusEnum, { name: 'MeetingStatus' });
registerEnumType(MinutesStatusEnum, { name: 'MinutesStatus' });
registerEnumType(AdmissionEnum, {
  name: 'Admission',
  description: 'Who may join a live meeting by code: CODE (anyone, as a guest), MEMBERS_ONLY, CODE_WITH_APPROVAL (a facilitator admits each newcomer)',
});
registerEnumType(AdmissionStatusEnum, { name: 'AdmissionStatus', description: 'At the door of a CODE_WITH_APPROVAL meeting: PENDING until admitted or denied' });
