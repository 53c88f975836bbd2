import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Kpi, ProposalEntity } from './proposal.entity';

/** One immutable version of a proposal; amendments after OPEN add a row, nothing is overwritten. */
@Entity('proposal_version')
@Index('uq_proposal_version', ['proposalId', 'version'], { unique: true })
export class ProposalVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: ProposalEntity;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'jsonb' })
  kpis: Kpi[];

  /** sha256 of the canonical version content (libs/domain contentHash). */
  @Column({ type: 'char', length: 64 })
  contentHash: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
