import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'REVOKED';

/**
 * An organiser's invitation of an e-mail address into a process with a role and sector. Inviting
 * answers the same whether or not the address has an account; the person sees it in
 * `myInvitations` once signed in with that address, and accepts or declines (finding 9).
 */
@Entity('invitation')
@Index('ix_invitation_email', ['emailLower'])
@Index('ix_invitation_process', ['processId'])
// One open invitation per address and process: inviting again updates it.
@Index('uq_invitation_pending', ['processId', 'emailLower'], { unique: true, where: "status = 'PENDING'" })
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  processId: string;

  @Column({ type: 'varchar', length: 320 })
  emailLower: string;

  @Column({ type: 'varchar', length: 20 })
  role: string;

  @Column({ type: 'varchar', length: 20 })
  sector: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organization: string | null;

  @Column({ type: 'varchar', length: 10, default: 'PENDING' })
  status: InvitationStatus;

  @Column({ type: 'uuid' })
  invitedById: string;

  @Column({ type: 'uuid', nullable: true })
  respondedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;
}
