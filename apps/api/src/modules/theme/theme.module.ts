import { Module } from '@nestjs/common';
import { CommentModule } from '../comment/comment.module';
import { MeetingThemesResolver, ProcessThemesResolver, ProposalThemesResolver, ThemeResolver } from './theme.resolver';
import { ThemeEngine } from './theme.engine';
import { ThemePool } from './theme-pool';
import { ThemeService } from './theme.service';

@Module({ imports: [CommentModule], providers: [ThemePool, ThemeEngine, ThemeService, ThemeResolver, ProposalThemesResolver, MeetingThemesResolver, ProcessThemesResolver], exports: [ThemeService, ThemeEngine] })
export class ThemeModule {}
