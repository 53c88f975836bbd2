import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { VotingRoundEntity } from './voting-round.entity';

/**
 * A participant's current vote in a round (upserted). Every cast, including changes, is also kept
 * in vote_event, so history is never overwritten.
 */
@Entity('vote')
@Index('uq_vote_round_participant', ['roundId', 'participantId'], { unique: true })
export class VoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => VotingRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: VotingRoundEntity;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'varchar', length: 20 })
  sector: string;

  @Column({ type: 'varchar', length: 10 })
  choice: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Entered by a facilitator from a paper ballot. */
  @Column({ type: 'boolean', default: false })
  proxy: boolean;

  @Column({ type: 'uuid', nullable: true })
  enteredById: string | null;

  /** The vote_event that produced the current state (its id grows monotonically). */
  @Column({ type: 'bigint' })
  eventId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
