import { DatabaseModule } from './common/database/database.module';
import { CommentModule } from './modules/comment/comment.module';
import { AuditModule } from './modules/audit/audit.module';
import { ParticipantModule } from './modules/participant/participant.module';
import { ProcessModule } from './modules/process/process.module';
import { ProposalModule } from './modules/proposal/proposal.module';

/** Feature modules (one folder per aggregate under modules/). */
export const FEATURE_MODULES = [DatabaseModule, AuditModule, ParticipantModule, ProcessModule, ProposalModule, CommentModule];
