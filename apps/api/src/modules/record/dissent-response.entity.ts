import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The dissent register: a written response to one dissent item of a record. Dissent items
 * themselves live inside the immutable record body; responses come later and are kept here.
 */
@Entity('dissent_response')
@Index('uq_dissent_response', ['recordId', 'dissentId'], { unique: true })
export class DissentResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  recordId: string;

  /** Id of the dissent item within the record body. */
  @Column({ type: 'varchar', length: 64 })
  dissentId: string;

  @Column({ type: 'text' })
  response: string;

  @Column({ type: 'uuid' })
  respondedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  respondedAt: Date;
}
