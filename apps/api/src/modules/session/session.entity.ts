import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ParticipantEntity } from '../participant/participant.entity';

/**
 * A signed-in session. The session JWT names it (`sid`), and every request and socket subscribe
 * checks that it is still active, so signOut, removal and "sign out everywhere" take effect at once
 * instead of when the token expires (docs/security.md, finding 4).
 */
@Entity('session')
@Index('ix_session_participant', ['participantId'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantEntity;

  @Column({ type: 'varchar', length: 10 })
  kind: 'ACCOUNT' | 'GUEST';

  /** Guests: the one process they may act in. */
  @Column({ type: 'uuid', nullable: true })
  scopeProcessId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** SIGN_OUT, SIGN_OUT_EVERYWHERE, MEMBER_REMOVED … */
  @Column({ type: 'varchar', length: 30, nullable: true })
  revokedReason: string | null;
}
