import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('process')
export class ProcessEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 20, default: 'CROSS_SECTOR' })
  defaultRule: string;

  @Column({ type: 'varchar', length: 10, default: 'OPEN' })
  defaultBallot: string;

  /** Whether dissenting voters are named in records and minutes (open ballots only). */
  @Column({ type: 'boolean', default: true })
  dissentNamed: boolean;

  /** Organiser's representation targets per sector (share 0–1); null = equal over the six sectors. */
  @Column({ type: 'jsonb', nullable: true })
  representationTargets: Record<string, number> | null;

  /** The organiser's switch for the public read-only progress page (/p/:id/progress); off by default. */
  @Column({ type: 'boolean', default: false })
  progressPublic: boolean;

  /** The region the process serves (e.g. 「秋田県北秋田市」), named as the source of shared practice. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  region: string | null;

  /** Last consensus-record seq; the row is locked while a record is appended so the chain stays linear. */
  @Column({ type: 'int', default: 0 })
  recordSeq: number;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
