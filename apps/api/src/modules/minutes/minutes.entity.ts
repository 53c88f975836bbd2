import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Minutes (議事録) of a meeting: DRAFT → FINAL; a final one is locked and carries its hash. */
@Entity('minutes')
@Index('uq_minutes_meeting', ['meetingId'], { unique: true })
export class MinutesEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'varchar', length: 10, default: 'DRAFT' })
  status: 'DRAFT' | 'FINAL';

  @Column({ type: 'text', default: '' })
  summary: string;

  /** Frozen minutes content (JSON) at finalisation; exports of a final document use it. */
  @Column({ type: 'jsonb', nullable: true })
  finalContent: Record<string, unknown> | null;

  @Column({ type: 'char', length: 64, nullable: true })
  contentHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  finalizedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  finalizedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
