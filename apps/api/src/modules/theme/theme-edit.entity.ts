import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A facilitator's edit of a theme (rename or merge), kept so it applies every time the themes are built. */
@Entity('theme_edit')
@Index('ix_theme_edit_scope', ['scope', 'createdAt'])
export class ThemeEditEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  processId: string;

  /** `proposal:<id>`, `meeting:<id>`, `process:<id>` or `pillar:<id>`. */
  @Column({ type: 'varchar', length: 100 })
  scope: string;

  @Column({ type: 'varchar', length: 10 })
  kind: 'RENAME' | 'MERGE';

  /** RENAME: the theme renamed; MERGE: the theme the others joined. */
  @Column({ type: 'varchar', length: 120 })
  themeId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  label: string | null;

  /** MERGE: every theme of the merge, the kept one first. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  themeIds: string[];

  @Column({ type: 'uuid' })
  actorId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
