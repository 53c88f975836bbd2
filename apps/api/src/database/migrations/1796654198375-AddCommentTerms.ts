import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCommentTerms1796654198375 implements MigrationInterface {
  name = 'AddCommentTerms1796654198375';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"comment_terms\" (\"comment_id\" uuid NOT NULL, \"terms\" text array NOT NULL, \"version\" integer NOT NULL, CONSTRAINT \"PK_d6decc666f60750367eb9036cc0\" PRIMARY KEY (\"comment_id\"))");
    await queryRunner.query("ALTER TABLE \"comment_terms\" ADD CONSTRAINT \"FK_d6decc666f60750367eb9036cc0\" FOREIGN KEY (\"comment_id\") REFERENCES \"comment\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"comment_terms\" DROP CONSTRAINT \"FK_d6decc666f60750367eb9036cc0\"");
    await queryRunner.query("DROP TABLE \"comment_terms\"");
  }
}
