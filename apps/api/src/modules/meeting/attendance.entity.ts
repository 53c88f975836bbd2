import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('attendance')
@Index('uq_attendance_meeting_participant', ['meetingId', 'participantId'], { unique: true })
// A retried joinMeeting (same clientRequestId) finds the guest it created instead of creating another.
@Index('uq_attendance_client_request', ['meetingId', 'clientRequestId'], { unique: true, where: 'client_request_id IS NOT NULL' })
export class AttendanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'varchar', length: 20 })
  sector: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientRequestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt: Date;
}
