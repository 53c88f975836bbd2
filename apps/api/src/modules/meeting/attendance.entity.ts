import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('attendance')
@Index('uq_attendance_meeting_participant', ['meetingId', 'participantId'], { unique: true })
export class AttendanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'varchar', length: 20 })
  sector: string;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt: Date;
}
