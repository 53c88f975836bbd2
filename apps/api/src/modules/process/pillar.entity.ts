import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProcessEntity } from './process.entity';

@Entity('pillar')
@Index('ix_pillar_process_position', ['processId', 'position'])
export class PillarEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  processId: string;

  @ManyToOne(() => ProcessEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id' })
  process?: ProcessEntity;

  @Column({ type: 'int' })
  position: number;

  /** Key of a default 地方創生2.0 pillar (libs/domain DEFAULT_PILLARS), null for added pillars. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  key: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  titleEn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
