import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { buildThemes, stableHash, termsOf, type Sector, type Stance, type Theme, type Tokenize } from '@yoriai/domain';
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
  body: string;
  created_at: Date;
}

const TERM_CACHE_LIMIT = 200_000;
const THEME_CACHE_LIMIT = 500;

// Only visible comments count: hidden ones never, drafts' comments only in the draft's own scope
// (whose reader already passed the draft's visibility check).
const VISIBLE = 'c.hidden_at IS NULL';
const SCOPE_SQL: Record<ThemeScopeKind, string> = {
  proposal: `SELECT c.id, c.author_id, c.sector, c.stance, c.body, c.created_at FROM comment c WHERE c.proposal_id = $1 AND ${VISIBLE}`,
  meeting: `SELECT DISTINCT c.id, c.author_id, c.sector, c.stance, c.body, c.created_at
              FROM meeting m JOIN agenda_item ai ON ai.meeting_id = m.id
              JOIN comment c ON c.proposal_id = ANY (ai.proposal_ids) JOIN proposal p ON p.id = c.proposal_id
             WHERE m.id = $1 AND m.started_at IS NOT NULL AND p.status <> 'DRAFT' AND ${VISIBLE}
               AND c.created_at >= m.started_at AND c.created_at <= coalesce(m.ended_at, now())`,
  process: `SELECT c.id, c.author_id, c.sector, c.stance, c.body, c.created_at FROM comment c JOIN proposal p ON p.id = c.proposal_id
             WHERE p.process_id = $1 AND p.status <> 'DRAFT' AND ${VISIBLE}`,
  pillar: `SELECT c.id, c.author_id, c.sector, c.stance, c.body, c.created_at FROM comment c JOIN proposal p ON p.id = c.proposal_id
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
 * cached (comments are never edited); a scope's themes are cached until its comments or edits change.
 */
@Injectable()
export class ThemeEngine {
  private readonly terms = new Map<string, string[]>();
  private readonly built = new Map<string, { fingerprint: string; result: ScopedThemes }>();

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
    const tokenize = await japaneseTokenizer();
    const labels: Record<string, string> = {};
    const merges: string[][] = [];
    for (const e of edits) {
      if (e.kind === 'RENAME' && e.label) labels[e.themeId] = e.label;
      if (e.kind === 'MERGE') merges.push(e.themeIds);
    }
    const themes = buildThemes(
      rows.map((r) => ({ id: r.id, authorId: r.author_id, sector: r.sector, stance: r.stance, createdAt: new Date(r.created_at).getTime(), terms: this.termsOf(r, tokenize) })),
      { idPrefix: `${key}~`, merges, labels },
    );
    const result = { processId, themes };
    if (this.built.size >= THEME_CACHE_LIMIT) this.built.delete(this.built.keys().next().value as string);
    this.built.set(key, { fingerprint, result });
    return result;
  }

  private termsOf(row: Row, tokenize: Tokenize): string[] {
    let t = this.terms.get(row.id);
    if (!t) {
      t = termsOf(row.body, tokenize);
      if (this.terms.size >= TERM_CACHE_LIMIT) this.terms.delete(this.terms.keys().next().value as string);
      this.terms.set(row.id, t);
    }
    return t;
  }
}
