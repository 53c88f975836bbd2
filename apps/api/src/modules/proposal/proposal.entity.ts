import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ParticipantEntity } from '../participant/participant.entity';
import { PillarEntity } from '../process/pillar.entity';
import { ProcessEntity } from '../process/process.entity';

export interface Kpi {
  indicator: string;
  baseline?: string | null;
  target: string;
  deadline?: string | null;
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

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientRequestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
