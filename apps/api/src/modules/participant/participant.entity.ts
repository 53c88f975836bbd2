import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ParticipantKind = 'ACCOUNT' | 'GUEST';

/** A person: an account (email + password) or a guest who joined one process by code. */
@Entity('participant')
@Index('uq_participant_email', ['emailLower'], { unique: true, where: 'email_lower IS NOT NULL' })
@Index('ix_participant_guest_device', ['guestProcessId', 'deviceId'], { where: 'device_id IS NOT NULL' })
export class ParticipantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  kind: ParticipantKind;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  emailLower: string | null;

  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organization: string | null;

  /** Guests are scoped to the one process whose meeting they joined. */
  @Column({ type: 'uuid', nullable: true })
  guestProcessId: string | null;

  /**
   * Guests: the device that joined (the signed `yoriai_device` cookie). A later join from the same
   * device returns this guest, so one device cannot mint a fresh vote by joining again.
   */
  @Column({ type: 'uuid', nullable: true })
  deviceId: string | null;

  /** Opt-in, self-reported (DESIGN.md §3 inclusion); never required. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  ageBand: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  gender: string | null;

  @Column({ type: 'varchar', length: 5, default: 'ja' })
  locale: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
