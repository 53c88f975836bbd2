import { Module } from '@nestjs/common';
import { MeetingThemesResolver, ProcessThemesResolver, ProposalThemesResolver, ThemeResolver } from './theme.resolver';
import { ThemeEngine } from './theme.engine';
import { ThemePool } from './theme-pool';
import { ThemeService } from './theme.service';

@Module({ providers: [ThemePool, ThemeEngine, ThemeService, ThemeResolver, ProposalThemesResolver, MeetingThemesResolver, ProcessThemesResolver], exports: [ThemeService, ThemeEngine] })
export class ThemeModule {}
