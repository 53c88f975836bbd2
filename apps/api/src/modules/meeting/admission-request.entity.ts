import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AdmissionStatus = 'PENDING' | 'ADMITTED' | 'DENIED';

/**
 * A newcomer at the door of a CODE_WITH_APPROVAL meeting: who asked, in which sector, and what a
 * facilitator decided. Only an admitted request becomes attendance and a membership, so everything
 * that reads attendance (counts, minutes, analytics) sees admitted people only.
 */
@Entity('admission_request')
@Index('uq_admission_request', ['meetingId', 'participantId'], { unique: true })
@Index('ix_admission_request_pending', ['meetingId'], { where: "status = 'PENDING'" })
export class AdmissionRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'uuid' })
  processId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'varchar', length: 20 })
  sector: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organization: string | null;

  @Column({ type: 'varchar', length: 10, default: 'PENDING' })
  status: AdmissionStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt: Date;
}
