import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only history of every vote cast. The (participant, clientRequestId) key makes a retried
 * request land exactly once; a retry of an older request never overwrites a newer vote.
 */
@Entity('vote_event')
@Index('uq_vote_event_request', ['roundId', 'participantId', 'clientRequestId'], { unique: true })
@Index('ix_vote_event_round', ['roundId'])
export class VoteEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'varchar', length: 20 })
  sector: string;

  @Column({ type: 'varchar', length: 10 })
  choice: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'boolean', default: false })
  proxy: boolean;

  @Column({ type: 'uuid', nullable: true })
  enteredById: string | null;

  @Column({ type: 'varchar', length: 64 })
  clientRequestId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
