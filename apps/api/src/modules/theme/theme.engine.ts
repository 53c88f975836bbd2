import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { THEME_TERMS_VERSION, type Theme } from '@yoriai/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { ThemeEditEntity } from './theme-edit.entity';
import { ThemePool, type ThemeJobInput, type ThemeLane } from './theme-pool';
import type { ScopeColumns } from './theme-worker';

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

const THEME_CACHE_LIMIT = 500;
/** Terms and bodies go to the worker in chunks of this many comments (one JSON string each). */
const CHUNK = 5000;

// Only visible comments count: hidden ones never, drafts' comments only in the draft's own scope
// (whose reader already passed the draft's visibility check).
const VISIBLE = 'c.hidden_at IS NULL';
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
// The scope as one row of comma-separated columns in time order, with its fingerprint: PostgreSQL
// aggregates, the worker splits, and the API's event loop only passes strings along.
const ORDER = 'ORDER BY s.created_at, s.id';
const COLUMNS_SQL = (kind: ThemeScopeKind) => `SELECT count(*)::int AS n, md5(string_agg(s.id::text, ',' ${ORDER})) AS fingerprint,
    string_agg(s.id::text, ',' ${ORDER}) AS ids, string_agg(s.author_id::text, ',' ${ORDER}) AS authors,
    string_agg(s.sector, ',' ${ORDER}) AS sectors, string_agg(s.stance, ',' ${ORDER}) AS stances,
    string_agg(floor(extract(epoch FROM s.created_at) * 1000)::bigint::text, ',' ${ORDER}) AS times
  FROM (${SCOPE_SQL[kind]}) s`;
const PROCESS_SQL: Record<ThemeScopeKind, string> = {
  proposal: 'SELECT process_id FROM proposal WHERE id = $1',
  meeting: 'SELECT process_id FROM meeting WHERE id = $1',
  process: 'SELECT id AS process_id FROM process WHERE id = $1',
  pillar: 'SELECT process_id FROM pillar WHERE id = $1',
};

const laneOf = (kind: ThemeScopeKind): ThemeLane => (kind === 'process' || kind === 'pillar' ? 'bulk' : 'live');

/**
 * Builds the themes of a scope from its visible comments (no access checks: ThemeService and the
 * realtime listener check them). The tokenising and clustering run in the theme worker (ThemePool),
 * which keeps each comment's terms and each scope's clustering models, so that a new comment only
 * joins the nearest theme (libs/domain themes/model.ts); terms are also kept in the database
 * (comment_terms), so a restarted server does not tokenise again. A scope's themes are cached here
 * until its comments or edits change; when the worker fails or times out, the last good themes
 * stay (docs/analytics.md § Live updates).
 */
@Injectable()
export class ThemeEngine {
  private readonly logger = new Logger('Themes');
  private readonly built = new Map<string, { fingerprint: string; result: ScopedThemes }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pool: ThemePool,
  ) {}

  async processOf(scope: ThemeScope, em: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row] = await em.query<{ process_id: string }[]>(PROCESS_SQL[scope.kind], [scope.id]);
    return row?.process_id ?? null;
  }

  async themes(scope: ThemeScope, em: EntityManager = this.dataSource.manager): Promise<ScopedThemes | null> {
    const processId = await this.processOf(scope, em);
    if (!processId) return null;
    const [[columns], edits] = await Promise.all([
      em.query<(ScopeColumns & { fingerprint: string | null })[]>(COLUMNS_SQL(scope.kind), [scope.id]),
      em.find(ThemeEditEntity, { where: { scope: scopeKey(scope) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    const { fingerprint: md5, ...scopeColumns } = columns as ScopeColumns & { fingerprint: string | null };
    const fingerprint = `${md5 ?? ''}${scopeColumns.n}:${edits.map((e) => e.id).join(',')}`;
    const key = scopeKey(scope);
    const cached = this.built.get(key);
    if (cached && cached.fingerprint === fingerprint) return cached.result;
    const labels: Record<string, string> = {};
    const merges: string[][] = [];
    for (const e of edits) {
      if (e.kind === 'RENAME' && e.label) labels[e.themeId] = e.label;
      if (e.kind === 'MERGE') merges.push(e.themeIds);
    }
    let themes: Theme[];
    try {
      themes = scopeColumns.n === 0 ? [] : await this.compute(key, laneOf(scope.kind), { key, scope: scopeColumns, options: { idPrefix: `${key}~`, merges, labels }, terms: [], bodies: [] }, em);
    } catch (e) {
      // The last good themes stay (a worker that failed, timed out or is shutting down).
      if (cached) {
        this.logger.warn(`themes of ${key} kept from before: ${e instanceof Error ? e.message : String(e)}`);
        return cached.result;
      }
      throw e;
    }
    const result = { processId, themes };
    if (this.built.size >= THEME_CACHE_LIMIT) this.built.delete(this.built.keys().next().value as string);
    this.built.set(key, { fingerprint, result });
    return result;
  }

  /**
   * Asks the worker; when it lacks some comments' terms (a new comment, a fresh worker), sends
   * the stored ones and, for comments never tokenised, their bodies, then keeps the new terms.
   */
  private async compute(key: string, lane: ThemeLane, input: ThemeJobInput, em: EntityManager): Promise<Theme[]> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const reply = await this.pool.run(lane, input);
      if (reply.ok === false) throw new Error(reply.message);
      if (reply.newTerms) await this.keepTerms(reply.newTerms);
      if (reply.ok === true) return reply.themes;
      input = { ...input, ...(await this.termsOrBodies(reply.missing, em)) };
    }
    throw new Error(`the theme worker kept missing terms of ${key}`);
  }

  /** Stored terms of the current version as JSON chunks, and bodies of the comments without them. */
  private async termsOrBodies(ids: string[], em: EntityManager): Promise<{ terms: string[]; bodies: string[] }> {
    const terms: string[] = [];
    const bodies: string[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const [row] = await em.query<{ terms: string | null; bodies: string | null }[]>(
        `SELECT (SELECT json_agg(json_build_array(t.comment_id, t.terms))::text FROM comment_terms t WHERE t.comment_id = ANY ($1::uuid[]) AND t.version = $2) AS terms,
                (SELECT json_agg(json_build_array(c.id, c.body))::text FROM comment c WHERE c.id = ANY ($1::uuid[])
                    AND NOT EXISTS (SELECT 1 FROM comment_terms t WHERE t.comment_id = c.id AND t.version = $2)) AS bodies`,
        [chunk, THEME_TERMS_VERSION],
      );
      if (row?.terms) terms.push(row.terms);
      if (row?.bodies) bodies.push(row.bodies);
    }
    return { terms, bodies };
  }

  /**
   * Keeps terms the worker computed (JSON `[[commentId, [term, …]], …]`), replacing another version's.
   * On its own connection, never the caller's `em`: that may be a read-only snapshot (the minutes'),
   * where a write would abort the whole transaction.
   */
  private async keepTerms(json: string): Promise<void> {
    // Only a speed-up for the next start: a failure here never fails the themes.
    await this.dataSource.query(
      `INSERT INTO comment_terms (comment_id, terms, version)
       SELECT (x ->> 0)::uuid, ARRAY(SELECT json_array_elements_text(x -> 1)), $2 FROM json_array_elements($1::json) x
           WHERE EXISTS (SELECT 1 FROM comment c WHERE c.id = (x ->> 0)::uuid)
       ON CONFLICT (comment_id) DO UPDATE SET terms = EXCLUDED.terms, version = EXCLUDED.version`,
      [json, THEME_TERMS_VERSION],
    ).catch((e: unknown) => this.logger.warn(`keeping comment terms failed: ${e instanceof Error ? e.message : String(e)}`));
  }
}
