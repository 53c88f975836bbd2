import { DatabaseModule } from './common/database/database.module';
import { AnalyticsModule } from './modules/analytics/analytics.module';
import { AuditModule } from './modules/audit/audit.module';
import { ParticipantModule } from './modules/participant/participant.module';
import { ProcessModule } from './modules/process/process.module';
import { ProposalModule } from './modules/proposal/proposal.module';
import { CommentModule } from './modules/comment/comment.module';
import { VotingModule } from './modules/voting/voting.module';
import { RecordModule } from './modules/record/record.module';
import { MeetingModule } from './modules/meeting/meeting.module';
import { RealtimeModule } from './realtime/realtime.module';
import { MinutesModule } from './modules/minutes/minutes.module';
import { ExportModule } from './modules/export/export.module';
import { SessionModule } from './modules/session/session.module';
import { InvitationModule } from './modules/invitation/invitation.module';
import { ThemeModule } from './modules/theme/theme.module';
import { DeliveryModule } from './modules/delivery/delivery.module';

/** Feature modules (one folder per aggregate under modules/). */
export const FEATURE_MODULES = [DatabaseModule, AuditModule, ParticipantModule, SessionModule, ProcessModule, InvitationModule, ProposalModule, CommentModule, RecordModule, VotingModule, MeetingModule, RealtimeModule, MinutesModule, ExportModule, AnalyticsModule, ThemeModule, DeliveryModule];
