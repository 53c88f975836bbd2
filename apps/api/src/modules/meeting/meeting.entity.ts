import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A meeting/workshop (会議・ワークショップ): SCHEDULED → LIVE → ENDED. */
@Entity('meeting')
@Index('ix_meeting_process', ['processId'])
// A join code is unique among live meetings; ended meetings retire theirs (set to null).
@Index('uq_meeting_join_code', ['joinCode'], { unique: true, where: 'join_code IS NOT NULL' })
// A retried createMeeting (same creator, same clientRequestId) returns the stored meeting.
@Index('uq_meeting_client_request', ['createdById', 'clientRequestId'], { unique: true, where: 'client_request_id IS NOT NULL' })
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  processId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'timestamptz', nullable: true })
  startsAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  location: string | null;

  @Column({ type: 'varchar', length: 10, default: 'SCHEDULED' })
  status: 'SCHEDULED' | 'LIVE' | 'ENDED';

  @Column({ type: 'char', length: 6, nullable: true })
  joinCode: string | null;

  /**
   * The QR code's second factor while LIVE (unguessable, 128 bits): a join that carries it is never
   * throttled, so a mistyped-code lock can never keep a hall out (finding 6). Retired with the code.
   */
  @Column({ type: 'varchar', length: 32, nullable: true, select: false })
  joinToken: string | null;

  /** Who may join by code: CODE (anyone, as a guest), MEMBERS_ONLY, CODE_WITH_APPROVAL (a facilitator admits each new guest). */
  @Column({ type: 'varchar', length: 20, default: 'CODE' })
  admission: 'CODE' | 'MEMBERS_ONLY' | 'CODE_WITH_APPROVAL';

  /** How many guests one device may bring in (a shared phone in a family); 1 by default. */
  @Column({ type: 'smallint', default: 1 })
  guestsPerDevice: number;

  @Column({ type: 'uuid', nullable: true })
  currentItemId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  timerEndsAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  facilitatorId: string | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientRequestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
