import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ParticipantEntity } from '../participant/participant.entity';
import { PillarEntity } from '../process/pillar.entity';
import { ProcessEntity } from '../process/process.entity';

export interface Kpi {
  indicator: string;
  baseline?: string | null;
  target: string;
  deadline?: string | null;
  /** Unit of the KPI's numbers (人, 件, %); absent from KPIs written without one (the content hash omits it then). */
  unit?: string;
}

/** Where an imported template came from (横展開, importPractice). */
export interface ProposalProvenance {
  sourceProcess: string;
  sourceProcessTitle: string;
  region: string | null;
  recordId: string;
  recordHash: string;
  headHash: string;
  verified: boolean;
  /** Why verification failed (libs/domain PracticeCheck); null when verified. */
  verifyReason: string | null;
  importedAt: string;
}

/** The current state of a proposal; every version (amendment) is kept in proposal_version. */
@Entity('proposal')
@Index('ix_proposal_process_pillar', ['processId', 'pillarId'])
@Index('uq_proposal_client_request', ['authorId', 'clientRequestId'], { unique: true, where: 'client_request_id IS NOT NULL' })
export class ProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  processId: string;

  @ManyToOne(() => ProcessEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id' })
  process?: ProcessEntity;

  @Column({ type: 'uuid' })
  pillarId: string;

  @ManyToOne(() => PillarEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pillar_id' })
  pillar?: PillarEntity;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: ParticipantEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'jsonb' })
  kpis: Kpi[];

  @Column({ type: 'varchar', length: 20 })
  status: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  /** A revised plan: the consensus record it revises (its own record will name it in the hashed body). */
  @Column({ type: 'uuid', nullable: true })
  revisesRecordId: string | null;

  /** An imported template (横展開): where it came from and whether its record verified. */
  @Column({ type: 'jsonb', nullable: true })
  provenance: ProposalProvenance | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientRequestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
