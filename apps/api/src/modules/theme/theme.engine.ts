import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { buildThemeModel, buildThemes, modelFingerprint, stableHash, termsOf, upcomingModelSizes, type Sector, type Stance, type Theme, type ThemeComment, type ThemeModel, type ThemeModelCache, type Tokenize } from '@yoriai/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { japaneseTokenizer } from './japanese-tokenizer';
import { ThemeEditEntity } from './theme-edit.entity';

export type ThemeScopeKind = 'proposal' | 'meeting' | 'process' | 'pillar';

export interface ThemeScope {
  kind: ThemeScopeKind;
  id: string;
}

export interface ScopedThemes {
  processId: string;
  themes: Theme[];
}

export const scopeKey = (s: ThemeScope): string => `${s.kind}:${s.id}`;

/** The scope a theme id names (`proposal:<uuid>~<hash>`), or null for a malformed id. */
export function scopeOfThemeId(themeId: string): ThemeScope | null {
  const m = /^(proposal|meeting|process|pillar):([0-9a-f-]{36})~[0-9a-f]{8}$/.exec(themeId);
  return m ? { kind: m[1] as ThemeScopeKind, id: m[2] as string } : null;
}

interface Row {
  id: string;
  author_id: string;
  sector: Sector;
  stance: Stance;
  created_at: Date;
}

const TERM_CACHE_LIMIT = 200_000;
const THEME_CACHE_LIMIT = 500;
/** Models kept per scope: the current one and the ones built ahead for the next checkpoints. */
const MODELS_PER_SCOPE = 3;

// Only visible comments count: hidden ones never, drafts' comments only in the draft's own scope
// (whose reader already passed the draft's visibility check).
const VISIBLE = 'c.hidden_at IS NULL';
// Bodies are read only for comments whose terms are not cached yet (see termsFor).
const SCOPE_SQL: Record<ThemeScopeKind, string> = {
  proposal: `SELECT c.id, c.author_id, c.sector, c.stance, c.created_at FROM comment c WHERE c.proposal_id = $1 AND ${VISIBLE}`,
  meeting: `SELECT DISTINCT c.id, c.author_id, c.sector, c.stance, c.created_at
              FROM meeting m JOIN agenda_item ai ON ai.meeting_id = m.id
              JOIN comment c ON c.proposal_id = ANY (ai.proposal_ids) JOIN proposal p ON p.id = c.proposal_id
             WHERE m.id = $1 AND m.started_at IS NOT NULL AND p.status <> 'DRAFT' AND ${VISIBLE}
               AND c.created_at >= m.started_at AND c.created_at <= coalesce(m.ended_at, now())`,
  process: `SELECT c.id, c.author_id, c.sector, c.stance, c.created_at FROM comment c JOIN proposal p ON p.id = c.proposal_id
             WHERE p.process_id = $1 AND p.status <> 'DRAFT' AND ${VISIBLE}`,
  pillar: `SELECT c.id, c.author_id, c.sector, c.stance, c.created_at FROM comment c JOIN proposal p ON p.id = c.proposal_id
             WHERE p.pillar_id = $1 AND p.status <> 'DRAFT' AND ${VISIBLE}`,
};
const PROCESS_SQL: Record<ThemeScopeKind, string> = {
  proposal: 'SELECT process_id FROM proposal WHERE id = $1',
  meeting: 'SELECT process_id FROM meeting WHERE id = $1',
  process: 'SELECT id AS process_id FROM process WHERE id = $1',
  pillar: 'SELECT process_id FROM pillar WHERE id = $1',
};

/**
 * Builds the themes of a scope from its visible comments (no access checks: ThemeService and the
 * realtime listener check them). Tokenising is the expensive part, so each comment's terms are
 * cached (comments are never edited); a scope's themes are cached until its comments or edits
 * change, and its clustering models are kept so that a new comment only joins the nearest theme
 * (libs/domain themes/model.ts). The model the next comments will need is built ahead, after the
 * answer, so a live panel's update never waits for a clustering (docs/analytics.md § Live updates).
 */
@Injectable()
export class ThemeEngine {
  private readonly logger = new Logger('Themes');
  private readonly terms = new Map<string, string[]>();
  private readonly built = new Map<string, { fingerprint: string; result: ScopedThemes }>();
  private readonly models = new Map<string, ThemeModel[]>();
  private readonly ahead = new Set<string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async processOf(scope: ThemeScope, em: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row] = await em.query<{ process_id: string }[]>(PROCESS_SQL[scope.kind], [scope.id]);
    return row?.process_id ?? null;
  }

  async themes(scope: ThemeScope, em: EntityManager = this.dataSource.manager): Promise<ScopedThemes | null> {
    const processId = await this.processOf(scope, em);
    if (!processId) return null;
    const [rows, edits] = await Promise.all([
      em.query<Row[]>(`${SCOPE_SQL[scope.kind]} ORDER BY c.created_at, c.id`, [scope.id]),
      em.find(ThemeEditEntity, { where: { scope: scopeKey(scope) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    const fingerprint = stableHash(rows.map((r) => r.id).join(',')) + rows.length + ':' + edits.map((e) => e.id).join(',');
    const key = scopeKey(scope);
    const cached = this.built.get(key);
    if (cached && cached.fingerprint === fingerprint) return cached.result;
    const terms = await this.termsFor(rows, em);
    const labels: Record<string, string> = {};
    const merges: string[][] = [];
    for (const e of edits) {
      if (e.kind === 'RENAME' && e.label) labels[e.themeId] = e.label;
      if (e.kind === 'MERGE') merges.push(e.themeIds);
    }
    const comments: ThemeComment[] = rows.map((r) => ({ id: r.id, authorId: r.author_id, sector: r.sector, stance: r.stance, createdAt: new Date(r.created_at).getTime(), terms: terms.get(r.id) ?? [] }));
    const themes = buildThemes(comments, { idPrefix: `${key}~`, merges, labels, models: this.modelCache(key) });
    const result = { processId, themes };
    if (this.built.size >= THEME_CACHE_LIMIT) this.built.delete(this.built.keys().next().value as string);
    this.built.set(key, { fingerprint, result });
    this.buildAhead(key, comments);
    return result;
  }

  /** Each row's terms: cached ones as they are, the others tokenised from bodies read in one query. */
  private async termsFor(rows: Row[], em: EntityManager): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const missing: string[] = [];
    for (const r of rows) {
      const t = this.terms.get(r.id);
      if (t) out.set(r.id, t);
      else missing.push(r.id);
    }
    if (missing.length === 0) return out;
    const tokenize: Tokenize = await japaneseTokenizer();
    const bodies = await em.query<{ id: string; body: string }[]>('SELECT id, body FROM comment WHERE id = ANY ($1::uuid[])', [missing]);
    for (const b of bodies) {
      const t = termsOf(b.body, tokenize);
      if (this.terms.size >= TERM_CACHE_LIMIT) this.terms.delete(this.terms.keys().next().value as string);
      this.terms.set(b.id, t);
      out.set(b.id, t);
    }
    return out;
  }

  private modelCache(key: string): ThemeModelCache {
    return {
      get: (fingerprint) => this.models.get(key)?.find((m) => m.fingerprint === fingerprint),
      set: (model) => {
        const list = [model, ...(this.models.get(key) ?? []).filter((m) => m.fingerprint !== model.fingerprint)].slice(0, MODELS_PER_SCOPE);
        if (!this.models.has(key) && this.models.size >= THEME_CACHE_LIMIT) this.models.delete(this.models.keys().next().value as string);
        this.models.set(key, list);
      },
    };
  }

  /**
   * Builds, after this answer, the models the scope's next comments will need (their comments all
   * exist now). Only a speed-up: a model missing when needed is built then, with the same result.
   */
  private buildAhead(key: string, comments: ThemeComment[]): void {
    const sorted = [...comments].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const cache = this.modelCache(key);
    for (const size of upcomingModelSizes(sorted.length)) {
      const prefix = sorted.slice(0, size);
      const fingerprint = modelFingerprint(prefix.map((c) => c.id));
      const job = `${key}|${fingerprint}`;
      if (cache.get(fingerprint) || this.ahead.has(job)) continue;
      this.ahead.add(job);
      setImmediate(() => {
        try {
          if (!cache.get(fingerprint)) cache.set(buildThemeModel(prefix.map((c) => c.id), prefix.map((c) => c.terms)));
        } catch (e) {
          this.logger.warn(`building a theme model ahead failed: ${e instanceof Error ? e.message : String(e)}`);
        } finally {
          this.ahead.delete(job);
        }
      });
    }
  }
}
