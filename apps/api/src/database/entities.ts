import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { CommentEntity } from '../modules/comment/comment.entity';
import { AgendaItemEntity } from '../modules/meeting/agenda-item.entity';
import { AttendanceEntity } from '../modules/meeting/attendance.entity';
import { MeetingEntity } from '../modules/meeting/meeting.entity';
import { MinutesEntity } from '../modules/minutes/minutes.entity';
import { ParticipantEntity } from '../modules/participant/participant.entity';
import { MembershipEntity } from '../modules/process/membership.entity';
import { PillarEntity } from '../modules/process/pillar.entity';
import { ProcessEntity } from '../modules/process/process.entity';
import { ProposalVersionEntity } from '../modules/proposal/proposal-version.entity';
import { ProposalEntity } from '../modules/proposal/proposal.entity';
import { ActionItemEntity } from '../modules/record/action-item.entity';
import { ConsensusRecordEntity } from '../modules/record/consensus-record.entity';
import { DissentResponseEntity } from '../modules/record/dissent-response.entity';
import { VoteEventEntity } from '../modules/voting/vote-event.entity';
import { VoteEntity } from '../modules/voting/vote.entity';
import { VotingRoundEntity } from '../modules/voting/voting-round.entity';
import { InvitationEntity } from '../modules/invitation/invitation.entity';
import { MembershipRemovalEntity } from '../modules/process/membership-removal.entity';
import { SessionEntity } from '../modules/session/session.entity';
import { AdmissionRequestEntity } from '../modules/meeting/admission-request.entity';
import { CommentTermsEntity } from '../modules/theme/comment-terms.entity';
import { ThemeEditEntity } from '../modules/theme/theme-edit.entity';
import { KpiMeasurementEntity } from '../modules/delivery/kpi-measurement.entity';

export const ENTITIES = [
  ParticipantEntity,
  ProcessEntity,
  PillarEntity,
  MembershipEntity,
  ProposalEntity,
  ProposalVersionEntity,
  CommentEntity,
  VotingRoundEntity,
  VoteEntity,
  VoteEventEntity,
  ConsensusRecordEntity,
  DissentResponseEntity,
  ActionItemEntity,
  MeetingEntity,
  AgendaItemEntity,
  AttendanceEntity,
  MinutesEntity,
  AuditLogEntity,
  SessionEntity,
  MembershipRemovalEntity,
  InvitationEntity,
  AdmissionRequestEntity,
  ThemeEditEntity,
  CommentTermsEntity,
  KpiMeasurementEntity,
];
