import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Someone an organiser took off a process. Kept so that removal means removed on every path: the
 * old token answers FORBIDDEN (not "not a member", which would invite a re-join), and a join by code
 * is refused. Adding or inviting the person again deletes the row (docs/security.md, finding 1).
 */
@Entity('membership_removal')
@Index('uq_membership_removal', ['processId', 'participantId'], { unique: true })
export class MembershipRemovalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  processId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'uuid' })
  removedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  removedAt: Date;
}
