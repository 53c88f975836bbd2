import type { ActionItemStatus } from '@yoriai/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('action_item')
@Index('ix_action_item_record', ['recordId'])
@Index('ix_action_item_process', ['processId'])
export class ActionItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  recordId: string;

  @Column({ type: 'uuid' })
  processId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  ownerOrganization: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  ownerSector: string | null;

  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  kpi: string | null;

  /** PLANNED, IN_PROGRESS, DONE, DELAYED or DROPPED (libs/domain roadmap); rows written as OPEN were migrated to PLANNED. */
  @Column({ type: 'varchar', length: 12, default: 'PLANNED' })
  status: ActionItemStatus;

  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  /** 0–100; DONE is 100. */
  @Column({ type: 'int', default: 0 })
  progress: number;

  /** Why the item is DELAYED or DROPPED (or was reopened); required for those changes. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  statusReason: string | null;

  /** The tracked KPI this milestone serves ('<proposal id>:<n>', see delivery/kpi-id.ts). */
  @Column({ type: 'varchar', length: 80, nullable: true })
  kpiId: string | null;

  /** When the status last changed (the PDCA review lists items changed since the last meeting). */
  @Column({ type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
