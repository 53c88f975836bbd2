import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { CommentEntity } from '../comment/comment.entity';

/**
 * A comment's index terms for themes (libs/domain termsOf), computed once — in the theme worker, the
 * first time a scope holding the comment is clustered — and kept, so that a restarted server does
 * not tokenise its comments again. Comments are never edited; `version` is THEME_TERMS_VERSION when
 * the terms were computed, and terms of another version are computed again.
 */
@Entity('comment_terms')
export class CommentTermsEntity {
  @PrimaryColumn({ type: 'uuid' })
  commentId: string;

  @OneToOne(() => CommentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id' })
  comment?: CommentEntity;

  @Column({ type: 'text', array: true })
  terms: string[];

  @Column({ type: 'int' })
  version: number;
}
