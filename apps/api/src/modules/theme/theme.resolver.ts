import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { CommentThreadLoader } from '../comment/comment-thread.loader';
import { CommentModel } from '../comment/comment.model';
import { MeetingModel } from '../meeting/meeting.model';
import { ProcessModel } from '../process/process.model';
import { ProposalModel } from '../proposal/proposal.model';
import { MergeThemesArgs, RenameThemeArgs } from './dto/theme.input';
import { ThemeModel } from './theme.model';
import { ThemeService } from './theme.service';

const THEMES = 'Themes of the visible comments (広聴): seeded, deterministic; hidden comments never count';

@Resolver(() => ThemeModel)
export class ThemeResolver {
  constructor(
    private readonly themes: ThemeService,
    private readonly comments: CommentThreadLoader,
  ) {}

  @ResolveField(() => [CommentModel], { description: 'Up to 3 comments nearest the theme’s centre, verbatim, from different authors where possible; never a hidden one' })
  async representatives(@Parent() t: ThemeModel, @Ctx() ctx: RequestContext): Promise<CommentModel[]> {
    const shown = await this.themes.representatives(t);
    // Read as every comment is answered (author, replyCount): one query for the representatives of all the themes asked for.
    const comments = await Promise.all(shown.map((c) => this.comments.comment(ctx, c.id)));
    return comments.filter((c): c is CommentModel => !!c && !c.hidden);
  }

  @Mutation(() => ThemeModel, { description: 'Renames a theme (facilitators); kept and audited' })
  renameTheme(@Args() args: RenameThemeArgs, @Ctx() ctx: RequestContext): Promise<ThemeModel> {
    return this.themes.rename(requireViewer(ctx), args.themeId, args.label);
  }

  @Mutation(() => ThemeModel, { description: 'Merges themes of one list into the first (facilitators); kept and audited' })
  mergeThemes(@Args() args: MergeThemesArgs, @Ctx() ctx: RequestContext): Promise<ThemeModel> {
    return this.themes.merge(requireViewer(ctx), args.themeIds);
  }
}

@Resolver(() => ProposalModel)
export class ProposalThemesResolver {
  constructor(private readonly service: ThemeService) {}

  // The proposal resolver has already checked that the viewer may read the proposal.
  @ResolveField(() => [ThemeModel], { description: THEMES, complexity: 50 })
  themes(@Parent() p: ProposalModel): Promise<ThemeModel[]> {
    return this.service.themesOf({ kind: 'proposal', id: p.id });
  }
}

@Resolver(() => MeetingModel)
export class MeetingThemesResolver {
  constructor(private readonly service: ThemeService) {}

  // The meeting resolver has already checked that the viewer may read the meeting.
  @ResolveField(() => [ThemeModel], { description: `${THEMES}. Comments on the agenda's proposals written while the meeting ran`, complexity: 50 })
  themes(@Parent() m: MeetingModel): Promise<ThemeModel[]> {
    return this.service.themesOf({ kind: 'meeting', id: m.id });
  }
}

@Resolver(() => ProcessModel)
export class ProcessThemesResolver {
  constructor(private readonly service: ThemeService) {}

  @ResolveField(() => [ThemeModel], { description: `${THEMES}. All proposals of the process, or of one pillar`, complexity: 100 })
  themes(@Parent() p: ProcessModel, @Ctx() ctx: RequestContext, @Args('pillarId', { type: () => ID, nullable: true }) pillarId?: string): Promise<ThemeModel[]> {
    return this.service.processThemes(requireViewer(ctx), p.id, pillarId);
  }
}
