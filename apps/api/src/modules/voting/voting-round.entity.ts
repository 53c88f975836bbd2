import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProposalEntity } from '../proposal/proposal.entity';

export interface RoundParams {
  threshold: number;
  quorum: number;
  minSectors: number;
}

/** A voting round on one proposal version. At most one OPEN round per proposal. */
@Entity('voting_round')
@Index('uq_voting_round_open', ['proposalId'], { unique: true, where: "status = 'OPEN'" })
@Index('ix_voting_round_process', ['processId'])
export class VotingRoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: ProposalEntity;

  @Column({ type: 'uuid' })
  processId: string;

  @Column({ type: 'int' })
  proposalVersion: number;

  @Column({ type: 'varchar', length: 20 })
  rule: string;

  @Column({ type: 'jsonb' })
  params: RoundParams;

  @Column({ type: 'varchar', length: 10 })
  ballot: string;

  @Column({ type: 'varchar', length: 10, default: 'OPEN' })
  status: 'OPEN' | 'CLOSED';

  @Column({ type: 'uuid' })
  openedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedById: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordId: string | null;
}
