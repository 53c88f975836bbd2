import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stableHash } from '@yoriai/domain';
import { room, type RoomName, type ThemeSummary } from '@yoriai/realtime-contract';
import { DataSource } from 'typeorm';
import type { DomainEvent } from '../common/events/domain-events';
import { ThemeEngine, type ThemeScope, type ThemeScopeKind } from '../modules/theme/theme.engine';
import { Coalescer } from './coalescer';
import { LiveServer } from './live.server';

/** A live meeting's panel: ≤ 4 `themes.updated` per second per meeting. */
export const LIVE_THEMES_WINDOW_MS = 250;
/** Process and pillar themes (the analytics page, thousands of comments): ≤ 1 every 2 seconds per scope. */
export const PROCESS_THEMES_WINDOW_MS = 2000;
const LAST_SENT_LIMIT = 2000;

interface CommentScopes {
  status: string;
  process_id: string;
  pillar_id: string;
  meetings: string[];
}

/**
 * Turns committed changes of comments and themes into `themes.updated` (docs/realtime.md), coalesced
 * like `vote.tally`: the trailing send re-reads the scope's themes, so the last event is the truth.
 *
 * | scope            | room     | when                                                                   |
 * |------------------|----------|------------------------------------------------------------------------|
 * | meeting:<id>     | meeting  | a comment written while it ran on an agenda proposal (not a draft)     |
 * | process / pillar | process  | a comment on a proposal that is not a draft; a proposal created or changed |
 * | any of these     | as above | a facilitator renamed or merged its themes                             |
 *
 * A proposal's own themes are read over GraphQL (Proposal.themes): its room stays the comment
 * stream. The scopes' comments are what their rooms' readers may read: a draft's comments are in
 * none of them, hidden comments never count, and representatives go out as ids only (their bodies
 * are read over GraphQL, re-checked there).
 */
@Injectable()
export class ThemesPublisher {
  private readonly logger = new Logger('Themes');
  private stopped = false;
  private reading = 0;
  private readonly lastSent = new Map<string, string>();
  private readonly panels = new Coalescer<string>(LIVE_THEMES_WINDOW_MS, (scope) => this.send(scope), (scope, e) => this.failed(scope, e));
  private readonly slow = new Coalescer<string>(PROCESS_THEMES_WINDOW_MS, (scope) => this.send(scope), (scope, e) => this.failed(scope, e));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: ThemeEngine,
    private readonly live: LiveServer,
  ) {}

  handle(e: DomainEvent): void {
    if (this.stopped) return;
    this.reading += 1;
    this.scopesOf(e)
      .then(
        (scopes) => {
          for (const s of scopes) (s.startsWith('meeting:') ? this.panels : this.slow).trigger(s);
        },
        (err: unknown) => this.failed(e.type, err),
      )
      .finally(() => (this.reading -= 1));
  }

  /** No scope read, send or coalescing window under way (tests that count a request's queries wait for it). */
  get idle(): boolean {
    return this.reading === 0 && this.panels.active === 0 && this.slow.active === 0;
  }

  stop(): void {
    this.stopped = true;
    this.panels.stop();
    this.slow.stop();
  }

  private async scopesOf(e: DomainEvent): Promise<string[]> {
    switch (e.type) {
      case 'comment.created':
      case 'comment.hidden': {
        const [row] = await this.dataSource.query<CommentScopes[]>(
          `SELECT p.status, p.process_id, p.pillar_id,
                  coalesce((SELECT array_agg(DISTINCT m.id::text) FROM meeting m JOIN agenda_item ai ON ai.meeting_id = m.id
                             WHERE p.id = ANY (ai.proposal_ids) AND m.started_at IS NOT NULL
                               AND c.created_at >= m.started_at AND c.created_at <= coalesce(m.ended_at, now())), '{}') AS meetings
             FROM comment c JOIN proposal p ON p.id = c.proposal_id WHERE c.id = $1`,
          [e.commentId],
        );
        if (!row || row.status === 'DRAFT') return [];
        return [...row.meetings.map((m) => `meeting:${m}`), `process:${row.process_id}`, `pillar:${row.pillar_id}`];
      }
      case 'proposal.created':
      case 'proposal.updated': {
        // A draft made public brings its comments into the process's and pillar's themes.
        const [row] = await this.dataSource.query<{ status: string; pillar_id: string }[]>('SELECT status, pillar_id FROM proposal WHERE id = $1', [e.proposalId]);
        return row && row.status !== 'DRAFT' ? [`process:${e.processId}`, `pillar:${row.pillar_id}`] : [];
      }
      case 'theme.edited':
        return e.scope.startsWith('proposal:') ? [] : [e.scope];
      default:
        return [];
    }
  }

  private async send(key: string): Promise<void> {
    const [kind, id] = key.split(':') as [ThemeScopeKind, string];
    const scope: ThemeScope = { kind, id };
    const result = await this.engine.themes(scope);
    if (!result || this.stopped) return;
    // The domain theme without its comment ids: the summary a panel shows.
    const themes: ThemeSummary[] = result.themes.map(({ commentIds, ...summary }) => (void commentIds, summary));
    // Every comment is in exactly one theme (merges join whole themes): the sizes add up to the comments.
    const comments = result.themes.reduce((n, t) => n + t.size, 0);
    // An unchanged list is not sent again (a proposal's status change, a re-read after a no-op).
    const signature = stableHash(JSON.stringify(themes)) + comments;
    const last = this.lastSent.get(key);
    if (last === signature || (last === undefined && themes.length === 0)) return;
    if (this.lastSent.size >= LAST_SENT_LIMIT) this.lastSent.delete(this.lastSent.keys().next().value as string);
    this.lastSent.set(key, signature);
    const target: RoomName = kind === 'meeting' ? room.meeting(id) : room.process(result.processId);
    await this.live.emitToRoom(target, 'themes.updated', { scope: key, comments, themes });
  }

  private failed(what: string, e: unknown): void {
    if (this.stopped) return;
    this.logger.error(`themes.updated for ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
