import { Module } from '@nestjs/common';
import { ProposalModule } from '../proposal/proposal.module';
import { CommentThreadLoader } from './comment-thread.loader';
import { CommentResolver, ProposalCommentsResolver } from './comment.resolver';
import { CommentService } from './comment.service';

@Module({ imports: [ProposalModule], providers: [CommentService, CommentThreadLoader, CommentResolver, ProposalCommentsResolver], exports: [CommentService, CommentThreadLoader] })
export class CommentModule {}
