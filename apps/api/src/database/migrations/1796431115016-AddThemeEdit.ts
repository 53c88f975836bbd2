import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddThemeEdit1796431115016 implements MigrationInterface {
  name = 'AddThemeEdit1796431115016';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"theme_edit\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"process_id\" uuid NOT NULL, \"scope\" character varying(100) NOT NULL, \"kind\" character varying(10) NOT NULL, \"theme_id\" character varying(120) NOT NULL, \"label\" character varying(200), \"theme_ids\" jsonb NOT NULL DEFAULT '[]', \"actor_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_e8470fd82f01311f45a98160c47\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_theme_edit_scope\" ON \"theme_edit\"  (\"scope\", \"created_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_theme_edit_scope\"");
    await queryRunner.query("DROP TABLE \"theme_edit\"");
  }
}
