import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One dated value of a tracked KPI (a decided proposal's KPI). Never edited: a correction is a new
 * row for the same date that names the row it supersedes; the latest row per date counts
 * (libs/domain currentMeasurements) and every row stays as history (and in the audit log).
 */
@Entity('kpi_measurement')
@Index('ix_kpi_measurement_kpi', ['kpiId', 'measuredAt'])
@Index('ix_kpi_measurement_process', ['processId', 'createdAt'])
export class KpiMeasurementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  processId: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  /** '<proposal id>:<n>' (libs/domain kpiIdOf). */
  @Column({ type: 'varchar', length: 80 })
  kpiId: string;

  @Column({ type: 'double precision' })
  value: number;

  @Column({ type: 'date' })
  measuredAt: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  source: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  /** The measuring member's sector in the process (who reported it, without naming them). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  sector: string | null;

  /** The earlier entry for the same date that this one corrects. */
  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
