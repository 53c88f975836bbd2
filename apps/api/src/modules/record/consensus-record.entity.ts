import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An immutable consensus record (合意記録). `body` is exactly what was hashed:
 * hash = sha256(canonicalJson({ body, prevHash })) (libs/domain hashRecord). The other columns
 * are copies of body fields for querying; verifyRecordChain recomputes from `body` and checks
 * the copies agree.
 */
@Entity('consensus_record')
@Index('uq_consensus_record_seq', ['processId', 'seq'], { unique: true })
@Index('ix_consensus_record_proposal', ['proposalId'])
export class ConsensusRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  processId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'uuid' })
  proposalId: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @Column({ type: 'int' })
  proposalVersion: number;

  @Column({ type: 'char', length: 64 })
  proposalHash: string;

  @Column({ type: 'varchar', length: 20 })
  rule: string;

  @Column({ type: 'varchar', length: 20 })
  outcome: string;

  @Column({ type: 'jsonb' })
  body: Record<string, unknown>;

  @Column({ type: 'char', length: 64, nullable: true })
  prevHash: string | null;

  @Column({ type: 'char', length: 64 })
  hash: string;

  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @Column({ type: 'uuid', nullable: true })
  facilitatorId: string | null;

  @Column({ type: 'timestamptz' })
  decidedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
