import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sector, Stance } from '@yoriai/domain';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { RequestContext } from '../../common/auth/viewer';
import { ParticipantKind } from '../participant/participant.model';
import { CommentModel } from './comment.model';

/** All comments of one proposal as the viewer sees them, grouped by parent ('' = top level), each group oldest first. */
export interface Thread {
  children: ReadonlyMap<string, ReadonlyArray<CommentModel>>;
  size: number;
}

interface Loaders {
  threads: DataLoader<string, Thread>;
  byId: DataLoader<string, CommentModel | null>;
  counts: DataLoader<string, number>;
  /** Proposals whose thread this request reads (their count is the thread's size). */
  threadsAsked: Set<string>;
  moderator: Map<string, Promise<boolean>>;
}

export const TOP_LEVEL = '';

/** A comment row with what the schema asks of a comment: its process, its author as others see them (toPublicAuthor). */
export interface CommentRow {
  id: string;
  proposal_id: string;
  parent_id: string | null;
  author_id: string;
  sector: string;
  stance: string;
  body: string;
  proposal_version: number;
  hidden_at: Date | null;
  hidden_reason: string | null;
  created_at: Date;
  process_id: string;
  display_name: string;
  kind: string;
  locale: string;
  organization: string | null;
  reply_count?: number;
}

// The author's organisation is the one they represent in the process (membership), else their profile's
// (toPublicAuthor); private profile fields are never read.
const COMMENT_COLUMNS = `c.id, c.proposal_id, c.parent_id, c.author_id, c.sector, c.stance, c.body, c.proposal_version, c.hidden_at, c.hidden_reason, c.created_at,
  pr.process_id, a.display_name, a.kind, a.locale, COALESCE(m.organization, a.organization) AS organization`;
const COMMENT_JOINS = `JOIN proposal pr ON pr.id = c.proposal_id
  JOIN participant a ON a.id = c.author_id
  LEFT JOIN membership m ON m.process_id = pr.process_id AND m.participant_id = c.author_id`;

/**
 * Comments by id with their authors and reply counts, on the given connection: a mutation reads its
 * answer inside its own transaction, so a comment acknowledged is never lost to a database that goes
 * away right after COMMIT (the answer needs no read after it).
 */
export function commentRows(db: Pick<EntityManager, 'query'>, ids: ReadonlyArray<string>): Promise<CommentRow[]> {
  return db.query(
    `SELECT ${COMMENT_COLUMNS}, (SELECT count(*)::int FROM comment r WHERE r.proposal_id = c.proposal_id AND r.parent_id = c.id) AS reply_count
     FROM comment c ${COMMENT_JOINS} WHERE c.id = ANY($1::uuid[])`,
    [[...ids]],
  );
}

/**
 * Request-scoped reads of comments as the viewer sees them. A proposal's comments are read in one
 * query together with their authors and the tree is built in memory, so a page of 200 comments
 * with their replies is one query, never one per comment; every comment comes out as a plain
 * CommentModel whose body (moderation applied), author and replyCount are already there, so
 * graphql-js completes them without a resolver call or a promise per field. Nothing outlives the
 * request.
 */
@Injectable()
export class CommentThreadLoader {
  private readonly perRequest = new WeakMap<object, Loaders>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  thread(ctx: RequestContext, proposalId: string): Promise<Thread> {
    const l = this.loaders(ctx);
    l.threadsAsked.add(proposalId);
    return l.threads.load(proposalId);
  }

  /** One comment as the viewer sees it (null if there is none); batched with its siblings. */
  comment(ctx: RequestContext, id: string): Promise<CommentModel | null> {
    return this.loaders(ctx).byId.load(id);
  }

  /** A row already read (commentRows) as the viewer sees it, e.g. the answer of a mutation. */
  async seen(ctx: RequestContext, row: CommentRow): Promise<CommentModel> {
    const [model] = await this.toModels(ctx, [row], (r) => r.reply_count ?? 0);
    return model as CommentModel;
  }

  /**
   * Number of comments of a proposal (hidden ones included: they keep their place). When the same
   * request reads the proposal's thread (a proposal page asks for commentCount and comments
   * together), the thread's size is the answer and no count query is sent.
   */
  count(ctx: RequestContext, proposalId: string): Promise<number> {
    return this.loaders(ctx).counts.load(proposalId);
  }

  /** The viewer was just found allowed to hide comments in the process (inside hideComment's transaction): no read after COMMIT. */
  knownModerator(ctx: RequestContext, processId: string): void {
    this.loaders(ctx).moderator.set(processId, Promise.resolve(true));
  }

  /** Whether the viewer may hide comments in the process, and so read hidden bodies. */
  mayModerate(ctx: RequestContext, processId: string): Promise<boolean> {
    const cache = this.loaders(ctx).moderator;
    let answer = cache.get(processId);
    if (!answer) {
      answer = this.access.allowed(ctx.viewer, processId, 'comment.hide');
      cache.set(processId, answer);
    }
    return answer;
  }

  /**
   * The rows as the viewer sees them. The moderation rule is the one place a comment depends on the
   * viewer: a hidden comment's body only to those who may hide comments (asked once per process, and
   * only when something is hidden).
   */
  private async toModels(ctx: RequestContext, rows: CommentRow[], replyCount: (r: CommentRow) => number): Promise<CommentModel[]> {
    const moderates = new Map<string, boolean>();
    for (const r of rows) {
      if (r.hidden_at != null && !moderates.has(r.process_id)) moderates.set(r.process_id, await this.mayModerate(ctx, r.process_id));
    }
    return rows.map((r) => ({
      id: r.id,
      proposalId: r.proposal_id,
      parentId: r.parent_id,
      stance: r.stance as Stance,
      hidden: r.hidden_at != null,
      hiddenReason: r.hidden_reason,
      hiddenAt: r.hidden_at,
      authorSector: r.sector as Sector,
      proposalVersion: r.proposal_version,
      createdAt: r.created_at,
      body: r.hidden_at == null || moderates.get(r.process_id) ? r.body : null,
      author: { id: r.author_id, displayName: r.display_name, kind: r.kind as ParticipantKind, organization: r.organization, email: null, ageBand: null, gender: null, locale: r.locale },
      replyCount: replyCount(r),
      processId: r.process_id,
    }));
  }

  private loaders(ctx: RequestContext): Loaders {
    let l = this.perRequest.get(ctx);
    if (!l) {
      l = {
        threads: new DataLoader(async (ids) => {
          const rows: CommentRow[] = await this.dataSource.query(
            `SELECT ${COMMENT_COLUMNS} FROM comment c ${COMMENT_JOINS} WHERE c.proposal_id = ANY($1::uuid[]) ORDER BY c.created_at, c.id`,
            [[...ids]],
          );
          const replies = new Map<string, number>();
          for (const r of rows) if (r.parent_id) replies.set(r.parent_id, (replies.get(r.parent_id) ?? 0) + 1);
          const comments = await this.toModels(ctx, rows, (r) => replies.get(r.id) ?? 0);
          const byProposal = new Map<string, Map<string, CommentModel[]>>(ids.map((id) => [id, new Map()]));
          const sizes = new Map<string, number>();
          for (const c of comments) {
            const groups = byProposal.get(c.proposalId) as Map<string, CommentModel[]>;
            const key = c.parentId ?? TOP_LEVEL;
            const group = groups.get(key);
            if (group) group.push(c);
            else groups.set(key, [c]);
            sizes.set(c.proposalId, (sizes.get(c.proposalId) ?? 0) + 1);
          }
          for (const c of comments) c.loadedReplies = byProposal.get(c.proposalId)?.get(c.id) ?? [];
          return ids.map((id) => ({ children: byProposal.get(id) as Map<string, CommentModel[]>, size: sizes.get(id) ?? 0 }));
        }),
        byId: new DataLoader(async (ids) => {
          const rows = await commentRows(this.dataSource, ids);
          const byId = new Map((await this.toModels(ctx, rows, (r) => r.reply_count ?? 0)).map((c) => [c.id, c]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
        // Dispatched after every field of the frame has asked (DataLoader batches a frame of execution),
        // so a thread asked for beside the count is known here.
        counts: new DataLoader(async (ids) => {
          const threads = (this.perRequest.get(ctx) as Loaders).threadsAsked;
          const rest = ids.filter((id) => !threads.has(id));
          const rows: Array<{ proposal_id: string; n: number }> = rest.length
            ? await this.dataSource.query('SELECT proposal_id, COUNT(*)::int AS n FROM comment WHERE proposal_id = ANY($1::uuid[]) GROUP BY proposal_id', [rest])
            : [];
          const byId = new Map(rows.map((r) => [r.proposal_id, r.n]));
          return Promise.all(ids.map(async (id) => (threads.has(id) ? (await this.thread(ctx, id)).size : (byId.get(id) ?? 0))));
        }),
        threadsAsked: new Set(),
        moderator: new Map(),
      };
      this.perRequest.set(ctx, l);
    }
    return l;
  }
}
