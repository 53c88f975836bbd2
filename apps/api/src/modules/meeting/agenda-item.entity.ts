import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('agenda_item')
@Index('ix_agenda_item_meeting', ['meetingId', 'position'])
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'uuid', nullable: true })
  pillarId: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  proposalIds: string[];

  @Column({ type: 'int', nullable: true })
  plannedMinutes: number | null;

  /** The secretariat's summary of the discussion of this item (議事概要). */
  @Column({ type: 'text', default: '' })
  summary: string;
}
