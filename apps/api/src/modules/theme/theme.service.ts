import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Theme } from '@yoriai/domain';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { badInput, Errors } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { CommentEntity } from '../comment/comment.entity';
import { ThemeEditEntity } from './theme-edit.entity';
import { scopeKey, scopeOfThemeId, ThemeEngine, type ThemeScope } from './theme.engine';
import type { ThemeModel } from './theme.model';

const THEME = { ja: '論点', en: 'The theme' };

export const toThemeModel = (t: Theme, processId: string): ThemeModel => ({
  id: t.id,
  label: t.label,
  renamed: t.renamed,
  keyPhrases: t.keyPhrases,
  size: t.size,
  commentIds: t.commentIds,
  sectors: t.sectors,
  smallSectors: t.smallSectors,
  silentSectors: t.silentSectors,
  stances: t.stances,
  bridging: t.bridging,
  divide: t.divide,
  trend: t.trend,
  processId,
  representativeIds: t.representativeIds,
});

@Injectable()
export class ThemeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: ThemeEngine,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** Themes of a scope whose reader has already been checked (a resolved Proposal or Meeting). */
  async themesOf(scope: ThemeScope): Promise<ThemeModel[]> {
    const r = await this.engine.themes(scope);
    return r ? r.themes.map((t) => toThemeModel(t, r.processId)) : [];
  }

  /** Process.themes(pillarId): members only. A pillar of another process gives no themes. */
  async processThemes(viewer: Viewer, processId: string, pillarId?: string | null): Promise<ThemeModel[]> {
    await this.access.require(viewer, processId, 'process.read');
    if (!pillarId) return this.themesOf({ kind: 'process', id: processId });
    const scope: ThemeScope = { kind: 'pillar', id: pillarId };
    if ((await this.engine.processOf(scope)) !== processId) return [];
    return this.themesOf(scope);
  }

  /** The representatives, verbatim; re-read so that a comment hidden since the themes were built is left out. */
  async representatives(t: ThemeModel): Promise<CommentEntity[]> {
    if (t.representativeIds.length === 0) return [];
    const rows = await this.dataSource.manager.find(CommentEntity, { where: { id: In(t.representativeIds) } });
    return t.representativeIds.map((id) => rows.find((r) => r.id === id)).filter((c): c is CommentEntity => !!c && c.hiddenAt == null);
  }

  async rename(viewer: Viewer, themeId: string, label: string): Promise<ThemeModel> {
    const text = label.trim();
    if (!text) throw badInput('LABEL_REQUIRED', '論点の名前を入力してください。', 'Enter a name for the theme.');
    const { scope, processId } = await this.requireEditable(viewer, [themeId]);
    await this.tx.run(async (em, emit) => {
      emit({ type: 'theme.edited', processId, scope: scopeKey(scope) });
      await em.save(em.create(ThemeEditEntity, { processId, scope: scopeKey(scope), kind: 'RENAME', themeId, label: text, themeIds: [themeId], actorId: viewer.participantId }));
      await this.audit.record(em, { processId, actorId: viewer.participantId, action: 'theme.rename', targetType: 'theme', targetId: null, data: { themeId, label: text } });
    });
    return this.find(scope, themeId);
  }

  async merge(viewer: Viewer, themeIds: string[]): Promise<ThemeModel> {
    const ids = [...new Set(themeIds)];
    if (ids.length < 2) throw badInput('MERGE_NEEDS_TWO', '統合する論点を2つ以上選んでください。', 'Choose at least two themes to merge.');
    const { scope, processId } = await this.requireEditable(viewer, ids);
    await this.tx.run(async (em, emit) => {
      emit({ type: 'theme.edited', processId, scope: scopeKey(scope) });
      await em.save(em.create(ThemeEditEntity, { processId, scope: scopeKey(scope), kind: 'MERGE', themeId: ids[0] as string, label: null, themeIds: ids, actorId: viewer.participantId }));
      await this.audit.record(em, { processId, actorId: viewer.participantId, action: 'theme.merge', targetType: 'theme', targetId: null, data: { themeIds: ids } });
    });
    return this.find(scope, ids[0] as string);
  }

  /** Every theme of one scope, each present now, and the viewer may edit themes in its process. */
  private async requireEditable(viewer: Viewer, themeIds: string[]): Promise<{ scope: ThemeScope; processId: string }> {
    const scopes = themeIds.map(scopeOfThemeId);
    const scope = scopes[0];
    if (!scope || scopes.some((s) => !s || scopeKey(s) !== scopeKey(scope))) {
      throw badInput('THEMES_NOT_IN_ONE_SCOPE', '同じ一覧の論点だけを統合できます。', 'Only themes of one list (proposal, meeting, process or pillar) can be edited together.');
    }
    const processId = await this.engine.processOf(scope);
    if (!processId) throw Errors.notFound(THEME);
    await this.access.require(viewer, processId, 'theme.edit');
    const current = await this.engine.themes(scope);
    for (const id of themeIds) if (!current?.themes.some((t) => t.id === id)) throw Errors.notFound(THEME);
    return { scope, processId };
  }

  private async find(scope: ThemeScope, themeId: string): Promise<ThemeModel> {
    const r = await this.engine.themes(scope);
    const t = r?.themes.find((x) => x.id === themeId);
    if (!r || !t) throw Errors.notFound(THEME);
    return toThemeModel(t, r.processId);
  }
}
