import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { can, STATUS_LABELS, type ProposalStatus } from '@yoriai/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { badInput, conflict, Errors, forbidden } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { clientRequestReused } from '../proposal/proposal-content';
import { ProposalQueryService } from '../proposal/proposal-query.service';
import { ProposalEntity } from '../proposal/proposal.entity';
import { isUniqueViolation } from '../proposal/proposal.mapper';
import { CommentEntity } from './comment.entity';
import { commentRows, type CommentRow } from './comment-thread.loader';
import type { AddCommentInput } from './dto/comment.input';

const COMMENT = { ja: 'コメント', en: 'The comment' };

/** Discussion happens while a proposal is open and while it is being voted on. */
const COMMENTABLE: ReadonlyArray<ProposalStatus> = ['OPEN', 'VOTING'];

export interface StoredComment {
  comment: CommentEntity;
  processId: string;
  /** The comment with its author, read in the same transaction: the answer needs no read after COMMIT. */
  row: CommentRow;
}

/** The stored comment with the row of its answer, read on the writing transaction's connection. */
async function withRow(em: EntityManager, comment: CommentEntity, processId: string): Promise<StoredComment> {
  const [row] = await commentRows(em, [comment.id]);
  if (!row) throw new Error(`comment ${comment.id} was not found after it was stored`);
  return { comment, processId, row };
}

@Injectable()
export class CommentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly proposals: ProposalQueryService,
  ) {}

  /**
   * Adds a comment or a reply. The author's current sector and the proposal's current version
   * are stored with it, so later membership changes or amendments do not rewrite history.
   */
  async add(viewer: Viewer, input: AddCommentInput): Promise<StoredComment> {
    if (!input.body.trim()) throw badInput('BODY_REQUIRED', 'コメントを入力してください。', 'Enter a comment.');
    const requestId = input.clientRequestId ?? null;
    try {
      return await this.tx.run(async (em, emit) => {
        // FOR SHARE: comments do not wait for each other, but a status change waits for them (and vice versa).
        const { proposal, access } = await this.proposals.requireVisible(viewer, input.proposalId, em, 'pessimistic_read');
        if (!can(access.role, 'comment.add')) {
          throw forbidden('ROLE_NOT_ALLOWED', 'この操作（comment.add）は現在の役割では行えません。', `Your role (${access.role}) may not do this (comment.add).`, {
            action: 'comment.add',
            role: access.role,
          });
        }
        if (requestId) {
          const stored = await this.stored(em, viewer, requestId, proposal, input);
          if (stored) return stored;
        }
        const status = proposal.status as ProposalStatus;
        if (!COMMENTABLE.includes(status)) {
          throw conflict(
            'PROPOSAL_NOT_OPEN',
            `「${STATUS_LABELS[status].ja}」の提案にはコメントできません（議論中・採決中のみ）。`,
            `Comments are closed while the proposal is "${STATUS_LABELS[status].en}" (they are taken while it is open for discussion or voting).`,
            { status },
          );
        }
        if (input.parentId) await this.assertParent(em, input.parentId, proposal.id);
        const comment = await em.save(
          em.create(CommentEntity, {
            proposalId: proposal.id,
            parentId: input.parentId ?? null,
            authorId: viewer.participantId,
            sector: access.membership.sector,
            stance: input.stance,
            body: input.body,
            proposalVersion: proposal.version,
            hiddenAt: null,
            hiddenReason: null,
            hiddenById: null,
            clientRequestId: requestId,
          }),
        );
        await this.audit.record(em, {
          processId: proposal.processId,
          actorId: viewer.participantId,
          action: 'comment.add',
          targetType: 'comment',
          targetId: comment.id,
          data: { proposalId: proposal.id, parentId: comment.parentId, stance: comment.stance, proposalVersion: comment.proposalVersion },
        });
        emit({ type: 'comment.created', processId: proposal.processId, proposalId: proposal.id, commentId: comment.id });
        return withRow(em, comment, proposal.processId);
      });
    } catch (e) {
      // Concurrent retries: the unique index admitted exactly one; answer with it.
      if (requestId && isUniqueViolation(e, 'uq_comment_client_request')) {
        const proposal = await this.dataSource.manager.findOneByOrFail(ProposalEntity, { id: input.proposalId });
        const stored = await this.stored(this.dataSource.manager, viewer, requestId, proposal, input);
        if (stored) return stored;
      }
      throw e;
    }
  }

  /** Hides a comment with a reason shown to everyone; the text is kept for moderators and the record. */
  async hide(viewer: Viewer, commentId: string, reason: string): Promise<StoredComment> {
    const why = reason.trim();
    if (!why) throw badInput('REASON_REQUIRED', '非表示にする理由を入力してください。', 'Give a reason for hiding the comment.');
    return this.tx.run(async (em, emit) => {
      const comment = await em.createQueryBuilder(CommentEntity, 'c').setLock('pessimistic_write').where('c.id = :id', { id: commentId }).getOne();
      if (!comment) throw Errors.notFound(COMMENT);
      const { processId } = await em.findOneByOrFail(ProposalEntity, { id: comment.proposalId });
      await this.access.require(viewer, processId, 'comment.hide', em);
      if (comment.hiddenAt) {
        throw conflict('ALREADY_HIDDEN', 'このコメントは既に非表示です。', 'This comment is already hidden.', { hiddenAt: comment.hiddenAt.toISOString() });
      }
      comment.hiddenAt = new Date();
      comment.hiddenReason = why;
      comment.hiddenById = viewer.participantId;
      const saved = await em.save(comment);
      await this.audit.record(em, { processId, actorId: viewer.participantId, action: 'comment.hide', targetType: 'comment', targetId: comment.id, data: { proposalId: comment.proposalId, reason: why } });
      emit({ type: 'comment.hidden', processId, proposalId: comment.proposalId, commentId: comment.id });
      return withRow(em, saved, processId);
    });
  }

  private async assertParent(em: EntityManager, parentId: string, proposalId: string): Promise<void> {
    const parent = await em.findOne(CommentEntity, { where: { id: parentId } });
    // A comment of another proposal (or an unknown id) gets the same answer as a typo.
    if (!parent || parent.proposalId !== proposalId) {
      throw badInput('PARENT_NOT_IN_PROPOSAL', '返信先のコメントはこの提案にありません。', 'The comment you reply to does not belong to this proposal.');
    }
    if (parent.hiddenAt) throw conflict('PARENT_HIDDEN', '非表示にされたコメントには返信できません。', 'You cannot reply to a hidden comment.');
  }

  /** The comment an earlier attempt with this clientRequestId stored, if any. */
  private async stored(em: EntityManager, viewer: Viewer, clientRequestId: string, proposal: ProposalEntity, input: AddCommentInput): Promise<StoredComment | null> {
    const c = await em.findOne(CommentEntity, { where: { authorId: viewer.participantId, clientRequestId } });
    if (c && c.proposalId !== proposal.id) throw clientRequestReused();
    // Another text, stance or parent under the same id is a new comment, not a retry (finding 8).
    if (c && (c.body !== input.body || c.stance !== input.stance || (c.parentId ?? null) !== (input.parentId ?? null))) throw clientRequestReused();
    return c ? withRow(em, c, proposal.processId) : null;
  }
}
