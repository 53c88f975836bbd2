import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ParticipantEntity } from '../participant/participant.entity';
import { ProposalEntity } from '../proposal/proposal.entity';

/** A threaded comment with a stance. Moderators hide (with a reason); nothing is deleted. */
@Entity('comment')
@Index('ix_comment_proposal_created', ['proposalId', 'createdAt'])
@Index('uq_comment_client_request', ['authorId', 'clientRequestId'], { unique: true, where: 'client_request_id IS NOT NULL' })
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: ProposalEntity;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => CommentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: CommentEntity | null;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: ParticipantEntity;

  /** The author's sector in the process when the comment was written. */
  @Column({ type: 'varchar', length: 20 })
  sector: string;

  @Column({ type: 'varchar', length: 20 })
  stance: string;

  @Column({ type: 'text' })
  body: string;

  /** The proposal version the comment was written against. */
  @Column({ type: 'int' })
  proposalVersion: number;

  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  hiddenReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  hiddenById: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientRequestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
